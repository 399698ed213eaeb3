import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { ensureOwner } from './access/bootstrap-owner.ts';
import { createDeps } from './app/create-deps.ts';
import type { AppDeps } from './app/deps.ts';
import { resolveSecret } from './app/resolve-secret.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { buildHttpApp } from './http/routes.ts';
import { mountWeb } from './http/static.ts';
import { createBossQueue, startBoss } from './jobs/boss.ts';
import type { Logger } from './lib/logger.ts';
import { startPlatformPolling } from './platforms/polling.ts';
import { startWorker } from './worker.ts';

export type RunningOrchard = {
  deps: AppDeps;
  url?: string;
  login?: { email: string; password?: string };
  stop: () => Promise<void>;
};

/** Opens the database of record: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder. */
export const openConfiguredDatabase = async (config: Config): Promise<Database> =>
  config.databaseUrl
    ? openDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize })
    : openDatabase({ dataDir: join(config.dataDir, 'pglite') });

/** Starts Orchard: migrations, jobs, then the HTTP API and/or the worker, according to the role. */
export const startOrchard = async (options: {
  config: Config;
  logger: Logger;
  seedDemo?: boolean;
  /** An already opened database (the console's browser tests pass a harness database); else the configured one. */
  database?: Database;
}): Promise<RunningOrchard> => {
  const { config, logger } = options;
  const secret = resolveSecret(config);
  const database = options.database ?? (await openConfiguredDatabase(config));
  await database.migrate();
  const isWorker = config.role !== 'api';
  const boss = await startBoss(database, { logger, isWorker });
  const deps = createDeps({ config, database, logger, jobs: createBossQueue(boss), secret });

  const owner = await ensureOwner(deps, { email: config.admin.email, password: config.admin.password });
  if (options.seedDemo) await seedDemo(deps, { tenantId: owner.tenantId });

  const worker = isWorker ? await startWorker(deps, boss) : undefined;
  // Accounts that pull their events (Telegram in polling mode) are polled by the worker role.
  const polling = isWorker ? startPlatformPolling(deps) : undefined;
  let server: ServerType | undefined;
  let url: string | undefined;
  if (config.role !== 'worker') {
    const app = buildHttpApp(deps);
    mountWeb(app);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  }

  return {
    deps,
    url,
    login: owner.created ? { email: owner.email, password: owner.password } : { email: owner.email },
    stop: async () => {
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
      await polling?.stop();
      await worker?.stop();
      await boss.stop({ graceful: true, wait: true });
      await database.close();
    },
  };
};
