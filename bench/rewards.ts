/**
 * bench/rewards — sustained points-ledger writes through the real use cases (`grantPoints`, `spendPoints`, each
 * in a transaction of its own via `runRewardTx`, as a reward is given), next to raw single-row INSERTs on the
 * same server in the same run (the machine is shared and noisy; the ratio travels better than the absolute).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:rewards   a fresh database there
 *   npm run bench:rewards                                                             PGlite in a temp folder
 *
 * Knobs: BENCH_MEMBERS, BENCH_WRITES, BENCH_CONCURRENCY (connections = concurrent transactions).
 */
import { createDeps } from '../server/src/app/create-deps.ts';
import type { AppDeps } from '../server/src/app/deps.ts';
import { loadConfig } from '../server/src/config.ts';
import { loyaltyLevels } from '../server/src/db/schema/index.ts';
import { createRecordingQueue } from '../server/src/jobs/queue.ts';
import { silentLogger } from '../server/src/lib/logger.ts';
import { grantPoints, spendPoints } from '../server/src/loyalty/points/grant-points.ts';
import { findBalanceMismatches } from '../server/src/loyalty/points/points.store.ts';
import { runRewardTx } from '../server/src/loyalty/reward-tx.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { measureRawInserts } from './lib/raw-inserts.ts';
import { runBench } from './lib/run-bench.ts';
import { round } from './lib/stats.ts';

const adminUrl = process.env.BENCH_DATABASE_URL || undefined;
const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const settings = {
  members: numberFrom('BENCH_MEMBERS', adminUrl ? 5_000 : 1_000),
  writes: numberFrom('BENCH_WRITES', adminUrl ? 20_000 : 4_000),
  concurrency: numberFrom('BENCH_CONCURRENCY', adminUrl ? 8 : 1),
  raw: adminUrl ? 20_000 : 4_000,
};
const TENANT = '00000000-0000-4000-8000-00000000b002';

/** `count` calls of `work(i)` spread over `lanes` concurrent loops; returns writes per second. */
const sustained = async (count: number, lanes: number, work: (i: number) => Promise<unknown>) => {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return round(count / ((performance.now() - started) / 1000));
};

const main = async () => {
  const bench = await openBenchDatabase({ adminUrl, poolSize: settings.concurrency });
  try {
    const { database } = bench;
    const deps: AppDeps = createDeps({
      config: loadConfig({ NODE_ENV: 'test' }),
      database,
      logger: silentLogger,
      jobs: createRecordingQueue(),
      secret: 'bench-secret-bench-secret',
    });
    await database.executeSql(
      `insert into tenants (id, slug, name) values ('${TENANT}', 'bench-rewards', 'Bench')`,
    );
    await database.executeSql(`insert into members (tenant_id, name)
      select '${TENANT}', 'Member ' || i from generate_series(1, ${settings.members}) i`);
    await deps.db.insert(loyaltyLevels).values([
      { tenantId: TENANT, name: 'Sprout', rank: 1, threshold: 0 },
      { tenantId: TENANT, name: 'Blossom', rank: 2, threshold: 200, pointsMultiplierPercent: 120 },
      { tenantId: TENANT, name: 'Fruit', rank: 3, threshold: 1_000, pointsMultiplierPercent: 150 },
    ]);
    const members = (
      await database.executeSql(`select id from members where tenant_id = '${TENANT}' order by id`)
    ).rows.map((r) => String(r.id));
    // Consecutive writes go to different members, so concurrent lanes rarely wait on one member's row.
    const memberOf = (i: number) => members[i % members.length]!;
    const grant = (i: number) =>
      runRewardTx(deps, TENANT, (rt) =>
        grantPoints(rt, {
          memberId: memberOf(i),
          points: 10,
          source: 'checkin',
          reason: 'Bench check-in',
          idempotencyKey: `bench-grant:${i}`,
        }),
      );
    const spend = (i: number) =>
      runRewardTx(deps, TENANT, (rt) =>
        spendPoints(rt, {
          memberId: memberOf(i),
          points: 3,
          source: 'mall',
          reason: 'Bench spend',
          idempotencyKey: `bench-spend:${i}`,
        }),
      );
    const rawTarget = bench.url ? { url: bench.url } : { database };
    const rawOptions = { total: settings.raw, concurrency: settings.concurrency };

    console.log(
      `bench/rewards on ${bench.label}: ${settings.members} members, ${settings.writes} writes, ${settings.concurrency} concurrent`,
    );
    // Warm-up: JIT, every member's balance row created, plans cached.
    await sustained(Math.min(settings.members, 2_000), settings.concurrency, (i) => grant(1_000_000 + i));
    const rawBefore = await measureRawInserts(rawTarget, rawOptions);
    const grants = await sustained(settings.writes, settings.concurrency, grant);
    const spends = await sustained(settings.writes / 2, settings.concurrency, spend);
    const rawAfter = await measureRawInserts(rawTarget, rawOptions);
    const raw = round((rawBefore.insertsPerSecond + rawAfter.insertsPerSecond) / 2);

    const mismatches = await findBalanceMismatches(database.db, TENANT);
    if (mismatches.length > 0)
      throw new Error(`balances differ from the ledger: ${JSON.stringify(mismatches)}`);
    const rows = Number(
      (await database.executeSql('select count(*)::int as n from points_ledger')).rows[0]!.n,
    );

    const line = (name: string, perSecond: number) =>
      console.log(
        `${name.padEnd(48)}${String(perSecond).padStart(10)}/s${`${round(perSecond / raw, 2)}×`.padStart(10)}`,
      );
    console.log(`\n${'what'.padEnd(48)}${'rate'.padStart(12)}${'÷ raw'.padStart(10)}`);
    line(
      `raw single-row INSERTs (${rawBefore.insertsPerSecond} before, ${rawAfter.insertsPerSecond} after)`,
      raw,
    );
    line('grantPoints (earn + level check), one tx each', grants);
    line('spendPoints (guarded debit), one tx each', spends);
    console.log(`\n${rows} ledger rows; every balance equals the sum of its ledger.`);
    console.log(
      `\n${JSON.stringify({ database: bench.label, settings, raw, rawBefore, rawAfter, grants, spends })}`,
    );
  } finally {
    await bench.dispose();
  }
};

runBench(main);
