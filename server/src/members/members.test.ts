import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberIdentities, members, platformAccounts } from '../db/schema/index.ts';
import { createBrand, createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createTestClient } from '../testing/test-client.ts';

type Member = { id: string; name: string; storeId: string | null };
type Page = { items: Member[]; nextCursor: string | null };
type Detail = Member & { identities: { platform: string; externalId: string; displayName: string | null }[] };

describe('members read API', () => {
  let h: Harness;
  let api: ReturnType<typeof createTestClient>;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let store2: Awaited<ReturnType<typeof createStore>>;
  let guide1: Awaited<ReturnType<typeof createStaffWithToken>>;
  let inStore1: Member[];
  let inStore2: Member;
  let brandLevel: Member;

  beforeAll(async () => {
    h = await createHarness();
    api = createTestClient(h.app);
    brand = await createBrand(h.deps);
    store2 = await createStore(h.deps, brand.tenant.id);
    guide1 = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: brand.store.id,
    });
    const tenantId = brand.tenant.id;
    inStore1 = await h.deps.db
      .insert(members)
      .values(
        ['Alice Wang', 'Bob 100%_off', 'Carol Li'].map((name) => ({
          tenantId,
          storeId: brand.store.id,
          name,
        })),
      )
      .returning();
    const insertOne = async (values: typeof members.$inferInsert) =>
      (await h.deps.db.insert(members).values(values).returning())[0]!;
    inStore2 = await insertOne({ tenantId, storeId: store2.id, name: 'Dan Alison' });
    brandLevel = await insertOne({ tenantId, name: 'Eve' });
    const [account] = await h.deps.db
      .insert(platformAccounts)
      .values({ tenantId, platform: 'sandbox', name: 'Sandbox' })
      .returning();
    await h.deps.db.insert(memberIdentities).values({
      tenantId,
      memberId: inStore1[0]!.id,
      platformAccountId: account!.id,
      externalId: 'u-alice',
      displayName: 'alice',
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists all the brand members for an owner, newest first, page by page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=2&cursor=${cursor}` : 'limit=2';
      const res = await api.get<Page>(`/api/v1/members?${query}`, brand.owner.headers);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((m) => m.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('filters by store and by name, treating % and _ literally', async () => {
    const byStore = await api.get<Page>(`/api/v1/members?storeId=${store2.id}`, brand.owner.headers);
    expect(byStore.body.items.map((m) => m.id)).toEqual([inStore2.id]);
    const byName = await api.get<Page>('/api/v1/members?q=ALI', brand.owner.headers);
    expect(byName.body.items.map((m) => m.name).sort()).toEqual(['Alice Wang', 'Dan Alison']);
    const literal = await api.get<Page>(`/api/v1/members?q=${encodeURIComponent('%_')}`, brand.owner.headers);
    expect(literal.body.items.map((m) => m.name)).toEqual(['Bob 100%_off']);
  });

  it('shows a member with their identities', async () => {
    const res = await api.get<Detail>(`/api/v1/members/${inStore1[0]!.id}`, brand.owner.headers);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Alice Wang', storeId: brand.store.id });
    expect(res.body.identities).toEqual([
      expect.objectContaining({ platform: 'sandbox', externalId: 'u-alice', displayName: 'alice' }),
    ]);
  });

  it('a guide of store 1 sees only store-1 members; another store is a 404', async () => {
    const list = await api.get<Page>('/api/v1/members', guide1.headers);
    expect(list.body.items.map((m) => m.id).sort()).toEqual(inStore1.map((m) => m.id).sort());
    const filtered = await api.get<Page>(`/api/v1/members?storeId=${store2.id}`, guide1.headers);
    expect(filtered.body.items).toEqual([]);
    const other = await api.get<{ error: { code: string } }>(
      `/api/v1/members/${inStore2.id}`,
      guide1.headers,
    );
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('Dan');
    expect((await api.get(`/api/v1/members/${brandLevel.id}`, guide1.headers)).status).toBe(404);
    expect((await api.get(`/api/v1/members/${inStore1[0]!.id}`, guide1.headers)).status).toBe(200);
  });

  it('validates query parameters with field paths', async () => {
    const res = await api.get<{ error: { details: { path: string }[] } }>(
      '/api/v1/members?limit=0&cursor=nope&storeId=x',
      brand.owner.headers,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d) => d.path).sort()).toEqual(['cursor', 'limit', 'storeId']);
    expect((await api.get('/api/v1/members?limit=201', brand.owner.headers)).status).toBe(400);
    expect((await api.get(`/api/v1/members/not-a-uuid`, brand.owner.headers)).status).toBe(400);
  });
});
