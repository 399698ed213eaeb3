import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../db/schema/index.ts';
import { insertMembers, keepSignedIn } from '../loyalty/loyalty.fixtures.ts';
import { callApi, type SandboxSetup, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createBrand, createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';

/**
 * Store-owned campaigns: a store manager creates and changes only their store's; staff read brand-wide campaigns
 * and their stores' ones; another store's campaign is a 404 on every route under it; owners see everything.
 */
describe('fission campaigns owned by a store', () => {
  let h: Harness;
  let sb: SandboxSetup;
  let storeA: string;
  let storeB: string;
  let series: { brand: string; a: string; b: string };
  let campaign: { brand: string; a: string; b: string };
  let managerA: Record<string, string>;
  let guideA: Record<string, string>;

  const as = (
    headers: Record<string, string>,
    method: string,
    path: string,
    body?: Record<string, unknown>,
  ) => callApi(h, headers, method, `/api/v1${path}`, body);
  const campaignInput = (seriesId: string, storeId?: string | null) => ({
    name: `Campaign ${seriesId.slice(0, 6)}`,
    headline: 'Invite 2 friends',
    platformAccountId: sb.accountId,
    startsAt: h.clock.now.toISOString(),
    target: { kind: 'group', seriesIds: [seriesId] },
    tiers: [{ invites: 2, name: 'Points', reward: { kind: 'points', points: 50 } }],
    ...(storeId === undefined ? {} : { storeId }),
  });
  const newSeries = async (storeId: string | null) => {
    const res = await sb.api('POST', '/api/v1/community-series', {
      nameTemplate: `Mums ${storeId ?? 'brand'}`,
      storeId,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const idsOf = async (headers: Record<string, string>) => {
    const res = await as(headers, 'GET', '/fission-campaigns');
    expect(res.status).toBe(200);
    return res.body.items.map((c: { id: string }) => c.id) as string[];
  };

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-06-01T02:00:00Z');
    sb = await setUpSandbox(h);
    const tenantId = sb.brand.tenant.id;
    storeA = sb.brand.store.id;
    storeB = (await createStore(h.deps, tenantId)).id;
    managerA = (await createStaffWithToken(h.deps, { tenantId, role: 'store_manager', storeId: storeA }))
      .headers;
    guideA = (await createStaffWithToken(h.deps, { tenantId, role: 'guide', storeId: storeA })).headers;
    await keepSignedIn(h, tenantId);
    series = { brand: await newSeries(null), a: await newSeries(storeA), b: await newSeries(storeB) };
    const create = async (seriesId: string, storeId: string | null) => {
      const res = await as(sb.headers, 'POST', '/fission-campaigns', campaignInput(seriesId, storeId));
      expect(res.status).toBe(201);
      expect(res.body.storeId).toBe(storeId);
      return res.body.id as string;
    };
    campaign = {
      brand: await create(series.brand, null),
      a: await create(series.a, storeA),
      b: await create(series.b, storeB),
    };
  }, 120_000);
  afterAll(() => h.close());

  it('lists brand-wide campaigns and the caller’s stores’ ones; the owner sees all', async () => {
    expect((await idsOf(sb.headers)).sort()).toEqual([campaign.brand, campaign.a, campaign.b].sort());
    expect((await idsOf(managerA)).sort()).toEqual([campaign.brand, campaign.a].sort());
    expect((await idsOf(guideA)).sort()).toEqual([campaign.brand, campaign.a].sort());
    const [row] = await h.deps.db.select().from(campaigns).where(eq(campaigns.id, campaign.b));
    expect(row?.storeId).toBe(storeB);
  });

  it('answers another store’s campaign as not found, on every route under it', async () => {
    const [memberA] = await insertMembers(h, sb.brand.tenant.id, 1, storeA);
    const [mover] = await insertMembers(h, sb.brand.tenant.id, 1, storeB);
    const b = `/fission-campaigns/${campaign.b}`;
    // Store B's campaign takes store B's members only, even from the owner.
    expect((await as(sb.headers, 'POST', `${b}/inviters`, { memberIds: [memberA] })).status).toBe(404);
    // A store B inviter who then moves to store A: only the campaign stands between manager A and them.
    expect((await as(sb.headers, 'POST', `${b}/inviters`, { memberIds: [mover] })).status).toBe(200);
    expect((await as(sb.headers, 'PATCH', `/members/${mover}`, { storeId: storeA })).status).toBe(200);
    expect((await as(managerA, 'GET', `/members/${mover}`)).status).toBe(200);
    expect((await as(sb.headers, 'GET', `${b}/inviters/${mover}`)).status).toBe(200);
    for (const [method, path, body] of [
      ['GET', b],
      ['PATCH', b, { name: 'Taken over' }],
      ['GET', `${b}/inviters`],
      ['POST', `${b}/inviters`, { memberIds: [mover] }],
      ['GET', `${b}/inviters/${mover}`],
      ['GET', `${b}/inviters/${mover}/poster`],
      ['POST', `${b}/inviters/${mover}/release`],
      ['GET', `${b}/leaderboard`],
      ['GET', `${b}/invite-tree`],
      ['GET', `${b}/rewards`],
    ] as const) {
      const res = await as(managerA, method, path, body);
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    expect((await as(guideA, 'GET', b)).status).toBe(404);
    // Nothing changed, and the owner still reads it.
    const owner = await as(sb.headers, 'GET', b);
    expect(owner.status).toBe(200);
    expect(owner.body.name).toBe(campaignInput(series.b).name);
    // Their own store's campaign is theirs to read, enrol in and change.
    const a = `/fission-campaigns/${campaign.a}`;
    expect((await as(managerA, 'GET', a)).body).toMatchObject({ id: campaign.a, storeId: storeA });
    expect((await as(managerA, 'POST', `${a}/inviters`, { memberIds: [memberA] })).status).toBe(200);
    const renamed = await as(managerA, 'PATCH', a, { name: 'Store A mums' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Store A mums');
    // A brand-wide campaign they read but do not change; a guide changes none.
    expect((await as(managerA, 'GET', `/fission-campaigns/${campaign.brand}`)).status).toBe(200);
    expect((await as(managerA, 'PATCH', `/fission-campaigns/${campaign.brand}`, { name: 'x' })).status).toBe(
      403,
    );
    expect((await as(guideA, 'PATCH', a, { name: 'x' })).status).toBe(403);
  });

  it('lets a store manager create campaigns only for their own store, on their store’s series', async () => {
    const create = (body: Record<string, unknown>, headers = managerA) =>
      as(headers, 'POST', '/fission-campaigns', body);
    const fieldsOf = (res: { body: { error: { details?: { path: string }[] } } }) =>
      res.body.error.details?.map((d) => d.path);
    const brandWide = await create(campaignInput(series.a));
    expect(brandWide.status).toBe(400);
    expect(fieldsOf(brandWide)).toEqual(['storeId']);
    const otherStore = await create(campaignInput(series.b, storeB));
    expect(otherStore.status).toBe(400);
    expect(fieldsOf(otherStore)).toContain('storeId');
    const otherSeries = await create(campaignInput(series.b, storeA));
    expect(otherSeries.status).toBe(400);
    expect(fieldsOf(otherSeries)).toEqual(['target.seriesIds.0']);
    expect((await create(campaignInput(series.a, storeA), guideA)).status).toBe(403);
    const made = await create(campaignInput(series.a, storeA));
    expect(made.status).toBe(201);
    expect(made.body.storeId).toBe(storeA);
    expect(await idsOf(managerA)).toContain(made.body.id);
    // The owner may put a campaign in any store of the brand, not in another brand's.
    const foreign = await createBrand(h.deps);
    const stray = await create(campaignInput(series.b, foreign.store.id), sb.headers);
    expect(stray.status).toBe(400);
    expect(fieldsOf(stray)).toEqual(['storeId']);
    expect((await create(campaignInput(series.b, storeB), sb.headers)).status).toBe(201);
  });
});
