import type { AuthContext } from '../access/auth-context.ts';
import type { AppDeps } from '../app/deps.ts';
import type { SeriesNumbering } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { isUniqueViolation } from '../org/unique-violation.ts';
import type { RosterEntry } from './communities.store.ts';
import { defaultCapacity, findCapacityProblems } from './communities.ts';
import {
  findAccountProblems,
  findRosterProblems,
  findStoreProblems,
  throwIfProblems,
} from './community-guards.ts';
import type { Positioning } from './create-community.ts';
import { openSeriesGroupForCaller } from './open-series-group.ts';
import { findSeries, insertSeries, type SeriesDetail, seriesDetailOf } from './series.store.ts';

export type CreateSeriesInput = Positioning & {
  platformAccountId: string;
  storeId?: string | null;
  nameTemplate: string;
  numbering?: SeriesNumbering;
  capacity?: number;
  /** The staff of every group in the series (copied onto each new group). */
  roster?: RosterEntry[];
};

/**
 * A series and its first group ("<template> A"): opened on the platform when it can, otherwise a
 * 'create_group' task for staff (the group joins the series when its group.created event arrives).
 */
export const createCommunitySeries = async (
  deps: AppDeps,
  auth: AuthContext,
  input: CreateSeriesInput,
): Promise<SeriesDetail> => {
  const { tenantId } = auth;
  throwIfProblems([
    ...(await findStoreProblems(deps.db, auth, input.storeId)),
    ...(await findAccountProblems(deps.db, tenantId, input.platformAccountId)),
    ...(await findRosterProblems(deps.db, tenantId, input.roster ?? [])),
  ]);
  const adapter = await deps.platforms.adapterFor(tenantId, input.platformAccountId);
  throwIfProblems(findCapacityProblems(input.capacity, adapter.capabilities.groupCapacity));
  let seriesId: string;
  try {
    seriesId = (
      await insertSeries(deps.db, {
        ...input,
        roster: input.roster ?? [],
        tenantId,
        nameTemplate: input.nameTemplate.trim(),
        storeId: input.storeId ?? null,
        capacity: input.capacity ?? Math.min(defaultCapacity, adapter.capabilities.groupCapacity),
        createdAt: deps.now(),
      })
    ).id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A series "${input.nameTemplate}" exists`);
    throw error;
  }
  await openSeriesGroupForCaller(deps, { tenantId, seriesId });
  return seriesDetailOf(deps.db, (await findSeries(deps.db, tenantId, seriesId))!);
};
