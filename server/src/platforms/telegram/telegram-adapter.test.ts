import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { refusalOf } from '../../testing/refusal-of.ts';
import { fakeGroup, fakeUser } from './fake/fake-telegram-members.ts';
import type { FakeTelegram } from './fake/fake-telegram-server.ts';
import { setUpTelegram, startFakeTelegramFor, type TelegramSetup } from './fake/telegram.fixtures.ts';

describe('Telegram adapter against the fake Bot API', () => {
  let h: Harness;
  let fake: FakeTelegram;
  let tg: TelegramSetup;
  const group = fakeGroup('Spring fair');
  const lin = fakeUser('Lin');
  const groupId = String(group.id);

  beforeAll(async () => {
    h = await createHarness();
    fake = await startFakeTelegramFor(h);
    tg = await setUpTelegram(h, fake);
    await tg.members.addBot(group, fakeUser('Owner'));
    await tg.members.joinByLink(
      group,
      lin,
      tg.world.createLink(tg.world.chatOf(group), { creates_join_request: false }),
    );
  });
  afterAll(async () => {
    await fake.close();
    await h.close();
  });

  it('sends text, photos with captions, documents, and links or coupons as text', async () => {
    const text = await tg.adapter.send({ kind: 'group', groupExternalId: groupId }, { text: 'Hello all' });
    await tg.adapter.send(
      { kind: 'member', memberExternalId: String(lin.id) },
      {
        text: 'Your menu',
        attachments: [
          { type: 'image', url: 'https://cdn.example/menu.jpg' },
          { type: 'file', url: 'https://cdn.example/menu.pdf', name: 'menu.pdf' },
        ],
      },
    );
    await tg.adapter.sendWelcome({
      memberExternalId: String(lin.id),
      staffExternalId: String(tg.bot.user.id),
      content: { text: 'Welcome', attachments: [{ type: 'coupon', templateId: 't', title: '5 off' }] },
    });
    expect(fake.succeeded('sendMessage').map((c) => c.params)).toEqual([
      { chat_id: group.id, text: 'Hello all' },
      { chat_id: lin.id, text: 'Welcome\n\n🎟 5 off' },
    ]);
    expect(fake.succeeded('sendPhoto')[0]!.params).toMatchObject({
      chat_id: lin.id,
      photo: 'https://cdn.example/menu.jpg',
      caption: 'Your menu',
    });
    expect(fake.succeeded('sendDocument')[0]!.params).toMatchObject({
      document: 'https://cdn.example/menu.pdf',
    });
    const sent = tg.world.messagesIn(group.id).find((m) => m.text === 'Hello all');
    expect(text.externalId).toBe(String(sent!.message_id));
  });

  it('rolls a dice and returns the value Telegram rolled', async () => {
    fake.rollNext(5);
    const result = await tg.adapter.sendDice!({ kind: 'group', groupExternalId: groupId }, '🎯');
    expect(result.value).toBe(5);
    expect(fake.succeeded('sendDice').at(-1)!.params).toEqual({ chat_id: group.id, emoji: '🎯' });
  });

  it('makes contact deep links and named group invite links', async () => {
    const contact = await tg.adapter.createEntryLink!({
      kind: 'contact',
      state: 'store-7',
      staffExternalIds: [],
    });
    expect(contact.url).toBe(`https://t.me/${tg.bot.user.username}?start=store-7`);
    const expiresAt = new Date(h.clock.now.getTime() + 86_400_000);
    const link = await tg.adapter.createEntryLink!({
      kind: 'group',
      state: 'poster-A',
      groupExternalIds: [groupId],
      memberLimit: 200,
      expiresAt,
    });
    expect(fake.succeeded('createChatInviteLink').at(-1)!.params).toEqual({
      chat_id: group.id,
      name: 'poster-A',
      member_limit: 200,
      expire_date: Math.floor(expiresAt.getTime() / 1000),
    });
    expect(tg.world.linksOf(group.id).at(-1)).toMatchObject({ name: 'poster-A', invite_link: link.url });
    await tg.adapter.createEntryLink!({
      kind: 'group',
      state: 'vet',
      groupExternalIds: [groupId],
      requiresApproval: true,
    });
    expect(fake.succeeded('createChatInviteLink').at(-1)!.params).toMatchObject({
      creates_join_request: true,
    });
  });

  it('refuses link states Telegram cannot carry, before calling it', async () => {
    const calls = fake.calls().length;
    const tooLong = await refusalOf(
      tg.adapter.createEntryLink!({ kind: 'group', state: 'x'.repeat(33), groupExternalIds: [groupId] }),
    );
    expect(tooLong).toMatchObject({ code: 'invalid_request', isTemporary: false });
    await refusalOf(
      tg.adapter.createEntryLink!({ kind: 'contact', state: 'has space', staffExternalIds: [] }),
    );
    await refusalOf(
      tg.adapter.createEntryLink!({ kind: 'group', state: 'a', groupExternalIds: [groupId, '-1'] }),
    );
    expect(fake.calls()).toHaveLength(calls);
  });

  it('moderates: delete, mute until a time, remove (ban + unban) and ban', async () => {
    const { messageId } = await tg.members.post(group, lin, 'spam www.spam.cn');
    const base = { groupExternalId: groupId, memberExternalId: String(lin.id) };
    await tg.adapter.moderate!({
      type: 'delete',
      groupExternalId: groupId,
      messageExternalId: String(messageId),
    });
    const untilMs = h.clock.now.getTime() + 3_600_000;
    await tg.adapter.moderate!({ type: 'mute', ...base, untilMs });
    await tg.adapter.moderate!({ type: 'remove', ...base });
    await tg.adapter.moderate!({ type: 'ban', ...base });
    expect(tg.world.messagesIn(group.id).some((m) => m.message_id === messageId)).toBe(false);
    expect(tg.world.restrictionsIn(group.id)).toEqual([
      {
        userId: lin.id,
        untilDate: Math.ceil(untilMs / 1000),
        permissions: expect.objectContaining({ can_send_messages: false }),
      },
    ]);
    expect(
      fake
        .calls()
        .filter((c) => ['banChatMember', 'unbanChatMember'].includes(c.method))
        .map((c) => c.method),
    ).toEqual(['banChatMember', 'unbanChatMember', 'banChatMember']);
    expect(fake.succeeded('unbanChatMember')[0]!.params).toMatchObject({ only_if_banned: true });
    // The message is gone: deleting it again is a permanent refusal, not something to retry.
    const again = await refusalOf(
      tg.adapter.moderate!({
        type: 'delete',
        groupExternalId: groupId,
        messageExternalId: String(messageId),
      }),
    );
    expect(again).toMatchObject({ code: 'rejected', isTemporary: false, options: { platformCode: 400 } });
    expect(again.message).toBe('deleteMessage: Bad Request: message to delete not found');
  });

  it('answers join requests', async () => {
    const asker = fakeUser('Asker');
    await tg.members.requestToJoin(group, asker);
    await tg.adapter.answerJoinRequest!({
      groupExternalId: groupId,
      memberExternalId: String(asker.id),
      decision: 'decline',
    });
    expect(fake.succeeded('declineChatJoinRequest')).toHaveLength(1);
    expect(tg.world.joinRequestsOf(group.id).has(asker.id)).toBe(false);
  });

  it('turns a long 429 into a temporary error with retry_after, without waiting in place', async () => {
    fake.failNext('sendMessage', fake.tooManyRequests(30));
    const started = performance.now();
    const error = await refusalOf(
      tg.adapter.send({ kind: 'group', groupExternalId: groupId }, { text: 'x' }),
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({
      code: 'rate_limited',
      isTemporary: true,
      options: { retryAfterMs: 30_000, platformCode: 429 },
    });
  });

  it('retries a short 429 in place, a bounded number of times', async () => {
    const before = fake.calls('sendMessage').length;
    // retry_after 0 keeps the test from sleeping; the bound is the account's autoRetry.maxAttempts (2).
    fake.failNext('sendMessage', fake.tooManyRequests(0), 2);
    await tg.adapter.send({ kind: 'group', groupExternalId: groupId }, { text: 'arrives once' });
    expect(
      fake
        .calls('sendMessage')
        .slice(before)
        .map((c) => c.errorCode ?? 'ok'),
    ).toEqual([429, 429, 'ok']);
    expect(tg.world.messagesIn(group.id).filter((m) => m.text === 'arrives once')).toHaveLength(1);

    fake.failNext('sendMessage', fake.tooManyRequests(0), 3);
    const error = await refusalOf(
      tg.adapter.send({ kind: 'group', groupExternalId: groupId }, { text: 'never' }),
    );
    expect(error.code).toBe('rate_limited');
    expect(fake.calls('sendMessage').slice(before + 3)).toHaveLength(3);
  });

  it('does not resend after a server error (the message may have gone out): the outbox decides', async () => {
    const before = fake.calls('sendMessage').length;
    fake.failNext('sendMessage', { errorCode: 502, description: 'Bad Gateway' });
    const error = await refusalOf(
      tg.adapter.send({ kind: 'group', groupExternalId: groupId }, { text: 'y' }),
    );
    expect(error).toMatchObject({ code: 'unavailable', isTemporary: true });
    expect(fake.calls('sendMessage').slice(before)).toHaveLength(1);
  });
});
