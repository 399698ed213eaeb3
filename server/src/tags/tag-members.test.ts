import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberEvents, members, memberTags, staffTasks } from '../db/schema/index.ts';
import { createStaffTask } from '../tasks/create-staff-task.ts';
import { createBrand } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';
import { ensureTags, tagMembers } from './tag-members.ts';

describe('shared building blocks: tags, timeline, staff tasks', () => {
  let h: Harness;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let memberId: string;
  beforeAll(async () => {
    h = await createHarness();
    brand = await createBrand(h.deps);
    const [member] = await h.deps.db
      .insert(members)
      .values({ tenantId: brand.tenant.id, name: 'Li Na' })
      .returning();
    memberId = member!.id;
  });
  afterAll(async () => {
    await h.close();
  });

  it('creates tags by name once and tags a member once, with one timeline entry per new tag', async () => {
    const first = await ensureTags(h.deps.db, brand.tenant.id, ['store-poster', 'vip', 'store-poster']);
    const again = await ensureTags(h.deps.db, brand.tenant.id, ['vip']);
    expect([...first.keys()].sort()).toEqual(['store-poster', 'vip']);
    expect(again.get('vip')).toBe(first.get('vip'));

    const tagIds = [...first.values()];
    const input = {
      tenantId: brand.tenant.id,
      memberIds: [memberId],
      tagIds,
      source: 'code',
      occurredAt: h.clock.now,
      sourceEventId: 41,
    };
    expect(await tagMembers(h.deps.db, input)).toBe(2);
    expect(await tagMembers(h.deps.db, input)).toBe(0);
    expect(await h.deps.db.select().from(memberTags).where(eq(memberTags.memberId, memberId))).toHaveLength(
      2,
    );
    const timeline = await h.deps.db.select().from(memberEvents).where(eq(memberEvents.memberId, memberId));
    expect(timeline.map((e) => e.type)).toEqual(['tag.added', 'tag.added']);
  });

  it('records a timeline entry once per source event, type and member', async () => {
    const entry = {
      tenantId: brand.tenant.id,
      memberId,
      type: 'group.joined' as const,
      occurredAt: h.clock.now,
      sourceEventId: 7,
    };
    await recordMemberEvents(h.deps.db, [entry]);
    await recordMemberEvents(h.deps.db, [entry]);
    const joined = await h.deps.db.select().from(memberEvents).where(eq(memberEvents.type, 'group.joined'));
    expect(joined).toHaveLength(1);
  });

  it('creates a staff task once per dedupe key', async () => {
    const task = {
      tenantId: brand.tenant.id,
      kind: 'churn_alert' as const,
      title: 'Li Na left',
      dedupeKey: 'churn:7',
    };
    expect(await createStaffTask(h.deps.db, task)).toBe(true);
    expect(await createStaffTask(h.deps.db, task)).toBe(false);
    expect(
      await h.deps.db.select().from(staffTasks).where(eq(staffTasks.tenantId, brand.tenant.id)),
    ).toHaveLength(1);
  });
});
