/**
 * bench/funnel — the 30-day AARRR funnel of a brand (`getFunnel`, the real use case) over a generated event log,
 * next to a raw PostgreSQL aggregate over the same rows (the ratio travels better than the absolute on a shared
 * machine). Generation is set-based SQL (generate_series); the rollup job (`refreshFunnelFacts`) runs before the
 * rollup timings, and the live computation (every member from the event log) is timed too.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test BENCH_EVENTS=1000000 npm run bench:funnel
 *   npm run bench:funnel                                  PGlite in a temp folder, 100,000 events
 *
 * Knobs: BENCH_EVENTS (timeline rows; members = events ÷ 20, orders = events ÷ 50), BENCH_RUNS (timed runs),
 * BENCH_KEEP=1 (PostgreSQL: keep the database and print its URL, for EXPLAIN by hand; drop it afterwards).
 * The rollup refresh includes the cohort rebuild (`rebuildFunnelCohorts`, after the last batch).
 */
import { sql } from 'drizzle-orm';
import {
  cohortByDay,
  cohortFlagsSql,
  type FunnelWindow,
  populationAt,
  referralFigures,
  refreshFunnelFacts,
  revenueByDay,
  withoutJit,
} from '../server/src/analytics/funnel.store.ts';
import { instantsOf } from '../server/src/analytics/funnel-period.ts';
import { getFunnel } from '../server/src/analytics/get-funnel.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { runBench } from './lib/run-bench.ts';
import { percentile, round } from './lib/stats.ts';

const adminUrl = process.env.BENCH_DATABASE_URL || undefined;
const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const events = numberFrom('BENCH_EVENTS', 100_000);
const runs = numberFrom('BENCH_RUNS', 5);
const members = Math.max(100, Math.round(events / 20));
const orders = Math.max(10, Math.round(events / 50));
const TENANT = '00000000-0000-4000-8000-00000000f001';
const DAYS = 120;

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

const main = async () => {
  const bench = await openBenchDatabase({ adminUrl, poolSize: 2 });
  try {
    const { database } = bench;
    const run = (text: string) => database.executeSql(text);
    console.log(`bench/funnel on ${bench.label}: ${events} events, ${members} members, ${orders} orders`);
    const [, generateMs] = await timed(async () => {
      await run(`insert into tenants (id, slug, name, timezone) values ('${TENANT}', 'bench-funnel', 'Bench', 'Asia/Shanghai');
        insert into stores (tenant_id, code, name) select '${TENANT}', 'S' || i, 'Store ' || i from generate_series(1, 10) i;
        insert into platform_accounts (tenant_id, platform, name) values ('${TENANT}', 'sandbox', 'Bench');`);
      await run(`insert into communities (tenant_id, store_id, platform_account_id, external_id, name)
        select '${TENANT}', (select id from stores order by code offset (i % 10) limit 1),
          (select id from platform_accounts limit 1), 'g' || i, 'Group ' || i from generate_series(1, 50) i`);
      // Members spread over the last DAYS days, in 10 stores.
      await run(`create table bm as
        select i as n, gen_random_uuid() as id,
          now() - random() * ${DAYS} * interval '1 day' as created_at,
          (select array_agg(id order by code) from stores) as stores
        from generate_series(1, ${members}) i`);
      await run(`insert into members (id, tenant_id, store_id, name, created_at)
        select id, '${TENANT}', stores[1 + (n % 10)], 'Member ' || n, created_at from bm`);
      await run(`insert into community_members (tenant_id, community_id, member_id, joined_at, left_at)
        select '${TENANT}', c.ids[1 + (bm.n % 50)], bm.id, bm.created_at + interval '1 hour',
          case when random() < 0.2 then bm.created_at + random() * 40 * interval '1 day' end
        from bm, (select array_agg(id) as ids from communities) c where random() < 0.7`);
      // The event log: mostly daily message entries and check-ins, some non-interactions, a few valid invites.
      await run(`insert into member_events (tenant_id, member_id, type, occurred_at, data)
        select '${TENANT}', bm.id,
          case when r < 0.6 then 'message.posted' when r < 0.75 then 'checked_in' when r < 0.8 then 'game.played'
            when r < 0.98 then 'tag.added' else 'fission.invite_valid' end,
          least(now(), bm.created_at + random() * 45 * interval '1 day'), '{}'::jsonb
        from (select 1 + (random() * (${members} - 1))::int as m, random() as r from generate_series(1, ${events})) e
        join bm on bm.n = e.m`);
      await run(`insert into orders (tenant_id, external_id, source, member_id, store_id, amount_cents, refunded_cents, ordered_at)
        select '${TENANT}', 'o' || i, 'api', bm.id, bm.stores[1 + (bm.n % 10)], a, case when random() < 0.05 then a else 0 end,
          least(now(), bm.created_at + random() * 30 * interval '1 day')
        from (select i, 1 + (random() * (${members} - 1))::int as m, (1000 + random() * 50000)::int as a
          from generate_series(1, ${orders}) i) o join bm on bm.n = o.m`);
      await run(`insert into campaigns (id, tenant_id, kind, name, starts_at)
          values ('00000000-0000-4000-8000-00000000c001', '${TENANT}', 'fission', 'Invite', now() - interval '${DAYS} days');
        insert into campaign_participants (tenant_id, campaign_id, member_id, role, joined_at)
          select '${TENANT}', '00000000-0000-4000-8000-00000000c001', id,
            case when n % 2 = 0 then 'inviter' else 'invitee' end, created_at from bm where n % 20 = 0;
        drop table bm;`);
      if (bench.url) await run('vacuum analyze');
    });
    const db = database.db;
    const today = new Date();
    const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10); // Asia/Shanghai, no DST
    const to = day(today);
    const from = day(new Date(today.getTime() - 29 * 86_400_000));
    const funnel = (useFacts: boolean) =>
      getFunnel(db, {
        tenantId: TENANT,
        access: { kind: 'brand' },
        scope: { kind: 'brand' },
        from,
        to,
        now: new Date(),
        useFacts,
      });
    // The raw aggregate: the same 30 days of the same log, one GROUP BY, no funnel logic.
    const raw = (on: typeof db = db) =>
      on.execute(sql`select type, count(*), count(distinct member_id) from member_events
        where tenant_id = ${TENANT} and occurred_at >= now() - interval '30 days' group by type`);

    const sample = async (work: () => Promise<unknown>) => {
      await work(); // warm-up
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await timed(work))[1]);
      return times.sort((a, b) => a - b);
    };
    const rawTimes = await sample(() => raw());
    const rawNoJitTimes = await sample(() => withoutJit(db, (tx) => raw(tx)));
    const liveTimes = await sample(() => funnel(false));
    const [refreshed, refreshMs] = await timed(async () => {
      let total = 0;
      // One clock per run, as the job does: a batch refreshed at `now` is not picked again by the next.
      const now = new Date();
      for (;;) {
        const n = await refreshFunnelFacts(db, { tenantId: TENANT, now, limit: 5_000 });
        total += n;
        if (n < 5_000) return total;
      }
    });
    const factTimes = await sample(() => funnel(true));
    const result = await funnel(true);
    const live = await funnel(false);
    if (JSON.stringify(result.current) !== JSON.stringify(live.current)) {
      throw new Error('the rollup and the live computation disagree');
    }
    // Where the time goes: each part of one period's figures, from the rollup, median of the runs.
    const window: FunnelWindow = {
      tenantId: TENANT,
      access: { kind: 'brand' },
      scope: { kind: 'brand' },
      timezone: 'Asia/Shanghai',
      now: new Date().toISOString(),
      useFacts: true,
      ...(await instantsOf(db, { from, to, timezone: 'Asia/Shanghai' })),
    };
    const parts = {
      cohort: await sample(() => withoutJit(db, (tx) => cohortByDay(tx, window))),
      revenue: await sample(() => withoutJit(db, (tx) => revenueByDay(tx, window))),
      population: await sample(() => withoutJit(db, (tx) => populationAt(tx, window))),
      referral: await sample(() => withoutJit(db, (tx) => referralFigures(tx, window))),
    };
    console.log(
      `parts of one period, p50 ms: ${Object.entries(parts)
        .map(([k, t]) => `${k} ${round(percentile(t, 50))}`)
        .join(', ')}`,
    );
    if (process.env.BENCH_EXPLAIN) {
      const plan = await db.execute(
        sql`explain (analyze, buffers) select count(*) filter (where is_activated), count(*) filter (where is_converted), count(*) filter (where is_retained_w1), count(*) filter (where is_retained_w2), count(*) filter (where is_retained_w4) from (${cohortFlagsSql(window)}) x`,
      );
      console.log(
        (plan as unknown as { rows: Record<string, string>[] }).rows
          .map((r) => Object.values(r)[0])
          .join('\n'),
      );
    }
    const rawP50 = percentile(rawTimes, 50);
    const line = (name: string, times: number[]) =>
      console.log(
        `${name.padEnd(46)}${String(round(percentile(times, 50))).padStart(9)}${String(round(percentile(times, 95))).padStart(9)}${`${round(percentile(times, 50) / rawP50, 1)}×`.padStart(9)}`,
      );
    console.log(
      `\ngenerated in ${round(generateMs / 1000)} s; rollup refresh of ${refreshed} members: ${round(refreshMs / 1000, 2)} s`,
    );
    console.log(
      `${'what (30 days, brand)'.padEnd(46)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'÷ raw'.padStart(9)}`,
    );
    line('raw GROUP BY over the 30 days of events', rawTimes);
    line('the same, JIT off', rawNoJitTimes);
    line('funnel, live (every member from the log)', liveTimes);
    line('funnel, rollup + live for what is not final', factTimes);
    console.log(
      `\nfigures: ${JSON.stringify({ newMembers: result.current.acquisition.newMembers, activated: result.current.activation.activated, orders: result.current.revenue.orders, validInvites: result.current.referral.validInvites })}`,
    );
    console.log(
      JSON.stringify({
        database: bench.label,
        events,
        members,
        orders,
        runs,
        rawTimes,
        liveTimes,
        factTimes,
        refreshMs,
        generateMs,
      }),
    );
  } finally {
    // BENCH_KEEP=1 leaves the database for EXPLAIN by hand (drop it afterwards).
    if (process.env.BENCH_KEEP && bench.url) console.log(`kept ${bench.url}`);
    else await bench.dispose();
  }
};

runBench(main);
