import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

const dialect = new PgDialect();
const names = new Map<string, string>();

/**
 * Run a hot statement as a named prepared statement: PostgreSQL parses and plans it once per connection
 * instead of at every call (the webhook's INSERT ran ~1.6× faster so). The name is a hash of the SQL
 * text, so the same text always gets the same name and different texts never share one. Only for
 * statements whose plan does not depend on their parameter values: after five runs PostgreSQL may keep one
 * generic plan for all values. Behind PgBouncer this needs session pooling, or PgBouncer 1.21+ with
 * max_prepared_statements set. On PGlite the name is ignored and the statement runs as db.execute would.
 */
export const executePrepared = async <Row extends Record<string, unknown>>(
  db: Db,
  query: SQL,
): Promise<{ rows: Row[] }> => {
  const { sql: text, params } = dialect.sqlToQuery(query);
  let name = names.get(text);
  if (name === undefined) {
    name = `orchard_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  // Both drivers answer a statement without selected fields with { rows }; the session's type cannot say so.
  return (await db._.session.prepareQuery({ sql: text, params }, undefined, name, false).execute()) as {
    rows: Row[];
  };
};
