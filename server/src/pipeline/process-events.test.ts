import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app/deps.ts';
import {
  auditLog,
  inboundEvents,
  memberIdentities,
  members,
  outboundMessages,
  staff,
  staffAccounts,
} from '../db/schema/index.ts';
import { jobNames } from '../jobs/job-names.ts';
import { createMemoryPlatform } from '../platforms/memory/memory-platform.ts';
import { createBrand, createTenant } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { ingestEvents } from './ingest.ts';
import type { EventContext, Middleware } from './middleware.ts';
import { processPendingEvents, retryFailedEvent } from './process-events.ts';
import { groupMessage, memberAddedStaff } from './testing-events.ts';

/** A feature-like handler: welcome on add, echo group messages, record each run in audit_log. */
const recordRun = async (ctx: EventContext) => {
  await ctx.tx.insert(auditLog).values({
    tenantId: ctx.tenantId,
    actorType: 'system',
    action: 'test.handled',
    targetType: 'inbound_event',
    targetId: String(ctx.inboundEventId),
  });
};
const welcome: Middleware = async (ctx, next) => {
  await recordRun(ctx);
  if (ctx.event.type === 'member.added_staff') {
    await ctx.outbox.enqueue({
      kind: 'welcome',
      payload: {
        memberExternalId: ctx.event.member.externalId,
        staffExternalId: ctx.event.staffExternalId,
        content: { text: `Hello ${ctx.member?.name}` },
      },
    });
  }
  if (ctx.event.type === 'message') {
    if (ctx.event.text === 'boom') throw new Error('handler exploded');
    await ctx.outbox.enqueue({
      kind: 'send',
      key: 'echo',
      payload: { target: { kind: 'group', groupExternalId: 'group-1' }, content: { text: ctx.event.text } },
    });
  }
  await next();
};

describe('processPendingEvents', () => {
  let h: Harness;
  let deps: AppDeps;
  let tenantId: string;
  let accountId: string;
  let n = 0;
  const id = (prefix: string) => `${prefix}-${++n}`;

  beforeAll(async () => {
    h = await createHarness();
    const platform = createMemoryPlatform(h.deps);
    deps = platform.deps;
    tenantId = (await createBrand(deps)).tenant.id;
    accountId = (await platform.addAccount(tenantId)).account.id;
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    // Each test starts with no pending backlog from the previous one.
    await deps.db.delete(inboundEvents);
    h.jobs.sent.length = 0;
  });

  const target = () => ({ tenantId, platformAccountId: accountId });
  const ingest = (...events: Parameters<typeof ingestEvents>[2]) =>
    ingestEvents(deps.db, target(), events, { now: deps.now() });
  const eventRow = async (externalId: string) =>
    (await deps.db.select().from(inboundEvents).where(eq(inboundEvents.externalId, externalId)))[0]!;
  const outboundOf = async (eventId: number) =>
    deps.db.select().from(outboundMessages).where(eq(outboundMessages.sourceEventId, eventId));
  const runsOf = async (eventId: number) =>
    deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'test.handled'), eq(auditLog.targetId, String(eventId))));

  it('processes an event delivered twice once, and its effects happen once', async () => {
    const memberId = id('m');
    const event = memberAddedStaff(id('e'), { externalId: memberId, name: 'Ann' });
    expect(await ingest(event, event)).toBe(1);
    expect(await ingest(event)).toBe(0);

    expect(await processPendingEvents(deps, { handlers: [welcome] })).toEqual({
      claimed: 1,
      processed: 1,
      failed: 0,
    });
    expect(await processPendingEvents(deps, { handlers: [welcome] })).toEqual({
      claimed: 0,
      processed: 0,
      failed: 0,
    });

    const row = await eventRow(event.externalId);
    expect(row.status).toBe('processed');
    expect(row.processedAt).toEqual(h.clock.now);
    expect(await runsOf(row.id)).toHaveLength(1);
    const outbound = await outboundOf(row.id);
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({
      kind: 'welcome',
      idempotencyKey: `evt:${row.id}:1`,
      status: 'pending',
      payload: { content: { text: 'Hello Ann' }, memberExternalId: memberId },
    });
    const identities = await deps.db
      .select()
      .from(memberIdentities)
      .where(eq(memberIdentities.externalId, memberId));
    expect(identities).toHaveLength(1);
    expect(h.jobs.sent).toEqual([
      {
        name: jobNames.deliverOutbound,
        data: { platformAccountId: accountId },
        options: { singletonKey: accountId },
      },
    ]);
  });

  it('takes a new event at once even when the database clock stamped it', async () => {
    h.clock.advance(-60_000);
    const event = memberAddedStaff(id('e'), { externalId: id('m') });
    await ingestEvents(deps.db, target(), [event]);
    expect((await processPendingEvents(deps, { handlers: [welcome] })).processed).toBe(1);
    h.clock.advance(60_000);
  });

  it('keeps one member per identity, its display name current and last_seen_at moving forward', async () => {
    const memberId = id('m');
    const t0 = deps.now();
    const later = new Date(t0.getTime() + 60_000);
    const seen: EventContext[] = [];
    const spy: Middleware = async (ctx, next) => {
      seen.push(ctx);
      await next();
    };
    await ingest(memberAddedStaff(id('e'), { externalId: memberId, name: 'Bo' }, { occurredAt: later }));
    expect((await processPendingEvents(deps, { handlers: [spy] })).processed).toBe(1);
    await ingest(groupMessage(id('e'), { externalId: memberId, name: 'Bobby' }, 'hi', { occurredAt: t0 }));
    expect((await processPendingEvents(deps, { handlers: [spy] })).processed).toBe(1);

    const [identity] = await deps.db
      .select()
      .from(memberIdentities)
      .where(eq(memberIdentities.externalId, memberId));
    expect(identity!.displayName).toBe('Bobby');
    const [member] = await deps.db.select().from(members).where(eq(members.id, identity!.memberId));
    expect(member).toMatchObject({ name: 'Bo', lastSeenAt: later });
    expect(seen.map((ctx) => ctx.member?.id)).toEqual([member!.id, member!.id]);
    expect(seen.map((ctx) => ctx.member?.isNew)).toEqual([true, false]);
    expect(seen[0]!.capabilities.canSendDirect).toBe(true);

    await ingest(groupMessage(id('e'), { externalId: memberId }, 'again', { occurredAt: t0 }));
    await processPendingEvents(deps, { handlers: [spy] });
    expect(seen[2]!.member).toEqual({ id: member!.id, name: 'Bo', isNew: false });
    expect(seen[2]!.identity?.displayName).toBe('Bobby');
    const [unchanged] = await deps.db.select().from(members).where(eq(members.id, member!.id));
    expect(unchanged!.lastSeenAt).toEqual(later);

    // Kept to the minute: 30 s later is not a write, two minutes later is.
    const lastSeen = async (occurredAt: Date) => {
      await ingest(groupMessage(id('e'), { externalId: memberId }, 'still here', { occurredAt }));
      await processPendingEvents(deps, { handlers: [spy] });
      const [row] = await deps.db.select().from(members).where(eq(members.id, member!.id));
      return row!.lastSeenAt;
    };
    expect(await lastSeen(new Date(later.getTime() + 30_000))).toEqual(later);
    const twoMinutesOn = new Date(later.getTime() + 120_000);
    expect(await lastSeen(twoMinutesOn)).toEqual(twoMinutesOn);
  });

  it('dates a new member from the earliest event naming them, not from when the worker ran', async () => {
    const memberId = id('m');
    const posted = new Date(Date.now() - 90_000);
    await ingest(
      groupMessage(id('e'), { externalId: memberId }, 'first', {
        occurredAt: new Date(posted.getTime() + 5_000),
      }),
    );
    await ingest(groupMessage(id('e'), { externalId: memberId }, 'earlier', { occurredAt: posted }));
    await processPendingEvents(deps, { handlers: [] });
    const [identity] = await deps.db
      .select()
      .from(memberIdentities)
      .where(eq(memberIdentities.externalId, memberId));
    const [member] = await deps.db.select().from(members).where(eq(members.id, identity!.memberId));
    expect(member!.createdAt).toEqual(posted);
  });

  it('resolves the staff account an event names', async () => {
    const [person] = await deps.db.insert(staff).values({ tenantId, name: 'Guide' }).returning();
    const [account] = await deps.db
      .insert(staffAccounts)
      .values({ tenantId, staffId: person!.id, platformAccountId: accountId, externalId: 'guide-7' })
      .returning();
    const seen: EventContext[] = [];
    const spy: Middleware = async (ctx, next) => {
      seen.push(ctx);
      await next();
    };
    await ingest(
      memberAddedStaff(id('e'), { externalId: id('m') }, { staffExternalId: 'guide-7' }),
      memberAddedStaff(id('e'), { externalId: id('m') }, { staffExternalId: 'unknown-staff' }),
    );
    await processPendingEvents(deps, { handlers: [spy] });
    expect(seen[0]!.staffAccount).toEqual({ id: account!.id, staffId: person!.id, externalId: 'guide-7' });
    expect(seen[1]!.staffAccount).toBeUndefined();
  });

  it('retries a failing handler after the backoff, without a duplicate outbound row', async () => {
    let failures = 1;
    const flaky: Middleware = async (_ctx, next) => {
      if (failures-- > 0) throw new Error('database hiccup');
      await next();
    };
    const event = memberAddedStaff(id('e'), { externalId: id('m') });
    await ingest(event);
    expect(await processPendingEvents(deps, { handlers: [flaky, welcome] })).toEqual({
      claimed: 1,
      processed: 0,
      failed: 1,
    });
    const failed = await eventRow(event.externalId);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Error: database hiccup' });
    expect(failed.nextAttemptAt).toEqual(new Date(h.clock.now.getTime() + 1_000));
    expect(await outboundOf(failed.id)).toHaveLength(0);
    expect(h.jobs.sent).toHaveLength(0);

    expect((await processPendingEvents(deps, { handlers: [flaky, welcome] })).claimed).toBe(0);
    h.clock.advance(1_000);
    expect((await processPendingEvents(deps, { handlers: [flaky, welcome] })).processed).toBe(1);
    expect((await eventRow(event.externalId)).status).toBe('processed');
    expect(await outboundOf(failed.id)).toHaveLength(1);
    expect(await runsOf(failed.id)).toHaveLength(1);
  });

  it('rolls back only the failing event of a batch', async () => {
    const bad = id('m');
    const events = [
      groupMessage(id('e'), { externalId: id('m') }, 'one'),
      groupMessage(id('e'), { externalId: bad }, 'boom'),
      groupMessage(id('e'), { externalId: id('m') }, 'three'),
    ];
    await ingest(...events);
    expect(await processPendingEvents(deps, { handlers: [welcome] })).toEqual({
      claimed: 3,
      processed: 2,
      failed: 1,
    });
    const [one, boom, three] = await Promise.all(events.map((e) => eventRow(e.externalId)));
    expect([one!.status, boom!.status, three!.status]).toEqual(['processed', 'pending', 'processed']);
    expect(boom!.lastError).toBe('Error: handler exploded');
    expect((await outboundOf(one!.id)).map((o) => o.payload)).toMatchObject([{ content: { text: 'one' } }]);
    expect(await outboundOf(three!.id)).toHaveLength(1);
    expect(await outboundOf(boom!.id)).toHaveLength(0);
    expect(await runsOf(boom!.id)).toHaveLength(0);
    // The failing event's member upsert was rolled back with the rest of its effects.
    expect(
      await deps.db.select().from(memberIdentities).where(eq(memberIdentities.externalId, bad)),
    ).toHaveLength(0);
  });

  it('gives up after ten attempts and lets an admin retry the event', async () => {
    let isBroken = true;
    const broken: Middleware = async (_ctx, next) => {
      if (isBroken) throw new Error('still broken');
      await next();
    };
    const event = memberAddedStaff(id('e'), { externalId: id('m') });
    await ingest(event);
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await processPendingEvents(deps, { handlers: [broken] })).failed).toBe(1);
      h.clock.advance(3_600_000);
    }
    const dead = await eventRow(event.externalId);
    expect(dead).toMatchObject({ status: 'failed', attempts: 10, lastError: 'Error: still broken' });
    expect((await processPendingEvents(deps, { handlers: [broken] })).claimed).toBe(0);

    const other = await createTenant(deps);
    await expect(retryFailedEvent(deps, { tenantId: other.id, eventId: dead.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    isBroken = false;
    await retryFailedEvent(deps, { tenantId, eventId: dead.id });
    expect(h.jobs.sent.at(-1)?.name).toBe(jobNames.processEvents);
    expect((await processPendingEvents(deps, { handlers: [broken] })).processed).toBe(1);
    expect((await eventRow(event.externalId)).status).toBe('processed');
  });

  it('never processes an event twice when two workers run at once', async () => {
    // Few members across many events, so the two batches also compete for the same member rows.
    const events = Array.from({ length: 120 }, (_, i) =>
      groupMessage(id('e'), { externalId: `shared-${i % 7}`, name: `Shared ${i % 7}` }, `text ${i}`),
    );
    await ingest(...events);
    const drain = async () => {
      let processed = 0;
      for (;;) {
        const stats = await processPendingEvents(deps, { limit: 25, handlers: [welcome] });
        processed += stats.processed;
        if (stats.claimed === 0) return processed;
      }
    };
    const [a, b] = await Promise.all([drain(), drain()]);
    expect(a + b).toBe(120);
    const rows = await deps.db.select().from(inboundEvents).orderBy(asc(inboundEvents.id));
    expect(rows.every((row) => row.status === 'processed')).toBe(true);
    for (const row of rows) expect(await runsOf(row.id)).toHaveLength(1);
    const outbound = await deps.db.select().from(outboundMessages).where(eq(outboundMessages.kind, 'send'));
    const ids = new Set(rows.map((row) => row.id));
    expect(outbound.filter((o) => ids.has(o.sourceEventId!))).toHaveLength(120);
    const shared = await deps.db
      .select()
      .from(memberIdentities)
      .where(eq(memberIdentities.displayName, 'Shared 3'));
    expect(shared).toHaveLength(1);
  });
});
