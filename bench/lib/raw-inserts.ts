import pg from 'pg';
import type { Database } from '../../server/src/db/client.ts';
import { round } from './stats.ts';

/**
 * The baseline every figure is divided by: single-row INSERTs (autocommit, one round trip each) into a table shaped
 * like inbound_events, with the same concurrency as the load, on the same database server.
 */
const ddl = `create table if not exists bench_raw (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  external_id text not null unique,
  payload jsonb not null,
  received_at timestamptz not null default now())`;

const insert = 'insert into bench_raw (tenant_id, external_id, payload) values ($1, $2, $3)';
const tenant = '00000000-0000-0000-0000-000000000001';

export const measureRawInserts = async (
  target: { url: string } | { database: Pick<Database, 'executeSql'> },
  options: { total: number; concurrency: number },
): Promise<{ insertsPerSecond: number }> => {
  let run: (n: number) => Promise<unknown>;
  let close: () => Promise<void>;
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: options.concurrency });
    // A connection still closing when the bench drops its database reports an error: expected, not fatal.
    pool.on('error', () => {});
    await pool.query(ddl);
    run = (n) => pool.query(insert, [tenant, `raw-${n}`, JSON.stringify({ text: `hello ${n}` })]);
    close = async () => {
      await pool.query('drop table bench_raw');
      await pool.end();
    };
  } else {
    // PGlite: the app's own in-process instance (there is no server to open a second connection to).
    const { executeSql } = target.database;
    await executeSql(ddl);
    run = (n) => executeSql(insert, [tenant, `raw-${n}`, JSON.stringify({ text: `hello ${n}` })]);
    close = async () => {
      await executeSql('drop table bench_raw');
    };
  }
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.total) await run(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await close();
  return { insertsPerSecond: round(options.total / seconds) };
};
