import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** A database handle or an open transaction: both run queries the same way. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type SqlResult = { rows: Record<string, unknown>[]; rowCount?: number | null };

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw SQL for the few places below Drizzle (pg-boss, benchmarks). Without values it may hold several statements. */
  executeSql: (text: string, values?: unknown[]) => Promise<SqlResult>;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /** PGlite only: the whole data folder as a tarball (test fixtures start from it). */
  dumpDataDir?: () => Promise<Blob>;
};

export type DatabaseOptions =
  | { url: string; poolSize?: number; onConnectionError?: (error: Error) => void }
  | { dataDir: string }
  | { memory: true };

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

const templateFolder = fileURLToPath(new URL('../../.cache', import.meta.url));

/**
 * A migrated, empty PGlite as a tarball. A new PGlite runs initdb and then every migration (seconds each, tens of
 * seconds on a busy machine); one loaded from this template starts in a fraction of that. It is cached in
 * `server/.cache`, keyed by the migrations' content, built at install (`npm run db:template -w server`, run by the
 * root postinstall) and otherwise on first need. Writes are atomic, so concurrent builders cannot tear it.
 */
export const pgliteTemplate = async (): Promise<Blob> => {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder).sort()) {
    if (file.endsWith('.sql')) hash.update(readFileSync(join(migrationsFolder, file)));
  }
  const path = join(templateFolder, `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const client = await PGlite.create();
  try {
    await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    const dump = (await client.dumpDataDir('none')) as Blob;
    mkdirSync(templateFolder, { recursive: true });
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    return dump;
  } finally {
    await client.close();
  }
};

const openPglite = async (dataDir?: string): Promise<Database> => {
  if (!dataDir) return wrapPglite(await PGlite.create());
  mkdirSync(dataDir, { recursive: true });
  // A new data folder starts from the migrated template instead of running initdb and every migration.
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  return wrapPglite(await PGlite.create(dataDir, fresh ? { loadDataDir: await pgliteTemplate() } : {}));
};

/** An in-memory PGlite started from a dump of another one. */
export const openPgliteFrom = async (dump: Blob): Promise<Database> =>
  wrapPglite(await PGlite.create({ loadDataDir: dump }));

const wrapPglite = (client: PGlite): Database => {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    executeSql: async (text, values) => {
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows, rowCount: result.affectedRows };
      }
      const results = await client.exec(text);
      const last = results.at(-1);
      return { rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.affectedRows };
    },
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('none') as Promise<Blob>,
  };
};

const reportConnectionError = (error: Error) => {
  process.stderr.write(`orchard: idle PostgreSQL connection lost: ${error.message}\n`);
};

const openPostgres = async (
  url: string,
  poolSize = 10,
  onConnectionError = reportConnectionError,
): Promise<Database> => {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server drops (restart, failover) must not crash the process: the pool replaces it.
  pool.on('error', onConnectionError);
  // Surface connection problems at start-up rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    executeSql: async (text, values) => {
      const result = await pool.query(text, values as unknown[] | undefined);
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: last?.rows ?? [], rowCount: last?.rowCount };
    },
    migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder }),
    close: () => pool.end(),
  };
};

/** The one place that chooses the database provider. */
export const openDatabase = async (options: DatabaseOptions): Promise<Database> => {
  if ('url' in options) return openPostgres(options.url, options.poolSize, options.onConnectionError);
  if ('dataDir' in options) return openPglite(options.dataDir);
  return openPglite();
};
