import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDeps } from '../../server/src/app/create-deps.ts';
import { loadConfig } from '../../server/src/config.ts';
import { openDatabase } from '../../server/src/db/client.ts';
import { createBossQueue, startBoss } from '../../server/src/jobs/boss.ts';
import { silentLogger } from '../../server/src/lib/logger.ts';
import { featureHandlers } from '../../server/src/pipeline/handlers.ts';
import { startWorker } from '../../server/src/worker.ts';
import { echo } from './bench-world.ts';

/**
 * BENCH_SPLIT=1: the worker in a process of its own, as `orchard start --role worker` runs it next to an
 * API-only process (PostgreSQL only: PGlite cannot be shared between processes).
 */
export type WorkerSpec = {
  url: string;
  secret: string;
  poolSize: number;
  withFeatures: boolean;
  batch?: string;
  pollMs?: string;
};

const self = fileURLToPath(import.meta.url);

/** Start the worker child; resolves once it works, with a way to stop it. */
export const startWorkerProcess = (
  spec: WorkerSpec,
): Promise<{ pid: number | undefined; stop: () => Promise<void> }> =>
  new Promise((resolve, reject) => {
    // BENCH_PROFILE=<dir>: the worker writes its CPU profile there when it exits.
    const profile = process.env.BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
      : [];
    const child = fork(self, [], { execArgv: ['--import', 'tsx', ...profile], stdio: 'inherit' });
    child.once('error', reject);
    child.once('message', () =>
      resolve({
        pid: child.pid,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.send('stop');
          }),
      }),
    );
    child.send(spec);
  });

const runWorker = async (spec: WorkerSpec) => {
  const database = await openDatabase({
    url: spec.url,
    poolSize: spec.poolSize,
    onConnectionError: () => {},
  });
  const boss = await startBoss(database, { logger: silentLogger, isWorker: true });
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    ORCHARD_WORKER_BATCH: spec.batch,
    ORCHARD_WORKER_POLL_MS: spec.pollMs,
  });
  const deps = createDeps({
    config,
    database,
    logger: silentLogger,
    jobs: createBossQueue(boss),
    secret: spec.secret,
  });
  if (!spec.withFeatures) featureHandlers.length = 0;
  featureHandlers.push(echo);
  const worker = await startWorker(deps, boss);
  process.once('message', async () => {
    await worker.stop();
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    await database.close();
    process.exit(0);
  });
  process.send?.('ready');
};

if (process.send && process.argv[1] === self) {
  process.once('message', (spec: WorkerSpec) => {
    void runWorker(spec);
  });
}
