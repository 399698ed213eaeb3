import { jobNames } from '../jobs/job-names.ts';
import type { EventContext } from '../pipeline/middleware.ts';
import { createGroupTask } from './open-series-group.ts';
import { findSeries, listSeriesGroups, markGroupPending } from './series.store.ts';
import { decideRollover } from './series.ts';

/**
 * After a join into a series group: when no group of the series has room, ask for the next one. The
 * platform call cannot happen inside the event's transaction, so a platform that can create groups gets
 * a pending request the `communities.rollover` job fulfils (sent right after commit); one that cannot gives staff a task at once.
 */
export const checkRollover = async (ctx: EventContext, seriesId: string): Promise<void> => {
  const series = await findSeries(ctx.tx, ctx.tenantId, seriesId);
  if (!series) return;
  const decision = decideRollover(series, await listSeriesGroups(ctx.tx, ctx.tenantId, seriesId));
  if (decision.action === 'none') return;
  if (!ctx.capabilities.canCreateGroup) {
    await createGroupTask(ctx.tx, series, decision, 'platform cannot create groups');
    return;
  }
  await markGroupPending(ctx.tx, seriesId, decision.index, ctx.deps.now());
  // At once after commit; the minute sweep stays as the safety net for a lost wake-up.
  await ctx.jobs.send(
    jobNames.rolloverCommunities,
    { tenantId: ctx.tenantId, seriesId },
    { singletonKey: seriesId },
  );
};
