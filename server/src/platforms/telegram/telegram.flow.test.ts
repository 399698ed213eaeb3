import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  communities,
  communityMembers,
  inboundEvents,
  memberIdentities,
  outboundMessages,
} from '../../db/schema/index.ts';
import { deliverOutbound } from '../../outbox/deliver-outbound.ts';
import { enqueueOutbound } from '../../outbox/outbox.store.ts';
import { createRateLimitStore } from '../../outbox/rate-limit.ts';
import { processPendingEvents } from '../../pipeline/process-events.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { callApi } from '../sandbox/sandbox.fixtures.ts';
import { maskedLinkOf } from './fake/fake-telegram-chats.ts';
import { fakeGroup, fakeUser } from './fake/fake-telegram-members.ts';
import type { FakeTelegram } from './fake/fake-telegram-server.ts';
import { setUpTelegram, startFakeTelegramFor, type TelegramSetup } from './fake/telegram.fixtures.ts';

/** Orchard and a fake Telegram, end to end: webhook → pipeline → features → outbox → Bot API. */
describe('Telegram end to end', () => {
  let h: Harness;
  let fake: FakeTelegram;
  let tg: TelegramSetup;
  const rateLimits = createRateLimitStore();
  const owner = fakeUser('Owner');
  const group = fakeGroup('Spring fair');
  const groupId = String(group.id);

  beforeAll(async () => {
    h = await createHarness();
    fake = await startFakeTelegramFor(h);
    tg = await setUpTelegram(h, fake);
    expect((await tg.members.addBot(group, owner)).status).toBe(200);
  });
  afterAll(async () => {
    await fake.close();
    await h.close();
  });

  const processEvents = () => processPendingEvents(h.deps);
  const deliver = () => deliverOutbound(h.deps, { platformAccountId: tg.accountId, rateLimits });
  const membershipOf = async (userId: number) => {
    const [row] = await h.deps.db
      .select({
        via: communityMembers.via,
        entryState: communityMembers.entryState,
        leftAt: communityMembers.leftAt,
      })
      .from(communityMembers)
      .innerJoin(memberIdentities, eq(memberIdentities.memberId, communityMembers.memberId))
      .innerJoin(communities, eq(communities.id, communityMembers.communityId))
      .where(
        and(
          eq(memberIdentities.platformAccountId, tg.accountId),
          eq(memberIdentities.externalId, String(userId)),
          eq(communities.externalId, groupId),
        ),
      );
    return row;
  };
  const saveModeration = async (settings: Record<string, unknown>) => {
    const res = await callApi(h, tg.brand.owner.headers, 'PUT', '/api/v1/moderation/settings', settings);
    expect(res.status).toBe(200);
  };

  it('registers the webhook with its secret and the update kinds Orchard needs', () => {
    expect(fake.webhookOf(tg.bot.user)).toEqual({
      url: `http://localhost:3000/webhooks/${tg.accountId}`,
      secretToken: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(fake.allowedUpdatesOf(tg.bot.user)).toEqual([
      'message',
      'chat_member',
      'my_chat_member',
      'chat_join_request',
    ]);
    expect(JSON.stringify(tg.account)).not.toContain(tg.bot.token);
    expect(JSON.stringify(tg.account)).not.toContain(fake.webhookOf(tg.bot.user)!.secretToken);
    expect(tg.account.settings.bot).toMatchObject({ id: tg.bot.user.id, username: tg.bot.user.username });
  });

  it("tracks a join through Orchard's named invite link with that link's state", async () => {
    const link = await tg.adapter.createEntryLink!({
      kind: 'group',
      state: 'spring-poster',
      groupExternalIds: [groupId],
    });
    const lin = fakeUser('Lin');
    const invite = tg.world.linksOf(group.id).find((l) => l.invite_link === link.url)!;
    expect((await tg.members.joinByLink(group, lin, invite)).status).toBe(200);
    // Another admin's link comes back masked: the join is tracked, without attribution.
    const wang = fakeUser('Wang');
    await tg.members.joinByLink(group, wang, maskedLinkOf(invite, owner));
    await processEvents();

    expect(await membershipOf(lin.id)).toEqual({ via: 'link', entryState: 'spring-poster', leftAt: null });
    expect(await membershipOf(wang.id)).toEqual({ via: 'link', entryState: null, leftAt: null });
    const [community] = await h.deps.db.select().from(communities).where(eq(communities.externalId, groupId));
    expect(community).toMatchObject({ name: 'Spring fair', memberCount: 2, tenantId: tg.brand.tenant.id });

    await tg.members.leave(group, wang);
    await processEvents();
    expect((await membershipOf(wang.id))?.leftAt).toEqual(expect.any(Date));
  });

  it('deletes a link posted in the group and mutes its author through the Bot API', async () => {
    await saveModeration({ checks: { links: true }, ladder: ['mute'], muteMinutes: 30 });
    const spammer = fakeUser('Spammer');
    await tg.members.addedBy(group, spammer, owner);
    const { messageId } = await tg.members.post(group, spammer, 'cheap followers at https://spam.example');
    await processEvents();
    expect(await deliver()).toMatchObject({ sent: 2, failed: 0 });

    expect(fake.succeeded('deleteMessage').map((c) => c.params)).toEqual([
      { chat_id: group.id, message_id: messageId },
    ]);
    expect(fake.succeeded('restrictChatMember').map((c) => c.params)).toEqual([
      {
        chat_id: group.id,
        user_id: spammer.id,
        until_date: Math.ceil((h.clock.now.getTime() + 30 * 60_000) / 1000),
        permissions: expect.objectContaining({ can_send_messages: false, can_send_photos: false }),
      },
    ]);
    expect(tg.world.messagesIn(group.id).some((m) => m.message_id === messageId)).toBe(false);
  });

  it("honours a 429's retry_after on the outbox clock and delivers the message exactly once", async () => {
    await enqueueOutbound(h.deps.db, {
      tenantId: tg.brand.tenant.id,
      platformAccountId: tg.accountId,
      idempotencyKey: 'flow:429',
      kind: 'send',
      payload: { target: { kind: 'group', groupExternalId: groupId }, content: { text: 'Fair opens at 10' } },
      notBefore: h.clock.now,
    });
    fake.failNext('sendMessage', fake.tooManyRequests(30));
    expect(await deliver()).toMatchObject({ retried: 1, sent: 0 });
    const [row] = await h.deps.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.idempotencyKey, 'flow:429'));
    expect(row!.nextAttemptAt).toEqual(new Date(h.clock.now.getTime() + 30_000));

    h.clock.advance(29_000);
    expect((await deliver()).claimed).toBe(0);
    h.clock.advance(1_000);
    expect(await deliver()).toMatchObject({ sent: 1 });
    const attempts = fake.calls('sendMessage').filter((c) => c.params.text === 'Fair opens at 10');
    expect(attempts.map((c) => c.errorCode ?? 'ok')).toEqual([429, 'ok']);
    expect(tg.world.messagesIn(group.id).filter((m) => m.text === 'Fair opens at 10')).toHaveLength(1);
  });

  it('refuses a webhook with a wrong or missing secret token (401) and stores nothing', async () => {
    const body = JSON.stringify({
      update_id: 999_001,
      message: { message_id: 1, date: 1, chat: group, from: owner, text: 'forged' },
    });
    const post = (headers: Record<string, string>) =>
      h.app.request(`/webhooks/${tg.accountId}`, { method: 'POST', headers, body });
    expect((await post({ 'content-type': 'application/json' })).status).toBe(401);
    const wrong = await post({ 'x-telegram-bot-api-secret-token': 'not-the-secret' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/secret token/);
    const stored = await h.deps.db
      .select()
      .from(inboundEvents)
      .where(like(inboundEvents.externalId, '999001:%'));
    expect(stored).toHaveLength(0);
  });

  it('processes a redelivered update once', async () => {
    const chen = fakeUser('Chen');
    const { updateId } = await tg.members.post(group, chen, 'hello everyone');
    expect(await fake.redeliver(tg.bot.user, updateId)).toBe(200);
    const rowsOf = () =>
      h.deps.db
        .select()
        .from(inboundEvents)
        .where(
          and(
            eq(inboundEvents.platformAccountId, tg.accountId),
            like(inboundEvents.externalId, `${updateId}:%`),
          ),
        );
    expect(await rowsOf()).toHaveLength(1);
    expect((await processEvents()).processed).toBe(1);
    expect(await fake.redeliver(tg.bot.user, updateId)).toBe(200);
    expect((await processEvents()).claimed).toBe(0);
    expect((await rowsOf()).map((r) => r.status)).toEqual(['processed']);
  });

  it('approves a join request through an Orchard link and declines a member moderation banned', async () => {
    const link = await tg.adapter.createEntryLink!({
      kind: 'group',
      state: 'vetted',
      groupExternalIds: [groupId],
      requiresApproval: true,
    });
    const invite = tg.world.linksOf(group.id).find((l) => l.invite_link === link.url)!;
    const zhou = fakeUser('Zhou');
    await tg.members.requestToJoin(group, zhou, invite);
    await processEvents();
    await deliver();
    expect(fake.succeeded('approveChatJoinRequest').map((c) => c.params)).toEqual([
      { chat_id: group.id, user_id: zhou.id },
    ]);
    await fake.settle(); // Telegram now reports the join, via the request and the link.
    await processEvents();
    expect(await membershipOf(zhou.id)).toEqual({ via: 'request', entryState: 'vetted', leftAt: null });

    await saveModeration({ checks: { links: true }, ladder: ['ban'] });
    const banned = fakeUser('Banned');
    await tg.members.addedBy(group, banned, owner);
    await tg.members.post(group, banned, 'buy now www.spam.cn');
    await processEvents();
    await deliver();
    expect(fake.succeeded('banChatMember').at(-1)!.params).toEqual({ chat_id: group.id, user_id: banned.id });
    await fake.settle();
    await processEvents();
    expect(await membershipOf(banned.id)).toMatchObject({ leftAt: expect.any(Date) });

    await tg.members.requestToJoin(group, banned, invite);
    await processEvents();
    await deliver();
    expect(fake.succeeded('declineChatJoinRequest').map((c) => c.params)).toEqual([
      { chat_id: group.id, user_id: banned.id },
    ]);
  });

  it('stores /start with its payload as a new contact of the bot, and dice rolls', async () => {
    const li = fakeUser('Li');
    const start = await tg.members.start(li, 'store-12');
    const dice = await tg.members.rollDice(group, li, 4);
    const payloadOf = async (updateId: number) =>
      (
        await h.deps.db
          .select({ payload: inboundEvents.payload })
          .from(inboundEvents)
          .where(like(inboundEvents.externalId, `${updateId}:%`))
      )[0]?.payload;
    expect(await payloadOf(start.updateId)).toMatchObject({
      type: 'member.added_staff',
      staffExternalId: String(tg.bot.user.id),
      entryState: 'store-12',
      member: { externalId: String(li.id), name: 'Li' },
    });
    expect(await payloadOf(dice.updateId)).toMatchObject({ type: 'dice', value: 4, emoji: '🎲' });
    expect((await processEvents()).failed).toBe(0);
  });
});
