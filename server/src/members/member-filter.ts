import { and, eq, gte, ilike, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import { type MemberStage, memberAttributions, members, memberTags } from '../db/schema/index.ts';

/** A tag expression: the member has every tag of `all`, at least one of `any`, none of `none`. */
export type TagExpression = { all?: string[]; any?: string[]; none?: string[] };

/** One filter shared by the list, the CSV export and bulk tagging, so "these members" means the same everywhere. */
export type MemberFilter = {
  storeId?: string;
  stage?: MemberStage;
  /** Joined (created) at or after / before. */
  joinedFrom?: Date;
  joinedTo?: Date;
  q?: string;
  tags?: TagExpression;
  /** Members attributed to this channel code: first touch, last touch, or either. */
  channelCode?: { id: string; touch: 'first' | 'last' | 'any' };
};

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

/**
 * Correlated semi-joins on member_tags: each probe is a primary-key lookup (member_id, tag_id), and for a rare tag
 * the planner can instead start from the (tag_id, member_id) index. One EXISTS per `all` tag rather than
 * GROUP BY … HAVING count(*) = n, because the latter forces aggregating every member of every listed tag
 * before the first row comes out (measured in bench/segments).
 */
const hasTag = (tagIds: string[]): SQL =>
  sql`exists (select 1 from ${memberTags} where ${memberTags.memberId} = ${members.id} and ${
    tagIds.length === 1 ? eq(memberTags.tagId, tagIds[0]!) : inArray(memberTags.tagId, tagIds)
  })`;

export const tagExpressionSql = (expression: TagExpression): SQL | undefined => {
  const parts: SQL[] = [];
  for (const tagId of new Set(expression.all ?? [])) parts.push(hasTag([tagId]));
  if (expression.any?.length) parts.push(hasTag([...new Set(expression.any)]));
  if (expression.none?.length) parts.push(sql`not ${hasTag([...new Set(expression.none)])}`);
  return parts.length > 0 ? and(...parts) : undefined;
};

const attributedTo = (code: NonNullable<MemberFilter['channelCode']>): SQL => {
  const first = eq(memberAttributions.firstCodeId, code.id);
  const last = eq(memberAttributions.lastCodeId, code.id);
  const touch = code.touch === 'first' ? first : code.touch === 'last' ? last : sql`(${first} or ${last})`;
  return sql`exists (select 1 from ${memberAttributions} where ${memberAttributions.memberId} = ${members.id} and ${touch})`;
};

export const memberFilterSql = (tenantId: string, scope: Scope, filter: MemberFilter): SQL | undefined =>
  and(
    visibleMembers(tenantId, scope),
    filter.storeId ? eq(members.storeId, filter.storeId) : undefined,
    filter.stage ? eq(members.stage, filter.stage) : undefined,
    filter.joinedFrom ? gte(members.createdAt, filter.joinedFrom) : undefined,
    filter.joinedTo ? lt(members.createdAt, filter.joinedTo) : undefined,
    filter.q ? ilike(members.name, containing(filter.q)) : undefined,
    filter.tags ? tagExpressionSql(filter.tags) : undefined,
    filter.channelCode ? attributedTo(filter.channelCode) : undefined,
  );

/** Every tag id the filter names, to check they are the brand's own before querying. */
export const tagIdsOf = (filter: MemberFilter): string[] => [
  ...(filter.tags?.all ?? []),
  ...(filter.tags?.any ?? []),
  ...(filter.tags?.none ?? []),
];
