import type { AppDeps } from '../app/deps.ts';
import { AppError } from '../errors.ts';
import { PlatformError } from '../platforms/platform.ts';
import { createStaffTask } from '../tasks/create-staff-task.ts';
import { insertCommunity, replaceRoster } from './communities.store.ts';
import { canOpenGroups } from './open-platform-group.ts';
import { clearGroupPending, findSeries, listSeriesGroups, type SeriesRow } from './series.store.ts';
import { decideRollover } from './series.ts';

export type OpenSeriesGroupResult =
  | { outcome: 'none' }
  | { outcome: 'created'; communityId: string; index: number }
  | { outcome: 'task'; index: number };

/** A staff member opens the group by hand; its group.created event then links it to the series by name. */
export const createGroupTask = (
  db: AppDeps['db'],
  series: SeriesRow,
  next: { index: number; name: string },
  reason?: string,
) =>
  createStaffTask(db, {
    tenantId: series.tenantId,
    kind: 'create_group',
    title: `Create the group "${next.name}"`,
    storeId: series.storeId,
    data: { seriesId: series.id, index: next.index, name: next.name, capacity: series.capacity, reason },
    dedupeKey: `create_group:${series.id}:${next.index}`,
  });

/**
 * Open the series' next group if none has room: through the platform when it can, otherwise as a
 * staff task. The network call happens outside any transaction; the new row and the cleared request commit
 * together. A temporary platform failure is thrown so the job retries; a refusal goes to staff.
 */
export const openSeriesGroup = async (
  deps: AppDeps,
  input: { tenantId: string; seriesId: string },
): Promise<OpenSeriesGroupResult> => {
  const series = await findSeries(deps.db, input.tenantId, input.seriesId);
  if (!series) return { outcome: 'none' };
  const groups = await listSeriesGroups(deps.db, series.tenantId, series.id);
  const decision = decideRollover({ ...series, pendingIndex: null }, groups);
  if (decision.action === 'none') {
    await clearGroupPending(deps.db, series.id, series.pendingIndex ?? 0);
    return { outcome: 'none' };
  }
  const adapter = await deps.platforms.adapterFor(series.tenantId, series.platformAccountId);
  const handToStaff = async (reason: string): Promise<OpenSeriesGroupResult> => {
    await deps.db.transaction(async (tx) => {
      await createGroupTask(tx, series, decision, reason);
      await clearGroupPending(tx, series.id, decision.index);
    });
    return { outcome: 'task', index: decision.index };
  };
  if (!canOpenGroups(adapter)) return handToStaff('platform cannot create groups');
  let externalId: string;
  try {
    ({ externalId } = await adapter.createGroup({ name: decision.name, capacity: series.capacity }));
  } catch (error) {
    if (error instanceof PlatformError && !error.isTemporary) return handToStaff(error.message);
    throw error;
  }
  const community = await deps.db.transaction(async (tx) => {
    const row = await insertCommunity(tx, {
      tenantId: series.tenantId,
      storeId: series.storeId,
      platformAccountId: series.platformAccountId,
      externalId,
      name: decision.name,
      capacity: series.capacity,
      type: series.type,
      demandPattern: series.demandPattern,
      targetPersona: series.targetPersona,
      goal: series.goal,
      rules: series.rules,
      announcement: series.announcement,
      seriesId: series.id,
      seriesIndex: decision.index,
      createdAt: deps.now(),
    });
    await replaceRoster(tx, series.tenantId, row.id, series.roster);
    await clearGroupPending(tx, series.id, decision.index);
    return row;
  });
  return { outcome: 'created', communityId: community.id, index: decision.index };
};

/** For API callers: a platform refusal is a clear error rather than a retry. */
export const openSeriesGroupForCaller = async (
  deps: AppDeps,
  input: { tenantId: string; seriesId: string },
): Promise<OpenSeriesGroupResult> => {
  try {
    return await openSeriesGroup(deps, input);
  } catch (error) {
    if (error instanceof PlatformError) {
      throw new AppError('platform_unavailable', `The platform did not create the group: ${error.message}`);
    }
    throw error;
  }
};
