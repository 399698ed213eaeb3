import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fulfilments,
  mallItems,
  mallRedemptions,
  pointsAccounts,
  pointsLedger,
} from '../../db/schema/index.ts';
import { callApi } from '../../platforms/sandbox/sandbox.fixtures.ts';
import { createBrand, createStaffWithToken, createStore } from '../../testing/fixtures.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { createTemplate, insertMembers } from '../loyalty.fixtures.ts';
import { createMemberLink } from '../me/member-link.ts';
import { findBalanceMismatches } from '../points/points.store.ts';

describe('points mall', () => {
  let h: Harness;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let tenantId: string;

  beforeAll(async () => {
    h = await createHarness();
    brand = await createBrand(h.deps);
    tenantId = brand.tenant.id;
  });
  afterAll(() => h.close());

  const api = (method: string, path: string, body?: unknown, headers = brand.owner.headers) =>
    callApi(h, headers, method, path, body);
  const createItem = async (body: Record<string, unknown>) => {
    const res = await api('POST', '/api/v1/mall/items', {
      name: 'Gift',
      kind: 'virtual',
      pointsPrice: 100,
      ...body,
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.id as string;
  };
  /** Members with `points` each, as data: one earn entry and the matching balance row per member. */
  const membersWithPoints = async (count: number, points: number) => {
    const ids = await insertMembers(h, tenantId, count);
    await h.deps.db.insert(pointsLedger).values(
      ids.map((memberId) => ({
        tenantId,
        memberId,
        kind: 'earn' as const,
        points,
        reason: 'Seed',
        source: 'manual',
        idempotencyKey: `seed:${memberId}`,
      })),
    );
    await h.deps.db
      .insert(pointsAccounts)
      .values(ids.map((memberId) => ({ tenantId, memberId, balance: points, lifetimePoints: points })));
    return ids;
  };
  const asMember = (memberId: string) => ({
    authorization: `Bearer ${createMemberLink(h.deps, { tenantId, memberId }).token}`,
  });
  const redeem = (memberId: string, itemId: string, body: Record<string, unknown> = {}) =>
    api(
      'POST',
      `/api/v1/me/mall/items/${itemId}/redeem`,
      { requestId: `r-${memberId}`, ...body },
      asMember(memberId),
    );
  const balanceOf = async (memberId: string) =>
    (await h.deps.db.select().from(pointsAccounts).where(eq(pointsAccounts.memberId, memberId)))[0]!.balance;

  it('validates items: a way to hand over a physical gift, a template for a coupon', async () => {
    const physical = await api('POST', '/api/v1/mall/items', {
      name: 'Mug',
      kind: 'physical',
      pointsPrice: 10,
    });
    expect(physical.body.error.details).toEqual([
      { path: 'fulfilmentMethods', message: 'a physical item needs pickup or shipping' },
    ]);
    const coupon = await api('POST', '/api/v1/mall/items', {
      name: 'Coupon',
      kind: 'coupon',
      pointsPrice: 10,
    });
    expect(coupon.body.error.details[0].path).toBe('couponTemplateId');
    const level = await api('POST', '/api/v1/mall/items', {
      name: 'VIP',
      kind: 'virtual',
      pointsPrice: 10,
      minLevelId: '00000000-0000-4000-8000-000000000000',
    });
    expect(level.status).toBe(404);
  });

  it('lets exactly 10 of 200 members racing for the last 10 gifts have one, and overdraws nobody', async () => {
    const item = await createItem({
      name: 'Tote bag',
      kind: 'physical',
      stock: 10,
      fulfilmentMethods: ['pickup'],
    });
    const members = await membersWithPoints(200, 150);
    const results = await Promise.all(
      members.map((m) => redeem(m, item, { fulfilment: { storeId: brand.store.id } })),
    );
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(10);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === 'out_of_stock')).toHaveLength(190);

    const [row] = await h.deps.db.select().from(mallItems).where(eq(mallItems.id, item));
    expect(row).toMatchObject({ stock: 0, redeemedCount: 10 });
    expect(
      await h.deps.db.select().from(mallRedemptions).where(eq(mallRedemptions.itemId, item)),
    ).toHaveLength(10);
    expect(await h.deps.db.select().from(fulfilments).where(eq(fulfilments.itemId, item))).toHaveLength(10);
    const balances = await h.deps.db
      .select({ balance: pointsAccounts.balance, n: sql<number>`count(*)::int` })
      .from(pointsAccounts)
      .where(sql`${pointsAccounts.memberId} in ${members}`)
      .groupBy(pointsAccounts.balance);
    expect(balances.sort((a, b) => a.balance - b.balance)).toEqual([
      { balance: 50, n: 10 },
      { balance: 150, n: 190 },
    ]);
    expect(await findBalanceMismatches(h.deps.db, tenantId)).toEqual([]);
  });

  it('hands physical gifts over at the store: its manager sees and completes them, others do not', async () => {
    const secondStore = await createStore(h.deps, tenantId);
    const item = await createItem({
      name: 'Cup',
      kind: 'physical',
      fulfilmentMethods: ['pickup', 'shipping'],
    });
    const [m] = await membersWithPoints(1, 500);
    expect((await redeem(m!, item)).body.error.details[0].path).toBe('fulfilment.method');
    const picked = await redeem(m!, item, {
      requestId: 'pickup-1',
      fulfilment: { method: 'pickup', storeId: brand.store.id },
    });
    expect(picked.status).toBe(201);
    const shipped = await redeem(m!, item, {
      requestId: 'ship-1',
      fulfilment: { method: 'shipping', address: '8 Orchard Rd' },
    });
    expect(shipped.body.fulfilment).toMatchObject({ method: 'shipping', storeId: null, status: 'pending' });

    const manager = await createStaffWithToken(h.deps, {
      tenantId,
      role: 'store_manager',
      storeId: brand.store.id,
    });
    const elsewhere = await createStaffWithToken(h.deps, {
      tenantId,
      role: 'store_manager',
      storeId: secondStore.id,
    });
    const mine = await api('GET', '/api/v1/fulfilments?status=pending', undefined, manager.headers);
    const fulfilmentId = picked.body.fulfilment.id;
    expect(mine.body.items.map((f: { id: string }) => f.id)).toContain(fulfilmentId);
    expect(mine.body.items.every((f: { storeId: string }) => f.storeId === brand.store.id)).toBe(true);
    expect((await api('GET', '/api/v1/fulfilments', undefined, elsewhere.headers)).body.items).toEqual([]);
    expect(
      (await api('POST', `/api/v1/fulfilments/${fulfilmentId}/complete`, undefined, elsewhere.headers))
        .status,
    ).toBe(404);

    const done = await api(
      'POST',
      `/api/v1/fulfilments/${fulfilmentId}/complete`,
      undefined,
      manager.headers,
    );
    expect(done.body).toMatchObject({ status: 'done', completedBy: manager.staff.id });
    const again = await api(
      'POST',
      `/api/v1/fulfilments/${fulfilmentId}/complete`,
      undefined,
      manager.headers,
    );
    expect(again.body).toEqual(done.body);
  });

  it('sells coupons for points; a retried tap is one purchase', async () => {
    const template = await createTemplate(h, brand.owner.headers, { name: '¥10 for 100 points' });
    const item = await createItem({ kind: 'coupon', couponTemplateId: template });
    const [m] = await membersWithPoints(1, 250);
    const first = await redeem(m!, item, { requestId: 'tap-1' });
    expect(first.status).toBe(201);
    const retry = await redeem(m!, item, { requestId: 'tap-1' });
    expect(retry).toMatchObject({ status: 200, body: first.body });
    expect(await balanceOf(m!)).toBe(150);
    const mine = await api('GET', '/api/v1/me/coupons', undefined, asMember(m!));
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: first.body.couponId, source: 'mall', status: 'issued' }),
    ]);
  });

  it('refuses a member short of points, over the limit, or below the level', async () => {
    const level = await api('POST', '/api/v1/loyalty/levels', { name: 'Fruit', rank: 5, threshold: 1_000 });
    const vip = await createItem({ name: 'VIP gift', minLevelId: level.body.id });
    const limited = await createItem({ name: 'Once', pointsPrice: 10, perMemberLimit: 1 });
    const [poor, rich] = [(await membersWithPoints(1, 50))[0]!, (await membersWithPoints(1, 5_000))[0]!];

    expect(await redeem(poor, limited, { requestId: 'a' })).toMatchObject({ status: 201 });
    expect(await redeem(poor, limited, { requestId: 'b' })).toMatchObject({
      status: 409,
      body: { error: { code: 'limit_reached' } },
    });
    expect(await redeem(poor, vip)).toMatchObject({ status: 403, body: { error: { code: 'not_eligible' } } });
    expect(await redeem(poor, await createItem({ name: 'Dear', pointsPrice: 41 }))).toMatchObject({
      status: 409,
      body: { error: { code: 'insufficient_points' } },
    });
    expect(await balanceOf(poor)).toBe(40);
    expect(await redeem(rich, vip)).toMatchObject({ status: 403 });

    const listed = await api('GET', '/api/v1/me/mall/items', undefined, asMember(poor));
    const shown = listed.body.items.find((i: { id: string }) => i.id === vip);
    expect(shown).toMatchObject({ isAvailable: false, unavailableReason: 'level' });
    const soldOut = listed.body.items.find((i: { name: string }) => i.name === 'Tote bag');
    expect(soldOut).toMatchObject({ isAvailable: false, unavailableReason: 'sold_out' });
  });
});
