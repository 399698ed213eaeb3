import { z } from '@hono/zod-openapi';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';

/**
 * Keyset pagination shared by every list endpoint: `?limit=&cursor=` in, `{ items, nextCursor }` out.
 * A cursor is opaque to clients; features that order by (created_at, id) use the last row's id.
 */
export const limitSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .default(50)
  .openapi({ param: { name: 'limit', in: 'query' }, example: 50 });

export const cursorSchema = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .openapi({ param: { name: 'cursor', in: 'query' }, description: 'nextCursor of the previous page' });

/** For tables paged by a uuid id: a malformed cursor is a 400, not a database error. */
export const uuidCursorSchema = z
  .uuid()
  .optional()
  .openapi({ param: { name: 'cursor', in: 'query' }, description: 'nextCursor of the previous page' });

export const paginationQuery = z.object({ limit: limitSchema, cursor: cursorSchema });

export const uuidPaginationQuery = z.object({ limit: limitSchema, cursor: uuidCursorSchema });

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Turns `limit + 1` fetched rows into a page: the extra row only says that another page exists. */
export const pageOf = <Row, Item>(
  rows: Row[],
  limit: number,
  cursorOf: (row: Row) => string,
  toItem: (row: Row) => Item,
): Page<Item> => {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  return { items: kept.map(toItem), nextCursor: hasMore && last ? cursorOf(last) : null };
};

type Keyed = PgTable & { id: AnyPgColumn; createdAt: AnyPgColumn };

/**
 * Rows after the cursor row in `order by created_at desc, id desc`. The cursor row is looked up in SQL
 * rather than carried in the cursor, because Postgres keeps microseconds that a JS Date would round off.
 * A cursor of an unknown (or another tenant's) row matches nothing.
 */
export const olderThanCursor = (table: Keyed, cursor: string): SQL =>
  sql`(${table.createdAt}, ${table.id}) < (select ${table.createdAt}, ${table.id} from ${table} where ${table.id} = ${cursor})`;
