import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireAuth } from '../access/require-auth.ts';
import { createRouter } from '../http/app.ts';
import { buildHttpApp } from '../http/routes.ts';
import { createBrand, createStaffWithToken } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { bearerOf, createTestClient } from '../testing/test-client.ts';
import { REDACTED } from './audit.ts';

type Entry = {
  id: string;
  actor: { type: string; id: string | null };
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: Record<string, unknown>;
};
type Page = { items: Entry[]; nextCursor: string | null };

describe('audit log', () => {
  let h: Harness;
  let api: ReturnType<typeof createTestClient>;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  const auditOf = async (query = '') =>
    (await api.get<Page>(`/api/v1/audit-log?limit=200${query}`, brand.owner.headers)).body.items;

  beforeAll(async () => {
    h = await createHarness();
    api = createTestClient(h.app);
    brand = await createBrand(h.deps);
  });
  afterAll(async () => {
    await h.close();
  });

  it('records every mutating call of the access and org API with its actor and target', async () => {
    const owner = brand.owner.headers;
    const region = await api.post<{ id: string }>('/api/v1/regions', { name: 'North' }, owner);
    const store = await api.post<{ id: string }>('/api/v1/stores', { code: 'A1', name: 'A' }, owner);
    await api.patch(`/api/v1/stores/${store.body.id}`, { name: 'A!' }, owner);
    const person = await api.post<{ id: string }>(
      '/api/v1/staff',
      { name: 'Ann', email: 'ann@example.com', password: 'ann-password' },
      owner,
    );
    await api.patch(`/api/v1/staff/${person.body.id}`, { name: 'Anne' }, owner);
    await api.put(`/api/v1/staff/${person.body.id}/roles`, { roles: [{ role: 'operator' }] }, owner);
    const key = await api.post<{ id: string; key: string }>(
      '/api/v1/api-keys',
      { name: 'k', role: 'operator' },
      owner,
    );
    const viaKey = await api.post<{ id: string }>(
      '/api/v1/regions',
      { name: 'ByKey' },
      bearerOf(key.body.key),
    );
    await api.post(`/api/v1/api-keys/${key.body.id}/revoke`, undefined, owner);
    const login = await api.post<{ token: string }>('/api/v1/auth/login', {
      email: 'ann@example.com',
      password: 'ann-password',
    });
    await api.send('POST', '/api/v1/auth/logout', { headers: bearerOf(login.body.token) });

    const entries = await auditOf();
    const byOwner = (action: string, targetId: string) =>
      expect(entries).toContainEqual(
        expect.objectContaining({ action, targetId, actor: { type: 'staff', id: brand.owner.staff.id } }),
      );
    byOwner('createRegion', region.body.id);
    byOwner('createStore', store.body.id);
    byOwner('updateStore', store.body.id);
    byOwner('createStaff', person.body.id);
    byOwner('updateStaff', person.body.id);
    byOwner('setStaffRoles', person.body.id);
    byOwner('createApiKey', key.body.id);
    byOwner('revokeApiKey', key.body.id);
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'createRegion',
        targetId: viaKey.body.id,
        actor: { type: 'api_key', id: key.body.id },
      }),
    );
    const ann = { type: 'staff', id: person.body.id };
    expect(entries).toContainEqual(expect.objectContaining({ action: 'login', actor: ann }));
    expect(entries).toContainEqual(expect.objectContaining({ action: 'logout', actor: ann }));

    const created = entries.find((e) => e.action === 'createStaff');
    expect(created?.targetType).toBe('staff');
    expect(created?.data).toEqual({ name: 'Ann', email: 'ann@example.com', password: REDACTED });
    expect(JSON.stringify(entries)).not.toContain('ann-password');
    expect(JSON.stringify(entries)).not.toContain(key.body.key);
  });

  it('does not record refused or failed mutations, nor reads', async () => {
    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: brand.store.id,
    });
    const before = (await auditOf()).length;
    expect((await api.post('/api/v1/stores', { code: 'G', name: 'G' }, guide.headers)).status).toBe(403);
    expect((await api.post('/api/v1/stores', { code: '' }, brand.owner.headers)).status).toBe(400);
    expect((await api.post('/api/v1/stores', { code: 'A1', name: 'dup' }, brand.owner.headers)).status).toBe(
      409,
    );
    await api.get('/api/v1/stores', brand.owner.headers);
    expect(await auditOf()).toHaveLength(before);
  });

  it('covers routers mounted later, naming plain routes by method and path', async () => {
    const extra = createRouter()
      .openapi(
        createRoute({
          method: 'post',
          path: '/widgets',
          operationId: 'createWidget',
          middleware: [requireAuth],
          request: {
            body: { content: { 'application/json': { schema: z.object({ secret: z.string() }) } } },
          },
          responses: { 201: { description: 'ok' } },
        }),
        (c) => c.json({ id: 'w-1' }, 201),
      )
      .delete('/widgets/:id', requireAuth, (c) => c.body(null, 204));
    // A fresh app: routes cannot be added once the first one has answered a request.
    const app = buildHttpApp(h.deps);
    app.route('/api/v1', extra);
    const client = createTestClient(app);

    expect((await client.post('/api/v1/widgets', { secret: 'shh' }, brand.owner.headers)).status).toBe(201);
    expect(
      (await client.send('DELETE', '/api/v1/widgets/w-2', { headers: brand.owner.headers })).status,
    ).toBe(204);
    const entries = await auditOf();
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'createWidget',
        targetId: 'w-1',
        targetType: 'widgets',
        data: { secret: REDACTED },
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ action: 'DELETE /api/v1/widgets/:id', targetId: 'w-2' }),
    );
  });

  it('pages and filters the log; only owners and operators may read it', async () => {
    const all = await auditOf();
    const first = await api.get<Page>('/api/v1/audit-log?limit=3', brand.owner.headers);
    const second = await api.get<Page>(
      `/api/v1/audit-log?limit=3&cursor=${first.body.nextCursor}`,
      brand.owner.headers,
    );
    expect(first.body.items.map((e) => e.id)).toEqual(all.slice(0, 3).map((e) => e.id));
    expect(second.body.items.map((e) => e.id)).toEqual(all.slice(3, 6).map((e) => e.id));

    const logins = await auditOf('&action=login');
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((e) => e.action === 'login')).toBe(true);
    const mine = await auditOf(`&actorId=${brand.owner.staff.id}`);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actor.id === brand.owner.staff.id)).toBe(true);

    const manager = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'store_manager',
      storeId: brand.store.id,
    });
    expect((await api.get('/api/v1/audit-log', manager.headers)).status).toBe(403);
    const operator = await createStaffWithToken(h.deps, { tenantId: brand.tenant.id, role: 'operator' });
    expect((await api.get('/api/v1/audit-log', operator.headers)).status).toBe(200);
  });

  it('every mutating /api/v1 route in the OpenAPI document has an operationId', async () => {
    const doc = (await (await h.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const missing = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method, op]) => ['post', 'put', 'patch', 'delete'].includes(method) && !op.operationId)
        .map(([method]) => `${method} ${path}`),
    );
    expect(missing).toEqual([]);
  });
});
