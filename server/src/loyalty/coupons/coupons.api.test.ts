import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupons, couponTemplates, memberEvents } from '../../db/schema/index.ts';
import { callApi } from '../../platforms/sandbox/sandbox.fixtures.ts';
import { createBrand, createStaffWithToken, createStore } from '../../testing/fixtures.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { createTemplate, insertMembers, keepSignedIn } from '../loyalty.fixtures.ts';
import { runRewardTx } from '../reward-tx.ts';
import { issueCoupon } from './issue-coupon.ts';
import { issueWelcomeCoupons } from './welcome-coupons.ts';

describe('coupons', () => {
  let h: Harness;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let otherStoreId: string;
  let twentyOff49: string;
  let memberIds: string[];

  beforeAll(async () => {
    h = await createHarness();
    brand = await createBrand(h.deps);
    otherStoreId = (await createStore(h.deps, brand.tenant.id)).id;
    twentyOff49 = await createTemplate(h, brand.owner.headers, {
      name: '¥20 off ¥49',
      kind: 'threshold',
      amountCents: 2_000,
      thresholdCents: 4_900,
      costCents: 1_200,
      storeIds: [brand.store.id],
    });
    memberIds = await insertMembers(h, brand.tenant.id, 4, brand.store.id);
    await keepSignedIn(h, brand.tenant.id);
  });
  afterAll(() => h.close());

  const api = (method: string, path: string, body?: unknown, headers = brand.owner.headers) =>
    callApi(h, headers, method, path, body);
  const issue = (memberId: string, templateId = twentyOff49, idempotencyKey?: string) =>
    api('POST', '/api/v1/coupons', { templateId, memberId, idempotencyKey });
  const redeem = (code: string, body: Record<string, unknown> = {}, headers = brand.owner.headers) =>
    api(
      'POST',
      '/api/v1/coupons/redeem',
      { code, storeId: brand.store.id, requestId: `req-${code}`, orderAmountCents: 5_000, ...body },
      headers,
    );
  const rowOf = async (id: string) => (await h.deps.db.select().from(coupons).where(eq(coupons.id, id)))[0]!;

  it('validates a template: the fields its kind needs, and the brand’s own stores', async () => {
    const noThreshold = await api('POST', '/api/v1/coupon-templates', {
      name: 'Broken',
      kind: 'threshold',
      amountCents: 2_000,
      validity: { kind: 'relative', days: 3 },
    });
    expect(noThreshold.status).toBe(400);
    expect(noThreshold.body.error.details).toEqual([
      { path: 'thresholdCents', message: 'required for a threshold coupon' },
    ]);
    const foreignStore = await api('POST', '/api/v1/coupon-templates', {
      name: 'Elsewhere',
      kind: 'fixed',
      amountCents: 500,
      validity: { kind: 'relative', days: 3 },
      storeIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(foreignStore.status).toBe(400);
    expect(foreignStore.body.error.details[0].path).toBe('storeIds');
    const listed = await api('GET', '/api/v1/coupon-templates');
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({
        id: twentyOff49,
        description: '¥20 off ¥49',
        costCents: 1_200,
        issuedCount: 0,
      }),
    );
  });

  it('issues once per idempotency key, within stock and per-member limits', async () => {
    const limited = await createTemplate(h, brand.owner.headers, {
      name: 'Two only',
      totalStock: 2,
      perMemberLimit: 1,
    });
    const [a, b, c] = memberIds;
    const first = await issue(a!, limited, 'crm-1');
    expect(first.status).toBe(201);
    expect(first.body.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const again = await issue(a!, limited, 'crm-1');
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id, code: first.body.code } });
    expect((await issue(a!, limited, 'crm-2')).body.error.code).toBe('limit_reached');
    expect((await issue(b!, limited, 'crm-3')).status).toBe(201);
    expect((await issue(c!, limited, 'crm-4')).body.error).toMatchObject({ code: 'out_of_stock' });
    const [template] = await h.deps.db.select().from(couponTemplates).where(eq(couponTemplates.id, limited));
    expect(template!.issuedCount).toBe(2);
  });

  it('issues exactly the stock when twenty issues race', async () => {
    const five = await createTemplate(h, brand.owner.headers, { name: 'Five', totalStock: 5 });
    const many = await insertMembers(h, brand.tenant.id, 20);
    const results = await Promise.all(
      many.map((memberId) =>
        runRewardTx(h.deps, brand.tenant.id, (rt) =>
          issueCoupon(rt, {
            memberId,
            templateId: five,
            source: 'campaign',
            idempotencyKey: `race:${memberId}`,
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'issued')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'refused' && r.reason === 'out_of_stock')).toHaveLength(15);
    expect(await h.deps.db.select().from(coupons).where(eq(coupons.templateId, five))).toHaveLength(5);
  });

  it('redeems at the till, and the same request again gets the same answer', async () => {
    const coupon = (await issue(memberIds[0]!)).body;
    const typed = coupon.code.toLowerCase().replace('-', ' ');
    const first = await redeem(typed, { requestId: 'till-7:0001', orderAmountCents: 6_880 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      id: coupon.id,
      status: 'redeemed',
      discountCents: 2_000,
      orderAmountCents: 6_880,
      storeId: brand.store.id,
      requestId: 'till-7:0001',
    });
    const replay = await redeem(coupon.code, { requestId: 'till-7:0001', orderAmountCents: 6_880 });
    expect(replay).toEqual(first);
    const redeemedEvents = await h.deps.db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, memberIds[0]!), eq(memberEvents.type, 'coupon.redeemed')));
    expect(redeemedEvents).toHaveLength(1);
    const listed = await api('GET', `/api/v1/members/${memberIds[0]}/coupons?status=redeemed`);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([coupon.id]);
  });

  it('refuses bad redemptions with a distinct 4xx each, changing nothing', async () => {
    const coupon = (await issue(memberIds[1]!)).body;
    const untouched = await rowOf(coupon.id);

    const other = await createBrand(h.deps);
    const foreignTemplate = await createTemplate(h, other.owner.headers);
    const [foreignMember] = await insertMembers(h, other.tenant.id, 1);
    const foreign = (
      await callApi(h, other.owner.headers, 'POST', '/api/v1/coupons', {
        templateId: foreignTemplate,
        memberId: foreignMember,
      })
    ).body;
    const ofAnotherBrand = await redeem(foreign.code);
    expect(ofAnotherBrand).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await rowOf(foreign.id)).status).toBe('issued');

    const wrongStore = await redeem(coupon.code, { storeId: otherStoreId });
    expect(wrongStore).toMatchObject({
      status: 422,
      body: {
        error: { code: 'coupon_not_applicable', message: 'This coupon cannot be redeemed at this store' },
      },
    });
    const tooSmall = await redeem(coupon.code, { orderAmountCents: 4_800 });
    expect(tooSmall).toMatchObject({ status: 422, body: { error: { code: 'coupon_not_applicable' } } });
    expect(tooSmall.body.error.message).toContain('¥49');
    const noAmount = await redeem(coupon.code, { orderAmountCents: undefined });
    expect(noAmount).toMatchObject({
      status: 400,
      body: { error: { details: [{ path: 'orderAmountCents' }] } },
    });
    expect(await rowOf(coupon.id)).toEqual(untouched);

    expect((await redeem(coupon.code)).status).toBe(200);
    const redeemedRow = await rowOf(coupon.id);
    const twice = await redeem(coupon.code, { requestId: 'another-till' });
    expect(twice).toMatchObject({
      status: 409,
      body: { error: { code: 'coupon_already_redeemed', message: 'This coupon has already been redeemed' } },
    });
    expect(await rowOf(coupon.id)).toEqual(redeemedRow);

    const late = (await issue(memberIds[2]!)).body;
    const lateRow = await rowOf(late.id);
    h.clock.advance(3 * 86_400_000);
    const expired = await redeem(late.code);
    expect(expired).toMatchObject({ status: 409, body: { error: { code: 'coupon_expired' } } });
    expect(await rowOf(late.id)).toEqual(lateRow);
    h.clock.advance(-3 * 86_400_000);
  });

  it('voids an issued coupon once; a voided one cannot be redeemed', async () => {
    const coupon = (await issue(memberIds[3]!)).body;
    const voided = await api('POST', `/api/v1/coupons/${coupon.id}/void`, { reason: 'Issued by mistake' });
    expect(voided).toMatchObject({ status: 200, body: { status: 'voided' } });
    expect((await api('POST', `/api/v1/coupons/${coupon.id}/void`, { reason: 'Again' })).status).toBe(200);
    expect(await redeem(coupon.code)).toMatchObject({
      status: 409,
      body: { error: { code: 'coupon_voided' } },
    });
    expect((await rowOf(coupon.id)).voidReason).toBe('Issued by mistake');
  });

  it('keeps store roles to their stores', async () => {
    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'store_manager',
      storeId: otherStoreId,
    });
    const coupon = (await issue(memberIds[3]!)).body;
    // Another store's till cannot see this store, nor the member of another store.
    const there = await redeem(coupon.code, {}, guide.headers);
    expect(there).toMatchObject({ status: 404, body: { error: { message: 'Store not found' } } });
    expect(
      (await api('GET', `/api/v1/members/${memberIds[3]}/coupons`, undefined, guide.headers)).status,
    ).toBe(404);
    const create = await api(
      'POST',
      '/api/v1/coupon-templates',
      { name: 'x', kind: 'fixed', amountCents: 1, validity: { kind: 'relative', days: 1 } },
      guide.headers,
    );
    expect(create.status).toBe(403);
  });

  it('turns welcome placeholders into the member’s coupons, once per welcome', async () => {
    const scarce = await createTemplate(h, brand.owner.headers, { name: 'Scarce', totalStock: 0 });
    const content = {
      text: 'Welcome! Two coupons for you',
      attachments: [
        { type: 'coupon' as const, templateId: twentyOff49 },
        { type: 'link' as const, url: 'https://shop.example.com', title: 'Shop' },
        { type: 'coupon' as const, templateId: scarce },
        { type: 'coupon' as const, templateId: 'c10' },
      ],
    };
    const welcome = () =>
      runRewardTx(h.deps, brand.tenant.id, (rt) =>
        issueWelcomeCoupons(rt, { memberId: memberIds[0]!, content, idempotencyKey: 'welcome:evt-42' }),
      );
    const first = await welcome();
    expect(first.issued).toHaveLength(1);
    expect(first.refused).toEqual([
      { templateId: scarce, reason: 'out_of_stock' },
      { templateId: 'c10', reason: 'unknown_template' },
    ]);
    expect(first.content.attachments).toEqual([
      {
        type: 'coupon',
        templateId: twentyOff49,
        title: expect.stringMatching(
          /^¥20 off ¥49 · ¥20 off ¥49 · [0-9A-Z]{5}-[0-9A-Z]{5} · until \d{4}-\d{2}-\d{2}$/,
        ),
      },
      content.attachments[1],
    ]);
    const second = await welcome();
    expect(second.content).toEqual(first.content);
    const welcomeCoupons = await h.deps.db
      .select()
      .from(coupons)
      .where(and(eq(coupons.memberId, memberIds[0]!), eq(coupons.source, 'welcome')));
    expect(welcomeCoupons).toHaveLength(1);
  });
});
