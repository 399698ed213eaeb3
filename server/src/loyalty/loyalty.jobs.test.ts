import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupons, pointsAccounts, pointsLedger } from '../db/schema/index.ts';
import { jobNames } from '../jobs/job-names.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { issueCoupon } from './coupons/issue-coupon.ts';
import { createTemplate, insertMembers, type LoyaltyWorld, setUpLoyaltyWorld } from './loyalty.fixtures.ts';
import { maintainLoyaltyJob, sweepLoyaltyJob } from './loyalty.jobs.ts';
import { expireDuePoints } from './points/expire-points.ts';
import { grantPoints, spendPoints } from './points/grant-points.ts';
import { findBalanceMismatches } from './points/points.store.ts';
import { runRewardTx } from './reward-tx.ts';

describe('loyalty jobs', () => {
  let h: Harness;
  let w: LoyaltyWorld;
  let tenantId: string;

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2025-03-10T04:00:00Z');
    w = await setUpLoyaltyWorld(h);
    tenantId = w.sb.brand.tenant.id;
    // The default rule: points expire when the year after the one they were earned in ends (Shanghai time).
    await w.api('PUT', '/api/v1/loyalty/settings', { timeZone: 'Asia/Shanghai' });
  });
  afterAll(() => h.close());

  const maintain = () =>
    maintainLoyaltyJob.handler({ deps: h.deps, rateLimits: createRateLimitStore() }, { tenantId });
  const earn = (memberId: string, points: number, key: string) =>
    runRewardTx(h.deps, tenantId, (rt) =>
      grantPoints(rt, { memberId, points, source: 'game', reason: 'Game', idempotencyKey: key }),
    );
  const spend = (memberId: string, points: number, key: string) =>
    runRewardTx(h.deps, tenantId, (rt) =>
      spendPoints(rt, { memberId, points, source: 'mall', reason: 'Mall', idempotencyKey: key }),
    );
  const expiriesOf = (memberId: string) =>
    h.deps.db
      .select()
      .from(pointsLedger)
      .where(and(eq(pointsLedger.memberId, memberId), eq(pointsLedger.kind, 'expire')));
  const balanceOf = async (memberId: string) =>
    (await h.deps.db.select().from(pointsAccounts).where(eq(pointsAccounts.memberId, memberId)))[0]!.balance;

  it('expires the unspent part of each lot when its year ends, oldest lots first, once', async () => {
    const [a, b, c] = await insertMembers(h, tenantId, 3);
    await earn(a!, 100, 'a:2025');
    await earn(b!, 40, 'b:2025');
    await earn(c!, 80, 'c:2025');
    h.clock.now = new Date('2026-06-01T04:00:00Z');
    await earn(a!, 50, 'a:2026');
    // The 30 spent come out of the 2025 lot (FIFO), so 70 of it are left to expire.
    await spend(a!, 30, 'a:spend');
    await spend(b!, 40, 'b:spend');

    const summary = await w.api('GET', `/api/v1/members/${a}/points`);
    expect(summary.body.expiring).toEqual({ points: 70, at: '2026-12-31T16:00:00.000Z' });

    h.clock.now = new Date('2026-12-31T15:59:59Z');
    await maintain();
    expect(await expiriesOf(a!)).toEqual([]);

    h.clock.now = new Date('2026-12-31T16:00:00Z');
    await maintain();
    const [expiry] = await expiriesOf(a!);
    expect(expiry).toMatchObject({
      points: -70,
      source: 'expiry',
      idempotencyKey: `expire:${a}:2026-12-31T16:00:00.000Z`,
    });
    expect(await balanceOf(a!)).toBe(50);
    expect(await balanceOf(c!)).toBe(0);
    // Nothing of b's lot was left: a 0-point marker records the cutoff, and the history does not show it.
    expect((await expiriesOf(b!)).map((e) => e.points)).toEqual([0]);
    const history = await w.api('GET', `/api/v1/members/${b}/points/history`);
    expect(history.body.items.map((e: { kind: string }) => e.kind)).toEqual(['spend', 'earn']);

    h.clock.advance(3_600_000);
    await maintain();
    expect(await expiriesOf(a!)).toHaveLength(1);
    expect(await balanceOf(a!)).toBe(50);
    expect(await findBalanceMismatches(h.deps.db, tenantId)).toEqual([]);
  });

  it('expires once when two runs race', async () => {
    h.clock.now = new Date('2027-02-01T00:00:00Z');
    const members = await insertMembers(h, tenantId, 20);
    for (const [i, m] of members.entries()) await earn(m, 10 + i, `race-lot:${m}`);
    // Earlier lots (the first test's 2026 ones) expire at their own cutoff first.
    h.clock.now = new Date('2028-06-01T00:00:00Z');
    await maintain();
    h.clock.now = new Date('2028-12-31T16:00:01Z');
    const [one, two] = await Promise.all([
      expireDuePoints(h.deps.db, { tenantId, now: h.clock.now, batchSize: 7 }),
      expireDuePoints(h.deps.db, { tenantId, now: h.clock.now, batchSize: 7 }),
    ]);
    expect(one.points + two.points).toBe(members.reduce((sum, _, i) => sum + 10 + i, 0));
    for (const m of members) {
      expect(await expiriesOf(m)).toHaveLength(1);
      expect(await balanceOf(m)).toBe(0);
    }
    expect(await findBalanceMismatches(h.deps.db, tenantId)).toEqual([]);
  });

  it('expires coupons past their validity and hands out each level’s monthly coupon once a month', async () => {
    h.clock.now = new Date('2029-03-10T04:00:00Z');
    const monthly = await createTemplate(h, w.sb.headers, { name: 'Blossom monthly' });
    const level = await w.api('POST', '/api/v1/loyalty/levels', {
      name: 'Member',
      rank: 10,
      threshold: 0,
      monthlyCouponTemplateId: monthly,
    });
    expect(level.status).toBe(201);
    const [m] = await insertMembers(h, tenantId, 1);
    await earn(m!, 5, `monthly:${m}`);
    const threeDays = await createTemplate(h, w.sb.headers);
    const issued = await runRewardTx(h.deps, tenantId, (rt) =>
      issueCoupon(rt, { memberId: m!, templateId: threeDays, source: 'staff', idempotencyKey: `short:${m}` }),
    );
    expect(issued.status).toBe('issued');

    await maintain();
    await maintain();
    const held = () => h.deps.db.select().from(coupons).where(eq(coupons.memberId, m!));
    expect((await held()).filter((c) => c.templateId === monthly).map((c) => c.idempotencyKey)).toEqual([
      `level-coupon:${m}:2029-03`,
    ]);
    h.clock.now = new Date('2029-03-31T16:00:00Z');
    await maintain();
    const all = await held();
    expect(all.filter((c) => c.templateId === monthly).map((c) => c.idempotencyKey)).toEqual([
      `level-coupon:${m}:2029-03`,
      `level-coupon:${m}:2029-04`,
    ]);
    expect(all.find((c) => c.templateId === threeDays)?.status).toBe('expired');
  });

  it('fans out one upkeep job per brand, and checks balances against the ledger', async () => {
    h.jobs.sent.length = 0;
    await sweepLoyaltyJob.handler({ deps: h.deps, rateLimits: createRateLimitStore() }, {});
    expect(h.jobs.sent).toContainEqual({
      name: jobNames.maintainLoyalty,
      data: { tenantId, isDailyCheck: false },
      options: { singletonKey: tenantId },
    });
    h.jobs.sent.length = 0;
    h.clock.now = new Date('2029-05-01T20:07:00Z');
    await sweepLoyaltyJob.handler({ deps: h.deps, rateLimits: createRateLimitStore() }, {});
    expect(h.jobs.sent.find((j) => j.data.tenantId === tenantId)?.data).toEqual({
      tenantId,
      isDailyCheck: true,
    });
    const [m] = await insertMembers(h, tenantId, 1);
    await earn(m!, 10, `verify:${m}`);
    // Tamper with a balance row behind the ledger's back: the check finds it.
    await h.deps.db.update(pointsAccounts).set({ balance: 11 }).where(eq(pointsAccounts.memberId, m!));
    expect(await findBalanceMismatches(h.deps.db, tenantId)).toEqual([
      { memberId: m, balance: 11, ledgerSum: 10 },
    ]);
    const check = await w.api('GET', '/api/v1/loyalty/balance-check');
    expect(check.body.items).toEqual([{ memberId: m, balance: 11, ledgerSum: 10 }]);
    const logged: unknown[][] = [];
    const logger = Object.create(h.deps.logger, {
      error: { value: (...args: unknown[]) => logged.push(args) },
    });
    const upkeep = (isDailyCheck: boolean) =>
      maintainLoyaltyJob.handler(
        { deps: { ...h.deps, logger }, rateLimits: createRateLimitStore() },
        { tenantId, isDailyCheck },
      );
    await upkeep(false);
    expect(logged).toEqual([]);
    await upkeep(true);
    expect(logged).toEqual([
      [
        { tenantId, mismatches: [{ memberId: m, balance: 11, ledgerSum: 10 }] },
        'points balances differ from their ledger',
      ],
    ]);
    await h.deps.db.update(pointsAccounts).set({ balance: 10 }).where(eq(pointsAccounts.memberId, m!));
  });
});
