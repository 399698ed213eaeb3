import type {
  FakeBotWorld,
  FakeChat,
  FakeInviteLink,
  FakeUser,
  MemberStatus,
  UpdateBody,
} from './fake-telegram-chats.ts';

type Emit = (body: UpdateBody) => Promise<{ updateId: number; status?: number }>;

let nextUserId = 80_000_001;

/** A Telegram user; ids are unique across a test run. */
export const fakeUser = (firstName: string, lastName?: string): FakeUser => ({
  id: nextUserId++,
  is_bot: false,
  first_name: firstName,
  ...(lastName ? { last_name: lastName } : {}),
});

let nextGroupId = 1_000_000_001;

/** A supergroup, with the negative -100… id Telegram gives them. */
export const fakeGroup = (title: string): FakeChat => ({
  id: -(1_000_000_000_000 + nextGroupId++),
  type: 'supergroup',
  title,
});

/**
 * What people do in the bot's chats. Each action changes the fake's state and raises the update Telegram
 * would send, delivered to the webhook (the answer's status is returned) or queued for getUpdates.
 */
export const createMemberActions = (world: FakeBotWorld, emit: Emit) => {
  const message = (chat: FakeChat, from: FakeUser, fields: Record<string, unknown>) => {
    const sent = world.addMessage(world.chatOf(chat), { from, ...fields });
    return emit({ message: sent }).then((result) => ({ ...result, messageId: sent.message_id }));
  };
  const setStatus = (
    chat: FakeChat,
    user: FakeUser,
    status: MemberStatus,
    by: FakeUser,
    link?: FakeInviteLink,
  ) => emit(world.changeMember(world.chatOf(chat), { user, status, by, link }));
  return {
    /** Someone adds the bot to a group as an admin (my_chat_member). */
    addBot: (chat: FakeChat, by: FakeUser) => setStatus(chat, world.bot, 'administrator', by),
    /** A member joins through an invite link (chat_member with invite_link). */
    joinByLink: (chat: FakeChat, user: FakeUser, link: FakeInviteLink) =>
      setStatus(chat, user, 'member', user, link),
    /** A member is added by someone already in the group. */
    addedBy: (chat: FakeChat, user: FakeUser, by: FakeUser) => setStatus(chat, user, 'member', by),
    leave: (chat: FakeChat, user: FakeUser) => setStatus(chat, user, 'left', user),
    post: (chat: FakeChat, from: FakeUser, text: string, extra: Record<string, unknown> = {}) =>
      message(chat, from, { text, ...extra }),
    rollDice: (chat: FakeChat, from: FakeUser, value: number, emoji = '🎲') =>
      message(chat, from, { dice: { emoji, value } }),
    /** A member asks to join through a link that needs approval (chat_join_request). */
    requestToJoin: (chat: FakeChat, user: FakeUser, link?: FakeInviteLink) => {
      world.chatOf(chat).joinRequests.set(user.id, { user, link });
      return emit({
        chat_join_request: {
          chat,
          from: user,
          user_chat_id: user.id,
          date: world.now(),
          ...(link ? { invite_link: link } : {}),
        },
      });
    },
    /** A person opens t.me/<bot>?start=<payload>: Telegram sends "/start <payload>" in the private chat. */
    start: (user: FakeUser, payload?: string) =>
      message({ id: user.id, type: 'private' }, user, { text: payload ? `/start ${payload}` : '/start' }),
  };
};
