import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../db/schema/index.ts';
import { createBrand } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { bearerOf, createTestClient } from '../testing/test-client.ts';

type Items = { items: { id: string; actor?: { id: string | null } }[] };

/** A caller of brand A never sees brand B's data: reads are 404 (or absent from lists), writes are 404. */
describe('tenant isolation', () => {
  let h: Harness;
  let api: ReturnType<typeof createTestClient>;
  let a: Awaited<ReturnType<typeof createBrand>>;
  let b: Awaited<ReturnType<typeof createBrand>>;
  let bMember: { id: string };
  let bStaff: { id: string };
  let bKey: { id: string };
  let aKey: string;

  beforeAll(async () => {
    h = await createHarness();
    api = createTestClient(h.app);
    a = await createBrand(h.deps);
    b = await createBrand(h.deps);
    const [member] = await h.deps.db
      .insert(members)
      .values({ tenantId: b.tenant.id, storeId: b.store.id, name: 'Secret Sue' })
      .returning();
    bMember = member!;
    bStaff = (await api.post<{ id: string }>('/api/v1/staff', { name: 'B staff' }, b.owner.headers)).body;
    bKey = (
      await api.post<{ id: string }>('/api/v1/api-keys', { name: 'B key', role: 'operator' }, b.owner.headers)
    ).body;
    aKey = (
      await api.post<{ key: string }>('/api/v1/api-keys', { name: 'A key', role: 'owner' }, a.owner.headers)
    ).body.key;
  });
  afterAll(async () => {
    await h.close();
  });

  const callers = () =>
    [
      ['session', a.owner.headers],
      ['api key', bearerOf(aKey)],
    ] as const;

  it("answers 404 for brand B's store, staff, member and API key", async () => {
    for (const [, headers] of callers()) {
      for (const path of [
        `/api/v1/stores/${b.store.id}`,
        `/api/v1/staff/${bStaff.id}`,
        `/api/v1/members/${bMember.id}`,
      ]) {
        const res = await api.get(path, headers);
        expect(res.status, path).toBe(404);
        expect(JSON.stringify(res.body)).not.toMatch(/Secret Sue|B staff/);
      }
      expect((await api.patch(`/api/v1/stores/${b.store.id}`, { name: 'Hijacked' }, headers)).status).toBe(
        404,
      );
      expect((await api.patch(`/api/v1/staff/${bStaff.id}`, { name: 'Hijacked' }, headers)).status).toBe(404);
      expect((await api.put(`/api/v1/staff/${bStaff.id}/roles`, { roles: [] }, headers)).status).toBe(404);
      expect((await api.post(`/api/v1/api-keys/${bKey.id}/revoke`, undefined, headers)).status).toBe(404);
    }
    const store = await api.get<{ name: string }>(`/api/v1/stores/${b.store.id}`, b.owner.headers);
    expect(store.body.name).not.toBe('Hijacked');
    const key = await api.get<{ items: { id: string; revokedAt: string | null }[] }>(
      '/api/v1/api-keys',
      b.owner.headers,
    );
    expect(key.body.items.find((k) => k.id === bKey.id)?.revokedAt).toBeNull();
  });

  it("leaves brand B's rows out of every list", async () => {
    for (const [, headers] of callers()) {
      const lists = {
        stores: await api.get<Items>('/api/v1/stores', headers),
        staff: await api.get<Items>('/api/v1/staff', headers),
        members: await api.get<Items>('/api/v1/members', headers),
        keys: await api.get<Items>('/api/v1/api-keys', headers),
        regions: await api.get<Items>('/api/v1/regions', headers),
      };
      const ids = Object.values(lists).flatMap((l) => l.body.items.map((i) => i.id));
      expect(ids).not.toContain(b.store.id);
      expect(ids).not.toContain(bStaff.id);
      expect(ids).not.toContain(b.owner.staff.id);
      expect(ids).not.toContain(bMember.id);
      expect(ids).not.toContain(bKey.id);
      expect(lists.stores.body.items.map((s) => s.id)).toEqual([a.store.id]);

      const audit = await api.get<Items>('/api/v1/audit-log?limit=200', headers);
      expect(audit.status).toBe(200);
      expect(audit.body.items.length).toBeGreaterThan(0);
      expect(audit.body.items.some((e) => e.actor?.id === b.owner.staff.id)).toBe(false);
      const filtered = await api.get<Items>(`/api/v1/audit-log?actorId=${b.owner.staff.id}`, headers);
      expect(filtered.body.items).toEqual([]);
    }
  });

  it("cannot page into brand B's data with B's ids as cursors", async () => {
    const members = await api.get<Items>(`/api/v1/members?cursor=${bMember.id}`, a.owner.headers);
    expect(members.body.items).toEqual([]);
    const bAudit = await api.get<Items>('/api/v1/audit-log?limit=1', b.owner.headers);
    const audit = await api.get<Items>(
      `/api/v1/audit-log?cursor=${bAudit.body.items[0]!.id}`,
      a.owner.headers,
    );
    expect(audit.body.items).toEqual([]);
  });

  it("cannot grant roles on brand B's store", async () => {
    const res = await api.post<{ error: { details: { path: string }[] } }>(
      '/api/v1/staff',
      { name: 'x', roles: [{ role: 'guide', storeId: b.store.id }] },
      a.owner.headers,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d) => d.path)).toEqual(['roles.0.storeId']);
  });
});
