import { randomBytes } from 'node:crypto';

/**
 * The state of the fake Bot API: one bot's chats, members, messages, invite links and join requests, and the
 * updates their changes raise. Plain data and small functions; the HTTP protocol is in fake-telegram-server.ts.
 */

export type FakeUser = {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
};
export type FakeChat = { id: number; type: 'private' | 'group' | 'supergroup'; title?: string };
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';
export type FakeInviteLink = {
  invite_link: string;
  creator: FakeUser;
  creates_join_request: boolean;
  is_primary: boolean;
  is_revoked: boolean;
  name?: string;
  expire_date?: number;
  member_limit?: number;
};
export type FakeMessage = Record<string, unknown> & { message_id: number; date: number; chat: FakeChat };
/** An update before the server numbers it. */
export type UpdateBody = Record<string, unknown>;

type ChatState = {
  chat: FakeChat;
  members: Map<number, { user: FakeUser; status: MemberStatus }>;
  messages: Map<number, FakeMessage>;
  nextMessageId: number;
  links: FakeInviteLink[];
  joinRequests: Map<number, { user: FakeUser; link?: FakeInviteLink }>;
  restrictions: { userId: number; untilDate?: number; permissions: unknown }[];
};

/** A Bot API refusal: becomes `{ok:false, error_code, description, parameters}`. */
export class FakeApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

export const badRequest = (description: string) => new FakeApiError(400, `Bad Request: ${description}`);

export type FakeBotWorld = ReturnType<typeof createBotWorld>;

/** One bot's view of Telegram. `now()` gives Unix seconds (tests pass their movable clock). */
export const createBotWorld = (bot: FakeUser, now: () => number) => {
  const chats = new Map<number, ChatState>();
  const chatOf = (chat: FakeChat): ChatState => {
    let state = chats.get(chat.id);
    if (!state) {
      state = {
        chat,
        members: new Map(),
        messages: new Map(),
        nextMessageId: 1,
        links: [],
        joinRequests: new Map(),
        restrictions: [],
      };
      chats.set(chat.id, state);
    }
    return state;
  };
  const knownChat = (chatId: unknown): ChatState => {
    const state = chats.get(Number(chatId));
    if (!state) throw badRequest('chat not found');
    return state;
  };
  const statusOf = (state: ChatState, userId: number): MemberStatus =>
    state.members.get(userId)?.status ?? 'left';

  /** A membership change and the chat_member update it raises (or my_chat_member for the bot itself). */
  const changeMember = (
    state: ChatState,
    input: {
      user: FakeUser;
      status: MemberStatus;
      by: FakeUser;
      link?: FakeInviteLink;
      viaRequest?: boolean;
    },
  ): UpdateBody => {
    const old = { status: statusOf(state, input.user.id), user: input.user };
    state.members.set(input.user.id, { user: input.user, status: input.status });
    const key = input.user.id === bot.id ? 'my_chat_member' : 'chat_member';
    return {
      [key]: {
        chat: state.chat,
        from: input.by,
        date: now(),
        old_chat_member: old,
        new_chat_member: { status: input.status, user: input.user },
        ...(input.link ? { invite_link: input.link } : {}),
        ...(input.viaRequest ? { via_join_request: true } : {}),
      },
    };
  };

  const addMessage = (state: ChatState, fields: Record<string, unknown>): FakeMessage => {
    const message: FakeMessage = {
      message_id: state.nextMessageId++,
      date: now(),
      chat: state.chat,
      ...fields,
    };
    state.messages.set(message.message_id, message);
    return message;
  };

  return {
    bot,
    now,
    chatOf,
    knownChat,
    statusOf,
    changeMember,
    addMessage,
    /** What the bot sent or members posted in a chat, in order (deleted ones are gone). */
    messagesIn: (chatId: number): FakeMessage[] => [...(chats.get(chatId)?.messages.values() ?? [])],
    restrictionsIn: (chatId: number) => chats.get(chatId)?.restrictions ?? [],
    linksOf: (chatId: number) => chats.get(chatId)?.links ?? [],
    joinRequestsOf: (chatId: number) => chats.get(chatId)?.joinRequests ?? new Map(),
    createLink: (
      state: ChatState,
      options: Omit<FakeInviteLink, 'invite_link' | 'creator' | 'is_primary' | 'is_revoked'>,
    ) => {
      const link: FakeInviteLink = {
        invite_link: `https://t.me/+${randomBytes(12).toString('base64url')}`,
        creator: bot,
        is_primary: false,
        is_revoked: false,
        ...options,
      };
      state.links.push(link);
      return link;
    },
  };
};

/** How Telegram shows another admin's link to a bot: its address cut short, its creator someone else. */
export const maskedLinkOf = (link: FakeInviteLink, creator: FakeUser): FakeInviteLink => ({
  ...link,
  creator,
  invite_link: `${link.invite_link.slice(0, 22)}…`,
});
