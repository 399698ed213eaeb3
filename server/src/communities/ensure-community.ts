import { and, eq } from 'drizzle-orm';
import { communities, staffTasks } from '../db/schema/index.ts';
import type { EventContext } from '../pipeline/middleware.ts';
import { type CommunityRow, findCommunityByExternalId, replaceRoster } from './communities.store.ts';
import { defaultCapacity } from './communities.ts';
import { clearGroupPending, listAccountSeries, listSeriesGroups, type SeriesRow } from './series.store.ts';
import { seriesIndexOfName } from './series.ts';

type SeriesMatch = { series: SeriesRow; index: number };

/** A group named "<template> <label>" on the series' account, at an index the series has not used yet. */
const findSeriesMatch = async (ctx: EventContext, name: string): Promise<SeriesMatch | undefined> => {
  for (const series of await listAccountSeries(ctx.tx, ctx.tenantId, ctx.platformAccountId)) {
    const index = seriesIndexOfName(series.nameTemplate, series.numbering, name);
    if (index === undefined) continue;
    const groups = await listSeriesGroups(ctx.tx, ctx.tenantId, series.id);
    if (!groups.some((g) => g.seriesIndex === index)) return { series, index };
  }
  return undefined;
};

/**
 * The community of a platform group, created on first sight: unassigned to a store, named by the event,
 * or joined to its series when the name says so (a group staff opened after a 'create_group' task).
 */
export const ensureCommunity = async (
  ctx: EventContext,
  groupExternalId: string,
  name?: string,
): Promise<CommunityRow> => {
  const target = {
    tenantId: ctx.tenantId,
    platformAccountId: ctx.platformAccountId,
    externalId: groupExternalId,
  };
  const existing = await findCommunityByExternalId(ctx.tx, target);
  if (existing) return existing;
  const match = name ? await findSeriesMatch(ctx, name) : undefined;
  const series = match?.series;
  const [inserted] = await ctx.tx
    .insert(communities)
    .values({
      ...target,
      name: name ?? `Group ${groupExternalId}`,
      capacity: series?.capacity ?? Math.min(defaultCapacity, ctx.capabilities.groupCapacity),
      storeId: series?.storeId ?? null,
      type: series?.type,
      demandPattern: series?.demandPattern,
      targetPersona: series?.targetPersona,
      goal: series?.goal,
      rules: series?.rules,
      announcement: series?.announcement,
      seriesId: series?.id,
      seriesIndex: match?.index,
      createdAt: ctx.event.occurredAt,
    })
    .onConflictDoNothing()
    .returning();
  if (!inserted) return (await findCommunityByExternalId(ctx.tx, target))!;
  if (match) {
    await replaceRoster(ctx.tx, ctx.tenantId, inserted.id, match.series.roster);
    await clearGroupPending(ctx.tx, match.series.id, match.index);
    // The staff task that asked for this group is done.
    await ctx.tx
      .update(staffTasks)
      .set({ status: 'done', doneAt: ctx.deps.now() })
      .where(
        and(
          eq(staffTasks.tenantId, ctx.tenantId),
          eq(staffTasks.dedupeKey, `create_group:${match.series.id}:${match.index}`),
          eq(staffTasks.status, 'open'),
        ),
      );
  }
  return inserted;
};
