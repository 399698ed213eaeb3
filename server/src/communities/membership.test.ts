import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  communities,
  communityMembers,
  inboundEvents,
  memberEvents,
  memberIdentities,
  members,
  staffTasks,
} from '../db/schema/index.ts';
import type { JobContext } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { ingestEvents } from '../pipeline/ingest.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { platformEventSchema } from '../platforms/platform.ts';
import { type SandboxSetup, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createStaffWithToken } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { rolloverCommunitiesJob, sweepRolloversJob } from './communities.jobs.ts';

type Group = { id: string; externalId: string; name: string; memberCount: number; hasRoom: boolean };

describe('membership tracking and roll-over in the sandbox', () => {
  let h: Harness;
  let sb: SandboxSetup;
  let jobs: JobContext;
  let seriesId: string;
  let guideId: string;
  const links = new Map<string, string>();
  const sandboxMemberIds: string[] = [];

  const seriesGroups = async (): Promise<Group[]> =>
    (await sb.api('GET', `/api/v1/community-series/${seriesId}`)).body.groups;

  /** What the worker does: process events, let the cron find full series, run the rollover jobs it sent. */
  const runWorker = async () => {
    await processPendingEvents(h.deps);
    h.jobs.sent.length = 0;
    await sweepRolloversJob.handler(jobs, {});
    for (const job of h.jobs.sent.filter((j) => j.name === jobNames.rolloverCommunities)) {
      await rolloverCommunitiesJob.handler(jobs, job.data);
    }
  };

  /** A member arrives through a link to the series group with room (as a channel code would pick it). */
  const arrive = async (name: string) => {
    const target = (await seriesGroups()).find((g) => g.hasRoom)!;
    if (!links.has(target.externalId)) {
      const link = await sb.api('POST', '/api/v1/sandbox/links', {
        kind: 'group',
        state: 'flyer',
        groupIds: [target.externalId],
      });
      links.set(target.externalId, link.body.url);
    }
    const memberId = await sb.createMember(name);
    sandboxMemberIds.push(memberId);
    const opened = await sb.api('POST', '/api/v1/sandbox/links/open', {
      memberId,
      link: links.get(target.externalId),
    });
    expect(opened.status).toBe(200);
    await runWorker();
  };

  const orchardMemberOf = async (sandboxMemberId: string) =>
    (
      await h.deps.db
        .select({ id: memberIdentities.memberId })
        .from(memberIdentities)
        .where(eq(memberIdentities.externalId, sandboxMemberId))
    )[0]!.id;

  beforeAll(async () => {
    h = await createHarness();
    sb = await setUpSandbox(h);
    jobs = { deps: h.deps, rateLimits: createRateLimitStore() };
    guideId = (
      await createStaffWithToken(h.deps, {
        tenantId: sb.brand.tenant.id,
        role: 'guide',
        storeId: sb.brand.store.id,
      })
    ).staff.id;
    const series = await sb.api('POST', '/api/v1/community-series', {
      storeId: sb.brand.store.id,
      nameTemplate: 'Beauty Institute',
      capacity: 5,
    });
    expect(series.status).toBe(201);
    seriesId = series.body.id;
  });
  afterAll(() => h.close());

  it('12 members into a series of 5-member groups end in A (5), B (5), C (2)', async () => {
    for (let i = 1; i <= 12; i++) await arrive(`Member ${i}`);

    const groups = await seriesGroups();
    expect(groups.map((g) => [g.name, g.memberCount])).toEqual([
      ['Beauty Institute A', 5],
      ['Beauty Institute B', 5],
      ['Beauty Institute C', 2],
    ]);
    const onPlatform = (await sb.get('/api/v1/sandbox/groups')).body.items;
    for (const group of groups) {
      expect(onPlatform).toContainEqual(
        expect.objectContaining({
          id: group.externalId,
          name: group.name,
          capacity: 5,
          memberCount: group.memberCount,
        }),
      );
    }
    expect(onPlatform).toHaveLength(3);
    const series = await sb.api('GET', `/api/v1/community-series/${seriesId}`);
    expect(series.body.pendingIndex).toBeNull();
    const rows = await h.deps.db.select().from(communityMembers);
    expect(rows).toHaveLength(12);
    const joined = await h.deps.db.select().from(memberEvents).where(eq(memberEvents.type, 'group.joined'));
    expect(joined).toHaveLength(12);
    expect(joined[0]!.data).toMatchObject({ via: 'link', entryState: 'flyer' });
  });

  it('the same join event processed twice (and a duplicate of it) counts once', async () => {
    const [joinEvent] = await h.deps.db
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.type, 'member.joined_group'))
      .orderBy(asc(inboundEvents.id))
      .limit(1);
    await h.deps.db
      .update(inboundEvents)
      .set({ status: 'pending' })
      .where(eq(inboundEvents.id, joinEvent!.id));
    const payload = platformEventSchema.parse(joinEvent!.payload);
    await ingestEvents(
      h.deps.db,
      { tenantId: sb.brand.tenant.id, platformAccountId: sb.accountId },
      // The platform delivered it again under another id.
      [{ ...payload, externalId: `${payload.externalId}-again` }],
      { now: h.deps.now() },
    );
    expect(await processPendingEvents(h.deps)).toMatchObject({ processed: 2, failed: 0 });

    expect((await seriesGroups()).map((g) => g.memberCount)).toEqual([5, 5, 2]);
    expect(
      await h.deps.db.select().from(memberEvents).where(eq(memberEvents.type, 'group.joined')),
    ).toHaveLength(12);
  });

  it('a member leaving is counted, on the timeline, and alerts the owning guide', async () => {
    const leaver = sandboxMemberIds[0]!;
    const memberId = await orchardMemberOf(leaver);
    await h.deps.db.update(members).set({ ownerStaffId: guideId }).where(eq(members.id, memberId));
    const [groupA] = await seriesGroups();
    const left = await sb.api('POST', '/api/v1/sandbox/groups/leave', {
      memberId: leaver,
      groupId: groupA!.externalId,
    });
    expect(left.status).toBe(200);
    await runWorker();
    await runWorker();

    const [after] = await h.deps.db.select().from(communities).where(eq(communities.id, groupA!.id));
    expect(after).toMatchObject({ memberCount: 4, leftCount: 1 });
    const [membership] = await h.deps.db
      .select()
      .from(communityMembers)
      .where(and(eq(communityMembers.communityId, groupA!.id), eq(communityMembers.memberId, memberId)));
    expect(membership).toMatchObject({ leftReason: 'left' });
    expect(membership!.leftAt).not.toBeNull();
    const timeline = await h.deps.db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, memberId), eq(memberEvents.type, 'group.left')));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ communityId: groupA!.id, data: { reason: 'left' } });
    const alerts = await h.deps.db.select().from(staffTasks).where(eq(staffTasks.kind, 'churn_alert'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      staffId: guideId,
      storeId: sb.brand.store.id,
      title: `Member 1 left Beauty Institute A`,
      data: { reason: 'left_group', memberId, communityId: groupA!.id },
    });
    // A has room again, so the next arrival goes there and no group D is opened.
    await arrive('Member 13');
    expect((await seriesGroups()).map((g) => g.memberCount)).toEqual([5, 5, 2]);
  });

  it('deleting the staff account and a dismissed group are churn signals too', async () => {
    const memberId = await orchardMemberOf(sandboxMemberIds[1]!);
    const groupC = (await seriesGroups())[2]!;
    const target = { tenantId: sb.brand.tenant.id, platformAccountId: sb.accountId };
    await ingestEvents(
      h.deps.db,
      target,
      [
        {
          type: 'member.removed_staff',
          externalId: 'rm-1',
          occurredAt: h.deps.now(),
          member: { externalId: sandboxMemberIds[1]! },
          staffExternalId: 'unknown-staff',
          by: 'member',
        },
        {
          type: 'group.dismissed',
          externalId: 'dis-1',
          occurredAt: h.deps.now(),
          groupExternalId: groupC.externalId,
        },
      ],
      { now: h.deps.now() },
    );
    await processPendingEvents(h.deps);

    const removed = await h.deps.db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, memberId), eq(memberEvents.type, 'staff.removed')));
    expect(removed[0]).toMatchObject({ data: { by: 'member', staffExternalId: 'unknown-staff' } });
    const [dismissed] = await h.deps.db.select().from(communities).where(eq(communities.id, groupC.id));
    expect(dismissed).toMatchObject({ status: 'dismissed', memberCount: 0, leftCount: 2 });
    const leftByDismissal = await h.deps.db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.communityId, groupC.id), eq(memberEvents.type, 'group.left')));
    expect(leftByDismissal).toHaveLength(2);
    const alerts = await h.deps.db.select().from(staffTasks).where(eq(staffTasks.kind, 'churn_alert'));
    expect(alerts.map((a) => a.data.reason).sort()).toEqual([
      'group_dismissed',
      'left_group',
      'removed_staff',
    ]);
    expect(alerts.find((a) => a.data.reason === 'group_dismissed')).toMatchObject({
      storeId: sb.brand.store.id,
    });
  });
});
