import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundEvents, memberIdentities, members, outboundMessages } from '../db/schema/index.ts';
import { deliverOutbound } from '../outbox/deliver-outbound.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import type { Middleware } from '../pipeline/middleware.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { type SandboxSetup, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';

/** A feature as later issues write them: answer a group message through the outbox, in the event's transaction. */
const greeter: Middleware = async (ctx, next) => {
  if (ctx.event.type === 'message' && ctx.event.chat.kind === 'group' && ctx.member) {
    await ctx.outbox.enqueue({
      kind: 'send',
      payload: {
        target: ctx.event.chat,
        content: { text: `Hello ${ctx.member.name}, you said: ${ctx.event.text}` },
      },
    });
  }
  await next();
};

describe('sandbox simulator end to end', () => {
  let h: Harness;
  let sb: SandboxSetup;
  beforeAll(async () => {
    h = await createHarness();
    sb = await setUpSandbox(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it('member opens a link → joins → posts → event stored → processed once → reply delivered to the group', async () => {
    const group = await sb.api('POST', '/api/v1/sandbox/groups', { name: 'Happy Moms A', capacity: 10 });
    const link = await sb.api('POST', '/api/v1/sandbox/links', {
      kind: 'group',
      state: 'flyer',
      groupIds: [group.body.id],
    });
    const memberId = await sb.createMember('Wang Fang');

    const opened = await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: link.body.url });
    expect(opened.body.joinedGroup).toEqual({ groupId: group.body.id, name: 'Happy Moms A' });
    const posted = await sb.api('POST', '/api/v1/sandbox/messages', {
      memberId,
      groupId: group.body.id,
      text: 'Hi everyone',
    });
    expect(posted.status).toBe(200);

    const stored = await h.deps.db
      .select({ type: inboundEvents.type, status: inboundEvents.status })
      .from(inboundEvents)
      .where(eq(inboundEvents.platformAccountId, sb.accountId))
      .orderBy(inboundEvents.id);
    expect(stored).toEqual([
      { type: 'group.created', status: 'pending' },
      { type: 'member.joined_group', status: 'pending' },
      { type: 'message', status: 'pending' },
    ]);

    expect(await processPendingEvents(h.deps, { handlers: [greeter] })).toMatchObject({
      claimed: 3,
      processed: 3,
      failed: 0,
    });
    // A second pass finds nothing to do: the events were processed once.
    expect(await processPendingEvents(h.deps, { handlers: [greeter] })).toMatchObject({ claimed: 0 });

    const [identity] = await h.deps.db
      .select({ memberId: memberIdentities.memberId, name: members.name })
      .from(memberIdentities)
      .innerJoin(members, eq(members.id, memberIdentities.memberId))
      .where(
        and(eq(memberIdentities.platformAccountId, sb.accountId), eq(memberIdentities.externalId, memberId)),
      );
    expect(identity?.name).toBe('Wang Fang');

    const outbound = await h.deps.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.platformAccountId, sb.accountId));
    expect(outbound).toHaveLength(1);
    expect(outbound[0]?.status).toBe('pending');

    const stats = await deliverOutbound(h.deps, {
      platformAccountId: sb.accountId,
      rateLimits: createRateLimitStore(),
    });
    expect(stats).toMatchObject({ sent: 1 });

    const shown = await sb.get(`/api/v1/sandbox/groups/${group.body.id}/messages`);
    const texts = shown.body.items.map((m: { senderKind: string; text: string }) => [m.senderKind, m.text]);
    expect(texts).toContainEqual(['member', 'Hi everyone']);
    expect(texts).toContainEqual(['bot', 'Hello Wang Fang, you said: Hi everyone']);
    expect(texts.filter(([kind]: string[]) => kind === 'bot')).toHaveLength(1);

    // Delivering again sends nothing more.
    expect(
      await deliverOutbound(h.deps, { platformAccountId: sb.accountId, rateLimits: createRateLimitStore() }),
    ).toMatchObject({ sent: 0 });
  });
});
