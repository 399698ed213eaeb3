import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase, openPgliteFrom, pgliteTemplate } from '../db/client.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (CI runs the suite both ways). Never a mock.
 */
export const createTestDatabase = async (): Promise<Database> => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return openPgliteFrom(await pgliteTemplate());
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
