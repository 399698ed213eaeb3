/**
 * bench/stages — the pipeline's stages one at a time, to see which one bounds bench/ingest:
 * webhook acks with no worker running, then draining that backlog with processPendingEvents alone,
 * then delivering the replies with deliverOutbound alone. Same database choice as bench/ingest.
 * BENCH_PROFILE=<dir> writes each stage's CPU profile there.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { type ServerType, serve } from '@hono/node-server';
import { createDeps } from '../server/src/app/create-deps.ts';
import type { AppDeps } from '../server/src/app/deps.ts';
import { loadConfig } from '../server/src/config.ts';
import { buildHttpApp } from '../server/src/http/routes.ts';
import { createRecordingQueue } from '../server/src/jobs/queue.ts';
import { silentLogger } from '../server/src/lib/logger.ts';
import { deliverOutbound } from '../server/src/outbox/deliver-outbound.ts';
import { createRateLimitStore } from '../server/src/outbox/rate-limit.ts';
import { processPendingEvents } from '../server/src/pipeline/process-events.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { createBenchWorld, echo } from './lib/bench-world.ts';
import { backendsOf, watchPostgresCpu } from './lib/postgres-cpu.ts';
import { runBench } from './lib/run-bench.ts';
import { runLoadInChild } from './lib/run-load.ts';
import { round } from './lib/stats.ts';

const adminUrl = process.env.BENCH_DATABASE_URL || undefined;
const events = Number(process.env.BENCH_EVENTS) || (adminUrl ? 20_000 : 5_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY) || 48;
const poolSize = Number(process.env.BENCH_POOL_SIZE) || 10;
const deliveryConcurrency = Number(process.env.BENCH_DELIVERY_CONCURRENCY) || 4;

/** BENCH_PROFILE=<dir>: each stage's CPU profile of this process, as <dir>/<stage>.cpuprofile (open in DevTools). */
const profileDir = process.env.BENCH_PROFILE || undefined;
const inspector = profileDir ? new Session() : undefined;
inspector?.connect();

/** Wall-clock rate, and CPU microseconds per item in this process and in PostgreSQL (less noisy than rates). */
const timed = async (
  backends: (() => Promise<number[]>) | undefined,
  stage: string,
  work: () => Promise<number>,
) => {
  if (inspector) {
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  const postgres = watchPostgresCpu(backends);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pgCpu = await postgres.seconds();
  const count = await work();
  const used = process.cpuUsage(cpu);
  const pgUsed = (await postgres.seconds()) - pgCpu;
  postgres.stop();
  if (inspector) {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(`${profileDir}/${stage}.cpuprofile`, JSON.stringify(profile));
  }
  return {
    count,
    perSecond: round(count / ((performance.now() - started) / 1000)),
    nodeMicros: round((used.user + used.system) / count),
    postgresMicros: round((pgUsed * 1e6) / count),
  };
};

const listen = (deps: AppDeps): Promise<{ server: ServerType; url: string }> =>
  new Promise((resolve) => {
    const server = serve({ fetch: buildHttpApp(deps).fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server, url: `http://127.0.0.1:${info.port}` }),
    );
  });

const main = async () => {
  const bench = await openBenchDatabase({ adminUrl, poolSize });
  try {
    const deps = createDeps({
      config: loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
      database: bench.database,
      logger: silentLogger,
      jobs: createRecordingQueue(),
      secret: 'orchard-bench-secret-0123456789',
    });
    const world = await createBenchWorld(deps, { members: 1_000, groups: 50 });
    const { server, url } = await listen(deps);
    const post = (total: number) =>
      runLoadInChild(
        {
          url,
          accountId: world.accountId,
          secret: world.webhookSecret,
          total,
          concurrency,
          memberIds: world.memberIds,
          groupIds: world.groupIds,
          ratePerSecond: 0,
        },
        300_000,
      );
    const drain = async () => {
      let total = 0;
      for (;;) {
        const stats = await processPendingEvents(deps, { handlers: [echo] });
        total += stats.processed;
        if (stats.claimed === 0) return total;
      }
    };
    const rateLimits = createRateLimitStore();
    const deliver = async () => {
      let total = 0;
      for (;;) {
        const stats = await deliverOutbound(deps, {
          platformAccountId: world.accountId,
          rateLimits,
          limit: 500,
          concurrency: deliveryConcurrency,
        });
        total += stats.sent;
        if (stats.claimed === 0) return total;
      }
    };
    // Warm-up: JIT, and every member known.
    await post(2_000);
    await drain();
    await deliver();

    // As bench/ingest: what autovacuum would have done by now on a live server (the test server runs without it).
    await bench.database.executeSql('vacuum analyze');
    const backends = bench.url ? backendsOf(bench.database) : undefined;
    let ackReport: Awaited<ReturnType<typeof post>> | undefined;
    const acks = await timed(backends, 'acks', async () => {
      ackReport = await post(events);
      return ackReport.sent;
    });
    const processed = await timed(backends, 'process', drain);
    const delivered = await timed(backends, 'deliver', deliver);
    server.close();
    const line = (name: string, stage: typeof acks) =>
      `${name.padEnd(28)}${String(stage.perSecond).padStart(9)}/s  CPU per event: server ${stage.nodeMicros} µs` +
      (backends ? `, PostgreSQL ${stage.postgresMicros} µs` : '');
    console.log(`${bench.label}; ${events} events; concurrency ${concurrency}; pool ${poolSize}`);
    console.log(
      `${line('webhook acks (no worker)', acks)}; p50 ${ackReport?.latencyMs.p50} p99 ${ackReport?.latencyMs.p99} ms`,
    );
    console.log(line('processPendingEvents alone', processed));
    console.log(line('deliverOutbound alone', delivered));
  } finally {
    await bench.dispose();
  }
};

runBench(main);
