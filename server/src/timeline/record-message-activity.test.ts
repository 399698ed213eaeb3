import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberEvents, memberIdentities } from '../db/schema/index.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { type SandboxSetup, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';

describe('message activity on the timeline', () => {
  let h: Harness;
  let sb: SandboxSetup;

  beforeAll(async () => {
    h = await createHarness();
    // 23:20 in Shanghai (the brand's zone) on 3 March; the test stays within its session's hour.
    h.clock.now = new Date('2031-03-03T15:20:00Z');
    sb = await setUpSandbox(h);
  });
  afterAll(() => h.close());

  it("keeps one message.posted entry per member per local day, counting that day's messages", async () => {
    const group = await sb.api('POST', '/api/v1/sandbox/groups', { name: 'Chatty', capacity: 10 });
    const link = await sb.api('POST', '/api/v1/sandbox/links', {
      kind: 'group',
      state: 'x',
      groupIds: [group.body.id],
    });
    const memberId = await sb.createMember('Talker');
    await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: link.body.url });
    const post = async (text: string) => {
      const res = await sb.api('POST', '/api/v1/sandbox/messages', {
        memberId,
        groupId: group.body.id,
        text,
      });
      expect(res.status).toBe(200);
    };
    await post('one');
    await post('two');
    h.clock.advance(30 * 60_000); // 23:50 local, same day
    await post('three');
    await processPendingEvents(h.deps);
    h.clock.advance(20 * 60_000); // 00:10 local on 4 March
    await post('four');
    await processPendingEvents(h.deps);
    await processPendingEvents(h.deps);

    const [identity] = await h.deps.db
      .select({ memberId: memberIdentities.memberId })
      .from(memberIdentities)
      .where(eq(memberIdentities.externalId, memberId));
    const rows = await h.deps.db
      .select({ occurredAt: memberEvents.occurredAt, data: memberEvents.data })
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, identity!.memberId), eq(memberEvents.type, 'message.posted')))
      .orderBy(asc(memberEvents.occurredAt));
    expect(rows).toEqual([
      {
        occurredAt: new Date('2031-03-03T15:20:00Z'),
        data: { day: '2031-03-03', count: 3, lastAt: '2031-03-03T15:50:00.000Z' },
      },
      {
        occurredAt: new Date('2031-03-03T16:10:00Z'),
        data: { day: '2031-03-04', count: 1, lastAt: '2031-03-03T16:10:00.000Z' },
      },
    ]);
  });
});
