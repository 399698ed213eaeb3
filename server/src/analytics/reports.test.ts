import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignParticipants,
  campaigns,
  communities,
  coupons,
  couponTemplates,
  members,
  moderationIncidents,
  pointsLedger,
} from '../db/schema/index.ts';
import { type LoyaltyWorld, setUpLoyaltyWorld } from '../loyalty/loyalty.fixtures.ts';
import { recordOrder } from '../orders/record-order.ts';
import { createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createTestClient } from '../testing/test-client.ts';

describe('ROI, group health, leaderboards and CSV export', () => {
  let h: Harness;
  let w: LoyaltyWorld;
  let tenantId: string;
  let campaignId: string;
  let today: string;

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2031-06-10T04:00:00Z');
    w = await setUpLoyaltyWorld(h);
    tenantId = w.sb.brand.tenant.id;
    today = '2031-06-10';
  });
  afterAll(() => h.close());

  it('group health counts joins, messages (once per event) and active members per day from the pipeline', async () => {
    const ann = await w.join('Ann');
    const bob = await w.join('Bob');
    await w.run();
    await w.deliver([
      w.messageEvent('m1', ann, 'hello'),
      w.messageEvent('m2', ann, 'again'),
      w.messageEvent('m3', bob, 'hi'),
    ]);
    await w.deliver([w.messageEvent('m1', ann, 'hello')]); // a redelivery
    await w.run();
    const [group] = await h.deps.db.select().from(communities).where(eq(communities.externalId, w.groupId));
    await h.deps.db.insert(moderationIncidents).values({
      tenantId,
      memberId: await w.memberIdOf(bob),
      platformAccountId: w.sb.accountId,
      groupExternalId: w.groupId,
      messageExternalId: 'm-x',
      inboundEventId: 999_999,
      reasons: ['link'],
      offenceNumber: 1,
      actions: ['warn'],
      occurredAt: h.clock.now,
    });
    const res = await w.api(
      'GET',
      `/api/v1/analytics/communities/${group!.id}/health?from=2031-06-09&to=${today}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.daily).toEqual([
      {
        day: '2031-06-09',
        members: 0,
        joins: 0,
        leaves: 0,
        messages: 0,
        activeMembers: 0,
        moderationActions: 0,
      },
      { day: today, members: 2, joins: 2, leaves: 0, messages: 3, activeMembers: 2, moderationActions: 1 },
    ]);
    expect(res.body).toMatchObject({ memberCount: 2, activeThisWeek: 2, shareActiveThisWeek: 1 });
  });

  it('campaign ROI: entered costs, redeemed coupons at cost, points at their value, attributed revenue, plan vs actual', async () => {
    const [campaign] = await h.deps.db
      .insert(campaigns)
      .values({
        tenantId,
        kind: 'fission',
        name: 'Invite 5',
        startsAt: new Date('2031-06-01T00:00:00Z'),
        plan: { newMembers: 10, revenueCents: 100_000 },
      })
      .returning();
    campaignId = campaign!.id;
    const [a, b] = (
      await h.deps.db
        .insert(members)
        .values(
          ['A', 'B'].map((name) => ({
            tenantId,
            storeId: w.sb.brand.store.id,
            name,
            createdAt: h.clock.now,
          })),
        )
        .returning({ id: members.id })
    ).map((r) => r.id);
    await h.deps.db.insert(campaignParticipants).values([
      { tenantId, campaignId, memberId: a!, role: 'inviter', joinedAt: new Date('2031-06-09T00:00:00Z') },
      { tenantId, campaignId, memberId: b!, role: 'invitee', joinedAt: new Date('2031-06-09T00:00:00Z') },
    ]);
    for (const body of [
      { campaignId, kind: 'ad_spend', amountCents: 10_000, incurredOn: '2031-06-02' },
      { campaignId, kind: 'staff_hours', amountCents: 5_000, quantity: 2.5, incurredOn: '2031-06-03' },
    ]) {
      expect((await w.api('POST', '/api/v1/analytics/campaign-costs', body)).status).toBe(201);
    }
    const [template] = await h.deps.db
      .insert(couponTemplates)
      .values({
        tenantId,
        name: 'Gift',
        kind: 'fixed',
        amountCents: 1_000,
        costCents: 700,
        validityKind: 'relative',
        validDays: 3,
      })
      .returning();
    const coupon = (code: string, status: 'issued' | 'redeemed') => ({
      tenantId,
      templateId: template!.id,
      memberId: a!,
      code,
      status,
      source: 'campaign' as const,
      idempotencyKey: code,
      validFrom: h.clock.now,
      validUntil: h.clock.now,
      issuedAt: h.clock.now,
      campaignId,
    });
    await h.deps.db
      .insert(coupons)
      .values([coupon('C1', 'redeemed'), coupon('C2', 'redeemed'), coupon('C3', 'issued')]);
    await h.deps.db.insert(pointsLedger).values({
      tenantId,
      memberId: a!,
      kind: 'earn',
      points: 300,
      reason: 'invite',
      source: 'invite',
      idempotencyKey: 'roi-points',
      campaignId,
    });
    for (const [i, memberId] of [a!, b!].entries()) {
      await recordOrder(h.deps.db, {
        tenantId,
        scope: { kind: 'brand' },
        source: 'api',
        order: {
          externalId: `roi-${i}`,
          amountCents: 20_000,
          currency: 'CNY',
          orderedAt: '2031-06-09T10:00:00Z',
          member: { memberId },
        },
      });
    }
    const res = await w.api('GET', `/api/v1/analytics/campaigns/${campaignId}/roi`);
    expect(res.status).toBe(200);
    // 10,000 + 5,000 entered, 2 × 700 coupons, 300 points × 1 cent.
    const cost = 10_000 + 5_000 + 1_400 + 300;
    expect(res.body.costs).toMatchObject({
      couponsRedeemed: 2,
      couponCents: 1_400,
      points: 300,
      pointsCents: 300,
      totalCents: cost,
    });
    expect(res.body.revenue).toEqual({ orders: 2, buyers: 2, gmvCents: 40_000 });
    expect(res.body.roi).toBeCloseTo((40_000 - cost) / cost, 4);
    expect(res.body.acquired).toBe(2);
    expect(res.body.costPerAcquiredCents).toBe(Math.round(cost / 2));
    expect(res.body.plan).toEqual({ newMembers: 10, revenueCents: 100_000 });
    expect(res.body.actual).toMatchObject({ newMembers: 2, revenueCents: 40_000, costCents: cost });
  });

  it('bad cost input is a 400 naming the field; a guide may not enter costs', async () => {
    const res = await w.api('POST', '/api/v1/analytics/campaign-costs', {
      kind: 'gift',
      amountCents: 1,
      incurredOn: '2031-06-02',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('campaignId');
    const guide = await createStaffWithToken(h.deps, {
      tenantId,
      role: 'guide',
      storeId: w.sb.brand.store.id,
    });
    const api = createTestClient(h.app);
    const refused = await api.post(
      '/api/v1/analytics/campaign-costs',
      { campaignId, kind: 'gift', amountCents: 1, incurredOn: '2031-06-02' },
      guide.headers,
    );
    expect(refused.status).toBe(403);
  });

  it('ranks stores by GMV; a guide sees their store only; exports CSV', async () => {
    const quiet = await createStore(h.deps, tenantId);
    const res = await w.api('GET', `/api/v1/analytics/leaderboards?by=store&from=2031-06-01&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: string; gmvCents: number }) => [r.id, r.gmvCents])).toEqual([
      [w.sb.brand.store.id, 40_000],
      [quiet.id, 0],
    ]);
    const guide = await createStaffWithToken(h.deps, { tenantId, role: 'guide', storeId: quiet.id });
    const api = createTestClient(h.app);
    const mine = await api.get<{ items: { id: string }[] }>(
      `/api/v1/analytics/leaderboards?by=store&from=2031-06-01&to=${today}`,
      guide.headers,
    );
    expect(mine.body.items.map((r) => r.id)).toEqual([quiet.id]);
    // Guides: orders are owed to the guide who owns the member.
    const owner = await createStaffWithToken(h.deps, {
      tenantId,
      role: 'guide',
      storeId: w.sb.brand.store.id,
      name: 'Gao',
    });
    const [c] = (
      await h.deps.db
        .insert(members)
        .values({
          tenantId,
          storeId: w.sb.brand.store.id,
          ownerStaffId: owner.staff.id,
          name: 'C',
          createdAt: h.clock.now,
        })
        .returning({ id: members.id })
    ).map((r) => r.id);
    await recordOrder(h.deps.db, {
      tenantId,
      scope: { kind: 'brand' },
      source: 'api',
      order: {
        externalId: 'guide-1',
        amountCents: 7_000,
        currency: 'CNY',
        orderedAt: '2031-06-09T12:00:00Z',
        member: { memberId: c! },
      },
    });
    const guides = await w.api('GET', `/api/v1/analytics/leaderboards?by=guide&from=2031-06-01&to=${today}`);
    expect(guides.body.items[0]).toMatchObject({
      id: owner.staff.id,
      newMembers: 1,
      orders: 1,
      buyers: 1,
      gmvCents: 7_000,
    });
    const csv = await h.app.request(`/api/v1/analytics/export?report=roi&from=2031-06-01&to=${today}`, {
      headers: w.sb.headers,
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('campaign,cost_cents,gmv_cents');
    expect(text).toContain('Invite 5,16700,40000');
    const funnel = await h.app.request(`/api/v1/analytics/export?report=funnel&from=2031-06-01&to=${today}`, {
      headers: w.sb.headers,
    });
    expect(await funnel.text()).toContain('gmv_cents,47000,0');
  });
});
