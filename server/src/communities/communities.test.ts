import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, type SandboxSetup, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createBrand, createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';

describe('communities API', () => {
  let h: Harness;
  let sb: SandboxSetup;
  let otherStoreId: string;
  let guide: Awaited<ReturnType<typeof createStaffWithToken>>;
  const api = (method: string, path: string, body?: unknown, headers = sb.headers) =>
    callApi(h, headers, method, path, body);

  beforeAll(async () => {
    h = await createHarness();
    sb = await setUpSandbox(h);
    otherStoreId = (await createStore(h.deps, sb.brand.tenant.id)).id;
    guide = await createStaffWithToken(h.deps, {
      tenantId: sb.brand.tenant.id,
      role: 'guide',
      storeId: sb.brand.store.id,
      name: 'Guide Li',
    });
  });
  afterAll(() => h.close());

  it('creates the group on a platform that can, with positioning and roster', async () => {
    const res = await api('POST', '/api/v1/communities', {
      platformAccountId: sb.accountId,
      storeId: sb.brand.store.id,
      name: 'Happy Moms A',
      type: 'welfare',
      demandPattern: 'high_frequency_rigid',
      targetPersona: 'Mothers of toddlers near the store',
      goal: '300 members by Double Eleven',
      rules: 'No ads',
      announcement: 'Welcome!',
      roster: [
        { staffId: guide.staff.id, role: 'owner' },
        { staffId: sb.brand.owner.staff.id, role: 'welfare_officer' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Happy Moms A',
      storeId: sb.brand.store.id,
      capacity: 500,
      status: 'active',
      type: 'welfare',
      demandPattern: 'high_frequency_rigid',
      memberCount: 0,
      hasRoom: true,
      seriesId: null,
    });
    expect(res.body.roster).toHaveLength(2);
    const groups = await sb.get('/api/v1/sandbox/groups');
    expect(groups.body.items).toContainEqual(
      expect.objectContaining({ id: res.body.externalId, name: 'Happy Moms A', capacity: 500 }),
    );
  });

  it('links an existing platform group, once', async () => {
    const group = await sb.api('POST', '/api/v1/sandbox/groups', { name: 'Old group' });
    const body = {
      platformAccountId: sb.accountId,
      storeId: otherStoreId,
      name: 'Old group',
      externalId: group.body.id,
    };
    const linked = await api('POST', '/api/v1/communities', body);
    expect(linked.status).toBe(201);
    expect(linked.body.externalId).toBe(group.body.id);
    expect((await api('POST', '/api/v1/communities', body)).status).toBe(409);
  });

  it('validates input and names the failing field', async () => {
    const base = { platformAccountId: sb.accountId, name: 'G' };
    const bad = await api('POST', '/api/v1/communities', { ...base, type: 'party', capacity: 1 });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['type', 'capacity']));
    const tooBig = await api('POST', '/api/v1/communities', { ...base, capacity: 600 });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.details).toEqual([
      { path: 'capacity', message: 'at most 500 on this platform' },
    ]);
    const ghost = await api('POST', '/api/v1/communities', {
      ...base,
      roster: [{ staffId: crypto.randomUUID(), role: 'admin' }],
    });
    expect(ghost.body.error.details).toEqual([
      { path: 'roster.0.staffId', message: 'no such staff in this brand' },
    ]);
  });

  it("refuses another brand's store and platform account with a 400 naming the field, and hides its groups", async () => {
    const other = await createBrand(h.deps);
    const res = await api('POST', '/api/v1/communities', {
      platformAccountId: sb.accountId,
      storeId: other.store.id,
      name: 'X',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'storeId', message: 'no such store among yours' }]);
    const foreign = await callApi(h, other.owner.headers, 'POST', '/api/v1/communities', {
      platformAccountId: sb.accountId,
      name: 'X',
    });
    expect(foreign.body.error.details).toEqual([
      { path: 'platformAccountId', message: 'no such platform account in this brand' },
    ]);
    const mine = await api('GET', '/api/v1/communities');
    const theirs = await callApi(
      h,
      other.owner.headers,
      'GET',
      `/api/v1/communities/${mine.body.items[0].id}`,
    );
    expect(theirs.status).toBe(404);
    expect((await callApi(h, other.owner.headers, 'GET', '/api/v1/communities')).body.items).toEqual([]);
  });

  it("keeps a guide to their own store's groups", async () => {
    const all = await api('GET', '/api/v1/communities');
    const inOther = all.body.items.find((c: { storeId: string }) => c.storeId === otherStoreId);
    const seen = await api('GET', '/api/v1/communities', undefined, guide.headers);
    expect(seen.body.items.map((c: { storeId: string }) => c.storeId)).toEqual([sb.brand.store.id]);
    expect((await api('GET', `/api/v1/communities/${inOther.id}`, undefined, guide.headers)).status).toBe(
      404,
    );
    expect(
      (await api('PATCH', `/api/v1/communities/${inOther.id}`, { name: 'Mine now' }, guide.headers)).status,
    ).toBe(404);
    const elsewhere = await api(
      'POST',
      '/api/v1/communities',
      { platformAccountId: sb.accountId, storeId: otherStoreId, name: 'Not mine' },
      guide.headers,
    );
    expect(elsewhere.body.error.details).toEqual([{ path: 'storeId', message: 'no such store among yours' }]);
    const noStore = await api(
      'POST',
      '/api/v1/communities',
      { platformAccountId: sb.accountId, name: 'Nowhere' },
      guide.headers,
    );
    expect(noStore.body.error.details).toEqual([{ path: 'storeId', message: 'required for store staff' }]);
    const own = await api(
      'POST',
      '/api/v1/communities',
      { platformAccountId: sb.accountId, storeId: sb.brand.store.id, name: 'Guide group' },
      guide.headers,
    );
    expect(own.status).toBe(201);
  });

  it('updates positioning and replaces the roster', async () => {
    const [first] = (await api('GET', `/api/v1/communities?storeId=${sb.brand.store.id}`)).body.items;
    const updated = await api('PATCH', `/api/v1/communities/${first.id}`, {
      rules: 'No ads, no links',
      type: 'sales',
      capacity: 200,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ rules: 'No ads, no links', type: 'sales', capacity: 200 });
    const roster = await api('PUT', `/api/v1/communities/${first.id}/roster`, {
      roster: [{ staffId: guide.staff.id, role: 'consultant' }],
    });
    expect(roster.body.roster).toEqual([{ staffId: guide.staff.id, role: 'consultant' }]);
    const got = await api('GET', `/api/v1/communities/${first.id}`);
    expect(got.body).toMatchObject({ rules: 'No ads, no links', roster: [{ role: 'consultant' }] });
  });

  it('creates a series with its first group, named from the template', async () => {
    const res = await api('POST', '/api/v1/community-series', {
      platformAccountId: sb.accountId,
      storeId: sb.brand.store.id,
      nameTemplate: 'Beauty Institute',
      capacity: 5,
      type: 'sharing',
      roster: [{ staffId: guide.staff.id, role: 'owner' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ nameTemplate: 'Beauty Institute', numbering: 'letter', capacity: 5 });
    expect(res.body.groups).toEqual([
      expect.objectContaining({ name: 'Beauty Institute A', seriesIndex: 1, capacity: 5, type: 'sharing' }),
    ]);
    const group = await api('GET', `/api/v1/communities/${res.body.groups[0].id}`);
    expect(group.body.roster).toEqual([{ staffId: guide.staff.id, role: 'owner' }]);
    const again = await api('POST', '/api/v1/community-series', {
      platformAccountId: sb.accountId,
      nameTemplate: 'Beauty Institute',
    });
    expect(again.status).toBe(409);
    const listed = await api('GET', '/api/v1/community-series', undefined, guide.headers);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([res.body.id]);
  });
});
