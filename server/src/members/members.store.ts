import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import {
  type MemberStage,
  memberAttributeDefs,
  memberAttributeValues,
  memberIdentities,
  members,
  memberTags,
  platformAccounts,
  tags,
} from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { olderThanCursor, type Page, pageOf } from '../http/pagination.ts';
import { findForeignTagIds } from '../tags/tags.store.ts';
import { type MemberFilter, memberFilterSql, tagIdsOf } from './member-filter.ts';

export { visibleMembers } from './member-filter.ts';

export type MemberRow = typeof members.$inferSelect;

export type MemberView = {
  id: string;
  name: string;
  phone: string | null;
  storeId: string | null;
  ownerStaffId: string | null;
  stage: MemberStage;
  externalRef: string | null;
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

export type MemberTagView = { id: string; name: string; groupId: string | null; color: string | null };

export type MemberDetail = MemberView & {
  description: string | null;
  identities: MemberIdentityView[];
  tags: MemberTagView[];
  /** Custom attribute values by attribute key. */
  attributes: Record<string, string | number>;
};

export const memberViewOf = (row: MemberRow): MemberView => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  storeId: row.storeId,
  ownerStaffId: row.ownerStaffId,
  stage: row.stage,
  externalRef: row.externalRef,
  createdAt: row.createdAt.toISOString(),
  lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
});

/** Tag ids in a filter must be the brand's own: an unknown or foreign id is a 400 naming it, not an empty list. */
export const assertFilterTags = async (db: Db, tenantId: string, filter: MemberFilter): Promise<void> => {
  const foreign = await findForeignTagIds(db, tenantId, tagIdsOf(filter));
  if (foreign.length > 0) {
    throw new AppError(
      'validation_failed',
      `Unknown tags: ${foreign.join(', ')}`,
      foreign.map((id) => ({ path: 'tags', message: `unknown tag ${id}` })),
    );
  }
};

export const listMembers = async (
  db: Db,
  options: { tenantId: string; scope: Scope; limit: number; cursor?: string } & MemberFilter,
): Promise<Page<MemberView>> => {
  const { tenantId, scope, limit, cursor, ...filter } = options;
  await assertFilterTags(db, tenantId, filter);
  const rows = await db
    .select()
    .from(members)
    .where(
      and(memberFilterSql(tenantId, scope, filter), cursor ? olderThanCursor(members, cursor) : undefined),
    )
    .orderBy(desc(members.createdAt), desc(members.id))
    .limit(limit + 1);
  return pageOf(rows, limit, (row) => row.id, memberViewOf);
};

/** The visible member's row, or 404: another brand's or another store's member is indistinguishable from none. */
export const findVisibleMember = async (
  db: Db,
  options: { tenantId: string; scope: Scope; id: string },
): Promise<MemberRow> => {
  const [row] = await db
    .select()
    .from(members)
    .where(and(memberFilterSql(options.tenantId, options.scope, {}), eq(members.id, options.id)));
  if (!row) throw notFound('Member');
  return row;
};

export const getMember = async (
  db: Db,
  options: { tenantId: string; scope: Scope; id: string },
): Promise<MemberDetail> => {
  const row = await findVisibleMember(db, options);
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
  const [tagRows, attributes] = [
    await db
      .select({ id: tags.id, name: tags.name, groupId: tags.groupId, color: tags.color })
      .from(memberTags)
      .innerJoin(tags, eq(tags.id, memberTags.tagId))
      .where(and(eq(memberTags.tenantId, options.tenantId), eq(memberTags.memberId, row.id)))
      .orderBy(asc(tags.sortOrder), asc(tags.name)),
    await findAttributeValues(db, options.tenantId, [row.id]),
  ];
  return {
    ...memberViewOf(row),
    description: row.description,
    identities: identities.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
    tags: tagRows,
    attributes: attributes.get(row.id) ?? {},
  };
};

/** Attribute values of some members, keyed by member id then attribute key. */
export const findAttributeValues = async (
  db: Db,
  tenantId: string,
  memberIds: string[],
): Promise<Map<string, Record<string, string | number>>> => {
  const result = new Map<string, Record<string, string | number>>();
  if (memberIds.length === 0) return result;
  const rows = await db
    .select({
      memberId: memberAttributeValues.memberId,
      key: memberAttributeDefs.key,
      value: memberAttributeValues.value,
    })
    .from(memberAttributeValues)
    .innerJoin(memberAttributeDefs, eq(memberAttributeDefs.id, memberAttributeValues.attributeId))
    .where(
      and(eq(memberAttributeValues.tenantId, tenantId), inArray(memberAttributeValues.memberId, memberIds)),
    );
  for (const r of rows) result.set(r.memberId, { ...result.get(r.memberId), [r.key]: r.value });
  return result;
};
