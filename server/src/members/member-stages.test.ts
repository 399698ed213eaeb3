import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberEvents, members } from '../db/schema/index.ts';
import type { JobContext } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { createBrand } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { type MemberEventInput, recordMemberEvents } from '../timeline/record-member-event.ts';
import { refreshMemberStagesJob, sweepMemberStagesJob } from './members.jobs.ts';
import { deriveStage } from './stage.ts';

const DAY = 86_400_000;

/** Joined N days ago, last seen M days ago, messages on K distinct recent days, relations in order, and so left or not. */
const cases = [
  { joined: 2, seen: 1, activeDays: 1, relations: [], hasLeft: false },
  { joined: 60, seen: 1, activeDays: 9, relations: [], hasLeft: false },
  { joined: 60, seen: 3, activeDays: 2, relations: [], hasLeft: false },
  { joined: 60, seen: 15, activeDays: 1, relations: [], hasLeft: false },
  { joined: 60, seen: null, activeDays: 0, relations: [], hasLeft: false },
  { joined: 20, seen: null, activeDays: 0, relations: [], hasLeft: false },
  { joined: 60, seen: 1, activeDays: 9, relations: ['group.joined', 'group.left'], hasLeft: true },
  {
    joined: 60,
    seen: 1,
    activeDays: 3,
    relations: ['group.joined', 'staff.added', 'group.left'],
    hasLeft: false,
  },
  { joined: 3, seen: 1, activeDays: 1, relations: ['staff.added', 'staff.removed'], hasLeft: true },
] as const satisfies {
  joined: number;
  seen: number | null;
  activeDays: number;
  relations: readonly MemberEventInput['type'][];
  hasLeft: boolean;
}[];

describe('lifecycle stage refresh', () => {
  let h: Harness;
  let tenantId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    h = await createHarness();
    tenantId = (await createBrand(h.deps)).tenant.id;
    const now = h.clock.now.getTime();
    const ago = (days: number) => new Date(now - days * DAY);
    for (const c of cases) {
      const [m] = await h.deps.db
        .insert(members)
        .values({
          tenantId,
          name: 'm',
          createdAt: ago(c.joined),
          lastSeenAt: c.seen === null ? null : ago(c.seen),
        })
        .returning();
      ids.push(m!.id);
      const community = '00000000-0000-4000-8000-000000000001';
      const relations: readonly MemberEventInput['type'][] = c.relations;
      const events: MemberEventInput[] = [
        ...Array.from({ length: c.activeDays }, (_, d) => ({
          tenantId,
          memberId: m!.id,
          type: 'message.posted' as const,
          occurredAt: ago((c.seen ?? 0) + d),
        })),
        // A second message on a day counts once; one 40 days ago does not count.
        { tenantId, memberId: m!.id, type: 'message.posted', occurredAt: ago(c.seen ?? 40) },
        { tenantId, memberId: m!.id, type: 'message.posted', occurredAt: ago(40) },
        ...relations.map((type, i) => ({
          tenantId,
          memberId: m!.id,
          type,
          occurredAt: ago(c.joined - i * 0.1),
          communityId: type.startsWith('group') ? community : null,
        })),
      ];
      await recordMemberEvents(h.deps.db, events);
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it('agrees with deriveStage for every case, and records stage changes on the timeline', async () => {
    const context: JobContext = { deps: h.deps, rateLimits: createRateLimitStore() };
    await sweepMemberStagesJob.handler(context, {});
    const sent = h.jobs.sent.filter((j) => j.name === jobNames.refreshMemberStages);
    expect(sent.map((j) => j.data.tenantId)).toContain(tenantId);
    await refreshMemberStagesJob.handler(context, { tenantId });

    const now = h.clock.now;
    const stages = [];
    for (const [i, c] of cases.entries()) {
      const [row] = await h.deps.db.select().from(members).where(eq(members.id, ids[i]!));
      const expected = deriveStage({
        joinedAt: row!.createdAt,
        lastActiveAt: row!.lastSeenAt,
        activeDaysLast30: c.activeDays,
        hasLeft: c.hasLeft,
        now,
      });
      expect(row!.stage, `case ${i}`).toBe(expected);
      stages.push(row!.stage);
    }
    expect(stages).toEqual([
      'new',
      'core',
      'active',
      'silent',
      'churned',
      'silent',
      'churned',
      'active',
      'churned',
    ]);
    const changes = await h.deps.db.select().from(memberEvents).where(eq(memberEvents.type, 'stage.changed'));
    expect(changes).toHaveLength(stages.filter((s) => s !== 'new').length);
    expect(changes.find((e) => e.memberId === ids[1])!.data).toEqual({ from: 'new', to: 'core' });
  });
});
