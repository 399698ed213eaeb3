import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrand, createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { bearerOf, createTestClient } from '../testing/test-client.ts';

type Staff = {
  id: string;
  name: string;
  email: string | null;
  storeId: string | null;
  isActive: boolean;
  hasPassword: boolean;
  roles: { role: string; storeId: string | null }[];
};
type ErrorBody = { error: { code: string; details?: { path: string }[] } };

describe('staff', () => {
  let h: Harness;
  let api: ReturnType<typeof createTestClient>;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let store2: Awaited<ReturnType<typeof createStore>>;
  const login = async (email: string, password: string) =>
    api.post<{ token: string }>('/api/v1/auth/login', { email, password });

  beforeAll(async () => {
    h = await createHarness();
    api = createTestClient(h.app);
    brand = await createBrand(h.deps);
    store2 = await createStore(h.deps, brand.tenant.id);
  });
  afterAll(async () => {
    await h.close();
  });

  it('creates a staff member with a password and grants; never returns the password; they can sign in', async () => {
    const res = await api.post<Staff>(
      '/api/v1/staff',
      {
        name: 'Mia',
        email: 'Mia@Example.com',
        password: 'mia-password',
        roles: [{ role: 'store_manager', storeId: brand.store.id }],
      },
      brand.owner.headers,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Mia',
      email: 'mia@example.com',
      storeId: brand.store.id,
      isActive: true,
      hasPassword: true,
      roles: [{ role: 'store_manager', storeId: brand.store.id }],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/mia-password|passwordHash|scrypt/);
    const signedIn = await login('mia@example.com', 'mia-password');
    expect(signedIn.status).toBe(200);
    const list = await api.get<{ items: Staff[] }>('/api/v1/staff', brand.owner.headers);
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt/);
  });

  it('rejects a duplicate email (any case) with 409', async () => {
    const res = await api.post<ErrorBody>(
      '/api/v1/staff',
      { name: 'Other Mia', email: 'MIA@example.com' },
      brand.owner.headers,
    );
    expect(res.status).toBe(409);
  });

  it('validates grants: store roles need a store of this brand, brand roles none', async () => {
    const other = await createBrand(h.deps);
    const res = await api.post<ErrorBody>(
      '/api/v1/staff',
      {
        name: 'Bad',
        roles: [
          { role: 'guide' },
          { role: 'operator', storeId: brand.store.id },
          { role: 'guide', storeId: other.store.id },
        ],
      },
      brand.owner.headers,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.path)).toEqual([
      'roles.0.storeId',
      'roles.1.storeId',
      'roles.2.storeId',
    ]);

    const badHome = await api.post<ErrorBody>(
      '/api/v1/staff',
      { name: 'Bad', storeId: other.store.id },
      brand.owner.headers,
    );
    expect(badHome.status).toBe(400);
    expect(badHome.body.error.details?.map((d) => d.path)).toEqual(['storeId']);

    const shape = await api.post<ErrorBody>(
      '/api/v1/staff',
      { name: '', email: 'not-an-email', password: 'short', roles: [{ role: 'king' }] },
      brand.owner.headers,
    );
    expect(shape.status).toBe(400);
    expect(shape.body.error.details?.map((d) => d.path).sort()).toEqual([
      'email',
      'name',
      'password',
      'roles.0.role',
    ]);

    const passwordWithoutEmail = await api.post<ErrorBody>(
      '/api/v1/staff',
      { name: 'P', password: 'long-enough' },
      brand.owner.headers,
    );
    expect(passwordWithoutEmail.status).toBe(400);
    expect(passwordWithoutEmail.body.error.details?.map((d) => d.path)).toEqual(['password']);
  });

  it('lets a store manager read only the staff of their store, and a guide none', async () => {
    const manager = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'store_manager',
      storeId: brand.store.id,
    });
    const here = await api.post<Staff>(
      '/api/v1/staff',
      { name: 'Guide here', roles: [{ role: 'guide', storeId: brand.store.id }] },
      brand.owner.headers,
    );
    const there = await api.post<Staff>(
      '/api/v1/staff',
      { name: 'Guide there', roles: [{ role: 'guide', storeId: store2.id }] },
      brand.owner.headers,
    );
    const seen = await api.get<{ items: Staff[] }>('/api/v1/staff', manager.headers);
    expect(seen.status).toBe(200);
    const ids = seen.body.items.map((s) => s.id);
    expect(ids).toContain(here.body.id);
    expect(ids).not.toContain(there.body.id);
    expect(ids).not.toContain(brand.owner.staff.id);
    expect((await api.get(`/api/v1/staff/${there.body.id}`, manager.headers)).status).toBe(404);
    expect((await api.get(`/api/v1/staff/${here.body.id}`, manager.headers)).status).toBe(200);
    expect((await api.patch(`/api/v1/staff/${here.body.id}`, { name: 'x' }, manager.headers)).status).toBe(
      403,
    );

    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: brand.store.id,
    });
    expect((await api.get('/api/v1/staff', guide.headers)).status).toBe(403);
    expect((await api.post('/api/v1/staff', { name: 'x' }, guide.headers)).status).toBe(403);
  });

  it('deactivating a staff member ends their sessions and blocks sign-in', async () => {
    const created = await api.post<Staff>(
      '/api/v1/staff',
      { name: 'Leo', email: 'leo@example.com', password: 'leo-password', roles: [{ role: 'operator' }] },
      brand.owner.headers,
    );
    const session = await login('leo@example.com', 'leo-password');
    expect((await api.get('/api/v1/me', bearerOf(session.body.token))).status).toBe(200);
    const off = await api.patch<Staff>(
      `/api/v1/staff/${created.body.id}`,
      { isActive: false },
      brand.owner.headers,
    );
    expect(off.status).toBe(200);
    expect(off.body.isActive).toBe(false);
    expect((await api.get('/api/v1/me', bearerOf(session.body.token))).status).toBe(401);
    expect((await login('leo@example.com', 'leo-password')).status).toBe(401);
  });

  it('changing a password ends old sessions and the new one works', async () => {
    const created = await api.post<Staff>(
      '/api/v1/staff',
      { name: 'Zoe', email: 'zoe@example.com', password: 'zoe-password-1', roles: [{ role: 'operator' }] },
      brand.owner.headers,
    );
    const session = await login('zoe@example.com', 'zoe-password-1');
    await api.patch(`/api/v1/staff/${created.body.id}`, { password: 'zoe-password-2' }, brand.owner.headers);
    expect((await api.get('/api/v1/me', bearerOf(session.body.token))).status).toBe(401);
    expect((await login('zoe@example.com', 'zoe-password-1')).status).toBe(401);
    expect((await login('zoe@example.com', 'zoe-password-2')).status).toBe(200);
  });

  it('replaces role grants; only owners touch ownership; the last owner stays', async () => {
    const operator = await createStaffWithToken(h.deps, { tenantId: brand.tenant.id, role: 'operator' });
    const target = await api.post<Staff>('/api/v1/staff', { name: 'Sam' }, brand.owner.headers);
    const url = `/api/v1/staff/${target.body.id}/roles`;

    const set = await api.put<Staff>(
      url,
      {
        roles: [
          { role: 'guide', storeId: store2.id },
          { role: 'guide', storeId: store2.id },
        ],
      },
      operator.headers,
    );
    expect(set.status).toBe(200);
    expect(set.body.roles).toEqual([{ role: 'guide', storeId: store2.id }]);

    expect((await api.put(url, { roles: [{ role: 'owner' }] }, operator.headers)).status).toBe(403);
    expect(
      (await api.put(`/api/v1/staff/${brand.owner.staff.id}/roles`, { roles: [] }, operator.headers)).status,
    ).toBe(403);
    expect(
      (
        await api.patch(
          `/api/v1/staff/${brand.owner.staff.id}`,
          { password: 'taken-over!' },
          operator.headers,
        )
      ).status,
    ).toBe(403);

    const lastOwner = await api.put<ErrorBody>(
      `/api/v1/staff/${brand.owner.staff.id}/roles`,
      { roles: [{ role: 'operator' }] },
      brand.owner.headers,
    );
    expect(lastOwner.status).toBe(409);
    const deactivateLast = await api.patch(
      `/api/v1/staff/${brand.owner.staff.id}`,
      { isActive: false },
      brand.owner.headers,
    );
    expect(deactivateLast.status).toBe(409);

    expect((await api.put(url, { roles: [{ role: 'owner' }] }, brand.owner.headers)).status).toBe(200);
    const handOver = await api.put<Staff>(
      `/api/v1/staff/${brand.owner.staff.id}/roles`,
      { roles: [{ role: 'operator' }] },
      brand.owner.headers,
    );
    expect(handOver.status).toBe(200);
    expect(handOver.body.roles).toEqual([{ role: 'operator', storeId: null }]);
  });

  it('unknown staff is a 404', async () => {
    expect((await api.get(`/api/v1/staff/${crypto.randomUUID()}`, brand.owner.headers)).status).toBe(404);
  });
});
