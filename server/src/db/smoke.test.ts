import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/database.ts';
import type { Database } from './client.ts';
import { executePrepared } from './prepared.ts';
import { tenants } from './schema/index.ts';

describe('database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('applies migrations and stores rows', async () => {
    const [row] = await database.db.insert(tenants).values({ slug: 'acme', name: 'Acme' }).returning();
    expect(row?.slug).toBe('acme');
    const all = await database.db.select().from(tenants);
    expect(all).toHaveLength(1);
  });

  it('runs multi-statement SQL without parameters and parameterised SQL with them', async () => {
    await database.executeSql('create table t1 (x int); insert into t1 values (1), (2);');
    const { rows } = await database.executeSql('select count(*)::int as n from t1 where x > $1', [0]);
    expect(rows[0]?.n).toBe(2);
  });

  it('vacuums and analyzes the queue tables after 2 % of their rows changed', async () => {
    const { rows } = await database.executeSql(
      `select relname, reloptions from pg_class where relname in ('inbound_events', 'outbound_messages') order by relname`,
    );
    const settings = ['autovacuum_vacuum_scale_factor=0.02', 'autovacuum_analyze_scale_factor=0.02'];
    expect(rows).toEqual([
      { relname: 'inbound_events', reloptions: settings },
      { relname: 'outbound_messages', reloptions: settings },
    ]);
  });

  it('runs prepared statements again and again, each text under its own name, in and out of transactions', async () => {
    await database.executeSql('create table t2 (x int)');
    const insert = (x: number) => sql`insert into t2 (x) values (${x}) returning x`;
    const count = (above: number) => sql`select count(*)::int as n from t2 where x > ${above}`;
    for (let x = 1; x <= 7; x += 1) {
      // More runs than PostgreSQL's five custom plans, and two texts taking turns on the same connections.
      expect((await executePrepared<{ x: number }>(database.db, insert(x))).rows).toEqual([{ x }]);
      expect((await executePrepared<{ n: number }>(database.db, count(0))).rows).toEqual([{ n: x }]);
    }
    await database.db.transaction(async (tx) => {
      await executePrepared(tx, insert(100));
      expect((await executePrepared<{ n: number }>(tx, count(99))).rows).toEqual([{ n: 1 }]);
    });
    expect((await executePrepared<{ n: number }>(database.db, count(6))).rows).toEqual([{ n: 2 }]);
  });
});
