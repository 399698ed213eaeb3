import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrand, createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createTestClient } from '../testing/test-client.ts';

type Store = { id: string; code: string; name: string; address: string | null; regionId: string | null };
type ErrorBody = { error: { code: string; details?: { path: string }[] } };

describe('regions and stores', () => {
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

  it('creates, lists, reads and updates stores in a region', async () => {
    const region = await api.post<{ id: string }>('/api/v1/regions', { name: 'East' }, brand.owner.headers);
    expect(region.status).toBe(201);
    const created = await api.post<Store>(
      '/api/v1/stores',
      { code: 'SH-01', name: 'Shanghai One', regionId: region.body.id },
      brand.owner.headers,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'SH-01', regionId: region.body.id, address: null });

    const list = await api.get<{ items: Store[] }>('/api/v1/stores', brand.owner.headers);
    expect(list.body.items.map((s) => s.id)).toEqual(
      expect.arrayContaining([brand.store.id, created.body.id]),
    );

    const updated = await api.patch<Store>(
      `/api/v1/stores/${created.body.id}`,
      { name: 'Shanghai Flagship', address: '1 Nanjing Rd' },
      brand.owner.headers,
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ code: 'SH-01', name: 'Shanghai Flagship', address: '1 Nanjing Rd' });
    expect((await api.get<Store>(`/api/v1/stores/${created.body.id}`, brand.owner.headers)).body.name).toBe(
      'Shanghai Flagship',
    );
    const regions = await api.get<{ items: { name: string }[] }>('/api/v1/regions', brand.owner.headers);
    expect(regions.body.items.map((r) => r.name)).toEqual(['East']);
  });

  it('answers duplicates with 409', async () => {
    await api.post('/api/v1/stores', { code: 'DUP', name: 'A' }, brand.owner.headers);
    const again = await api.post<ErrorBody>(
      '/api/v1/stores',
      { code: 'DUP', name: 'B' },
      brand.owner.headers,
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    const other = await api.post<Store>('/api/v1/stores', { code: 'OTHER', name: 'C' }, brand.owner.headers);
    expect(
      (await api.patch(`/api/v1/stores/${other.body.id}`, { code: 'DUP' }, brand.owner.headers)).status,
    ).toBe(409);
    await api.post('/api/v1/regions', { name: 'West' }, brand.owner.headers);
    expect((await api.post('/api/v1/regions', { name: 'West' }, brand.owner.headers)).status).toBe(409);
  });

  it('answers invalid input with 400 naming the fields', async () => {
    const res = await api.post<ErrorBody>(
      '/api/v1/stores',
      { code: '', regionId: 'nope' },
      brand.owner.headers,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.path).sort()).toEqual(['code', 'name', 'regionId']);

    const other = await createBrand(h.deps);
    const foreignRegion = await api.post<{ id: string }>(
      '/api/v1/regions',
      { name: 'Theirs' },
      other.owner.headers,
    );
    const foreign = await api.post<ErrorBody>(
      '/api/v1/stores',
      { code: 'X1', name: 'X', regionId: foreignRegion.body.id },
      brand.owner.headers,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details?.map((d) => d.path)).toEqual(['regionId']);
  });

  it('lets only owners and operators manage stores; store staff see only their stores', async () => {
    const store2 = await createStore(h.deps, brand.tenant.id);
    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: brand.store.id,
    });
    const manager = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'store_manager',
      storeId: brand.store.id,
    });
    const operator = await createStaffWithToken(h.deps, { tenantId: brand.tenant.id, role: 'operator' });

    const denied = await api.post<ErrorBody>('/api/v1/stores', { code: 'G1', name: 'G' }, guide.headers);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    expect((await api.post('/api/v1/stores', { code: 'M1', name: 'M' }, manager.headers)).status).toBe(403);
    expect(
      (await api.patch(`/api/v1/stores/${brand.store.id}`, { name: 'Mine' }, manager.headers)).status,
    ).toBe(403);
    expect((await api.post('/api/v1/regions', { name: 'G' }, guide.headers)).status).toBe(403);
    expect((await api.post('/api/v1/stores', { code: 'O1', name: 'O' }, operator.headers)).status).toBe(201);

    const seen = await api.get<{ items: Store[] }>('/api/v1/stores', guide.headers);
    expect(seen.body.items.map((s) => s.id)).toEqual([brand.store.id]);
    expect((await api.get(`/api/v1/stores/${store2.id}`, guide.headers)).status).toBe(404);
    expect((await api.get(`/api/v1/stores/${brand.store.id}`, guide.headers)).status).toBe(200);
  });
});
