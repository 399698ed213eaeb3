import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/database.ts';
import type { Database } from './client.ts';
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
});
