import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';
import type { Logger } from '../lib/logger.ts';
import { describeError } from './backoff.ts';
import { jobDefinitions } from './definitions.ts';
import type { JobQueue } from './queue.ts';

/**
 * Start pg-boss on Orchard's own database, PGlite or PostgreSQL alike, through `database.executeSql`.
 * On PostgreSQL that is the app's pool rather than a second one from a connection string: one pool
 * sized by DATABASE_POOL_SIZE, no URL to plumb (a test database knows its own), and the exact code path
 * the PGlite tests exercise. pg-boss 10 polls rather than LISTENs, so it needs no dedicated connection.
 */
export const startBoss = async (
  database: Database,
  options: { logger: Logger; isWorker?: boolean },
): Promise<PgBoss> => {
  const isWorker = options.isWorker ?? true;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) },
    schema: 'pgboss',
    migrate: true,
    // Maintenance and cron belong to workers; an API-only process just sends.
    supervise: isWorker,
    schedule: isWorker,
  });
  boss.on('error', (error) => options.logger.error({ error: describeError(error) }, 'jobs: pg-boss error'));
  await boss.start();
  // Queues must exist before anything is sent to them; createQueue leaves an existing queue alone.
  for (const definition of jobDefinitions) {
    await boss.createQueue(definition.name, {
      name: definition.name,
      policy: definition.policy ?? 'standard',
    });
  }
  return boss;
};

/** The producer the app uses (deps.jobs). A job that collapses into a queued singleton is not an error. */
export const createBossQueue = (boss: PgBoss): JobQueue => ({
  send: async (name, data, options = {}) => {
    await boss.send(name, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
    });
  },
});
