import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  memberEvents,
  outboundMessages,
  pointsAccounts,
  pointsLedger,
} from '../../db/schema/index.ts';
import { createStaffWithToken } from '../../testing/fixtures.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { insertMembers, type LoyaltyWorld, setUpLoyaltyWorld } from '../loyalty.fixtures.ts';
import { runRewardTx } from '../reward-tx.ts';
import { grantPoints, type PointsResult, spendPoints } from './grant-points.ts';
import { findBalanceMismatches } from './points.store.ts';

describe('points ledger', () => {
  let h: Harness;
  let w: LoyaltyWorld;
  let tenantId: string;

  beforeAll(async () => {
    h = await createHarness();
    w = await setUpLoyaltyWorld(h);
    tenantId = w.sb.brand.tenant.id;
  });
  afterAll(() => h.close());

  const grant = (memberId: string, points: number, key: string) =>
    runRewardTx(h.deps, tenantId, (rt) =>
      grantPoints(rt, { memberId, points, source: 'game', reason: 'Dice game', idempotencyKey: key }),
    );
  const spend = (memberId: string, points: number, key: string) =>
    runRewardTx(h.deps, tenantId, (rt) =>
      spendPoints(rt, { memberId, points, source: 'mall', reason: 'Mug', idempotencyKey: key }),
    );
  const balanceOf = async (memberId: string) =>
    (await h.deps.db.select().from(pointsAccounts).where(eq(pointsAccounts.memberId, memberId)))[0]
      ?.balance ?? 0;
  const entriesOf = (memberId: string) =>
    h.deps.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, memberId)).orderBy(pointsLedger.id);

  it('grants once per idempotency key and refuses the key for another member', async () => {
    const [a, b] = await insertMembers(h, tenantId, 2);
    const first = await grant(a!, 30, 'game:round-1:a');
    expect(first).toMatchObject({ isNew: true, balance: 30, entry: { kind: 'earn', points: 30 } });
    const again = await grant(a!, 30, 'game:round-1:a');
    expect(again).toMatchObject({ isNew: false, balance: 30, entry: { id: first.entry.id } });
    await expect(grant(b!, 30, 'game:round-1:a')).rejects.toMatchObject({ code: 'conflict' });
    expect(await entriesOf(a!)).toHaveLength(1);
    expect(await balanceOf(b!)).toBe(0);
  });

  it('refuses a spend beyond the balance and leaves no entry', async () => {
    const [a] = await insertMembers(h, tenantId, 1);
    await grant(a!, 20, `seed:${a}`);
    await expect(spend(a!, 21, `spend:${a}`)).rejects.toMatchObject({ code: 'insufficient_points' });
    expect((await entriesOf(a!)).map((e) => e.points)).toEqual([20]);
    expect(await balanceOf(a!)).toBe(20);
  });

  it('never overdraws when spends race: 10 spends of 30 against 100 points, 3 succeed', async () => {
    const [a] = await insertMembers(h, tenantId, 1);
    await grant(a!, 100, `seed:${a}`);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => spend(a!, 30, `race:${a}:${i}`)),
    );
    const won = results.filter((r): r is PromiseFulfilledResult<PointsResult> => r.status === 'fulfilled');
    expect(won).toHaveLength(3);
    for (const lost of results.filter((r) => r.status === 'rejected')) {
      expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: 'insufficient_points' });
    }
    expect(await balanceOf(a!)).toBe(10);
    expect((await entriesOf(a!)).reduce((sum, e) => sum + e.points, 0)).toBe(10);
    // The same spend sent five times at once is one spend.
    await grant(a!, 50, `top-up:${a}`);
    const same = await Promise.all(Array.from({ length: 5 }, () => spend(a!, 40, `once:${a}`)));
    expect(same.filter((r) => r.isNew)).toHaveLength(1);
    expect(await balanceOf(a!)).toBe(20);
    expect(await findBalanceMismatches(h.deps.db, tenantId)).toEqual([]);
  });

  it('moves members up levels, multiplies their earnings and tells them once', async () => {
    const levels = [
      { name: 'Sprout', rank: 1, threshold: 0 },
      { name: 'Blossom', rank: 2, threshold: 100, pointsMultiplierPercent: 150 },
      { name: 'Fruit', rank: 3, threshold: 250, pointsMultiplierPercent: 200, hasMemberOnlyAccess: true },
    ];
    for (const level of levels)
      expect((await w.api('POST', '/api/v1/loyalty/levels', level)).status).toBe(201);
    expect(
      (await w.api('POST', '/api/v1/loyalty/levels', { name: 'Dup', rank: 2, threshold: 5 })).status,
    ).toBe(409);
    await w.api('PUT', '/api/v1/loyalty/settings', { rules: { levels: { isAnnounced: true } } });
    const sandboxId = await w.join('Gao Yuan');
    await w.run();
    const memberId = await w.memberIdOf(sandboxId);

    expect((await grant(memberId, 60, 'lv:1')).levelChange).toMatchObject({
      from: null,
      to: { name: 'Sprout' },
    });
    expect((await grant(memberId, 60, 'lv:2')).levelChange).toMatchObject({
      to: { name: 'Blossom' },
      direction: 'up',
    });
    // At Blossom, 100 earns 150.
    const boosted = await grant(memberId, 100, 'lv:3');
    expect(boosted.entry).toMatchObject({ points: 150, data: { basePoints: 100, multiplier: 150 } });
    expect(boosted.levelChange).toMatchObject({ to: { name: 'Fruit' } });
    expect((await grant(memberId, 100, 'lv:3')).levelChange).toBeNull();

    const timeline = await h.deps.db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, memberId), eq(memberEvents.type, 'level.changed')))
      .orderBy(memberEvents.id);
    expect(timeline.map((e) => (e.data.to as { name: string }).name)).toEqual(['Sprout', 'Blossom', 'Fruit']);
    await w.run();
    // Delivery sends a few at a time, so their order in the chat is not the order they were queued.
    const told = (await w.privateMessages(sandboxId)).map((m) => m.text).sort();
    expect(told).toEqual([
      '🎉 Gao Yuan, you are now Blossom!',
      '🎉 Gao Yuan, you are now Fruit!',
      '🎉 Gao Yuan, you are now Sprout!',
    ]);
    const summary = await w.api('GET', `/api/v1/members/${memberId}/points`);
    expect(summary.body).toMatchObject({
      balance: 270,
      lifetimePoints: 270,
      level: { name: 'Fruit', pointsMultiplierPercent: 200, hasMemberOnlyAccess: true },
      nextLevel: null,
    });
  });

  it('takes manual adjustments with a reason, into the ledger and the audit log', async () => {
    const [a] = await insertMembers(h, tenantId, 1);
    const path = `/api/v1/members/${a}/points/adjustments`;
    const missing = await w.api('POST', path, { points: 50 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ path: 'reason', message: expect.any(String) }]);
    const added = await w.api('POST', path, { points: 50, reason: 'Compensation for a late delivery' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'adjust', points: 50, balance: 50, source: 'manual' });
    const overdraw = await w.api('POST', path, { points: -80, reason: 'Correction' });
    expect(overdraw).toMatchObject({ status: 409, body: { error: { code: 'insufficient_points' } } });

    const manager = await createStaffWithToken(h.deps, {
      tenantId,
      role: 'store_manager',
      storeId: w.sb.brand.store.id,
    });
    const forbidden = await h.app.request(path, {
      method: 'POST',
      headers: { ...manager.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ points: 10, reason: 'Nice customer' }),
    });
    expect(forbidden.status).toBe(403);

    const [audit] = await h.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, 'adjustPoints')));
    expect(audit).toMatchObject({
      actorType: 'staff',
      actorId: w.sb.brand.owner.staff.id,
      targetId: String(added.body.id),
      data: { points: 50, reason: 'Compensation for a late delivery' },
    });
    const [entry] = await entriesOf(a!);
    expect(entry).toMatchObject({
      reason: 'Compensation for a late delivery',
      actorStaffId: w.sb.brand.owner.staff.id,
    });
  });

  it('reverses an entry once: a spend is refunded, an earning taken back as far as it is left', async () => {
    const [a] = await insertMembers(h, tenantId, 1);
    await grant(a!, 100, `rev-earn:${a}`);
    const spent = await spend(a!, 70, `rev-spend:${a}`);
    const refund = await w.api('POST', `/api/v1/points/entries/${spent.entry.id}/reverse`, {
      reason: 'Order cancelled',
    });
    expect(refund.body).toMatchObject({
      kind: 'reverse',
      points: 70,
      balance: 100,
      reversesId: spent.entry.id,
    });
    const twice = await w.api('POST', `/api/v1/points/entries/${spent.entry.id}/reverse`, {
      reason: 'Again',
    });
    expect(twice.body).toMatchObject({ id: refund.body.id, isNew: false, balance: 100 });

    await spend(a!, 80, `rev-spend-2:${a}`);
    const [earned] = await entriesOf(a!);
    const takeBack = await w.api('POST', `/api/v1/points/entries/${earned!.id}/reverse`, {
      reason: 'Invite revoked',
    });
    // 100 earned, but only 20 are left: those 20 go, and the 100 leave the lifetime points.
    expect(takeBack.body).toMatchObject({ points: -20, balance: 0 });
    const [account] = await h.deps.db.select().from(pointsAccounts).where(eq(pointsAccounts.memberId, a!));
    expect(account).toMatchObject({ balance: 0, lifetimePoints: 0 });

    const other = await w.api('POST', '/api/v1/points/entries/999999999/reverse', { reason: 'Nothing' });
    expect(other.status).toBe(404);
  });

  it('lists a member’s history newest first, one page at a time', async () => {
    const [a] = await insertMembers(h, tenantId, 1);
    for (let i = 0; i < 3; i++) await grant(a!, 10 + i, `page:${a}:${i}`);
    const first = await w.api('GET', `/api/v1/members/${a}/points/history?limit=2`);
    expect(first.body.items.map((e: { points: number }) => e.points)).toEqual([12, 11]);
    const second = await w.api(
      'GET',
      `/api/v1/members/${a}/points/history?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toMatchObject({ items: [{ points: 10 }], nextCursor: null });
  });

  it('earns points for orders the platform reports, once per order, and counts the spend', async () => {
    const sandboxId = await w.join('Xu Ming');
    await w.run();
    const memberId = await w.memberIdOf(sandboxId);
    const order = {
      type: 'order',
      externalId: 'order-evt-1',
      occurredAt: h.clock.now.toISOString(),
      member: { externalId: sandboxId },
      orderExternalId: 'POS-1001',
      amountCents: 12_850,
    };
    await w.deliver([order]);
    await w.deliver([{ ...order, externalId: 'order-evt-1-again' }]);
    await w.run();
    const entries = await entriesOf(memberId);
    expect(entries.map((e) => [e.source, e.points])).toEqual([['order', 128]]);
    const [account] = await h.deps.db
      .select()
      .from(pointsAccounts)
      .where(eq(pointsAccounts.memberId, memberId));
    expect(account).toMatchObject({ spendCents: 12_850 });
  });

  it('answers 404 for another brand’s member and no outbox row for a member without a chat', async () => {
    const [a] = await insertMembers(h, tenantId, 1);
    const otherBrand = await setUpLoyaltyWorld(h);
    const res = await otherBrand.api('GET', `/api/v1/members/${a}/points`);
    expect(res.status).toBe(404);
    await grant(a!, 500, `no-chat:${a}`);
    const rows = await h.deps.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.tenantId, tenantId));
    expect(rows.filter((r) => r.idempotencyKey.includes(a!))).toEqual([]);
  });
});
