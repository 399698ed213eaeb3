import { describe, expect, it } from 'vitest';
import { parseStartCommand, parseUpdate } from './telegram-updates.ts';

const botId = 7_000_000_001;
const bot = { id: botId, is_bot: true, first_name: 'Orchard', username: 'orchard_bot' };
const lin = { id: 80_000_001, is_bot: false, first_name: 'Lin', last_name: 'Wei' };
const admin = { id: 80_000_009, is_bot: false, first_name: 'Admin' };
const group = { id: -1_001_234_567_890, type: 'supergroup', title: 'Spring fair' };
const privateChat = { id: lin.id, type: 'private' };
const date = 1_767_000_000;

const ownLink = {
  invite_link: 'https://t.me/+AbCdEf123',
  creator: bot,
  name: 'spring-fair',
  creates_join_request: false,
};
const othersLink = {
  invite_link: 'https://t.me/+AbC…',
  creator: admin,
  name: 'their-name',
  creates_join_request: false,
};

const memberUpdate = (old: string, now: string, extra: Record<string, unknown> = {}, from: object = lin) => ({
  update_id: 100,
  chat_member: {
    chat: group,
    from,
    date,
    old_chat_member: { status: old, user: lin },
    new_chat_member: { status: now, user: lin },
    ...extra,
  },
});
const messageUpdate = (message: Record<string, unknown>, chat: object = group) => ({
  update_id: 101,
  message: { message_id: 42, date, chat, from: lin, ...message },
});
const eventOf = (raw: unknown) => {
  const mapping = parseUpdate(raw, botId);
  if (!('updateId' in mapping)) throw new Error(mapping.problem);
  return mapping.event;
};

describe('Telegram updates → events', () => {
  it('maps a join through an Orchard invite link, keyed on the link name', () => {
    expect(eventOf(memberUpdate('left', 'member', { invite_link: ownLink }))).toEqual({
      type: 'member.joined_group',
      externalId: `100:${date}`,
      occurredAt: new Date(date * 1000),
      member: { externalId: String(lin.id), name: 'Lin Wei' },
      groupExternalId: String(group.id),
      entryState: 'spring-fair',
      via: 'link',
      inviterExternalId: undefined,
    });
  });

  it("attributes nothing to another admin's (masked) link, and tells requests and invitations apart", () => {
    expect(eventOf(memberUpdate('left', 'member', { invite_link: othersLink }))).toMatchObject({
      via: 'link',
      entryState: undefined,
    });
    expect(
      eventOf(memberUpdate('left', 'member', { invite_link: ownLink, via_join_request: true }, bot)),
    ).toMatchObject({ via: 'request', entryState: 'spring-fair', inviterExternalId: undefined });
    expect(eventOf(memberUpdate('left', 'member', {}, admin))).toMatchObject({
      via: 'invited',
      inviterExternalId: String(admin.id),
    });
    expect(eventOf(memberUpdate('kicked', 'member'))).toMatchObject({ via: 'unknown' });
  });

  it('maps leaving, removal and bans; changes within the group are no event', () => {
    expect(eventOf(memberUpdate('member', 'left'))).toMatchObject({
      type: 'member.left_group',
      reason: 'left',
    });
    expect(eventOf(memberUpdate('member', 'left', {}, admin))).toMatchObject({ reason: 'removed' });
    expect(eventOf(memberUpdate('member', 'kicked', {}, bot))).toMatchObject({ reason: 'removed' });
    expect(eventOf(memberUpdate('member', 'administrator'))).toBeNull();
    // A restricted member who is still in the chat is in; one who left is out.
    const restrictedIn = memberUpdate('member', 'restricted');
    (restrictedIn.chat_member.new_chat_member as Record<string, unknown>).is_member = true;
    expect(eventOf(restrictedIn)).toBeNull();
  });

  it('maps group text with hidden links and media, and private text to the bot', () => {
    const event = eventOf(
      messageUpdate({
        text: 'great deal here',
        entities: [{ type: 'text_link', offset: 11, length: 4, url: 'https://spam.example/x' }],
      }),
    );
    expect(event).toMatchObject({
      type: 'message',
      chat: { kind: 'group', groupExternalId: String(group.id) },
      messageExternalId: '42',
      text: 'great deal here',
      attachments: [{ type: 'link', url: 'https://spam.example/x', title: 'here' }],
    });
    expect(
      eventOf(messageUpdate({ caption: 'look', photo: [{ file_id: 'AgAC_qr_x', width: 1, height: 1 }] })),
    ).toMatchObject({
      text: 'look',
      attachments: [{ type: 'image', url: `telegram-file:photo/${group.id}/42` }],
    });
    expect(eventOf(messageUpdate({ text: 'hi' }, privateChat))).toMatchObject({
      chat: { kind: 'private', staffExternalId: String(botId) },
    });
  });

  it('maps /start with a payload to added_staff with the entry state', () => {
    expect(eventOf(messageUpdate({ text: '/start store-12_A' }, privateChat))).toEqual({
      type: 'member.added_staff',
      externalId: `101:${date}`,
      occurredAt: new Date(date * 1000),
      member: { externalId: String(lin.id), name: 'Lin Wei' },
      staffExternalId: String(botId),
      entryState: 'store-12_A',
    });
    expect(eventOf(messageUpdate({ text: '/start' }, privateChat))).toMatchObject({
      type: 'member.added_staff',
      entryState: undefined,
    });
    // In a group, /start is just a message.
    expect(eventOf(messageUpdate({ text: '/start x' }))).toMatchObject({ type: 'message' });
  });

  it('maps a dice roll, and ignores the legacy join message, bots and service messages', () => {
    expect(eventOf(messageUpdate({ dice: { emoji: '🎯', value: 6 } }))).toMatchObject({
      type: 'dice',
      emoji: '🎯',
      value: 6,
      chat: { kind: 'group' },
    });
    expect(eventOf(messageUpdate({ new_chat_members: [lin] }))).toBeNull();
    expect(eventOf(messageUpdate({ left_chat_member: lin }))).toBeNull();
    expect(eventOf(messageUpdate({ text: 'beep', from: { ...admin, is_bot: true } }))).toBeNull();
    expect(eventOf(messageUpdate({ pinned_message: {} }))).toBeNull();
    expect(eventOf(messageUpdate({ sticker: { file_id: 's' } }))).toMatchObject({
      type: 'message',
      text: '',
    });
  });

  it('maps join requests and the bot being added to a group or blocked', () => {
    const request = {
      update_id: 102,
      chat_join_request: { chat: group, from: lin, user_chat_id: lin.id, date, invite_link: ownLink },
    };
    expect(eventOf(request)).toMatchObject({
      type: 'join_request',
      groupExternalId: String(group.id),
      entryState: 'spring-fair',
      member: { externalId: String(lin.id) },
    });
    const mine = (chat: object, old: string, now: string) => ({
      update_id: 103,
      my_chat_member: {
        chat,
        from: lin,
        date,
        old_chat_member: { status: old, user: bot },
        new_chat_member: { status: now, user: bot },
      },
    });
    expect(eventOf(mine(group, 'left', 'administrator'))).toMatchObject({
      type: 'group.created',
      groupExternalId: String(group.id),
      name: 'Spring fair',
    });
    expect(eventOf(mine(privateChat, 'member', 'kicked'))).toMatchObject({
      type: 'member.removed_staff',
      member: { externalId: String(lin.id) },
      staffExternalId: String(botId),
      by: 'member',
    });
    expect(eventOf(mine(group, 'administrator', 'left'))).toBeNull();
  });

  it('keeps the update id of an update it cannot read, and refuses what is not an update', () => {
    expect(parseUpdate({ update_id: 7, message: { message_id: 'x' } }, botId)).toMatchObject({
      updateId: 7,
      event: null,
      problem: expect.stringContaining('message'),
    });
    expect(parseUpdate({ update_id: 8, poll: {} }, botId)).toEqual({ updateId: 8, event: null });
    expect(parseUpdate({ hello: 1 }, botId)).toEqual({ problem: 'not an update (no update_id)' });
  });

  it('reads /start payloads as Telegram allows them', () => {
    expect(parseStartCommand('/start abc-DEF_1')).toEqual({ payload: 'abc-DEF_1' });
    expect(parseStartCommand('/start@orchard_bot abc')).toEqual({ payload: 'abc' });
    expect(parseStartCommand(`/start ${'a'.repeat(65)}`)).toEqual({});
    expect(parseStartCommand('/start has space')).toBeNull();
    expect(parseStartCommand('/started')).toBeNull();
    expect(parseStartCommand('hello')).toBeNull();
  });
});
