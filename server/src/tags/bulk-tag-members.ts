import { and, asc, inArray } from 'drizzle-orm';
import type { AuthContext } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import { members } from '../db/schema/index.ts';
import { AppError, type ErrorDetail } from '../errors.ts';
import { type MemberFilter, memberFilterSql } from '../members/member-filter.ts';
import { assertFilterTags } from '../members/members.store.ts';
import { tagMembers, untagMembers } from './tag-members.ts';
import { findForeignTagIds } from './tags.store.ts';

/** A filter may select at most this many members in one call; beyond it the caller narrows the filter. */
export const MAX_BULK_MEMBERS = 100_000;

export type BulkTagInput = {
  auth: AuthContext;
  target: { memberIds: string[] } | { filter: MemberFilter };
  add: string[];
  remove: string[];
  now: Date;
};

const resolveMembers = async (db: Db, auth: AuthContext, target: BulkTagInput['target']) => {
  if ('memberIds' in target) {
    const wanted = [...new Set(target.memberIds)];
    const found = await db
      .select({ id: members.id })
      .from(members)
      .where(and(memberFilterSql(auth.tenantId, auth.scope, {}), inArray(members.id, wanted)));
    const visible = new Set(found.map((m) => m.id));
    return { ids: wanted.filter((id) => visible.has(id)), missing: wanted.filter((id) => !visible.has(id)) };
  }
  await assertFilterTags(db, auth.tenantId, target.filter);
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(memberFilterSql(auth.tenantId, auth.scope, target.filter))
    .orderBy(asc(members.id))
    .limit(MAX_BULK_MEMBERS + 1);
  if (rows.length > MAX_BULK_MEMBERS) {
    throw new AppError('validation_failed', `The filter matches more than ${MAX_BULK_MEMBERS} members`, [
      { path: 'filter', message: `matches more than ${MAX_BULK_MEMBERS} members; narrow it` },
    ]);
  }
  return { ids: rows.map((r) => r.id), missing: [] };
};

/**
 * Tag and untag many members at once, all or nothing. Every id must be the caller's to touch: a member of another
 * brand or outside a guide's stores, or another brand's tag, makes the whole call a 400 naming them.
 */
export const bulkTagMembers = async (
  db: Db,
  input: BulkTagInput,
): Promise<{ members: number; added: number; removed: number }> => {
  const { auth } = input;
  const overlap = input.add.filter((id) => input.remove.includes(id));
  const foreignTags = await findForeignTagIds(db, auth.tenantId, [...input.add, ...input.remove]);
  const { ids, missing } = await resolveMembers(db, auth, input.target);
  const details: ErrorDetail[] = [
    ...overlap.map((id) => ({ path: 'remove', message: `tag ${id} is both added and removed` })),
    ...foreignTags.map((id) => ({ path: 'tags', message: `unknown tag ${id}` })),
    ...missing.map((id) => ({ path: 'memberIds', message: `unknown member ${id}` })),
  ];
  if (details.length > 0) {
    throw new AppError('validation_failed', details.map((d) => d.message).join('; '), details);
  }
  const source = `${auth.actor.type}:${auth.actor.id}`;
  return db.transaction(async (tx) => {
    const common = { tenantId: auth.tenantId, memberIds: ids, source, occurredAt: input.now };
    const added = await tagMembers(tx, { ...common, tagIds: [...new Set(input.add)] });
    const removed = await untagMembers(tx, { ...common, tagIds: [...new Set(input.remove)] });
    return { members: ids.length, added, removed };
  });
};
