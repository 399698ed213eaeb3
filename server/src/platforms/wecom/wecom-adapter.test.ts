import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inboundEvents,
  memberEvents,
  memberIdentities,
  members,
  outboundMessages,
} from '../../db/schema/index.ts';
import { deliverOutbound } from '../../outbox/deliver-outbound.ts';
import { enqueueOutbound, enqueueOutboundBatch } from '../../outbox/outbox.store.ts';
import { createRateLimitStore } from '../../outbox/rate-limit.ts';
import { processPendingEvents } from '../../pipeline/process-events.ts';
import type { Harness } from '../../testing/harness.ts';
import { toEventXml } from './fake/fake-wecom-people.ts';
import { closeWecomHarness, openWecomHarness, type WecomSetup } from './wecom.fixtures.ts';
import { sealCallback } from './wecom-crypto.ts';

const CUSTOMER = 'wmAJ2GCAAAXtWyujaWJHDDGi0mACAAAA';

describe('WeCom adapter against the fake WeCom: callbacks, welcomes, a 45009 storm', () => {
  let h: Harness;
  let wc: WecomSetup;
  beforeAll(async () => {
    ({ h, wc } = await openWecomHarness({ staff: ['zhangsan'] }));
  });
  afterAll(() => closeWecomHarness({ h, wc }));

  const stored = () =>
    h.deps.db
      .select({
        externalId: inboundEvents.externalId,
        type: inboundEvents.type,
        payload: inboundEvents.payload,
      })
      .from(inboundEvents)
      .where(eq(inboundEvents.platformAccountId, wc.accountId))
      .orderBy(inboundEvents.id);

  it('answers the URL verification GET with the decrypted echostr, and 401 to a forged one', async () => {
    const query = wc.fake.people.urlVerification('1616140317555161061');
    const res = await h.app.request(`/webhooks/${wc.accountId}?${query}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1616140317555161061');
    // Change the signature's first digit (to another one: replacing it with '0' left 1 in 16 signatures as they were).
    const forged = query.replace(/msg_signature=([0-9a-f])/, (_, digit: string) =>
      digit === '0' ? 'msg_signature=1' : 'msg_signature=0',
    );
    expect((await h.app.request(`/webhooks/${wc.accountId}?${forged}`)).status).toBe(401);
  });

  it('customer adds staff through a contact way with state → member with identity, entryState on the timeline', async () => {
    const adapter = await h.deps.platforms.adapterFor(wc.tenantId, wc.accountId);
    const link = await adapter.createEntryLink!({
      kind: 'contact',
      state: 'flyer-store-12',
      staffExternalIds: ['zhangsan'],
    });
    expect(link.url).toMatch(/^https:\/\/wework\.qpic\.cn\//);
    expect(wc.fake.state.contactWays).toEqual([
      expect.objectContaining({ configId: link.externalId, state: 'flyer-store-12' }),
    ]);

    const { welcomeCode, delivery } = wc.fake.people.customerAddsStaff({
      userid: 'zhangsan',
      externalUserId: CUSTOMER,
      name: 'Wang Fang',
      state: 'flyer-store-12',
    });
    const res = await wc.deliver(delivery);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    // WeCom retries the same callback: as is, and re-encrypted with a new nonce and timestamp.
    expect((await wc.deliver(delivery)).status).toBe(200);
    h.clock.advance(2_000);
    expect((await wc.deliver(wc.fake.people.seal(delivery.xml))).status).toBe(200);
    const rows = await stored();
    expect(rows.map((r) => r.type)).toEqual(['member.added_staff', 'platform.changed']);
    expect(rows[0]!.payload).toMatchObject({
      entryState: 'flyer-store-12',
      welcomeToken: welcomeCode,
      staffExternalId: 'zhangsan',
    });

    expect(await processPendingEvents(h.deps)).toMatchObject({ processed: 2, failed: 0 });
    const [identity] = await h.deps.db
      .select({ memberId: memberIdentities.memberId, tenantId: members.tenantId })
      .from(memberIdentities)
      .innerJoin(members, eq(members.id, memberIdentities.memberId))
      .where(
        and(eq(memberIdentities.platformAccountId, wc.accountId), eq(memberIdentities.externalId, CUSTOMER)),
      );
    expect(identity?.tenantId).toBe(wc.tenantId);
    const timeline = await h.deps.db
      .select()
      .from(memberEvents)
      .where(eq(memberEvents.memberId, identity!.memberId));
    expect(timeline.map((e) => [e.type, e.data])).toEqual([
      [
        'staff.added',
        {
          staffExternalId: 'zhangsan',
          staffId: wc.brand.owner.staff.id,
          entryState: 'flyer-store-12',
        },
      ],
    ]);
  });

  it('sends the welcome with the WelcomeCode; an expired code (41050) fails once, with its reason, never retried', async () => {
    const adapter = await h.deps.platforms.adapterFor(wc.tenantId, wc.accountId);
    const fresh = wc.fake.people.customerAddsStaff({
      userid: 'zhangsan',
      externalUserId: 'wmFreshCustomer000000000001',
      name: 'Li Na',
    });
    await adapter.sendWelcome({
      welcomeToken: fresh.welcomeCode,
      memberExternalId: 'wmFreshCustomer000000000001',
      staffExternalId: 'zhangsan',
      content: {
        text: 'Welcome to the store!',
        attachments: [{ type: 'link', url: 'https://shop.example/c/1', title: '¥10 coupon' }],
      },
    });
    expect(wc.fake.state.welcomes.at(-1)).toMatchObject({
      welcomeCode: fresh.welcomeCode,
      text: 'Welcome to the store!',
      attachments: [{ msgtype: 'link', link: { title: '¥10 coupon', url: 'https://shop.example/c/1' } }],
    });

    const late = wc.fake.people.customerAddsStaff({
      userid: 'zhangsan',
      externalUserId: 'wmLateCustomer0000000000001',
      name: 'Zhao Lei',
    });
    h.clock.advance(21_000);
    await enqueueOutbound(h.deps.db, {
      tenantId: wc.tenantId,
      platformAccountId: wc.accountId,
      idempotencyKey: 'welcome:late',
      kind: 'welcome',
      payload: {
        welcomeToken: late.welcomeCode,
        memberExternalId: 'wmLateCustomer0000000000001',
        staffExternalId: 'zhangsan',
        content: { text: 'Hi' },
      },
      notBefore: h.deps.now(),
    });
    const rateLimits = createRateLimitStore();
    const callsBefore = wc.fake.callsTo('externalcontact/send_welcome_msg');
    expect(await deliverOutbound(h.deps, { platformAccountId: wc.accountId, rateLimits })).toMatchObject({
      failed: 1,
      sent: 0,
    });
    h.clock.advance(3_600_000);
    expect(await deliverOutbound(h.deps, { platformAccountId: wc.accountId, rateLimits })).toMatchObject({
      claimed: 0,
    });
    expect(wc.fake.callsTo('externalcontact/send_welcome_msg') - callsBefore).toBe(1);
    const [row] = await h.deps.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.idempotencyKey, 'welcome:late'));
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.lastError).toContain('41050 welcome_code_invalid');
  });

  it('refuses tampered, replayed and foreign callbacks with 401 and stores nothing; malformed events get 400', async () => {
    const before = (await stored()).length;
    const { delivery } = wc.fake.people.customerAddsStaff({
      userid: 'zhangsan',
      externalUserId: 'wmOther00000000000000000001',
      name: 'X',
    });
    const tampered = delivery.query.replace(/nonce=(\d+)/, (_, nonce) => `nonce=${nonce}7`);
    const tamperedRes = await h.app.request(`/webhooks/${wc.accountId}?${tampered}`, {
      method: 'POST',
      body: delivery.body,
    });
    expect(tamperedRes.status).toBe(401);

    h.clock.advance(6 * 60_000);
    expect((await wc.deliver(delivery)).status).toBe(401);

    const keys = { token: wc.fake.app.callbackToken, encodingAesKey: wc.fake.app.encodingAesKey };
    const foreign = sealCallback({ ...keys, receiveId: 'wwSomeoneElse' }, delivery.xml, {
      timestamp: Math.floor(h.clock.now.getTime() / 1000),
      nonce: '1',
    });
    const body = `<xml><Encrypt><![CDATA[${foreign.encrypt}]]></Encrypt></xml>`;
    const foreignRes = await h.app.request(
      `/webhooks/${wc.accountId}?${new URLSearchParams(foreign.query)}`,
      { method: 'POST', body },
    );
    expect(foreignRes.status).toBe(401);
    expect(await stored()).toHaveLength(before);

    const malformed = wc.fake.people.seal(
      toEventXml({ Event: 'change_external_contact', ChangeType: 'add_external_contact', CreateTime: 1 }),
    );
    expect((await wc.deliver(malformed)).status).toBe(400);
    expect(
      (
        await h.app.request(`/webhooks/${wc.accountId}?${malformed.query}`, {
          method: 'POST',
          body: 'garbage',
        })
      ).status,
    ).toBe(400);
  });

  it('backs off a 45009 storm without losing a message: every outbox row ends sent, exactly once', async () => {
    const customers = Array.from({ length: 24 }, (_, i) => `wmStormCustomer${String(i).padStart(12, '0')}`);
    for (const id of customers)
      wc.fake.people.customerAddsStaff({ userid: 'zhangsan', externalUserId: id, name: id });
    await enqueueOutboundBatch(
      h.deps.db,
      customers.map((id) => ({
        tenantId: wc.tenantId,
        platformAccountId: wc.accountId,
        idempotencyKey: `storm:${id}`,
        kind: 'send' as const,
        payload: {
          target: { kind: 'member' as const, memberExternalId: id, staffExternalId: 'zhangsan' },
          content: { text: `Hello ${id}` },
        },
        notBefore: h.deps.now(),
      })),
    );
    wc.fake.failNext('externalcontact/add_msg_template', 45009, 7);
    const rateLimits = createRateLimitStore();
    const callsBefore = wc.fake.callsTo('externalcontact/add_msg_template');
    let rounds = 0;
    for (;;) {
      const stats = await deliverOutbound(h.deps, { platformAccountId: wc.accountId, rateLimits });
      rounds += 1;
      if (!stats.nextDueAt || rounds > 20) break;
      h.clock.now = new Date(Math.max(stats.nextDueAt.getTime(), h.clock.now.getTime()));
    }
    const rows = await h.deps.db
      .select()
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.platformAccountId, wc.accountId),
          like(outboundMessages.idempotencyKey, 'storm:%'),
        ),
      );
    expect(rows).toHaveLength(24);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    // Exactly once on the platform: one task per customer, and each row points at its own task.
    const tasks = [...wc.fake.state.massTasks.values()].filter((t) => t.text?.startsWith('Hello wmStorm'));
    expect(tasks.map((t) => t.recipients[0]!.externalUserId).sort()).toEqual([...customers].sort());
    expect(new Set(rows.map((r) => r.externalId))).toEqual(new Set(tasks.map((t) => t.msgid)));
    // The storm cost 7 refused calls and no more: during each 60 s block nothing was sent to WeCom.
    expect(wc.fake.callsTo('externalcontact/add_msg_template') - callsBefore).toBe(24 + 7);
    expect(rows.some((r) => r.attempts > 0)).toBe(true);
  });
});
