import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Logger } from '../lib/logger.ts';
import { createSecretBox } from '../lib/secret-box.ts';
import { adapterFactories } from '../platforms/factories.ts';
import { createPlatformRegistry } from '../platforms/registry.ts';
import type { AppDeps } from './deps.ts';

/** The composition root shared by the server, the worker, the CLI and the tests. */
export const createDeps = (options: {
  config: Config;
  database: Database;
  logger: Logger;
  jobs: JobQueue;
  secret: string;
  now?: () => Date;
}): AppDeps => {
  const now = options.now ?? (() => new Date());
  const secretBox = createSecretBox(options.secret);
  const db = options.database.db;
  return {
    config: options.config,
    database: options.database,
    db,
    logger: options.logger,
    secretBox,
    jobs: options.jobs,
    now,
    platforms: createPlatformRegistry({
      db,
      logger: options.logger,
      now,
      secretBox,
      factories: adapterFactories,
    }),
  };
};
