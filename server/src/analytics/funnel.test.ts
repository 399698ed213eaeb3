import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignParticipants,
  campaigns,
  channelCodes,
  communities,
  communityMembers,
  funnelCohortDays,
  funnelCohortRollups,
  memberAttributions,
  memberEvents,
  memberFunnelFacts,
  members,
  platformAccounts,
  tenants,
} from '../db/schema/index.ts';
import { recordOrder } from '../orders/record-order.ts';
import { refundOrder } from '../orders/refund-order.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { createBrand, createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createTestClient } from '../testing/test-client.ts';
import { refreshFunnelFactsJob, sweepFunnelFactsJob } from './analytics.jobs.ts';
import { refreshFunnelFacts } from './funnel.store.ts';
import { getFunnel } from './get-funnel.ts';

/**
 * A seeded scenario: raw rows (members joining through codes, groups, messages, check-ins, orders, refunds,
 * invites), then every funnel figure compared with a computation over the same rows in plain TypeScript.
 */
const DAY = 86_400_000;
const NOW = new Date('2031-04-20T04:00:00Z');
const FROM = '2031-03-01';
const TO = '2031-03-30';
// Asia/Shanghai, no daylight saving: local midnight is 16:00 UTC the day before.
const t0 = Date.parse('2031-02-28T16:00:00Z');
const t1 = Date.parse('2031-03-30T16:00:00Z');

const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

type M = { id: string; storeId: string; codeId: string | null; createdAt: number };
type Ev = { memberId: string; type: string; at: number; data?: Record<string, unknown> };
type G = { memberId: string; joinedAt: number; leftAt: number | null };
type O = {
  memberId: string;
  at: number;
  amount: number;
  refunded: number;
  codeId: string | null;
  storeId: string;
};
type P = { memberId: string; role: 'inviter' | 'invitee' | 'participant'; at: number };

describe('AARRR funnel against an independent computation', () => {
  let h: Harness;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let storeB: { id: string };
  let codeX: string;
  let groupId: string;
  let campaignId: string;
  const ms: M[] = [];
  const evs: Ev[] = [];
  const gs: G[] = [];
  const os: O[] = [];
  const ps: P[] = [];

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = NOW;
    brand = await createBrand(h.deps);
    storeB = await createStore(h.deps, brand.tenant.id);
    const tenantId = brand.tenant.id;
    const [account] = await h.deps.db
      .insert(platformAccounts)
      .values({ tenantId, platform: 'sandbox', name: 'Sandbox' })
      .returning();
    const code = (name: string) => ({
      tenantId,
      platformAccountId: account!.id,
      name,
      source: 'flyer' as const,
      token: randomUUID(),
      state: randomUUID().slice(0, 8),
      targetKind: 'group' as const,
    });
    const [x, y] = await h.deps.db
      .insert(channelCodes)
      .values([code('X'), code('Y')])
      .returning();
    codeX = x!.id;
    const [group] = await h.deps.db
      .insert(communities)
      .values({ tenantId, platformAccountId: account!.id, externalId: 'g1', name: 'Group' })
      .returning();
    groupId = group!.id;
    const [campaign] = await h.deps.db
      .insert(campaigns)
      .values({ tenantId, kind: 'fission', name: 'Invite 3', startsAt: new Date(t0) })
      .returning();
    campaignId = campaign!.id;

    const rnd = seeded(42);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const start = Date.parse('2031-01-20T00:00:00Z');
    for (let i = 0; i < 70; i++) {
      const createdAt = start + Math.floor(rnd() * 85 * DAY);
      const m: M = {
        id: randomUUID(),
        storeId: pick([brand.store.id, storeB.id]),
        codeId: pick([x!.id, y!.id, null]),
        createdAt,
      };
      ms.push(m);
      if (rnd() < 0.7) {
        const joinedAt = createdAt + Math.floor(rnd() * 3 * DAY);
        gs.push({
          memberId: m.id,
          joinedAt,
          leftAt: rnd() < 0.3 ? joinedAt + Math.floor(rnd() * 30 * DAY) : null,
        });
      }
      const n = Math.floor(rnd() * 6);
      for (let k = 0; k < n; k++) {
        const at = createdAt + Math.floor(rnd() * 40 * DAY) - DAY;
        if (at < NOW.getTime())
          evs.push({
            memberId: m.id,
            type: pick(['message.posted', 'checked_in', 'tag.added', 'game.played']),
            at,
          });
      }
      if (rnd() < 0.4) {
        const at = createdAt + Math.floor(rnd() * 20 * DAY);
        const amount = 1_000 + Math.floor(rnd() * 50_000);
        const refunded = rnd() < 0.2 ? amount : rnd() < 0.2 ? Math.floor(amount / 3) : 0;
        if (at < NOW.getTime())
          os.push({ memberId: m.id, at, amount, refunded, codeId: m.codeId, storeId: m.storeId });
      }
      const role = rnd();
      if (role < 0.25) ps.push({ memberId: m.id, role: 'inviter', at: createdAt + DAY });
      else if (role < 0.45) ps.push({ memberId: m.id, role: 'invitee', at: createdAt });
    }
    const db = h.deps.db;
    await db.insert(members).values(
      ms.map((m) => ({
        id: m.id,
        tenantId,
        storeId: m.storeId,
        name: `M${m.id.slice(0, 4)}`,
        createdAt: new Date(m.createdAt),
      })),
    );
    await db.insert(memberAttributions).values(
      ms.flatMap((m) =>
        m.codeId
          ? [
              {
                tenantId,
                memberId: m.id,
                firstCodeId: m.codeId,
                firstAt: new Date(m.createdAt),
                lastCodeId: m.codeId,
                lastAt: new Date(m.createdAt),
              },
            ]
          : [],
      ),
    );
    await db.insert(communityMembers).values(
      gs.map((g) => ({
        tenantId,
        communityId: group!.id,
        memberId: g.memberId,
        joinedAt: new Date(g.joinedAt),
        leftAt: g.leftAt === null ? null : new Date(g.leftAt),
      })),
    );
    await db.insert(memberEvents).values(
      evs.map((e) => ({
        tenantId,
        memberId: e.memberId,
        type: e.type,
        occurredAt: new Date(e.at),
        data: {},
      })),
    );
    await db.insert(campaignParticipants).values(
      ps.map((p) => ({
        tenantId,
        campaignId,
        memberId: p.memberId,
        role: p.role,
        joinedAt: new Date(p.at),
      })),
    );
    // Two valid invites per inviter, on the invitee's timeline as fission records them, one in another campaign.
    for (const [i, p] of ps.filter((q) => q.role === 'inviter').entries()) {
      const invitee = ms[(i * 7 + 3) % ms.length]!.id;
      const data = (c: string) => ({ campaignId: c, inviterMemberId: p.memberId });
      evs.push({ memberId: invitee, type: 'fission.invite_valid', at: p.at + DAY, data: data(campaignId) });
      evs.push({
        memberId: invitee,
        type: 'fission.invite_valid',
        at: p.at + 2 * DAY,
        data: data(randomUUID()),
      });
    }
    await db.insert(memberEvents).values(
      evs
        .filter((e) => e.type === 'fission.invite_valid')
        .map((e) => ({
          tenantId,
          memberId: e.memberId,
          type: e.type,
          occurredAt: new Date(e.at),
          data: e.data ?? {},
        })),
    );
    for (const [i, o] of os.entries()) {
      const { order } = await recordOrder(db, {
        tenantId,
        scope: { kind: 'brand' },
        source: 'api',
        order: {
          externalId: `o-${i}`,
          amountCents: o.amount,
          currency: 'CNY',
          orderedAt: new Date(o.at).toISOString(),
          member: { memberId: o.memberId },
        },
      });
      if (o.refunded > 0) {
        await refundOrder(db, {
          tenantId,
          scope: { kind: 'brand' },
          orderId: order.id,
          refund: {
            externalId: `r-${i}`,
            amountCents: o.refunded,
            refundedAt: new Date(o.at + DAY).toISOString(),
          },
        });
      }
    }
  });
  afterAll(() => h.close());

  const interactions = new Set(['message.posted', 'checked_in', 'game.played', 'page.visited']);
  const interacted = (memberId: string, lo: number, hi: number) =>
    evs.some((e) => e.memberId === memberId && interactions.has(e.type) && e.at >= lo && e.at < hi);
  const inGroupAt = (memberId: string, at: number) =>
    gs.some((g) => g.memberId === memberId && g.joinedAt <= at && (g.leftAt === null || g.leftAt > at));

  /** The expected figures, from the rows above only. */
  const expected = (
    cohort: { memberId: string; at: number }[],
    inScope: (o: O) => boolean,
    population: number,
    lo = t0,
    hi = t1,
  ) => {
    const activated = cohort.filter((c) => interacted(c.memberId, c.at, c.at + 7 * DAY)).length;
    const week = (n: number) => {
      const due = cohort.filter((c) => c.at + 7 * (n + 1) * DAY <= NOW.getTime());
      const retained = due.filter((c) => {
        const end = c.at + 7 * (n + 1) * DAY;
        return interacted(c.memberId, c.at + 7 * n * DAY, end) && inGroupAt(c.memberId, end);
      });
      return { eligible: due.length, retained: retained.length };
    };
    const period = os.filter((o) => o.at >= lo && o.at < hi && inScope(o));
    const live = period.filter((o) => o.amount > o.refunded);
    const gross = period.reduce((s, o) => s + o.amount, 0);
    const refunded = period.reduce((s, o) => s + o.refunded, 0);
    const converted = cohort.filter((c) =>
      os.some((o) => o.memberId === c.memberId && o.at >= c.at && o.at < hi && o.amount > o.refunded),
    ).length;
    return {
      newMembers: cohort.length,
      activated,
      w1: week(1),
      w2: week(2),
      w4: week(4),
      orders: live.length,
      buyers: new Set(live.map((o) => o.memberId)).size,
      grossCents: gross,
      refundedCents: refunded,
      gmvCents: gross - refunded,
      population,
      converted,
    };
  };

  const actual = (f: Awaited<ReturnType<typeof getFunnel>>['current']) => ({
    newMembers: f.acquisition.newMembers,
    activated: f.activation.activated,
    w1: { eligible: f.retention.w1.eligible, retained: f.retention.w1.retained },
    w2: { eligible: f.retention.w2.eligible, retained: f.retention.w2.retained },
    w4: { eligible: f.retention.w4.eligible, retained: f.retention.w4.retained },
    orders: f.revenue.orders,
    buyers: f.revenue.buyers,
    grossCents: f.revenue.grossCents,
    refundedCents: f.revenue.refundedCents,
    gmvCents: f.revenue.gmvCents,
    population: f.revenue.population,
    converted: f.revenue.converted,
  });

  const funnelOf = (scope: Parameters<typeof getFunnel>[1]['scope'], useFacts: boolean) =>
    getFunnel(h.deps.db, {
      tenantId: brand.tenant.id,
      access: { kind: 'brand' },
      scope,
      from: FROM,
      to: TO,
      now: NOW,
      useFacts,
    });

  it('the brand funnel equals the figures computed from the raw rows, live and from the rollup', async () => {
    const cohort = ms
      .filter((m) => m.createdAt >= t0 && m.createdAt < t1)
      .map((m) => ({ memberId: m.id, at: m.createdAt }));
    expect(cohort.length).toBeGreaterThan(10);
    const want = expected(cohort, () => true, ms.filter((m) => m.createdAt < t1).length);
    expect(want.activated).toBeGreaterThan(0);
    expect(want.orders).toBeGreaterThan(0);
    expect(want.w1.retained + want.w2.retained).toBeGreaterThan(0);
    expect(want.refundedCents).toBeGreaterThan(0);
    const live = await funnelOf({ kind: 'brand' }, false);
    expect(actual(live.current)).toEqual(want);
    expect(live.current.activation.rate).toBeCloseTo(want.activated / want.newMembers, 4);

    // The rollup refreshed ten days ago (partly final) and again now: both agree with the live computation.
    await refreshFunnelFacts(h.deps.db, {
      tenantId: brand.tenant.id,
      now: new Date(NOW.getTime() - 10 * DAY),
      limit: 1_000,
    });
    expect(actual((await funnelOf({ kind: 'brand' }, true)).current)).toEqual(want);
    await refreshFunnelFacts(h.deps.db, { tenantId: brand.tenant.id, now: NOW, limit: 1_000 });
    const rolled = await funnelOf({ kind: 'brand' }, true);
    expect(rolled).toEqual(live);

    // The cohort rollup covers the days whose activation windows had closed at the refresh (ended 7 days before):
    // the whole period here; its rows count exactly its members. (After the first refresh, ten days old, the funnel
    // above recomputed live the days whose retention weeks had ended since.)
    const [state] = await h.deps.db
      .select()
      .from(funnelCohortRollups)
      .where(eq(funnelCohortRollups.tenantId, brand.tenant.id));
    expect(state?.coversBefore).toBe('2031-04-13');
    const rows = await h.deps.db
      .select()
      .from(funnelCohortDays)
      .where(eq(funnelCohortDays.tenantId, brand.tenant.id));
    const inPeriod = rows.filter((r) => r.day >= FROM && r.day <= TO);
    expect(inPeriod.reduce((n, r) => n + r.newMembers, 0)).toBe(want.newMembers);
    expect(inPeriod.reduce((n, r) => n + r.activated, 0)).toBe(want.activated);
    // A store scope and a store-bound reader read the same rows by store: rollup and live agree there too.
    const storeScope = { kind: 'store', id: storeB.id } as const;
    expect(await funnelOf(storeScope, true)).toEqual(await funnelOf(storeScope, false));
    const asGuide = (useFacts: boolean) =>
      getFunnel(h.deps.db, {
        tenantId: brand.tenant.id,
        access: { kind: 'stores', storeIds: [storeB.id] },
        scope: { kind: 'brand' },
        from: FROM,
        to: TO,
        now: NOW,
        useFacts,
      });
    const guideView = await asGuide(true);
    expect(guideView).toEqual(await asGuide(false));
    expect(guideView.current.acquisition.newMembers).toBeLessThan(want.newMembers);

    // Daily trends add up to the period; cohorts by week add up to acquisition.
    expect(live.daily).toHaveLength(30);
    expect(live.daily.reduce((s, d) => s + d.newMembers, 0)).toBe(want.newMembers);
    expect(live.daily.reduce((s, d) => s + d.gmvCents, 0)).toBe(want.gmvCents);
    expect(live.cohorts.reduce((s, c) => s + c.size, 0)).toBe(want.newMembers);
  });

  it('the sweep asks for one refresh per brand; the refresh job brings every member up to date', async () => {
    h.jobs.sent.length = 0;
    const context = { deps: h.deps, rateLimits: createRateLimitStore() };
    await sweepFunnelFactsJob.handler(context, {});
    expect(h.jobs.sent.map((j) => j.data)).toContainEqual({ tenantId: brand.tenant.id });
    await h.deps.db.delete(memberFunnelFacts);
    await refreshFunnelFactsJob.handler(context, { tenantId: brand.tenant.id });
    const facts = await h.deps.db
      .select()
      .from(memberFunnelFacts)
      .where(eq(memberFunnelFacts.tenantId, brand.tenant.id));
    expect(facts).toHaveLength(ms.length);
    expect(facts.every((f) => f.computedAt.getTime() === NOW.getTime())).toBe(true);
  });

  it('compares with the previous period of the same length', async () => {
    const p0 = t0 - 30 * DAY;
    const cohort = ms
      .filter((m) => m.createdAt >= p0 && m.createdAt < t0)
      .map((m) => ({ memberId: m.id, at: m.createdAt }));
    const want = expected(cohort, () => true, ms.filter((m) => m.createdAt < t0).length, p0, t0);
    const f = await funnelOf({ kind: 'brand' }, false);
    expect(f.previous.from).toBe('2031-01-30');
    expect(f.previous.to).toBe('2031-02-28');
    expect(actual(f.previous)).toEqual(want);
  });

  it('store and channel-code scopes equal their own independent figures', async () => {
    const inStore = ms.filter((m) => m.storeId === storeB.id);
    const cohortB = inStore
      .filter((m) => m.createdAt >= t0 && m.createdAt < t1)
      .map((m) => ({ memberId: m.id, at: m.createdAt }));
    const wantB = expected(
      cohortB,
      (o) => o.storeId === storeB.id,
      inStore.filter((m) => m.createdAt < t1).length,
    );
    expect(actual((await funnelOf({ kind: 'store', id: storeB.id }, false)).current)).toEqual(wantB);

    const viaX = ms.filter((m) => m.codeId === codeX);
    const cohortX = viaX
      .filter((m) => m.createdAt >= t0 && m.createdAt < t1)
      .map((m) => ({ memberId: m.id, at: m.createdAt }));
    const wantX = expected(cohortX, (o) => o.codeId === codeX, viaX.filter((m) => m.createdAt < t1).length);
    expect(actual((await funnelOf({ kind: 'code', id: codeX }, false)).current)).toEqual(wantX);
  });

  it('community scope: who joined the group, revenue of orders placed while in it', async () => {
    const cohort = gs
      .filter((g) => g.joinedAt >= t0 && g.joinedAt < t1)
      .map((g) => ({ memberId: g.memberId, at: g.joinedAt }));
    const inGroup = new Set(gs.map((g) => g.memberId));
    const want = expected(
      cohort,
      (o) => inGroupAt(o.memberId, o.at),
      ms.filter((m) => inGroup.has(m.id) && m.createdAt < t1).length,
    );
    expect(want.newMembers).toBeGreaterThan(0);
    expect(actual((await funnelOf({ kind: 'community', id: groupId }, false)).current)).toEqual(want);
  });

  it('referral: inviters, invitees, valid invites and K-factor; campaign scope counts its own invites', async () => {
    const during = ps.filter((p) => p.at >= t0 && p.at < t1);
    const inviters = new Set(during.filter((p) => p.role === 'inviter').map((p) => p.memberId)).size;
    const invitees = new Set(during.filter((p) => p.role === 'invitee').map((p) => p.memberId)).size;
    const valid = evs.filter((e) => e.type === 'fission.invite_valid' && e.at >= t0 && e.at < t1);
    const validInCampaign = valid.filter((e) => e.data?.campaignId === campaignId).length;
    expect(inviters).toBeGreaterThan(0);
    const brandFunnel = await funnelOf({ kind: 'brand' }, false);
    expect(brandFunnel.current.referral).toEqual({
      inviters,
      invitees,
      validInvites: valid.length,
      kFactor: Math.round((valid.length / inviters) * 10_000) / 10_000,
    });
    // A store's valid invites are those of its inviters (the event is on the invitee's timeline).
    const storeOf = new Map(ms.map((m) => [m.id, m.storeId]));
    const storeFunnel = await funnelOf({ kind: 'store', id: storeB.id }, false);
    expect(storeFunnel.current.referral.validInvites).toBe(
      valid.filter((e) => storeOf.get(String(e.data?.inviterMemberId)) === storeB.id).length,
    );
    const campaignFunnel = await funnelOf({ kind: 'campaign', id: campaignId }, false);
    expect(campaignFunnel.current.referral.validInvites).toBe(validInCampaign);
    // Campaign acquisition: who joined the campaign in the period.
    expect(campaignFunnel.current.acquisition.newMembers).toBe(during.length);
  });

  it('drills every figure down to its members', async () => {
    const api = createTestClient(h.app);
    const cohort = ms.filter((m) => m.createdAt >= t0 && m.createdAt < t1);
    const activated = cohort
      .filter((m) => interacted(m.id, m.createdAt, m.createdAt + 7 * DAY))
      .map((m) => m.id)
      .sort();
    const collected: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
        await api.get(
          `/api/v1/analytics/funnel/members?from=${FROM}&to=${TO}&figure=activated&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          brand.owner.headers,
        );
      expect(res.status).toBe(200);
      collected.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(collected).toEqual(activated);
    const buyers = await api.get<{ items: { id: string }[] }>(
      `/api/v1/analytics/funnel/members?from=${FROM}&to=${TO}&figure=buyers&limit=200`,
      brand.owner.headers,
    );
    const wantBuyers = new Set(
      os.filter((o) => o.at >= t0 && o.at < t1 && o.amount > o.refunded).map((o) => o.memberId),
    );
    expect(buyers.body.items.map((i) => i.id).sort()).toEqual([...wantBuyers].sort());
  });

  it('a guide sees their store only; another store is a 404; bad input is a 400 naming the field', async () => {
    const api = createTestClient(h.app);
    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: storeB.id,
    });
    const res = await api.get<{ current: { acquisition: { newMembers: number } } }>(
      `/api/v1/analytics/funnel?from=${FROM}&to=${TO}`,
      guide.headers,
    );
    expect(res.status).toBe(200);
    const inB = ms.filter((m) => m.storeId === storeB.id && m.createdAt >= t0 && m.createdAt < t1).length;
    expect(res.body.current.acquisition.newMembers).toBe(inB);
    const other = await api.get(
      `/api/v1/analytics/funnel?from=${FROM}&to=${TO}&scope=store&scopeId=${brand.store.id}`,
      guide.headers,
    );
    expect(other.status).toBe(404);
    const bad = await api.get(`/api/v1/analytics/funnel?from=${TO}&to=${FROM}`, brand.owner.headers);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('from');
    const noId = await api.get(
      `/api/v1/analytics/funnel?from=${FROM}&to=${TO}&scope=code`,
      brand.owner.headers,
    );
    expect(noId.status).toBe(400);
    expect(JSON.stringify(noId.body)).toContain('scopeId');
  });

  it('another brand sees none of it (tenant isolation)', async () => {
    const other = await createBrand(h.deps);
    await h.deps.db.update(tenants).set({ timezone: 'Asia/Shanghai' }).where(eq(tenants.id, other.tenant.id));
    const api = createTestClient(h.app);
    const res = await api.get<{
      current: { acquisition: { newMembers: number }; revenue: { orders: number } };
    }>(`/api/v1/analytics/funnel?from=${FROM}&to=${TO}`, other.owner.headers);
    expect(res.status).toBe(200);
    expect(res.body.current.acquisition.newMembers).toBe(0);
    expect(res.body.current.revenue.orders).toBe(0);
    const code = await api.get(
      `/api/v1/analytics/funnel?from=${FROM}&to=${TO}&scope=code&scopeId=${codeX}`,
      other.owner.headers,
    );
    expect(code.status).toBe(404);
  });
});
