import { and, asc, desc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import { memberIdentities, members, platformAccounts } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { olderThanCursor, type Page, pageOf } from '../http/pagination.ts';

export type MemberRow = typeof members.$inferSelect;

export type MemberView = {
  id: string;
  name: string;
  phone: string | null;
  storeId: string | null;
  ownerStaffId: string | null;
  createdAt: string;
  lastSeenAt: string | null;
};

export type MemberIdentityView = {
  id: string;
  platformAccountId: string;
  platform: string;
  externalId: string;
  displayName: string | null;
  createdAt: string;
};

/** Later features (tags, stages, timeline) add their own parts next to `identities`. */
export type MemberDetail = MemberView & { identities: MemberIdentityView[] };

export const memberViewOf = (row: MemberRow): MemberView => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  storeId: row.storeId,
  ownerStaffId: row.ownerStaffId,
  createdAt: row.createdAt.toISOString(),
  lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
});

/**
 * The members a caller may see: always one brand; a store-bound caller only its stores' members
 * (a member with no store is brand-level and hidden from them). Reuse it for every member query.
 */
export const visibleMembers = (tenantId: string, scope: Scope): SQL | undefined =>
  scope.kind === 'brand'
    ? eq(members.tenantId, tenantId)
    : and(eq(members.tenantId, tenantId), inArray(members.storeId, scope.storeIds));

/** `q` matches literally: `%` and `_` typed by a user are not wildcards. */
const containing = (q: string) => `%${q.replaceAll(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const listMembers = async (
  db: Db,
  options: { tenantId: string; scope: Scope; limit: number; cursor?: string; storeId?: string; q?: string },
): Promise<Page<MemberView>> => {
  const rows = await db
    .select()
    .from(members)
    .where(
      and(
        visibleMembers(options.tenantId, options.scope),
        options.storeId ? eq(members.storeId, options.storeId) : undefined,
        options.q ? ilike(members.name, containing(options.q)) : undefined,
        options.cursor ? olderThanCursor(members, options.cursor) : undefined,
      ),
    )
    .orderBy(desc(members.createdAt), desc(members.id))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit, (row) => row.id, memberViewOf);
};

/** Another brand's or another store's member is a 404, indistinguishable from one that does not exist. */
export const getMember = async (
  db: Db,
  options: { tenantId: string; scope: Scope; id: string },
): Promise<MemberDetail> => {
  const [row] = await db
    .select()
    .from(members)
    .where(and(visibleMembers(options.tenantId, options.scope), eq(members.id, options.id)));
  if (!row) throw notFound('Member');
  const identities = await db
    .select({
      id: memberIdentities.id,
      platformAccountId: memberIdentities.platformAccountId,
      platform: platformAccounts.platform,
      externalId: memberIdentities.externalId,
      displayName: memberIdentities.displayName,
      createdAt: memberIdentities.createdAt,
    })
    .from(memberIdentities)
    .innerJoin(platformAccounts, eq(platformAccounts.id, memberIdentities.platformAccountId))
    .where(and(eq(memberIdentities.tenantId, options.tenantId), eq(memberIdentities.memberId, row.id)))
    .orderBy(asc(memberIdentities.createdAt));
  return {
    ...memberViewOf(row),
    identities: identities.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
  };
};
