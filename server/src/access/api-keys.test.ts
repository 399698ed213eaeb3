import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys } from '../db/schema/index.ts';
import { createBrand, createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { bearerOf, createTestClient } from '../testing/test-client.ts';
import { hashToken } from './tokens.ts';

type Key = {
  id: string;
  key?: string;
  prefix: string;
  role: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
type Details = { error: { code: string; details?: { path: string }[] } };

describe('API keys', () => {
  let h: Harness;
  let api: ReturnType<typeof createTestClient>;
  let brand: Awaited<ReturnType<typeof createBrand>>;

  beforeAll(async () => {
    h = await createHarness();
    api = createTestClient(h.app);
    brand = await createBrand(h.deps);
  });
  afterAll(async () => {
    await h.close();
  });

  it('returns the full key once, lists it without the secret, authenticates me, and stops after revoke', async () => {
    const created = await api.post<Key>(
      '/api/v1/api-keys',
      { name: 'CRM sync', role: 'operator' },
      brand.owner.headers,
    );
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^ok_[A-Za-z0-9]{12}_/);
    expect(created.body.key).toContain(created.body.prefix);
    const [row] = await h.deps.db.select().from(apiKeys).where(eq(apiKeys.id, created.body.id));
    const secret = created.body.key!.split('_').slice(2).join('_');
    expect(row?.secretHash).toBe(hashToken(secret));

    const me = await api.get('/api/v1/me', bearerOf(created.body.key!));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      caller: { type: 'api_key', id: created.body.id, name: 'CRM sync' },
      tenant: { id: brand.tenant.id },
      roles: ['operator'],
      scope: { kind: 'brand' },
    });

    const list = await api.get<{ items: Key[] }>('/api/v1/api-keys', brand.owner.headers);
    const listed = list.body.items.find((k) => k.id === created.body.id);
    expect(listed).toMatchObject({ prefix: created.body.prefix, role: 'operator', revokedAt: null });
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(listed).not.toHaveProperty('key');
    expect(listed).not.toHaveProperty('secretHash');

    const revoked = await api.post<Key>(
      `/api/v1/api-keys/${created.body.id}/revoke`,
      undefined,
      brand.owner.headers,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await api.get('/api/v1/me', bearerOf(created.body.key!))).status).toBe(401);
  });

  it('a wrong secret with a real prefix is a 401', async () => {
    const created = await api.post<Key>(
      '/api/v1/api-keys',
      { name: 'x', role: 'guide', storeId: brand.store.id },
      brand.owner.headers,
    );
    const forged = `ok_${created.body.prefix}_${'A'.repeat(43)}`;
    expect((await api.get('/api/v1/me', bearerOf(forged))).status).toBe(401);
    const store = await api.get<{ scope: unknown }>('/api/v1/me', bearerOf(created.body.key!));
    expect(store.body.scope).toEqual({ kind: 'stores', storeIds: [brand.store.id] });
  });

  it('validates the store of a store-bound key, naming the field', async () => {
    const missing = await api.post<Details>(
      '/api/v1/api-keys',
      { name: 'x', role: 'guide' },
      brand.owner.headers,
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.details?.map((d) => d.path)).toEqual(['storeId']);

    const other = await createBrand(h.deps);
    const foreign = await api.post<Details>(
      '/api/v1/api-keys',
      { name: 'x', role: 'store_manager', storeId: other.store.id },
      brand.owner.headers,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details?.map((d) => d.path)).toEqual(['storeId']);

    const brandRole = await api.post<Details>(
      '/api/v1/api-keys',
      { name: 'x', role: 'operator', storeId: brand.store.id },
      brand.owner.headers,
    );
    expect(brandRole.status).toBe(400);
  });

  it('is for owners and operators only; only an owner may mint an owner key', async () => {
    const store = await createStore(h.deps, brand.tenant.id);
    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: store.id,
    });
    const operator = await createStaffWithToken(h.deps, { tenantId: brand.tenant.id, role: 'operator' });
    expect(
      (await api.post('/api/v1/api-keys', { name: 'x', role: 'guide', storeId: store.id }, guide.headers))
        .status,
    ).toBe(403);
    expect((await api.get('/api/v1/api-keys', guide.headers)).status).toBe(403);
    expect((await api.post('/api/v1/api-keys', { name: 'x', role: 'owner' }, operator.headers)).status).toBe(
      403,
    );
    expect(
      (await api.post('/api/v1/api-keys', { name: 'x', role: 'operator' }, operator.headers)).status,
    ).toBe(201);
    expect(
      (await api.post('/api/v1/api-keys', { name: 'x', role: 'owner' }, brand.owner.headers)).status,
    ).toBe(201);
  });

  it('revoking an unknown key is a 404', async () => {
    const res = await api.post(
      `/api/v1/api-keys/${crypto.randomUUID()}/revoke`,
      undefined,
      brand.owner.headers,
    );
    expect(res.status).toBe(404);
  });
});
