/**
 * bench/segments — the members list filtered by a tag expression over a brand of 1,000,000 members, timed through
 * the real store function (`listMembers`), p50/p95 per expression, next to one raw single-row INSERT on the same
 * server (the machine is noisy; the ratio travels better than the absolute figure).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:segments   a fresh database there
 *   npm run bench:segments                                                             PGlite (100,000 members)
 *
 * Knobs: BENCH_MEMBERS, BENCH_RUNS, BENCH_VACUUM=0 (skip the post-load VACUUM). The database is dropped after (BENCH_KEEP=1 keeps it to look at plans).
 */
import type { Scope } from '../server/src/access/auth-context.ts';
import type { Database } from '../server/src/db/client.ts';
import type { TagExpression } from '../server/src/members/member-filter.ts';
import { refreshMemberStages } from '../server/src/members/member-stages.store.ts';
import { listMembers } from '../server/src/members/members.store.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { measureRawInserts } from './lib/raw-inserts.ts';
import { runBench } from './lib/run-bench.ts';
import { percentile, round } from './lib/stats.ts';

const adminUrl = process.env.BENCH_DATABASE_URL || undefined;
const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const settings = {
  members: numberFrom('BENCH_MEMBERS', adminUrl ? 1_000_000 : 100_000),
  tags: 50,
  stores: 20,
  runs: numberFrom('BENCH_RUNS', 40),
  warmUp: 5,
  pageSize: 50,
};

const TENANT = '00000000-0000-4000-8000-00000000b001';

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

/**
 * Set-based generation: members spread over a year and over the stores; 0–6 tags each, both skewed (few members
 * have many tags; tag 1 is common, tag 50 rare), as real tag usage is.
 */
const generate = async (database: Database) => {
  const run = (text: string) => database.executeSql(text);
  await run(`insert into tenants (id, slug, name) values ('${TENANT}', 'bench', 'Bench')`);
  await run(`insert into stores (tenant_id, code, name)
    select '${TENANT}', 'S' || i, 'Store ' || i from generate_series(1, ${settings.stores}) i`);
  await run(`insert into tags (tenant_id, name, sort_order)
    select '${TENANT}', 'tag-' || i, i from generate_series(1, ${settings.tags}) i`);
  await run(`insert into members (tenant_id, store_id, name, stage, created_at)
    select '${TENANT}', s.ids[1 + i % ${settings.stores}], 'Member ' || i,
      (array['new','active','silent','churned','core'])[1 + (i % 5)],
      now() - ((${settings.members} - i) * (interval '1 year' / ${settings.members}))
    from generate_series(1, ${settings.members}) i,
      (select array_agg(id order by code) as ids from stores where tenant_id = '${TENANT}') s`);
  await run(`insert into member_tags (tenant_id, member_id, tag_id, source)
    select '${TENANT}', m.id, t.ids[1 + floor(${settings.tags} * power(random(), 2))::int], 'bench'
    from members m
    cross join (select array_agg(id order by sort_order) as ids from tags where tenant_id = '${TENANT}') t
    cross join lateral generate_series(1, floor(7 * power(random(), 1.6))::int + (m.id is null)::int) k
    where m.tenant_id = '${TENANT}'
    on conflict do nothing`);
  // Autovacuum would do this soon after a bulk load; without it the visibility map is empty and the tag index
  // cannot answer index-only (BENCH_VACUUM=0 measures that cold state).
  for (const table of ['members', 'member_tags', 'tags']) {
    await run(`${process.env.BENCH_VACUUM === '0' ? 'analyze' : 'vacuum analyze'} ${table}`);
  }
};

const main = async () => {
  const bench = await openBenchDatabase({ adminUrl, poolSize: 4 });
  try {
    const { database } = bench;
    console.log(`bench/segments on ${bench.label}: ${settings.members} members, ${settings.tags} tags`);
    const [, generateMs] = await timed(() => generate(database));
    const pairs = Number(
      (await database.executeSql('select count(*)::int as n from member_tags')).rows[0]!.n,
    );
    console.log(`generated in ${round(generateMs / 1000)} s (${pairs} member-tag pairs)`);
    const tagIds = (
      await database.executeSql(`select id from tags where tenant_id = '${TENANT}' order by sort_order`)
    ).rows.map((r) => String(r.id));
    const storeId = String(
      (await database.executeSql(`select id from stores order by code limit 1`)).rows[0]!.id,
    );
    const tag = (n: number) => tagIds[n - 1]!;
    const brand: Scope = { kind: 'brand' };
    const guide: Scope = { kind: 'stores', storeIds: [storeId] };
    const cases: { name: string; tags: TagExpression; scope?: Scope }[] = [
      { name: 'all [common]', tags: { all: [tag(1)] } },
      { name: 'all [common, mid]', tags: { all: [tag(1), tag(10)] } },
      { name: 'all [rare]', tags: { all: [tag(50)] } },
      { name: 'all [rare, rare] (few or no matches)', tags: { all: [tag(45), tag(50)] } },
      { name: 'any [3 mid]', tags: { any: [tag(10), tag(20), tag(30)] } },
      { name: 'any [3 rare]', tags: { any: [tag(48), tag(49), tag(50)] } },
      { name: 'none [common]', tags: { none: [tag(1)] } },
      { name: 'all [common] + none [mid]', tags: { all: [tag(1)], none: [tag(5)] } },
      {
        name: 'all [mid] + any [2 mid] + none [common]',
        tags: { all: [tag(5)], any: [tag(8), tag(12)], none: [tag(1)] },
      },
      { name: 'guide scope (1 store) + all [mid]', tags: { all: [tag(10)] }, scope: guide },
      { name: 'guide scope + all [rare, rare]', tags: { all: [tag(45), tag(50)] }, scope: guide },
    ];
    const rows: { name: string; p50: number; p95: number; items: number }[] = [];
    for (const c of cases) {
      const query = () =>
        listMembers(database.db, {
          tenantId: TENANT,
          scope: c.scope ?? brand,
          limit: settings.pageSize,
          tags: c.tags,
        });
      for (let i = 0; i < settings.warmUp; i++) await query();
      const samples: number[] = [];
      let items = 0;
      for (let i = 0; i < settings.runs; i++) {
        const [page, ms] = await timed(query);
        samples.push(ms);
        items = page.items.length;
      }
      samples.sort((a, b) => a - b);
      rows.push({
        name: c.name,
        p50: round(percentile(samples, 50), 2),
        p95: round(percentile(samples, 95), 2),
        items,
      });
    }
    const [changed, stagesMs] = await timed(() =>
      refreshMemberStages(database.db, { tenantId: TENANT, now: new Date() }),
    );
    const raw = await measureRawInserts(bench.url ? { url: bench.url } : { database }, {
      total: 3_000,
      concurrency: 1,
    });
    const rawMs = 1000 / raw.insertsPerSecond;

    console.log(`\none raw single-row INSERT (autocommit, 1 connection): ${round(rawMs, 3)} ms\n`);
    console.log(
      `${'tag expression (page of 50, newest first)'.padEnd(44)}${'rows'.padStart(6)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p95 ÷ INSERT'.padStart(14)}`,
    );
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(44)}${String(r.items).padStart(6)}${String(r.p50).padStart(9)}${String(r.p95).padStart(9)}${`${round(r.p95 / rawMs, 1)}×`.padStart(14)}`,
      );
    }
    console.log(
      `\nstage refresh of the whole brand (one statement): ${round(stagesMs / 1000, 1)} s, ${changed} changed`,
    );
    console.log(
      `\n${JSON.stringify({ database: bench.label, settings, generateMs: round(generateMs), pairs, rawMs, rows, stagesMs: round(stagesMs) })}`,
    );
  } finally {
    if (process.env.BENCH_KEEP === '1') console.log(`kept for inspection: ${bench.url ?? 'PGlite folder'}`);
    else await bench.dispose();
  }
};

runBench(main);
