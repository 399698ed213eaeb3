import type { AuthContext } from '../access/auth-context.ts';
import type { AppDeps } from '../app/deps.ts';
import type { SeriesNumbering } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { isUniqueViolation } from '../org/unique-violation.ts';
import type { RosterEntry } from './communities.store.ts';
import { checkPlacement } from './community-guards.ts';
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
  const { capacity } = await checkPlacement(deps, auth, input);
  let seriesId: string;
  try {
    seriesId = (
      await insertSeries(deps.db, {
        ...input,
        roster: input.roster ?? [],
        tenantId,
        nameTemplate: input.nameTemplate.trim(),
        storeId: input.storeId ?? null,
        capacity,
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
