import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundEvents, memberEvents } from '../db/schema/index.ts';
import { jobNames } from '../jobs/job-names.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { type AcquisitionSetup, createWorker, setUpAcquisition } from './acquisition.fixtures.ts';

type Group = { id: string; externalId: string; name: string; memberCount: number };
type Message = { senderKind: string; text: string | null };

describe('a group code fills a series and welcomes newcomers by name', () => {
  let h: Harness;
  let acq: AcquisitionSetup;
  let worker: ReturnType<typeof createWorker>;
  let seriesId: string;
  let code: { id: string; link: string };

  const seriesGroups = async (id = seriesId): Promise<Group[]> =>
    (await acq.get(`/api/v1/community-series/${id}`)).body.groups;
  const botMessages = async (groupExternalId: string): Promise<string[]> =>
    (await acq.get(`/api/v1/sandbox/groups/${groupExternalId}/messages`)).body.items
      .filter((m: Message) => m.senderKind === 'bot')
      .map((m: Message) => m.text);

  beforeAll(async () => {
    h = await createHarness();
    acq = await setUpAcquisition(h);
    worker = createWorker(h);
    const series = await acq.api('POST', '/api/v1/community-series', {
      storeId: acq.brand.store.id,
      nameTemplate: 'Beauty Institute',
      capacity: 5,
      rules: 'No ads, please.',
    });
    seriesId = series.body.id;
    await acq.api('PATCH', '/api/v1/welcome-settings', {
      group: { text: 'Welcome %NICKNAME% to {group}! Rules: no ads. Services: type "menu".' },
    });
    code = await acq.createCode({
      name: 'Flyer to the institute',
      source: 'flyer',
      target: { kind: 'group', seriesId },
      tagNames: ['flyer'],
    });
  });
  afterAll(() => h.close());

  it('12 members through one code end in A (5), B (5), C (2), each welcomed by name', async () => {
    const names: string[] = [];
    for (let i = 1; i <= 12; i++) {
      const name = `Member ${i}`;
      names.push(name);
      const { opened } = await acq.arrive(name, code.link);
      expect(opened.status).toBe(200);
      await processPendingEvents(h.deps);
      // The pipeline itself asked for the next group after the 5th and 10th join, once committed.
      if (i === 5 || i === 10) {
        expect(h.jobs.sent.map((j) => j.name)).toContain(jobNames.rolloverCommunities);
      }
      h.clock.advance(6_000);
      await worker.run();
    }
    const groups = await seriesGroups();
    expect(groups.map((g) => [g.name, g.memberCount])).toEqual([
      ['Beauty Institute A', 5],
      ['Beauty Institute B', 5],
      ['Beauty Institute C', 2],
    ]);
    const welcomed = (await Promise.all(groups.map((g) => botMessages(g.externalId)))).flat();
    for (const name of names) {
      expect(welcomed.filter((text) => text.includes(`Welcome ${name} to Beauty Institute`))).toHaveLength(1);
    }
    const stats = await acq.get(`/api/v1/channel-codes/${code.id}/stats`);
    expect(stats.body.totals).toMatchObject({ arrivals: 12, newMembers: 12, stillIn: 12, left: 0 });
  });

  it('members joining at once share one welcome naming up to N of them', async () => {
    await acq.api('PATCH', '/api/v1/welcome-settings', { groupBatchMaxNames: 4, groupBatchSeconds: 5 });
    const before = (await seriesGroups()).find((g) => g.name === 'Beauty Institute C')!;
    const joined: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const name = `Burst ${i}`;
      await acq.arrive(name, code.link);
      joined.push(name);
    }
    // All three joins are processed before the batch window ends: nothing is posted yet.
    await worker.run();
    expect(worker.waiting()).toContain(jobNames.flushGroupWelcome);
    expect(await botMessages(before.externalId)).toHaveLength(2);
    h.clock.advance(5_000);
    await worker.run();
    const posted = await botMessages(before.externalId);
    expect(posted).toHaveLength(3);
    expect(posted.at(-1)).toBe(
      'Welcome Burst 1, Burst 2 and Burst 3 to Beauty Institute C! Rules: no ads. Services: type "menu".',
    );
    expect((await seriesGroups()).find((g) => g.name === 'Beauty Institute C')?.memberCount).toBe(5);
  });

  it('splits a big burst into welcomes of at most N names, and a community welcome overrides the brand default', async () => {
    const d = (await seriesGroups()).find((g) => g.name === 'Beauty Institute D')!;
    expect(d).toBeDefined();
    await acq.api('PUT', `/api/v1/communities/${d.id}/welcome`, {
      group: { text: 'D says hi to %NICKNAME%' },
    });
    for (let i = 1; i <= 5; i++) await acq.arrive(`Wave ${i}`, code.link);
    await worker.run();
    h.clock.advance(5_000);
    await worker.run();
    expect(await botMessages(d.externalId)).toEqual([
      'D says hi to Wave 1, Wave 2, Wave 3 and Wave 4',
      'D says hi to Wave 5',
    ]);
  });

  it('a redelivered join changes nothing and welcomes nobody twice', async () => {
    const [join] = await h.deps.db
      .select({ payload: inboundEvents.payload })
      .from(inboundEvents)
      .where(eq(inboundEvents.type, 'member.joined_group'))
      .orderBy(inboundEvents.id)
      .limit(1);
    const groupsBefore = await seriesGroups();
    const timelineBefore = (await h.deps.db.select().from(memberEvents)).length;
    for (const externalId of [String(join!.payload.externalId), 'duplicate-under-a-new-id']) {
      expect(await acq.deliverWebhook([{ ...join!.payload, externalId }])).toBe(200);
      await worker.run();
      h.clock.advance(10_000);
      await worker.run();
    }
    expect(await seriesGroups()).toEqual(groupsBefore);
    expect((await h.deps.db.select().from(memberEvents)).length).toBe(timelineBefore);
    const a = groupsBefore.find((g) => g.name === 'Beauty Institute A')!;
    expect((await botMessages(a.externalId)).filter((t) => t.includes('Member 1 '))).toHaveLength(1);
  });

  it('a member who leaves counts as churn for the code', async () => {
    const { memberId, opened } = await acq.arrive('Leaver', code.link);
    await worker.run();
    const groupId = opened.body.joinedGroup.groupId;
    const left = await acq.api('POST', '/api/v1/sandbox/groups/leave', { memberId, groupId });
    expect(left.status).toBe(200);
    await worker.run();
    const stats = await acq.get(`/api/v1/channel-codes/${code.id}/stats`);
    expect(stats.body.totals.left).toBe(1);
    expect(stats.body.totals.stillIn).toBe(stats.body.totals.arrivals - 1);
  });
});
