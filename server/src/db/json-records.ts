import { type SQL, sql } from 'drizzle-orm';

/**
 * Many rows as ONE parameter: `jsonb_to_recordset(<rows as JSON>) as <alias>(<column> <type>, …)`, for the
 * bulk statements of the hot paths. One JSON.stringify (native) replaces an array parameter per column, whose
 * elements the driver escapes one by one; a jsonb field arrives as jsonb, parsed once with the rest. Keys
 * are the column names; a missing key or a JSON null is SQL NULL.
 */
export const jsonRecords = (rows: readonly object[], alias: string, columns: string): SQL =>
  sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${sql.raw(alias)}(${sql.raw(columns)})`;
