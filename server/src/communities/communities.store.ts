import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import { communities, communityRoster, type RosterRole } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { olderThanCursor, type Page, pageOf } from '../http/pagination.ts';
import { hasRoom } from './communities.ts';

export type CommunityRow = typeof communities.$inferSelect;
export type CommunityInsert = typeof communities.$inferInsert;
export type RosterEntry = { staffId: string; role: RosterRole };

export type CommunityView = {
  id: string;
  storeId: string | null;
  platformAccountId: string;
  externalId: string;
  name: string;
  capacity: number;
  status: 'active' | 'dismissed';
  type: CommunityRow['type'];
  demandPattern: CommunityRow['demandPattern'];
  targetPersona: string | null;
  goal: string | null;
  rules: string | null;
  announcement: string | null;
  seriesId: string | null;
  seriesIndex: number | null;
  memberCount: number;
  leftCount: number;
  hasRoom: boolean;
  dismissedAt: string | null;
  createdAt: string;
};

export type CommunityDetail = CommunityView & { roster: RosterEntry[] };

export const communityViewOf = (row: CommunityRow): CommunityView => ({
  id: row.id,
  storeId: row.storeId,
  platformAccountId: row.platformAccountId,
  externalId: row.externalId,
  name: row.name,
  capacity: row.capacity,
  status: row.status,
  type: row.type,
  demandPattern: row.demandPattern,
  targetPersona: row.targetPersona,
  goal: row.goal,
  rules: row.rules,
  announcement: row.announcement,
  seriesId: row.seriesId,
  seriesIndex: row.seriesIndex,
  memberCount: row.memberCount,
  leftCount: row.leftCount,
  hasRoom: row.status === 'active' && hasRoom(row),
  dismissedAt: row.dismissedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** Brand-wide callers see every group; store-bound ones only their stores' (an unassigned group is brand-level). */
export const visibleCommunities = (tenantId: string, scope: Scope): SQL | undefined =>
  scope.kind === 'brand'
    ? eq(communities.tenantId, tenantId)
    : and(eq(communities.tenantId, tenantId), inArray(communities.storeId, scope.storeIds));

export const listCommunities = async (
  db: Db,
  options: {
    tenantId: string;
    scope: Scope;
    limit: number;
    cursor?: string;
    storeId?: string;
    seriesId?: string;
    status?: 'active' | 'dismissed';
  },
): Promise<Page<CommunityView>> => {
  const rows = await db
    .select()
    .from(communities)
    .where(
      and(
        visibleCommunities(options.tenantId, options.scope),
        options.storeId ? eq(communities.storeId, options.storeId) : undefined,
        options.seriesId ? eq(communities.seriesId, options.seriesId) : undefined,
        options.status ? eq(communities.status, options.status) : undefined,
        options.cursor ? olderThanCursor(communities, options.cursor) : undefined,
      ),
    )
    .orderBy(desc(communities.createdAt), desc(communities.id))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit, (row) => row.id, communityViewOf);
};

/** Another brand's or another store's group is a 404, indistinguishable from one that does not exist. */
export const findVisibleCommunity = async (
  db: Db,
  options: { tenantId: string; scope: Scope; id: string },
): Promise<CommunityRow> => {
  const [row] = await db
    .select()
    .from(communities)
    .where(and(visibleCommunities(options.tenantId, options.scope), eq(communities.id, options.id)));
  if (!row) throw notFound('Community');
  return row;
};

export const listRoster = async (db: Db, tenantId: string, communityId: string): Promise<RosterEntry[]> =>
  db
    .select({ staffId: communityRoster.staffId, role: communityRoster.role })
    .from(communityRoster)
    .where(and(eq(communityRoster.tenantId, tenantId), eq(communityRoster.communityId, communityId)))
    .orderBy(asc(communityRoster.role), asc(communityRoster.staffId));

export const detailOf = async (db: Db, row: CommunityRow): Promise<CommunityDetail> => ({
  ...communityViewOf(row),
  roster: await listRoster(db, row.tenantId, row.id),
});

export const insertCommunity = async (db: Db, values: CommunityInsert): Promise<CommunityRow> => {
  const [row] = await db.insert(communities).values(values).returning();
  return row!;
};

export const updateCommunityRow = async (
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<CommunityInsert>,
): Promise<CommunityRow> => {
  const [row] = await db
    .update(communities)
    .set(changes)
    .where(and(eq(communities.tenantId, tenantId), eq(communities.id, id)))
    .returning();
  if (!row) throw notFound('Community');
  return row;
};

/** Replace a group's roster with `entries` (the same staff twice in one role is one entry). */
export const replaceRoster = async (
  db: Db,
  tenantId: string,
  communityId: string,
  entries: RosterEntry[],
): Promise<void> => {
  await db
    .delete(communityRoster)
    .where(and(eq(communityRoster.tenantId, tenantId), eq(communityRoster.communityId, communityId)));
  if (entries.length === 0) return;
  await db
    .insert(communityRoster)
    .values(entries.map((e) => ({ tenantId, communityId, staffId: e.staffId, role: e.role })))
    .onConflictDoNothing();
};

export const findCommunityByExternalId = async (
  db: Db,
  options: { tenantId: string; platformAccountId: string; externalId: string },
): Promise<CommunityRow | undefined> => {
  const [row] = await db
    .select()
    .from(communities)
    .where(
      and(
        eq(communities.tenantId, options.tenantId),
        eq(communities.platformAccountId, options.platformAccountId),
        eq(communities.externalId, options.externalId),
      ),
    );
  return row;
};

/** One join or leave: counts change by statement, so concurrent workers never lose an update. */
export const adjustCounts = async (
  db: Db,
  communityId: string,
  delta: { members: number; left: number },
): Promise<void> => {
  await db
    .update(communities)
    .set({
      memberCount: sql`greatest(${communities.memberCount} + ${delta.members}, 0)`,
      leftCount: sql`${communities.leftCount} + ${delta.left}`,
    })
    .where(eq(communities.id, communityId));
};
