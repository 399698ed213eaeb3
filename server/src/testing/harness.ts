import { createDeps } from '../app/create-deps.ts';
import type { AppDeps } from '../app/deps.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { buildHttpApp, type HttpApp } from '../http/routes.ts';
import { createRecordingQueue } from '../jobs/queue.ts';
import { silentLogger } from '../lib/logger.ts';
import { createTestDatabase } from './database.ts';

export type Harness = {
  database: Database;
  deps: AppDeps;
  app: HttpApp;
  jobs: ReturnType<typeof createRecordingQueue>;
  /** A movable clock: tests advance it instead of sleeping. */
  clock: { now: Date; advance: (ms: number) => void };
  close: () => Promise<void>;
};

/** A real database, the real HTTP app and a movable clock, for one test file. */
export const createHarness = async (): Promise<Harness> => {
  const database = await createTestDatabase();
  const jobs = createRecordingQueue();
  const clock = {
    now: new Date(),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const deps = createDeps({
    config: loadConfig({ NODE_ENV: 'test' }),
    database,
    logger: silentLogger,
    jobs,
    secret: 'test-secret-test-secret',
    now: () => clock.now,
  });
  return { database, deps, app: buildHttpApp(deps), jobs, clock, close: () => database.close() };
};
