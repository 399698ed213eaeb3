import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignParticipants, campaigns, memberEvents, members } from '../db/schema/index.ts';
import { createBrand, createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createTestClient } from '../testing/test-client.ts';
import {
  ORDER_SIGNATURE_HEADER,
  ORDER_TIMESTAMP_HEADER,
  orderWebhookSecretOf,
  signOrderWebhook,
} from './orders-webhook.ts';

describe('orders', () => {
  let h: Harness;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let api: ReturnType<typeof createTestClient>;
  let memberId: string;
  let campaignId: string;

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2031-05-10T08:00:00Z');
    brand = await createBrand(h.deps);
    api = createTestClient(h.app);
    const [m] = await h.deps.db
      .insert(members)
      .values({
        tenantId: brand.tenant.id,
        storeId: brand.store.id,
        name: 'Ann',
        phone: '13800000001',
        externalRef: 'VIP-1',
      })
      .returning();
    memberId = m!.id;
    const [recent, old] = await h.deps.db
      .insert(campaigns)
      .values([
        {
          tenantId: brand.tenant.id,
          kind: 'fission',
          name: 'Recent',
          startsAt: new Date('2031-05-01T00:00:00Z'),
        },
        { tenantId: brand.tenant.id, kind: 'game', name: 'Old', startsAt: new Date('2031-04-01T00:00:00Z') },
      ])
      .returning();
    campaignId = recent!.id;
    await h.deps.db.insert(campaignParticipants).values([
      {
        tenantId: brand.tenant.id,
        campaignId: recent!.id,
        memberId,
        role: 'inviter',
        joinedAt: new Date('2031-05-08T00:00:00Z'),
      },
      {
        tenantId: brand.tenant.id,
        campaignId: old!.id,
        memberId,
        role: 'participant',
        joinedAt: new Date('2031-04-20T00:00:00Z'),
      },
    ]);
  });
  afterAll(() => h.close());

  const order = (externalId: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    amountCents: 12_990,
    orderedAt: '2031-05-10T07:00:00Z',
    member: { memberCode: 'VIP-1' },
    ...extra,
  });

  it('createOrder is idempotent by external id and attributes to the member, store and campaigns in the window', async () => {
    const first = await api.post<{ id: string; memberId: string; storeId: string; campaignIds: string[] }>(
      '/api/v1/orders',
      order('A-1'),
      brand.owner.headers,
    );
    expect(first.status).toBe(201);
    expect(first.body.memberId).toBe(memberId);
    expect(first.body.storeId).toBe(brand.store.id);
    // Only the campaign joined within the default 7-day window.
    expect(first.body.campaignIds).toEqual([campaignId]);
    const again = await api.post<{ id: string }>(
      '/api/v1/orders',
      order('A-1', { amountCents: 99 }),
      brand.owner.headers,
    );
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const timeline = await h.deps.db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, memberId), eq(memberEvents.type, 'order.placed')));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.data.amountCents).toBe(12_990);
  });

  it('the attribution window is a brand setting: widened to 30 days, the older campaign counts too', async () => {
    const bad = await api.put(
      '/api/v1/analytics/settings',
      { attributionWindowDays: 0 },
      brand.owner.headers,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('attributionWindowDays');
    const set = await api.put(
      '/api/v1/analytics/settings',
      { attributionWindowDays: 30 },
      brand.owner.headers,
    );
    expect(set.status).toBe(200);
    const res = await api.post<{ campaignIds: string[] }>(
      '/api/v1/orders',
      order('WIN-1'),
      brand.owner.headers,
    );
    expect(res.body.campaignIds).toHaveLength(2);
    expect(res.body.campaignIds).toContain(campaignId);
    await api.put('/api/v1/analytics/settings', { attributionWindowDays: 7 }, brand.owner.headers);
    expect((await api.get('/api/v1/analytics/settings', brand.owner.headers)).body).toEqual({
      attributionWindowDays: 7,
    });
  });

  it('matches members by phone; an unknown member records an unattributed order', async () => {
    const byPhone = await api.post<{ memberId: string }>(
      '/api/v1/orders',
      order('A-2', { member: { phone: '13800000001' } }),
      brand.owner.headers,
    );
    expect(byPhone.body.memberId).toBe(memberId);
    const guest = await api.post<{ memberId: string | null }>(
      '/api/v1/orders',
      order('A-3', { member: { memberCode: 'nope' } }),
      brand.owner.headers,
    );
    expect(guest.status).toBe(201);
    expect(guest.body.memberId).toBeNull();
  });

  it('refunds reverse revenue, partially then fully, once per refund id; no more than the order', async () => {
    const created = await api.post<{ id: string }>('/api/v1/orders', order('R-1'), brand.owner.headers);
    const refund = (externalId: string, amountCents: number) =>
      api.post<{ refundedCents: number }>(
        `/api/v1/orders/${created.body.id}/refunds`,
        { externalId, amountCents, refundedAt: '2031-05-10T07:30:00Z' },
        brand.owner.headers,
      );
    expect((await refund('r1', 2_990)).body.refundedCents).toBe(2_990);
    const repeat = await refund('r1', 2_990);
    expect(repeat.status).toBe(200);
    expect(repeat.body.refundedCents).toBe(2_990);
    expect((await refund('r2', 10_001)).status).toBe(409);
    expect((await refund('r2', 10_000)).body.refundedCents).toBe(12_990);
  });

  it('bad input is a 400 naming the field', async () => {
    const res = await api.post('/api/v1/orders', { ...order('B-1'), amountCents: -5 }, brand.owner.headers);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('amountCents');
    const noTime = await api.post(
      '/api/v1/orders',
      { externalId: 'B-2', amountCents: 5 },
      brand.owner.headers,
    );
    expect(noTime.status).toBe(400);
    expect(JSON.stringify(noTime.body)).toContain('orderedAt');
  });

  it('a guide may not record an order of another store; another brand cannot refund it', async () => {
    const storeB = await createStore(h.deps, brand.tenant.id);
    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: storeB.id,
    });
    const res = await api.post('/api/v1/orders', order('G-1'), guide.headers);
    expect(res.status).toBe(403);
    // Sending another store's existing id does not reveal that order either.
    expect((await api.post('/api/v1/orders', order('A-1'), guide.headers)).status).toBe(403);
    const other = await createBrand(h.deps);
    const mine = await api.post<{ id: string }>('/api/v1/orders', order('G-2'), brand.owner.headers);
    const steal = await api.post(
      `/api/v1/orders/${mine.body.id}/refunds`,
      { externalId: 'x', amountCents: 1, refundedAt: '2031-05-10T07:30:00Z' },
      other.owner.headers,
    );
    expect(steal.status).toBe(404);
    const list = await api.get<{ items: unknown[] }>('/api/v1/orders', other.owner.headers);
    expect(list.body.items).toEqual([]);
  });

  it('listOrders filters by the store that sold the order', async () => {
    const storeC = await createStore(h.deps, brand.tenant.id);
    await api.post('/api/v1/orders', order('S-C', { storeId: storeC.id }), brand.owner.headers);
    type Listed = { items: { externalId: string; storeId: string | null }[] };
    const inC = await api.get<Listed>(`/api/v1/orders?storeId=${storeC.id}`, brand.owner.headers);
    expect(inC.body.items.map((o) => o.externalId)).toEqual(['S-C']);
    const inMain = await api.get<Listed>(
      `/api/v1/orders?storeId=${brand.store.id}&limit=200`,
      brand.owner.headers,
    );
    expect(inMain.body.items.length).toBeGreaterThan(0);
    expect(inMain.body.items.every((o) => o.storeId === brand.store.id)).toBe(true);
    expect((await api.get('/api/v1/orders?storeId=nope', brand.owner.headers)).status).toBe(400);
  });

  it('imports a CSV all or nothing, and again adds nothing', async () => {
    const send = (csv: string) =>
      h.app.request('/api/v1/orders/import', {
        method: 'POST',
        headers: { ...brand.owner.headers, 'content-type': 'text/csv' },
        body: csv,
      });
    const broken = await send(
      'external_id,amount,ordered_at,member_code\nC-1,10.5,2031-05-09T10:00:00Z,VIP-1\nC-2,abc,2031-05-09T10:00:00Z,VIP-1\n',
    );
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('row 3.amount');
    expect(
      (
        await api.get<{ items: { externalId: string }[] }>('/api/v1/orders', brand.owner.headers)
      ).body.items.map((o) => o.externalId),
    ).not.toContain('C-1');
    const good =
      'external_id,amount,ordered_at,member_code\nC-1,10.5,2031-05-09T10:00:00Z,VIP-1\nC-2,3,2031-05-09T11:00:00Z,\n';
    expect(await (await send(good)).json()).toEqual({ created: 2, existing: 0 });
    expect(await (await send(good)).json()).toEqual({ created: 0, existing: 2 });
  });

  it('the signed webhook records orders and refunds; a bad or stale signature is a 401', async () => {
    const secret = orderWebhookSecretOf(h.deps, brand.tenant.id);
    const deliver = (body: string, options: { secret?: string; at?: number } = {}) => {
      const at = options.at ?? h.clock.now.getTime();
      return h.app.request(`/webhooks/orders/${brand.tenant.id}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [ORDER_SIGNATURE_HEADER]: signOrderWebhook(options.secret ?? secret, at, body),
          [ORDER_TIMESTAMP_HEADER]: String(at),
        },
        body,
      });
    };
    const body = JSON.stringify({ type: 'order.created', order: order('W-1') });
    const ok = await deliver(body);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { isNew: boolean }).isNew).toBe(true);
    expect(((await (await deliver(body)).json()) as { isNew: boolean }).isNew).toBe(false);
    expect((await deliver(body, { secret: 'wrong' })).status).toBe(401);
    expect((await deliver(body, { at: h.clock.now.getTime() - 10 * 60_000 })).status).toBe(401);
    const unsigned = await h.app.request(`/webhooks/orders/${brand.tenant.id}`, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    // Another brand's secret does not sign for this brand.
    const other = await createBrand(h.deps);
    expect((await deliver(body, { secret: orderWebhookSecretOf(h.deps, other.tenant.id) })).status).toBe(401);
    const refund = JSON.stringify({
      type: 'order.refunded',
      orderExternalId: 'W-1',
      refund: { externalId: 'wr', amountCents: 12_990, refundedAt: '2031-05-10T07:40:00Z' },
    });
    expect((await deliver(refund)).status).toBe(200);
    const secretRes = await api.get<{ secret: string }>('/api/v1/orders/webhook-secret', brand.owner.headers);
    expect(secretRes.body.secret).toBe(secret);
  });
});
