import type { EventContext } from '../pipeline/middleware.ts';
import { createGroupTask } from './open-series-group.ts';
import { findSeries, listSeriesGroups, markGroupPending } from './series.store.ts';
import { decideRollover } from './series.ts';

/**
 * After a join into a series group: when no group of the series has room, ask for the next one. The
 * platform call cannot happen inside the event's transaction, so a platform that can create groups gets
 * a pending request the `communities.rollover` job fulfils; one that cannot gives staff a task at once.
 */
export const checkRollover = async (ctx: EventContext, seriesId: string): Promise<void> => {
  const series = await findSeries(ctx.tx, ctx.tenantId, seriesId);
  if (!series) return;
  const decision = decideRollover(series, await listSeriesGroups(ctx.tx, ctx.tenantId, seriesId));
  if (decision.action === 'none') return;
  if (ctx.capabilities.canCreateGroup)
    await markGroupPending(ctx.tx, seriesId, decision.index, ctx.deps.now());
  else await createGroupTask(ctx.tx, series, decision, 'platform cannot create groups');
};
