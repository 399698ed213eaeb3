import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Logger } from '../lib/logger.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import type { PlatformRegistry } from '../platforms/registry.ts';

/** Everything a use case may need from the outside world, built once at start-up (or per test). */
export type AppDeps = {
  config: Config;
  database: Database;
  db: Db;
  logger: Logger;
  secretBox: SecretBox;
  platforms: PlatformRegistry;
  jobs: JobQueue;
  /** The clock; tests pass a fixed or movable one. */
  now: () => Date;
};
