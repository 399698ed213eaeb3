import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkins, pointsLedger } from '../../db/schema/index.ts';
import { callApi } from '../../platforms/sandbox/sandbox.fixtures.ts';
import { createBrand } from '../../testing/fixtures.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { insertMembers, keepSignedIn } from '../loyalty.fixtures.ts';
import { createMemberLink, signMemberToken } from './member-link.ts';

describe('member pages (/me)', () => {
  let h: Harness;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let memberId: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    h = await createHarness();
    // 10:00 in Shanghai on 12 May 2025.
    h.clock.now = new Date('2025-05-12T02:00:00Z');
    brand = await createBrand(h.deps);
    await keepSignedIn(h, brand.tenant.id);
    [memberId] = (await insertMembers(h, brand.tenant.id, 1)) as [string];
    const link = await callApi(h, brand.owner.headers, 'POST', `/api/v1/members/${memberId}/member-link`, {});
    expect(link.status).toBe(201);
    expect(link.body.url).toBe(`http://localhost:3000/m/${link.body.token}`);
    headers = { authorization: `Bearer ${link.body.token}` };
    await callApi(h, brand.owner.headers, 'PUT', '/api/v1/loyalty/settings', {
      rules: { points: { perCheckin: 10 }, checkin: { makeupCardPrice: 15, makeupWithinDays: 7 } },
    });
  });
  afterAll(() => h.close());

  const me = (method: string, path: string, body?: unknown, as = headers) =>
    callApi(h, as, method, `/api/v1/me${path}`, body);

  it('needs a valid, unexpired member link', async () => {
    expect((await me('GET', '/points', undefined, {})).status).toBe(401);
    expect((await me('GET', '/points', undefined, brand.owner.headers)).status).toBe(401);
    const expired = signMemberToken(h.deps.secretBox, {
      tenantId: brand.tenant.id,
      memberId,
      expiresAt: new Date(h.clock.now.getTime() - 1),
    });
    expect((await me('GET', '/points', undefined, { authorization: `Bearer ${expired}` })).status).toBe(401);
    const stranger = createMemberLink(h.deps, {
      tenantId: brand.tenant.id,
      memberId: '00000000-0000-4000-8000-000000000000',
    });
    expect(
      (await me('GET', '/coupons', undefined, { authorization: `Bearer ${stranger.token}` })).status,
    ).toBe(401);
  });

  it('checks in from the page once a day, on the brand’s calendar', async () => {
    const first = await me('POST', '/checkin');
    expect(first.body).toMatchObject({
      status: 'checked_in',
      day: '2025-05-12',
      streak: 1,
      points: 10,
      total: 1,
    });
    expect((await me('POST', '/checkin')).body).toEqual({ status: 'already', day: '2025-05-12', streak: 1 });
    // 23:30 Shanghai time is still the 12th there, though the 13th has begun nowhere else that matters.
    h.clock.now = new Date('2025-05-12T15:30:00Z');
    expect((await me('POST', '/checkin')).body.status).toBe('already');
    h.clock.now = new Date('2025-05-12T16:05:00Z');
    expect((await me('POST', '/checkin')).body).toMatchObject({
      status: 'checked_in',
      day: '2025-05-13',
      streak: 2,
    });
    const points = await me('GET', '/points');
    expect(points.body).toMatchObject({ balance: 20, lifetimePoints: 20, level: null });
    const history = await me('GET', '/points/history');
    expect(history.body.items.map((e: { source: string; points: number }) => [e.source, e.points])).toEqual([
      ['checkin', 10],
      ['checkin', 10],
    ]);
  });

  it('buys make-up cards with points and fills a missed day, lengthening the streak after it', async () => {
    // Skip the 14th, check in on the 15th.
    h.clock.now = new Date('2025-05-15T02:00:00Z');
    expect((await me('POST', '/checkin')).body).toMatchObject({ day: '2025-05-15', streak: 1 });
    const bought = await me('POST', '/checkin/makeup-cards', { requestId: 'buy-1' });
    expect(bought.body).toEqual({ cards: 1, balance: 15 });
    // The same purchase sent again buys nothing more.
    expect((await me('POST', '/checkin/makeup-cards', { requestId: 'buy-1' })).body).toEqual({
      cards: 1,
      balance: 15,
    });
    expect((await me('POST', '/checkin/makeup-cards', { requestId: 'buy-2' })).body).toEqual({
      cards: 2,
      balance: 0,
    });
    expect((await me('POST', '/checkin/makeup-cards', { requestId: 'buy-3' })).body.error.code).toBe(
      'insufficient_points',
    );

    const taken = await me('POST', '/checkin/makeup', { day: '2025-05-13' });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'already_checked_in' } } });
    const tooOld = await me('POST', '/checkin/makeup', { day: '2025-05-01' });
    expect(tooOld).toMatchObject({ status: 400, body: { error: { details: [{ path: 'day' }] } } });
    const filled = await me('POST', '/checkin/makeup', { day: '2025-05-14' });
    expect(filled.body).toMatchObject({
      status: 'checked_in',
      day: '2025-05-14',
      streak: 3,
      points: 10,
      total: 4,
    });
    const days = await h.deps.db
      .select()
      .from(checkins)
      .where(eq(checkins.memberId, memberId))
      .orderBy(checkins.day);
    expect(days.map((d) => [d.day, d.kind, d.streak])).toEqual([
      ['2025-05-12', 'page', 1],
      ['2025-05-13', 'page', 2],
      ['2025-05-14', 'makeup', 3],
      ['2025-05-15', 'page', 4],
    ]);

    const calendar = await me('GET', '/checkin');
    expect(calendar.body).toMatchObject({
      month: '2025-05',
      today: '2025-05-15',
      isCheckedInToday: true,
      streak: 4,
      total: 4,
      makeupCards: 1,
      makeupCardPrice: 15,
    });
    expect(calendar.body.days).toHaveLength(31);
    expect(calendar.body.days.slice(11, 16).map((d: { kind: string | null }) => d.kind)).toEqual([
      'page',
      'page',
      'makeup',
      'page',
      null,
    ]);
    expect((await me('GET', '/checkin?month=2025-02')).body.days).toHaveLength(28);
    expect((await me('GET', '/checkin?month=2025-13')).status).toBe(400);
    const spent = await h.deps.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, memberId));
    expect(spent.filter((e) => e.source === 'makeup').map((e) => e.points)).toEqual([-15, -15]);
  });

  it('is in the API reference under its own security scheme', async () => {
    const doc = (await (await h.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId?: string; security?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.paths['/api/v1/me/mall/items/{id}/redeem']?.post).toMatchObject({
      operationId: 'redeemMallItem',
      security: [{ memberLink: [] }],
    });
    expect(doc.components.securitySchemes.memberLink).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
