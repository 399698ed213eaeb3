import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundMessages, staffTasks } from '../db/schema/index.ts';
import { closeWecomHarness, openWecomHarness, type WecomSetup } from '../platforms/wecom/wecom.fixtures.ts';
import type { Harness } from '../testing/harness.ts';
import { deliverOutbound } from './deliver-outbound.ts';
import { enqueueOutbound } from './outbox.store.ts';
import type { OutboundMessage } from './outbox.ts';
import { createRateLimitStore } from './rate-limit.ts';

const CUSTOMER = 'wmHandoverCustomer0000000001';

/** On a platform that cannot send by itself (the fake WeCom), what Orchard queues never ends silently. */
describe('messages on a platform without direct sends become staff tasks', () => {
  let h: Harness;
  let wc: WecomSetup;
  const rateLimits = createRateLimitStore();

  beforeAll(async () => {
    ({ h, wc } = await openWecomHarness({ staff: ['zhangsan'] }));
    wc.fake.people.customerAddsStaff({ userid: 'zhangsan', externalUserId: CUSTOMER, name: 'Wang Fang' });
  });
  afterAll(() => closeWecomHarness({ h, wc }));

  const enqueue = (key: string, message: OutboundMessage) =>
    enqueueOutbound(h.deps.db, {
      ...message,
      tenantId: wc.tenantId,
      platformAccountId: wc.accountId,
      idempotencyKey: key,
      notBefore: h.deps.now(),
    });
  const deliver = () => deliverOutbound(h.deps, { platformAccountId: wc.accountId, rateLimits });
  const taskOf = async (key: string) => {
    const [row] = await h.deps.db
      .select({
        id: outboundMessages.id,
        status: outboundMessages.status,
        externalId: outboundMessages.externalId,
      })
      .from(outboundMessages)
      .where(eq(outboundMessages.idempotencyKey, key));
    const tasks = await h.deps.db
      .select()
      .from(staffTasks)
      .where(and(eq(staffTasks.tenantId, wc.tenantId), eq(staffTasks.dedupeKey, `outbound:${row!.id}`)));
    return { row: row!, tasks };
  };

  it('a message to a customer goes to WeCom as a task, and its staff member gets a task to confirm it', async () => {
    const adapter = await h.deps.platforms.adapterFor(wc.tenantId, wc.accountId);
    expect(adapter.capabilities.canSendDirect).toBe(false);
    await enqueue('level-up', {
      kind: 'send',
      payload: {
        target: { kind: 'member', memberExternalId: CUSTOMER, staffExternalId: 'zhangsan' },
        content: { text: 'You reached Gold!' },
      },
    });
    expect(await deliver()).toMatchObject({ sent: 1 });
    const { row, tasks } = await taskOf('level-up');
    expect(row.status).toBe('sent');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      kind: 'send_message',
      status: 'open',
      staffId: wc.brand.owner.staff.id,
      data: {
        outboundMessageId: row.id,
        platformTaskId: row.externalId,
        content: { text: 'You reached Gold!' },
      },
    });
    expect(tasks[0]!.title).toContain('Confirm');
    // The platform task is the one WeCom holds for that staff member.
    expect(wc.fake.state.massTasks.get(row.externalId!)).toMatchObject({ text: 'You reached Gold!' });
  });

  it('a message the platform refuses becomes a task to send it by hand, with the reason; never twice', async () => {
    await enqueue('no-sender', {
      kind: 'send',
      payload: { target: { kind: 'member', memberExternalId: CUSTOMER }, content: { text: 'Your coupon' } },
    });
    expect(await deliver()).toMatchObject({ failed: 1 });
    const { row, tasks } = await taskOf('no-sender');
    expect(row.status).toBe('failed');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.title).toContain('by hand');
    expect(tasks[0]!.data).toMatchObject({
      reason: expect.stringContaining('staff'),
      content: { text: 'Your coupon' },
    });
    expect(await deliver()).toMatchObject({ claimed: 0 });
    expect((await taskOf('no-sender')).tasks).toHaveLength(1);
  });

  it('a welcome (the platform’s own mechanism) and a retry still pending make no task', async () => {
    const before = (await h.deps.db.select().from(staffTasks)).length;
    const { welcomeCode } = wc.fake.people.customerAddsStaff({
      userid: 'zhangsan',
      externalUserId: 'wmHandoverCustomer0000000002',
      name: 'Li Na',
    });
    await enqueue('welcome', {
      kind: 'welcome',
      payload: {
        welcomeToken: welcomeCode,
        memberExternalId: 'wmHandoverCustomer0000000002',
        staffExternalId: 'zhangsan',
        content: { text: 'Welcome' },
      },
    });
    await enqueue('storm', {
      kind: 'send',
      payload: {
        target: { kind: 'member', memberExternalId: CUSTOMER, staffExternalId: 'zhangsan' },
        content: { text: 'later' },
      },
    });
    wc.fake.failNext('externalcontact/add_msg_template', 45009, 1);
    expect(await deliver()).toMatchObject({ sent: 1, retried: 1 });
    expect((await h.deps.db.select().from(staffTasks)).length).toBe(before);
  });
});
