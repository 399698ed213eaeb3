import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelCodeArrivals, inboundEvents, memberEvents, outboundMessages } from '../db/schema/index.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { type AcquisitionSetup, createWorker, setUpAcquisition } from './acquisition.fixtures.ts';

type Message = {
  kind: string;
  senderKind: string;
  text: string | null;
  attachments: unknown[];
  staffId: string;
};

/**
 * Seed 003 (WeCom retail playbook): a store-poster code assigns customers at random to shopping guides, each
 * welcomed 1:1 with two coupons (no threshold, valid 3 days; ¥20 off ¥49) and a mini-program, and tagged by
 * the channel. Here on the sandbox in WeCom's welcome mode (a one-time code, 20 s).
 */
describe('seed 003: a store poster code brings customers to guides', () => {
  let h: Harness;
  let acq: AcquisitionSetup;
  let worker: ReturnType<typeof createWorker>;
  let code: { id: string; link: string; state: string };
  const guides: { staffId: string; accountId: string }[] = [];
  let backup: { staffId: string; accountId: string };
  const customers: { name: string; memberId: string; staffAccountId: string }[] = [];

  const mall = { type: 'miniprogram', appId: 'wx-mall', page: 'pages/index', title: 'Our mall' };
  const templateIds: string[] = [];

  beforeAll(async () => {
    h = await createHarness();
    acq = await setUpAcquisition(h);
    worker = createWorker(h);
    // The two coupons of the seed: ¥10 with no threshold valid 3 days, and ¥20 off ¥49.
    for (const template of [
      { name: '¥10 no threshold', kind: 'fixed', amountCents: 1000, validity: { kind: 'relative', days: 3 } },
      {
        name: '¥20 off ¥49',
        kind: 'threshold',
        amountCents: 2000,
        thresholdCents: 4900,
        validity: { kind: 'relative', days: 30 },
      },
    ]) {
      const res = await acq.api('POST', '/api/v1/coupon-templates', template);
      expect(res.status).toBe(201);
      templateIds.push(res.body.id);
    }
    const welcome = {
      text: 'Hi {nickname}, I am {staff} of {store}. Two coupons for you, and our mall:',
      attachments: [...templateIds.map((templateId) => ({ type: 'coupon', templateId })), mall],
    };
    for (const name of ['Guide Li', 'Guide Wang', 'Guide Zhao']) guides.push(await acq.addGuide(name));
    backup = await acq.addGuide('Guide Backup');
    code = await acq.createCode({
      name: 'Store poster, entrance',
      source: 'store_poster',
      storeId: acq.brand.store.id,
      target: {
        kind: 'staff',
        strategy: 'random',
        staff: guides.map((g) => ({ staffId: g.staffId })),
        dailyCap: 2,
        backupStaffIds: [backup.staffId],
      },
      tagNames: ['store-poster'],
      welcome,
      headline: 'Add a guide, get 2 coupons',
    });
    for (let i = 1; i <= 8; i++) {
      const name = `Customer ${i}`;
      const { memberId, opened } = await acq.arrive(name, code.link);
      expect(opened.status).toBe(200);
      customers.push({ name, memberId, staffAccountId: opened.body.addedStaff.staffId });
      await worker.run();
    }
  });
  afterAll(() => h.close());

  it('spreads 6 over the three guides (2 each, the daily cap) and sends the other 2 to the backup', async () => {
    const perAccount = new Map<string, number>();
    for (const c of customers) perAccount.set(c.staffAccountId, (perAccount.get(c.staffAccountId) ?? 0) + 1);
    expect(Object.fromEntries(perAccount)).toEqual(
      Object.fromEntries([...guides, backup].map((g) => [g.accountId, 2])),
    );
    const members = await acq.get(`/api/v1/members?channelCodeId=${code.id}&touch=first`);
    expect(members.body.items).toHaveLength(8);
    const owners = new Map<string, number>();
    for (const m of members.body.items) owners.set(m.ownerStaffId, (owners.get(m.ownerStaffId) ?? 0) + 1);
    expect(Object.fromEntries(owners)).toEqual(
      Object.fromEntries([...guides, backup].map((g) => [g.staffId, 2])),
    );
    expect(members.body.items.every((m: { storeId: string }) => m.storeId === acq.brand.store.id)).toBe(true);
  });

  it("welcomes each customer once in the private chat with the guide they added, with the code's welcome", async () => {
    for (const customer of customers) {
      const chat = await acq.get(`/api/v1/sandbox/members/${customer.memberId}/messages`);
      const welcomes: Message[] = chat.body.items.filter((m: Message) => m.kind === 'welcome');
      expect(welcomes).toHaveLength(1);
      const guideName = [...guides, backup].find((g) => g.accountId === customer.staffAccountId);
      expect(guideName).toBeDefined();
      expect(welcomes[0]).toMatchObject({ senderKind: 'bot', staffId: customer.staffAccountId });
      expect(welcomes[0]!.text).toMatch(new RegExp(`^Hi ${customer.name}, I am Guide \\w+ of Store `));
      // Each placeholder became the customer's own coupon, its code in the message; the mini-program as set.
      const [first, second, third] = welcomes[0]!.attachments as { templateId?: string; title?: string }[];
      expect([first?.templateId, second?.templateId]).toEqual(templateIds);
      const coupons = await acq.get(
        `/api/v1/members/${await acq.orchardMemberOf(customer.memberId)}/coupons`,
      );
      expect(coupons.status).toBe(200);
      const codes = coupons.body.items.map((c: { code: string; source: string }) => [c.code, c.source]);
      expect(codes).toHaveLength(2);
      for (const [couponCode, source] of codes) {
        expect(source).toBe('welcome');
        expect(`${first?.title} ${second?.title}`).toContain(couponCode);
      }
      expect(third).toEqual(mall);
    }
    const guideNames = await Promise.all(
      customers.map(async (c) => {
        const chat = await acq.get(`/api/v1/sandbox/members/${c.memberId}/messages`);
        return /I am (Guide \w+)/.exec(chat.body.items.find((m: Message) => m.kind === 'welcome').text)?.[1];
      }),
    );
    expect(new Set(guideNames)).toEqual(new Set(['Guide Li', 'Guide Wang', 'Guide Zhao', 'Guide Backup']));
  });

  it('tags each customer "store-poster" and records the arrival and the coupons on their timeline', async () => {
    for (const customer of customers) {
      const memberId = await acq.orchardMemberOf(customer.memberId);
      const detail = await acq.get(`/api/v1/members/${memberId}`);
      expect(detail.body.tags.map((t: { name: string }) => t.name)).toEqual(['store-poster']);
      const timeline = await h.deps.db
        .select({ type: memberEvents.type, data: memberEvents.data })
        .from(memberEvents)
        .where(eq(memberEvents.memberId, memberId));
      expect(timeline.map((e) => e.type).sort()).toEqual([
        'channel.arrived',
        'coupon.issued',
        'coupon.issued',
        'staff.added',
        'tag.added',
      ]);
      expect(timeline.find((e) => e.type === 'channel.arrived')?.data).toMatchObject({
        channelCodeId: code.id,
        source: 'store_poster',
        isFirstTouch: true,
      });
    }
  });

  it('reports 8 scans, 8 arrivals and 8 new members, by day and by guide', async () => {
    const stats = await acq.get(`/api/v1/channel-codes/${code.id}/stats`);
    expect(stats.status).toBe(200);
    expect(stats.body.totals).toEqual({ scans: 8, arrivals: 8, newMembers: 8, stillIn: 8, left: 0 });
    expect(stats.body.byDay).toHaveLength(1);
    expect(stats.body.byDay[0]).toMatchObject({ scans: 8, arrivals: 8, newMembers: 8 });
    expect(stats.body.byStaff.map((s: { arrivals: number }) => s.arrivals)).toEqual([2, 2, 2, 2]);
    const view = await acq.get(`/api/v1/channel-codes/${code.id}`);
    expect(view.body).toMatchObject({ scanCount: 8, arrivalCount: 8, status: 'active' });
  });

  it('a redelivered add event (same id, or the same add under a new id) changes nothing and sends no second welcome', async () => {
    const customer = customers[0]!;
    const [stored] = await h.deps.db
      .select({ payload: inboundEvents.payload })
      .from(inboundEvents)
      .where(
        and(eq(inboundEvents.platformAccountId, acq.accountId), eq(inboundEvents.type, 'member.added_staff')),
      )
      .orderBy(inboundEvents.id)
      .limit(1);
    const counts = async () => ({
      events: (await h.deps.db.select().from(inboundEvents)).length,
      outbound: (await h.deps.db.select().from(outboundMessages)).length,
      arrivals: (await h.deps.db.select().from(channelCodeArrivals)).length,
    });
    const before = await counts();
    const deliver = async (events: unknown[]) => {
      expect(await acq.deliverWebhook(events)).toBe(200);
      await worker.run();
    };
    await deliver([stored!.payload]);
    expect(await counts()).toEqual(before);
    await deliver([{ ...stored!.payload, externalId: 'wecom-retry-with-a-new-id' }]);
    expect(await counts()).toEqual({ ...before, events: before.events + 1 });
    const chat = await acq.get(`/api/v1/sandbox/members/${customer.memberId}/messages`);
    expect(chat.body.items.filter((m: Message) => m.kind === 'welcome')).toHaveLength(1);
    const stats = await acq.get(`/api/v1/channel-codes/${code.id}/stats`);
    expect(stats.body.totals.arrivals).toBe(8);
  });
});
