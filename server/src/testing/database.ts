import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Database, openDatabase, openPgliteFrom } from '../db/client.ts';

const migrationsDir = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Starting PGlite runs initdb (seconds); loading a dump of an already migrated one takes a fraction.
 * The dump is cached in the temp folder, keyed by the migrations, and rebuilt when they change.
 */
const migratedPglite = async (): Promise<Database> => {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsDir).sort()) {
    if (file.endsWith('.sql')) hash.update(readFileSync(join(migrationsDir, file)));
  }
  const cached = join(tmpdir(), `orchard-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(cached)) return openPgliteFrom(new Blob([readFileSync(cached)]));
  const database = await openDatabase({ memory: true });
  await database.migrate();
  const dump = await database.dumpDataDir?.();
  if (dump) {
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, cached);
  }
  return database;
};

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (CI runs the suite both ways). Never a mock.
 */
export const createTestDatabase = async (): Promise<Database> => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return migratedPglite();
  const empty = await createEmptyPostgresDatabase(adminUrl);
  // The database is dropped with its connections at the end; those goodbyes are expected.
  const database = await openDatabase({ url: empty.url, poolSize: 10, onConnectionError: () => {} });
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      await empty.drop();
    },
  };
};

const runAdmin = async (adminUrl: string, statement: string) => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
};

/** A new, empty database on the PostgreSQL server of `adminUrl`, and a way to drop it. */
export const createEmptyPostgresDatabase = async (adminUrl: string) => {
  const name = `orchard_test_${randomBytes(6).toString('hex')}`;
  await runAdmin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runAdmin(adminUrl, `drop database if exists ${name} with (force)`),
  };
};
