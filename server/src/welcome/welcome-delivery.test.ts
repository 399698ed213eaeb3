import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AcquisitionSetup,
  createWorker,
  setUpAcquisition,
} from '../acquisition/acquisition.fixtures.ts';
import { memberEvents, outboundMessages } from '../db/schema/index.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { callApi } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createStaffWithToken } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';

type Message = { kind: string; text: string | null };

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('1:1 welcomes through the platform mechanism', () => {
  let tokenMode: AcquisitionSetup;
  let messageMode: AcquisitionSetup;
  let worker: ReturnType<typeof createWorker>;
  let code: { link: string };

  const welcomesOf = async (acq: AcquisitionSetup, memberId: string) =>
    (await acq.get(`/api/v1/sandbox/members/${memberId}/messages`)).body.items
      .filter((m: Message) => m.kind === 'welcome')
      .map((m: Message) => m.text);

  beforeAll(async () => {
    worker = createWorker(h);
    tokenMode = await setUpAcquisition(h);
    messageMode = await setUpAcquisition(h, { welcomeMode: 'message' });
    for (const acq of [tokenMode, messageMode]) {
      const res = await acq.api('PATCH', '/api/v1/welcome-settings', {
        private: { text: 'Welcome {nickname}, {staff} here' },
      });
      expect(res.status).toBe(200);
    }
    const guide = await tokenMode.addGuide('Guide Li');
    code = await tokenMode.createCode({ target: { kind: 'staff', strategy: 'random', staff: [guide] } });
  });

  it('drops a welcome past the platform deadline with the reason, never sending it late', async () => {
    const { memberId } = await tokenMode.arrive('Slow Worker Victim', code.link);
    await processPendingEvents(h.deps);
    h.jobs.sent.length = 0;
    h.clock.advance(21_000);
    await worker.run();
    const [row] = await h.deps.db
      .select()
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.platformAccountId, tokenMode.accountId),
          eq(outboundMessages.kind, 'welcome'),
        ),
      );
    expect(row).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(row?.lastError).toMatch(/^welcome deadline passed at .*: dropped, not sent late$/);
    expect(await welcomesOf(tokenMode, memberId)).toEqual([]);
    const cancelled = await tokenMode.get('/api/v1/outbound-messages?status=cancelled');
    expect(cancelled.body.items.map((m: { kind: string }) => m.kind)).toEqual(['welcome']);
  });

  it('within the deadline the one-time code is used once, and the brand default applies without a code welcome', async () => {
    const { memberId } = await tokenMode.arrive('On Time', code.link);
    h.clock.advance(5_000);
    await worker.run();
    expect(await welcomesOf(tokenMode, memberId)).toEqual(['Welcome On Time, Guide Li here']);
  });

  it('an add without a welcome code on a token platform gets no welcome, and the timeline says why', async () => {
    const staffAccount = await tokenMode.addGuide('Guide Wang');
    const status = await tokenMode.deliverWebhook([
      {
        type: 'member.added_staff',
        externalId: 'add-without-code',
        occurredAt: h.clock.now.toISOString(),
        member: { externalId: 'outside-member', name: 'No Code' },
        staffExternalId: staffAccount.accountId,
      },
    ]);
    expect(status).toBe(200);
    await worker.run();
    const memberId = await tokenMode.orchardMemberOf('outside-member');
    const skipped = await h.deps.db
      .select({ data: memberEvents.data })
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, memberId), eq(memberEvents.type, 'welcome.skipped')));
    expect(skipped).toEqual([
      { data: { reason: 'no_welcome_token', staffExternalId: staffAccount.accountId } },
    ]);
    const rows = await h.deps.db.select().from(outboundMessages).where(eq(outboundMessages.kind, 'welcome'));
    expect(
      rows.every((r) => (r.payload as { memberExternalId: string }).memberExternalId !== 'outside-member'),
    ).toBe(true);
  });

  it('a message platform sends the welcome as a message, with no deadline', async () => {
    const guide = await messageMode.addGuide('Guide Zhao');
    const telegramLike = await messageMode.createCode({
      target: { kind: 'staff', strategy: 'round_robin', staff: [guide] },
    });
    const { memberId } = await messageMode.arrive('Patient', telegramLike.link);
    await processPendingEvents(h.deps);
    h.clock.advance(60_000);
    await worker.run();
    expect(await welcomesOf(messageMode, memberId)).toEqual(['Welcome Patient, Guide Zhao here']);
  });
});

describe('welcome settings API', () => {
  let acq: AcquisitionSetup;

  beforeAll(async () => {
    acq = await setUpAcquisition(h);
  });

  it('has defaults, keeps what a change leaves out, and validates', async () => {
    expect((await acq.get('/api/v1/welcome-settings')).body).toEqual({
      private: null,
      group: null,
      groupBatchSeconds: 5,
      groupBatchMaxNames: 10,
    });
    await acq.api('PATCH', '/api/v1/welcome-settings', { group: { text: 'Hi %NICKNAME%' } });
    const changed = await acq.api('PATCH', '/api/v1/welcome-settings', { groupBatchMaxNames: 3 });
    expect(changed.body).toMatchObject({ group: { text: 'Hi %NICKNAME%' }, groupBatchMaxNames: 3 });
    const bad = await acq.api('PATCH', '/api/v1/welcome-settings', { groupBatchMaxNames: 0, private: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'groupBatchMaxNames',
      'private.text',
    ]);
  });

  it("sets a series' and a community's group welcome; another brand's is 404, a guide may not", async () => {
    const series = await acq.api('POST', '/api/v1/community-series', { nameTemplate: 'Club', capacity: 10 });
    const set = await acq.api('PUT', `/api/v1/community-series/${series.body.id}/welcome`, {
      group: { text: 'Club hello %NICKNAME%' },
    });
    expect(set.body).toEqual({ group: { text: 'Club hello %NICKNAME%' } });
    const groupId = series.body.groups[0].id;
    expect((await acq.get(`/api/v1/communities/${groupId}/welcome`)).body).toEqual({ group: null });
    const other = await setUpAcquisition(h);
    expect((await other.get(`/api/v1/communities/${groupId}/welcome`)).status).toBe(404);
    const guide = await createStaffWithToken(h.deps, {
      tenantId: acq.tenantId,
      role: 'guide',
      storeId: acq.brand.store.id,
    });
    const refused = await callApi(h, guide.headers, 'PATCH', '/api/v1/welcome-settings', {
      groupBatchSeconds: 1,
    });
    expect(refused.status).toBe(403);
  });
});
