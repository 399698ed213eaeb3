import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import { communities, communitySeries } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { olderThanCursor, type Page, pageOf } from '../http/pagination.ts';
import { type CommunityRow, type CommunityView, communityViewOf } from './communities.store.ts';

export type SeriesRow = typeof communitySeries.$inferSelect;
export type SeriesInsert = typeof communitySeries.$inferInsert;

export type SeriesView = {
  id: string;
  storeId: string | null;
  platformAccountId: string;
  nameTemplate: string;
  numbering: SeriesRow['numbering'];
  capacity: number;
  type: SeriesRow['type'];
  demandPattern: SeriesRow['demandPattern'];
  targetPersona: string | null;
  goal: string | null;
  rules: string | null;
  announcement: string | null;
  roster: SeriesRow['roster'];
  pendingIndex: number | null;
  createdAt: string;
};

export type SeriesDetail = SeriesView & { groups: CommunityView[] };

export const seriesViewOf = (row: SeriesRow): SeriesView => ({
  id: row.id,
  storeId: row.storeId,
  platformAccountId: row.platformAccountId,
  nameTemplate: row.nameTemplate,
  numbering: row.numbering,
  capacity: row.capacity,
  type: row.type,
  demandPattern: row.demandPattern,
  targetPersona: row.targetPersona,
  goal: row.goal,
  rules: row.rules,
  announcement: row.announcement,
  roster: row.roster,
  pendingIndex: row.pendingIndex,
  createdAt: row.createdAt.toISOString(),
});

const visibleSeries = (tenantId: string, scope: Scope): SQL | undefined =>
  scope.kind === 'brand'
    ? eq(communitySeries.tenantId, tenantId)
    : and(eq(communitySeries.tenantId, tenantId), inArray(communitySeries.storeId, scope.storeIds));

export const insertSeries = async (db: Db, values: SeriesInsert): Promise<SeriesRow> => {
  const [row] = await db.insert(communitySeries).values(values).returning();
  return row!;
};

export const findSeries = async (db: Db, tenantId: string, id: string): Promise<SeriesRow | undefined> => {
  const [row] = await db
    .select()
    .from(communitySeries)
    .where(and(eq(communitySeries.tenantId, tenantId), eq(communitySeries.id, id)));
  return row;
};

export const findVisibleSeries = async (
  db: Db,
  options: { tenantId: string; scope: Scope; id: string },
): Promise<SeriesRow> => {
  const [row] = await db
    .select()
    .from(communitySeries)
    .where(and(visibleSeries(options.tenantId, options.scope), eq(communitySeries.id, options.id)));
  if (!row) throw notFound('Community series');
  return row;
};

export const listSeriesGroups = (db: Db, tenantId: string, seriesId: string): Promise<CommunityRow[]> =>
  db
    .select()
    .from(communities)
    .where(and(eq(communities.tenantId, tenantId), eq(communities.seriesId, seriesId)))
    .orderBy(asc(communities.seriesIndex));

export const seriesDetailOf = async (db: Db, row: SeriesRow): Promise<SeriesDetail> => ({
  ...seriesViewOf(row),
  groups: (await listSeriesGroups(db, row.tenantId, row.id)).map(communityViewOf),
});

export const listSeries = async (
  db: Db,
  options: { tenantId: string; scope: Scope; limit: number; cursor?: string; storeId?: string },
): Promise<Page<SeriesView>> => {
  const rows = await db
    .select()
    .from(communitySeries)
    .where(
      and(
        visibleSeries(options.tenantId, options.scope),
        options.storeId ? eq(communitySeries.storeId, options.storeId) : undefined,
        options.cursor ? olderThanCursor(communitySeries, options.cursor) : undefined,
      ),
    )
    .orderBy(desc(communitySeries.createdAt), desc(communitySeries.id))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit, (row) => row.id, seriesViewOf);
};

/** The series of one platform account, to recognise a group created there by its name. */
export const listAccountSeries = (
  db: Db,
  tenantId: string,
  platformAccountId: string,
): Promise<SeriesRow[]> =>
  db
    .select()
    .from(communitySeries)
    .where(
      and(eq(communitySeries.tenantId, tenantId), eq(communitySeries.platformAccountId, platformAccountId)),
    );

/** Ask the rollover job for group `index` (a lower pending index is superseded, a higher one kept). */
export const markGroupPending = async (db: Db, seriesId: string, index: number, now: Date): Promise<void> => {
  await db
    .update(communitySeries)
    .set({ pendingIndex: index, pendingSince: now })
    .where(
      and(
        eq(communitySeries.id, seriesId),
        or(isNull(communitySeries.pendingIndex), lt(communitySeries.pendingIndex, index)),
      ),
    );
};

/** Clear the request once group `index` (or a later one) exists or was handed to staff. */
export const clearGroupPending = async (db: Db, seriesId: string, upToIndex: number): Promise<void> => {
  await db
    .update(communitySeries)
    .set({ pendingIndex: null, pendingSince: null })
    .where(
      and(
        eq(communitySeries.id, seriesId),
        isNotNull(communitySeries.pendingIndex),
        lte(communitySeries.pendingIndex, upToIndex),
      ),
    );
};

export const listPendingSeries = (db: Db): Promise<{ tenantId: string; id: string }[]> =>
  db
    .select({ tenantId: communitySeries.tenantId, id: communitySeries.id })
    .from(communitySeries)
    .where(isNotNull(communitySeries.pendingIndex));
