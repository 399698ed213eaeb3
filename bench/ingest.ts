/**
 * bench/ingest — end-to-end events/s through the sandbox webhook → pipeline → outbox, against raw
 * single-row INSERTs/s on the same database server, and the ratio of the two (the machine is noisy;
 * the ratio travels better than the absolute figure).
 *
 *   npm run bench:ingest                                                   PGlite in a temp folder
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:ingest   a fresh database there
 *
 * Knobs (environment): BENCH_EVENTS, BENCH_CONCURRENCY, BENCH_RATE, BENCH_RATE_EVENTS, BENCH_RAW_INSERTS,
 * BENCH_POOL_SIZE, BENCH_WORKER_BATCH, BENCH_WORKER_POLL_MS, BENCH_VERBOSE=1, BENCH_SPLIT=1 (worker in its own process, PostgreSQL),
 * BENCH_FEATURES=1 (run the product's feature handlers too). Everything is bounded: fixed counts and a deadline per run; the database is dropped after.
 */
import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type ServerType, serve } from '@hono/node-server';
import { createDeps } from '../server/src/app/create-deps.ts';
import type { AppDeps } from '../server/src/app/deps.ts';
import { loadConfig } from '../server/src/config.ts';
import { buildHttpApp } from '../server/src/http/routes.ts';
import { createBossQueue, startBoss } from '../server/src/jobs/boss.ts';
import { silentLogger } from '../server/src/lib/logger.ts';
import { featureHandlers } from '../server/src/pipeline/handlers.ts';
import { startWorker } from '../server/src/worker.ts';
import { type BenchDatabase, openBenchDatabase } from './lib/bench-database.ts';
import { type BenchWorld, createBenchWorld, echo } from './lib/bench-world.ts';
import { backendsOf, processCpuSeconds, watchPostgresCpu } from './lib/postgres-cpu.ts';
import { measureRawInserts } from './lib/raw-inserts.ts';
import { formatTable, type RunResult, summarizeRun } from './lib/report.ts';
import { runBench } from './lib/run-bench.ts';
import { runLoadInChild } from './lib/run-load.ts';
import { round } from './lib/stats.ts';
import { markRun, waitForPipeline } from './lib/wait-for-pipeline.ts';
import { startWorkerProcess } from './lib/worker-process.ts';

const adminUrl = process.env.BENCH_DATABASE_URL || undefined;
const isPostgres = adminUrl !== undefined;
const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const settings = {
  events: numberFrom('BENCH_EVENTS', isPostgres ? 30_000 : 5_000),
  concurrency: numberFrom('BENCH_CONCURRENCY', 48),
  /**
   * Connections of the fixed-rate run: enough that the client never holds a due request back for want of a
   * free one (48 connections carry at most 48 ÷ latency requests a second); 100 is Telegram's largest
   * max_connections for one bot.
   */
  rateConcurrency: numberFrom('BENCH_RATE_CONCURRENCY', 100),
  rate: numberFrom('BENCH_RATE', isPostgres ? 5_000 : 1_000),
  /**
   * Ten seconds at the rate on PostgreSQL: a steady load, not the first seconds' transient (100 new connections,
   * the worker's first batches), which alone moved a five-second run's p99 by tens of milliseconds.
   */
  rateEvents: numberFrom('BENCH_RATE_EVENTS', isPostgres ? 50_000 : 5_000),
  rawInserts: numberFrom('BENCH_RAW_INSERTS', isPostgres ? 20_000 : 5_000),
  poolSize: numberFrom('BENCH_POOL_SIZE', 10),
  withFeatures: process.env.BENCH_FEATURES === '1',
  verbose: process.env.BENCH_VERBOSE === '1',
  /** PostgreSQL only: the worker in its own process, as `--role api` + `--role worker` deploy it. */
  split: process.env.BENCH_SPLIT === '1',
  warmUpEvents: 2_000,
  members: 1_000,
  groups: 50,
};

const listen = (deps: AppDeps): Promise<{ server: ServerType; url: string }> =>
  new Promise((resolve) => {
    const server = serve({ fetch: buildHttpApp(deps).fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server, url: `http://127.0.0.1:${info.port}` }),
    );
  });

/**
 * PostgreSQL's counters for the bench database (pg_stat_database; null on PGlite). A backend reports its
 * counts at most once a second, so the reading waits that long first.
 */
const databaseStats = async (bench: BenchDatabase): Promise<Record<string, number> | null> => {
  if (!bench.url) return null;
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const { rows } = await bench.database.executeSql(
    `select xact_commit as commits, tup_inserted as inserted, tup_updated as updated, tup_deleted as deleted,
       tup_fetched as fetched from pg_stat_database where datname = current_database()`,
  );
  const row = rows[0] as Record<string, string | number>;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]));
};

const measureRaw = (bench: BenchDatabase) =>
  measureRawInserts(bench.url ? { url: bench.url } : { database: bench.database }, {
    total: settings.rawInserts,
    concurrency: settings.concurrency,
  });

/** Post `total` events (at `rate`/s, or flat out when 0) and wait until each is processed and its reply sent. */
const runOnce = async (
  bench: BenchDatabase,
  target: { url: string; world: BenchWorld; workerPid?: number },
  options: { name: string; total: number; rate: number; concurrency: number },
): Promise<RunResult> => {
  // What autovacuum would have done by now on a live server (the test server runs without it): fresh
  // planner statistics and no dead rows left over from the previous run. Not timed.
  await bench.database.executeSql('vacuum analyze');
  const mark = await markRun(bench.database);
  const statsBefore = await databaseStats(bench);
  // Generous: a run that cannot finish in this time is reported as unfinished rather than waited for.
  const budgetMs = 30_000 + (options.total / 200) * 1000;
  // How long the server's event loop was held up while the load ran: what stretches the ack tail.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  // CPU per event, whatever else the machine runs: this process, the worker's (when split) and PostgreSQL's.
  const postgres = watchPostgresCpu(bench.url ? backendsOf(bench.database) : undefined);
  const cpuBefore = {
    server: process.cpuUsage(),
    worker: processCpuSeconds(target.workerPid),
    pg: await postgres.seconds(),
  };
  const load = await runLoadInChild(
    {
      url: target.url,
      accountId: target.world.accountId,
      secret: target.world.webhookSecret,
      total: options.total,
      concurrency: options.concurrency,
      memberIds: target.world.memberIds,
      groupIds: target.world.groupIds,
      ratePerSecond: options.rate,
    },
    budgetMs,
  );
  let lastReport = 0;
  loopDelay.disable();
  const pipeline = await waitForPipeline(bench.database, mark, {
    expected: load.sent - load.errors,
    deadline: load.startedAt + budgetMs,
    pollMs: 100,
    // BENCH_VERBOSE=1: the drain second by second, to see which stage lags (counting costs the database).
    onProgress: settings.verbose
      ? (p) => {
          if (Date.now() - lastReport < 1000) return;
          lastReport = Date.now();
          console.log(
            `  ${options.name}: ${round((Date.now() - load.startedAt) / 1000)} s, processed ${p.processed}, sent ${p.sent}`,
          );
        }
      : undefined,
  });
  const server = process.cpuUsage(cpuBefore.server);
  const statsAfter = await databaseStats(bench);
  const perEvent = (seconds: number) => round((seconds * 1e6) / Math.max(load.sent, 1));
  const workerSeconds = processCpuSeconds(target.workerPid) - cpuBefore.worker;
  const cpuMicros = {
    server: perEvent((server.user + server.system) / 1e6 + workerSeconds),
    // Split: the worker's share of `server` (the rest is the API process, this bench's own polling included).
    ...(target.workerPid ? { worker: perEvent(workerSeconds) } : {}),
    postgres: perEvent((await postgres.seconds()) - cpuBefore.pg),
    client: load.clientCpuMicrosPerRequest,
  };
  // What PostgreSQL did per event (commits, rows written and read): the work behind its CPU figure.
  const databaseWork =
    statsBefore && statsAfter
      ? Object.fromEntries(
          Object.keys(statsAfter).map((key) => [
            key,
            round((statsAfter[key]! - statsBefore[key]!) / Math.max(load.sent, 1), 2),
          ]),
        )
      : undefined;
  postgres.stop();
  return {
    ...summarizeRun(options.name, load, pipeline, load.sent - load.errors),
    cpuMicros,
    databaseWork,
    loopDelayMs: { p99: round(loopDelay.percentile(99) / 1e6, 1), max: round(loopDelay.max / 1e6, 1) },
  };
};

const main = async () => {
  const bench = await openBenchDatabase({ adminUrl, poolSize: settings.poolSize });
  let server: ServerType | undefined;
  let stopWorker = async () => {};
  try {
    const rawBefore = await measureRaw(bench);
    const isSplit = settings.split && bench.url !== undefined;
    const boss = await startBoss(bench.database, { logger: silentLogger, isWorker: !isSplit });
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      ORCHARD_WORKER_BATCH: process.env.BENCH_WORKER_BATCH,
      ORCHARD_WORKER_POLL_MS: process.env.BENCH_WORKER_POLL_MS,
    });
    const secret = 'orchard-bench-secret-0123456789';
    const deps = createDeps({
      config: { ...config, databasePoolSize: settings.poolSize },
      database: bench.database,
      logger: silentLogger,
      jobs: createBossQueue(boss),
      secret,
    });
    // The bench's feature, registered the way features register theirs. By default it runs alone, so the
    // figure measures the pipeline rather than whichever features exist; BENCH_FEATURES=1 keeps them too.
    if (!settings.withFeatures) featureHandlers.length = 0;
    featureHandlers.push(echo);
    const world = await createBenchWorld(deps, { members: settings.members, groups: settings.groups });
    const worker =
      isSplit && bench.url
        ? await startWorkerProcess({
            url: bench.url,
            secret,
            poolSize: settings.poolSize,
            withFeatures: settings.withFeatures,
            batch: process.env.BENCH_WORKER_BATCH,
            pollMs: process.env.BENCH_WORKER_POLL_MS,
          })
        : await startWorker(deps, boss);
    const workerPid = 'pid' in worker ? (worker.pid as number | undefined) : undefined;
    stopWorker = async () => {
      await worker.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    };
    const listening = await listen(deps);
    server = listening.server;
    const target = { url: listening.url, world, workerPid };

    // Warm-up: JIT, connections, and every member's identity created (steady state: known members).
    const flatOut = { rate: 0, concurrency: settings.concurrency };
    await runOnce(bench, target, { name: 'warm-up', total: settings.warmUpEvents, ...flatOut });
    const runs = [
      await runOnce(bench, target, { name: 'flat out', total: settings.events, ...flatOut }),
      await runOnce(bench, target, {
        name: `at ${settings.rate}/s`,
        total: settings.rateEvents,
        rate: settings.rate,
        concurrency: settings.rateConcurrency,
      }),
    ];
    const rawAfter = await measureRaw(bench);
    const raw = round((rawBefore.insertsPerSecond + rawAfter.insertsPerSecond) / 2);

    console.log(
      `\nOrchard ingest bench: ${bench.label}; ${availableParallelism()} cores; node ${process.version}; ` +
        `connections ${settings.concurrency} flat out, ${settings.rateConcurrency} at a fixed rate; app pool ${settings.poolSize}; ` +
        `worker ${settings.split && bench.url ? 'in its own process' : 'in the same process'}`,
    );
    console.log(
      `raw INSERTs/s before and after the runs: ${rawBefore.insertsPerSecond} / ${rawAfter.insertsPerSecond}\n`,
    );
    console.log(formatTable({ raw, runs }));
    console.log(`\n${JSON.stringify({ database: bench.label, settings, raw, runs })}`);
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await stopWorker().catch(() => {});
    await bench.dispose();
  }
};

runBench(main);
