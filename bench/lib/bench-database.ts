import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../server/src/db/client.ts';

/** A migrated database of its own for one bench run, and how to get rid of it afterwards. */
export type BenchDatabase = {
  database: Database;
  /** PostgreSQL: the bench database's URL (raw inserts open their own pool on it). */
  url?: string;
  /** What the figures were measured on, for the report. */
  label: string;
  dispose: () => Promise<void>;
};

const assertLocal = (url: URL) => {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`BENCH_DATABASE_URL must point at this machine (127.0.0.1), not ${url.hostname}`);
  }
};

/** A fresh `orchard_bench_<random>` on the server of `adminUrl`, dropped (with its connections) on dispose. */
const openPostgresBench = async (adminUrl: string, poolSize: number): Promise<BenchDatabase> => {
  const url = new URL(adminUrl);
  assertLocal(url);
  const name = `orchard_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = (await admin.query<{ server_version: string }>('show server_version')).rows[0]!;
  await admin.query(`create database ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  // The database is dropped with its connections at the end; those goodbyes are expected.
  const database = await openDatabase({ url: url.toString(), poolSize, onConnectionError: () => {} });
  await database.migrate();
  return {
    database,
    url: url.toString(),
    label: `PostgreSQL ${version.server_version}`,
    dispose: async () => {
      await database.close().catch(() => {});
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
};

/** PGlite in a temporary data folder (as `orchard start` runs without DATABASE_URL), removed on dispose. */
const openPgliteBench = async (): Promise<BenchDatabase> => {
  const dir = mkdtempSync(join(tmpdir(), 'orchard-bench-'));
  const database = await openDatabase({ dataDir: dir });
  await database.migrate();
  const version = (await database.executeSql('show server_version', [])).rows[0]!;
  return {
    database,
    label: `PGlite (PostgreSQL ${String(version.server_version)}, WASM, in-process)`,
    dispose: async () => {
      await database.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export const openBenchDatabase = (options: {
  adminUrl?: string;
  poolSize: number;
}): Promise<BenchDatabase> =>
  options.adminUrl ? openPostgresBench(options.adminUrl, options.poolSize) : openPgliteBench();
