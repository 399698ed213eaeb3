import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberIdentities, members, outboundMessages, staffTasks } from '../db/schema/index.ts';
import { deliverOutbound } from '../outbox/deliver-outbound.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { callApi } from '../platforms/sandbox/sandbox.fixtures.ts';
import { closeWecomHarness, openWecomHarness, type WecomSetup } from '../platforms/wecom/wecom.fixtures.ts';
import { createBrand } from '../testing/fixtures.ts';
import type { Harness } from '../testing/harness.ts';
import { checkMassQuota } from './check-mass-quota.ts';
import { findMassSend, listRecipients } from './mass-sends.store.ts';
import { planMassSend } from './plan-mass-send.ts';
import { trackMassSend } from './track-mass-send.ts';

describe('mass sends on WeCom: a staff-confirmed task, tracked to the end, within the monthly quota', () => {
  let h: Harness;
  let wc: WecomSetup;
  const rateLimits = createRateLimitStore();

  beforeAll(async () => {
    ({ h, wc } = await openWecomHarness({
      at: new Date('2030-04-10T02:00:00Z'),
      // A company whose admin allows each customer one mass message a month.
      settings: { massQuota: { period: 'month', limit: 1 } },
      staff: ['zhangsan'],
    }));
  });
  afterAll(() => closeWecomHarness({ h, wc }));

  /** A customer of zhangsan on WeCom and the Orchard member with that identity. */
  const customer = async (externalId: string, isContact = true) => {
    if (isContact)
      wc.fake.people.customerAddsStaff({ userid: 'zhangsan', externalUserId: externalId, name: externalId });
    const [member] = await h.deps.db
      .insert(members)
      .values({ tenantId: wc.tenantId, name: externalId })
      .returning();
    await h.deps.db.insert(memberIdentities).values({
      tenantId: wc.tenantId,
      memberId: member!.id,
      platformAccountId: wc.accountId,
      externalId,
    });
    return member!.id;
  };
  const track = async (id: string) =>
    trackMassSend(h.deps, (await findMassSend(h.deps.db, wc.tenantId, id))!);

  const memberIdOf = async (externalId: string) => {
    const [row] = await h.deps.db
      .select({ id: memberIdentities.memberId })
      .from(memberIdentities)
      .where(
        and(
          eq(memberIdentities.platformAccountId, wc.accountId),
          eq(memberIdentities.externalId, externalId),
        ),
      );
    return row!.id;
  };
  const quotaOf = (memberId: string, at?: Date) =>
    checkMassQuota(h.deps, { tenantId: wc.tenantId, platformAccountId: wc.accountId, memberId, at });
  const planTo = (memberIds: string[], text: string) =>
    planMassSend(h.deps, {
      tenantId: wc.tenantId,
      platformAccountId: wc.accountId,
      recipients: { kind: 'members', memberIds },
      senderExternalId: 'zhangsan',
      content: { text },
    });
  const countOutbound = async () =>
    (
      await h.deps.db
        .select()
        .from(outboundMessages)
        .where(eq(outboundMessages.platformAccountId, wc.accountId))
    ).length;

  it('creates the task, waits for the staff member, and records it sent once they confirm', async () => {
    const wang = await customer('wmWangFang000000000000000001');
    const gone = await customer('wmNotAContact0000000000000001', false);
    const plan = await planMassSend(h.deps, {
      tenantId: wc.tenantId,
      platformAccountId: wc.accountId,
      recipients: { kind: 'members', memberIds: [wang, gone] },
      senderExternalId: 'zhangsan',
      content: { text: 'Double Eleven starts tonight at 20:00' },
    });
    expect(plan).toMatchObject({ planned: [wang, gone], overQuota: [], unreachable: [] });
    const id = plan.massSend!.id;
    const [task] = await h.deps.db
      .select()
      .from(staffTasks)
      .where(eq(staffTasks.dedupeKey, `mass_send:${id}`));
    expect(task).toMatchObject({ kind: 'send_message', status: 'open', staffId: wc.brand.owner.staff.id });
    expect(h.jobs.sent.at(-1)).toMatchObject({
      name: 'outbox.deliver',
      data: { platformAccountId: wc.accountId },
    });

    expect(await track(id)).toBe('waiting');
    expect(await deliverOutbound(h.deps, { platformAccountId: wc.accountId, rateLimits })).toMatchObject({
      sent: 1,
    });
    const [platformTask] = [...wc.fake.state.massTasks.values()];
    expect(platformTask).toMatchObject({
      sender: 'zhangsan',
      chatType: 'single',
      text: 'Double Eleven starts tonight at 20:00',
    });
    expect(await track(id)).toBe('awaiting_confirmation');
    expect(await findMassSend(h.deps.db, wc.tenantId, id)).toMatchObject({
      taskExternalId: platformTask!.msgid,
    });

    // Nobody pressed send yet: still waiting, checked again later.
    h.clock.advance(5 * 60_000);
    expect(await track(id)).toBe('awaiting_confirmation');
    expect((await listRecipients(h.deps.db, wc.tenantId, id)).map((r) => r.status)).toEqual([
      'pending',
      'pending',
    ]);

    wc.fake.people.confirmMassSend(platformTask!.msgid);
    h.clock.advance(5 * 60_000);
    expect(await track(id)).toBe('completed');
    const recipients = await listRecipients(h.deps.db, wc.tenantId, id);
    expect(recipients.map((r) => [r.memberId, r.status])).toEqual([
      [wang, 'sent'],
      [gone, 'not_contact'],
    ]);
    expect(recipients[0]!.sentAt).toEqual(new Date(Math.floor(h.clock.now.getTime() / 1000 - 300) * 1000));
    const [closed] = await h.deps.db
      .select()
      .from(staffTasks)
      .where(eq(staffTasks.dedupeKey, `mass_send:${id}`));
    expect(closed?.status).toBe('done');
  });

  it('never plans a second send this month to a customer who already received one; others still get it', async () => {
    const wang = await memberIdOf('wmWangFang000000000000000001');
    const li = await customer('wmLiNa00000000000000000000001');
    expect(await quotaOf(wang)).toMatchObject({
      canReceive: false,
      used: 1,
      limit: 1,
      reason: 'quota_reached',
      windowEnd: new Date('2030-04-30T16:00:00Z'),
    });
    // The non-contact's refused message does not count against them.
    expect((await quotaOf(await memberIdOf('wmNotAContact0000000000000001'))).canReceive).toBe(true);

    const outboundBefore = await countOutbound();
    const second = await planTo([wang, li], 'Flash sale!');
    expect(second).toMatchObject({ planned: [li], overQuota: [wang] });
    expect(
      (await listRecipients(h.deps.db, wc.tenantId, second.massSend!.id)).map((r) => r.memberId),
    ).toEqual([li]);
    expect(await planTo([wang], 'Again?')).toEqual({
      massSend: null,
      planned: [],
      overQuota: [wang],
      unreachable: [],
    });
    expect((await countOutbound()) - outboundBefore).toBe(1);

    // A new month in China time gives the customer room again.
    expect((await quotaOf(wang, new Date('2030-04-30T16:00:00Z'))).canReceive).toBe(true);
  });

  it('asks for a sender where a person must confirm, and releases the quota of a task WeCom refused', async () => {
    const zhao = await customer('wmZhaoLei00000000000000000001');
    await expect(
      planMassSend(h.deps, {
        tenantId: wc.tenantId,
        platformAccountId: wc.accountId,
        recipients: { kind: 'members', memberIds: [zhao] },
        content: { text: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ path: 'senderExternalId' }] });
    const plan = await planMassSend(h.deps, {
      tenantId: wc.tenantId,
      platformAccountId: wc.accountId,
      recipients: { kind: 'members', memberIds: [zhao] },
      senderExternalId: 'zhangsan',
      content: { text: 'Coupon inside', attachments: [{ type: 'coupon', templateId: 't1' }] },
    });
    await deliverOutbound(h.deps, { platformAccountId: wc.accountId, rateLimits });
    expect(await track(plan.massSend!.id)).toBe('failed');
    expect((await listRecipients(h.deps.db, wc.tenantId, plan.massSend!.id))[0]?.status).toBe('failed');
    expect(
      (
        await checkMassQuota(h.deps, {
          tenantId: wc.tenantId,
          platformAccountId: wc.accountId,
          memberId: zhao,
        })
      ).canReceive,
    ).toBe(true);
  });

  it('plans and shows mass sends through the API, validating input and keeping brands apart', async () => {
    const sun = await customer('wmSunLi000000000000000000000001');
    const api = (method: string, path: string, body?: unknown, headers = wc.headers) =>
      callApi(h, headers, method, path, body);
    const invalid = await api('POST', '/api/v1/mass-sends', {
      platformAccountId: wc.accountId,
      recipients: { kind: 'members', memberIds: [] },
      content: {},
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'content.text',
      'recipients.memberIds',
    ]);
    const created = await api('POST', '/api/v1/mass-sends', {
      platformAccountId: wc.accountId,
      recipients: { kind: 'members', memberIds: [sun] },
      senderExternalId: 'zhangsan',
      content: { text: 'Members day' },
      dedupeKey: 'members-day',
    });
    expect(created).toMatchObject({
      status: 201,
      body: { status: 'planned', planned: [sun], overQuota: [], unreachable: [] },
    });
    const again = await api('POST', '/api/v1/mass-sends', {
      platformAccountId: wc.accountId,
      recipients: { kind: 'members', memberIds: [sun] },
      senderExternalId: 'zhangsan',
      content: { text: 'Members day' },
      dedupeKey: 'members-day',
    });
    expect(again.body.id).toBe(created.body.id);
    const shown = await api('GET', `/api/v1/mass-sends/${created.body.id}`);
    expect(shown.body).toMatchObject({
      status: 'planned',
      recipientKind: 'member',
      recipients: { planned: 1 },
    });
    const quota = await api(
      'GET',
      `/api/v1/mass-sends/quota?platformAccountId=${wc.accountId}&memberId=${sun}`,
    );
    expect(quota.body).toMatchObject({ canReceive: false, used: 1, limit: 1, reason: 'quota_reached' });
    const other = await createBrand(h.deps);
    expect(
      (await api('GET', `/api/v1/mass-sends/${created.body.id}`, undefined, other.owner.headers)).status,
    ).toBe(404);
    const foreign = await api(
      'POST',
      '/api/v1/mass-sends',
      {
        platformAccountId: wc.accountId,
        recipients: { kind: 'members', memberIds: [sun] },
        senderExternalId: 'zhangsan',
        content: { text: 'x' },
      },
      other.owner.headers,
    );
    expect(foreign.status).toBe(404);
  });
});
