import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { tagGroups, tags } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { isUniqueViolation } from '../org/unique-violation.ts';

export type TagView = {
  id: string;
  groupId: string | null;
  name: string;
  color: string | null;
  sortOrder: number;
};
export type TagGroupView = {
  id: string;
  name: string;
  color: string | null;
  sortOrder: number;
  tags: TagView[];
};

const tagViewOf = (row: typeof tags.$inferSelect): TagView => ({
  id: row.id,
  groupId: row.groupId,
  name: row.name,
  color: row.color,
  sortOrder: row.sortOrder,
});

const rethrowDuplicate = (error: unknown, what: string): never => {
  if (isUniqueViolation(error)) throw new AppError('conflict', `${what} already exists`);
  throw error;
};

export const createTagGroup = async (
  db: Db,
  input: { tenantId: string; name: string; color?: string | null; sortOrder?: number },
): Promise<TagGroupView> => {
  const [row] = await db
    .insert(tagGroups)
    .values(input)
    .returning()
    .catch((error: unknown) => rethrowDuplicate(error, `Tag group "${input.name}"`));
  return { id: row!.id, name: row!.name, color: row!.color, sortOrder: row!.sortOrder, tags: [] };
};

/** Every tag of the brand: groups in their order with their tags in order, then the ungrouped tags. */
export const listTags = async (
  db: Db,
  tenantId: string,
): Promise<{ groups: TagGroupView[]; ungrouped: TagView[] }> => {
  const groupRows = await db
    .select()
    .from(tagGroups)
    .where(eq(tagGroups.tenantId, tenantId))
    .orderBy(asc(tagGroups.sortOrder), asc(tagGroups.name));
  const tagRows = await db
    .select()
    .from(tags)
    .where(eq(tags.tenantId, tenantId))
    .orderBy(asc(tags.sortOrder), asc(tags.name));
  const groups = groupRows.map((g) => ({ id: g.id, name: g.name, color: g.color, sortOrder: g.sortOrder }));
  return {
    groups: groups.map((g) => ({ ...g, tags: tagRows.filter((t) => t.groupId === g.id).map(tagViewOf) })),
    ungrouped: tagRows.filter((t) => t.groupId === null).map(tagViewOf),
  };
};

const assertGroupOfTenant = async (db: Db, tenantId: string, groupId: string | null | undefined) => {
  if (!groupId) return;
  const [group] = await db
    .select({ id: tagGroups.id })
    .from(tagGroups)
    .where(and(eq(tagGroups.tenantId, tenantId), eq(tagGroups.id, groupId)));
  if (!group)
    throw new AppError('validation_failed', `Tag group ${groupId} not found`, [
      { path: 'groupId', message: 'unknown tag group' },
    ]);
};

export const createTag = async (
  db: Db,
  input: {
    tenantId: string;
    name: string;
    groupId?: string | null;
    color?: string | null;
    sortOrder?: number;
  },
): Promise<TagView> => {
  await assertGroupOfTenant(db, input.tenantId, input.groupId);
  const [row] = await db
    .insert(tags)
    .values(input)
    .returning()
    .catch((error: unknown) => rethrowDuplicate(error, `Tag "${input.name}" in this group`));
  return tagViewOf(row!);
};

export const updateTag = async (
  db: Db,
  input: {
    tenantId: string;
    id: string;
    patch: { name?: string; groupId?: string | null; color?: string | null; sortOrder?: number };
  },
): Promise<TagView> => {
  await assertGroupOfTenant(db, input.tenantId, input.patch.groupId);
  const rows =
    Object.keys(input.patch).length === 0
      ? await db
          .select()
          .from(tags)
          .where(and(eq(tags.tenantId, input.tenantId), eq(tags.id, input.id)))
      : await db
          .update(tags)
          .set(input.patch)
          .where(and(eq(tags.tenantId, input.tenantId), eq(tags.id, input.id)))
          .returning()
          .catch((error: unknown) => rethrowDuplicate(error, 'A tag with this name in this group'));
  if (!rows[0]) throw notFound('Tag');
  return tagViewOf(rows[0]);
};

/** Deleting a tag takes it off every member (member_tags cascades). */
export const deleteTag = async (db: Db, input: { tenantId: string; id: string }): Promise<void> => {
  const rows = await db
    .delete(tags)
    .where(and(eq(tags.tenantId, input.tenantId), eq(tags.id, input.id)))
    .returning({ id: tags.id });
  if (rows.length === 0) throw notFound('Tag');
};

/** The ids among `ids` that are not tags of this brand (unknown or another brand's), to name them in a 400. */
export const findForeignTagIds = async (db: Db, tenantId: string, ids: string[]): Promise<string[]> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await db
    .select({ id: tags.id })
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), inArray(tags.id, unique)));
  const known = new Set(found.map((t) => t.id));
  return unique.filter((id) => !known.has(id));
};
