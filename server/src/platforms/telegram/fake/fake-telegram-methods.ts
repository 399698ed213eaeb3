import { badRequest, FakeApiError, type FakeBotWorld, type UpdateBody } from './fake-telegram-chats.ts';

/**
 * The Bot API methods Orchard uses, answered like Telegram answers them (result shapes and the refusals
 * tests rely on). getUpdates and the webhook methods live in the server, which owns the update queue.
 */

type Params = Record<string, unknown>;
export type MethodContext = { world: FakeBotWorld; params: Params; emit: (update: UpdateBody) => void };

const need = (params: Params, name: string): unknown => {
  const value = params[name];
  if (value === undefined || value === '') throw badRequest(`${name} is empty`);
  return value;
};

const diceRanges: Record<string, number> = { '🎲': 6, '🎯': 6, '🎳': 6, '🏀': 5, '⚽': 5, '🎰': 64 };

export const createMethods = (options: { nextDiceValue: () => number | undefined }) => {
  const send = ({ world, params }: MethodContext, fields: Params) => {
    const state = world.chatOf({ id: Number(need(params, 'chat_id')), type: 'private' });
    return world.addMessage(state, { from: world.bot, ...fields });
  };
  const caption = (params: Params) => (params.caption ? { caption: params.caption } : {});
  const methods: Record<string, (ctx: MethodContext) => unknown> = {
    getMe: ({ world }) => ({
      ...world.bot,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    }),
    sendMessage: (ctx) => {
      const text = String(need(ctx.params, 'text'));
      if (text.length > 4096) throw badRequest('message is too long');
      return send(ctx, { text });
    },
    sendPhoto: (ctx) =>
      send(ctx, {
        photo: [{ file_id: String(need(ctx.params, 'photo')), width: 1, height: 1 }],
        ...caption(ctx.params),
      }),
    sendDocument: (ctx) =>
      send(ctx, { document: { file_id: String(need(ctx.params, 'document')) }, ...caption(ctx.params) }),
    sendDice: (ctx) => {
      const emoji = String(ctx.params.emoji ?? '🎲');
      const range = diceRanges[emoji];
      if (!range) throw badRequest('invalid dice emoji');
      const value = options.nextDiceValue() ?? 1 + Math.floor(Math.random() * range);
      return send(ctx, { dice: { emoji, value } });
    },
    createChatInviteLink: ({ world, params }) => {
      const state = world.knownChat(need(params, 'chat_id'));
      const name = params.name === undefined ? undefined : String(params.name);
      if (name !== undefined && name.length > 32) throw badRequest('invite link name is too long');
      if (params.creates_join_request && params.member_limit !== undefined) {
        throw badRequest("member limit can't be specified for links requiring administrator approval");
      }
      return world.createLink(state, {
        creates_join_request: Boolean(params.creates_join_request),
        ...(name !== undefined ? { name } : {}),
        ...(params.expire_date !== undefined ? { expire_date: Number(params.expire_date) } : {}),
        ...(params.member_limit !== undefined ? { member_limit: Number(params.member_limit) } : {}),
      });
    },
    deleteMessage: ({ world, params }) => {
      const state = world.knownChat(need(params, 'chat_id'));
      if (!state.messages.delete(Number(need(params, 'message_id')))) {
        throw badRequest('message to delete not found');
      }
      return true;
    },
    restrictChatMember: ({ world, params }) => {
      const state = world.knownChat(need(params, 'chat_id'));
      const userId = Number(need(params, 'user_id'));
      if (typeof params.permissions !== 'object') throw badRequest('permissions are empty');
      const untilDate = params.until_date === undefined ? undefined : Number(params.until_date);
      state.restrictions.push({ userId, untilDate, permissions: params.permissions });
      return true;
    },
    banChatMember: ({ world, params, emit }) => {
      const state = world.knownChat(need(params, 'chat_id'));
      const userId = Number(need(params, 'user_id'));
      const member = state.members.get(userId);
      if (member && member.status !== 'kicked') {
        emit(world.changeMember(state, { user: member.user, status: 'kicked', by: world.bot }));
      }
      return true;
    },
    unbanChatMember: ({ world, params }) => {
      const state = world.knownChat(need(params, 'chat_id'));
      const member = state.members.get(Number(need(params, 'user_id')));
      // Unbanning sets a banned user to "left" (no update is raised for a change between two outside states).
      if (member?.status === 'kicked') member.status = 'left';
      else if (member && !params.only_if_banned) member.status = 'left';
      return true;
    },
    approveChatJoinRequest: ({ world, params, emit }) => {
      const state = world.knownChat(need(params, 'chat_id'));
      const userId = Number(need(params, 'user_id'));
      const request = state.joinRequests.get(userId);
      if (!request) throw badRequest('HIDE_REQUESTER_MISSING');
      state.joinRequests.delete(userId);
      emit(
        world.changeMember(state, {
          user: request.user,
          status: 'member',
          by: world.bot,
          link: request.link,
          viaRequest: true,
        }),
      );
      return true;
    },
    declineChatJoinRequest: ({ world, params }) => {
      const state = world.knownChat(need(params, 'chat_id'));
      if (!state.joinRequests.delete(Number(need(params, 'user_id'))))
        throw badRequest('HIDE_REQUESTER_MISSING');
      return true;
    },
  };
  return (name: string, ctx: MethodContext): unknown => {
    const method = methods[name];
    if (!method) throw new FakeApiError(404, 'Not Found: method not found');
    return method(ctx);
  };
};
