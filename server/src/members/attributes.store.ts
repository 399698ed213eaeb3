import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type AttributeType, memberAttributeDefs } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { isUniqueViolation } from '../org/unique-violation.ts';

export type AttributeDefinitionView = {
  id: string;
  key: string;
  label: string;
  type: AttributeType;
  options: string[];
  sortOrder: number;
};

const viewOf = (row: typeof memberAttributeDefs.$inferSelect): AttributeDefinitionView => ({
  id: row.id,
  key: row.key,
  label: row.label,
  type: row.type,
  options: row.options,
  sortOrder: row.sortOrder,
});

export const defineMemberAttribute = async (
  db: Db,
  input: {
    tenantId: string;
    key: string;
    label: string;
    type: AttributeType;
    options?: string[];
    sortOrder?: number;
  },
): Promise<AttributeDefinitionView> => {
  const options = input.options ?? [];
  if (input.type === 'choice' && options.length === 0) {
    throw new AppError('validation_failed', 'A choice attribute needs options', [
      { path: 'options', message: 'at least one option is required for type choice' },
    ]);
  }
  if (input.type !== 'choice' && options.length > 0) {
    throw new AppError('validation_failed', 'Only a choice attribute has options', [
      { path: 'options', message: `type ${input.type} takes no options` },
    ]);
  }
  const [row] = await db
    .insert(memberAttributeDefs)
    .values({ ...input, options })
    .returning()
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('conflict', `Attribute "${input.key}" already exists`);
      throw error;
    });
  return viewOf(row!);
};

export const listMemberAttributes = async (db: Db, tenantId: string): Promise<AttributeDefinitionView[]> =>
  (
    await db
      .select()
      .from(memberAttributeDefs)
      .where(eq(memberAttributeDefs.tenantId, tenantId))
      .orderBy(asc(memberAttributeDefs.sortOrder), asc(memberAttributeDefs.key))
  ).map(viewOf);

/** The brand's attribute definitions by key, to check values against. */
export const findAttributesByKey = async (db: Db, tenantId: string) =>
  new Map((await listMemberAttributes(db, tenantId)).map((d) => [d.key, d]));
