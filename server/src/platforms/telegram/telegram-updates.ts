import type { Attachment, ChatRef, PersonRef, PlatformEvent } from '../platform.ts';
import {
  type TgChat,
  type TgChatJoinRequest,
  type TgChatMember,
  type TgChatMemberUpdated,
  type TgInviteLink,
  type TgMessage,
  type TgUpdate,
  type TgUser,
  tgUpdateEnvelopeSchema,
  tgUpdateSchema,
} from './telegram-schemas.ts';

/**
 * Pure mapping of Telegram updates to Orchard's normalized events. One update gives at most one event.
 *
 * External id: `<update_id>:<date>`. update_id is what dedupes a redelivery (per bot, and an account is one
 * bot); the date of the update's content is the same on every redelivery too, and guards against Telegram
 * restarting update ids at a random number after a week without updates, which could otherwise collide
 * with an old id and be dropped as a duplicate.
 */

export type UpdateMapping = {
  updateId: number;
  event: PlatformEvent | null;
  /** Why an update that has an id could not be read (logged; the update is skipped, not retried). */
  problem?: string;
};

/** A /start deep-link payload: what `t.me/<bot>?start=<payload>` allows. */
export const startPayloadPattern = /^[A-Za-z0-9_-]{1,64}$/;

export const parseUpdate = (raw: unknown, botId: number): UpdateMapping | { problem: string } => {
  const envelope = tgUpdateEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { problem: 'not an update (no update_id)' };
  const updateId = envelope.data.update_id;
  const parsed = tgUpdateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { updateId, event: null, problem: `${issue?.path.join('.')}: ${issue?.message}` };
  }
  return { updateId, event: mapUpdate(parsed.data, botId) };
};

export const mapUpdate = (update: TgUpdate, botId: number): PlatformEvent | null => {
  if (update.message) return mapMessage(update.update_id, update.message, botId);
  if (update.chat_member) return mapChatMember(update.update_id, update.chat_member, botId);
  if (update.my_chat_member) return mapMyChatMember(update.update_id, update.my_chat_member);
  if (update.chat_join_request) return mapJoinRequest(update.update_id, update.chat_join_request, botId);
  return null;
};

const idOf = (updateId: number, date: number): string => `${updateId}:${date}`;
const dateOf = (date: number): Date => new Date(date * 1000);

export const personOf = (user: TgUser): PersonRef => ({
  externalId: String(user.id),
  name: [user.first_name, user.last_name].filter(Boolean).join(' '),
});

const isGroup = (chat: TgChat): boolean => chat.type === 'group' || chat.type === 'supergroup';

const chatRefOf = (chat: TgChat, botId: number): ChatRef | null => {
  if (chat.type === 'private') return { kind: 'private', staffExternalId: String(botId) };
  return isGroup(chat) ? { kind: 'group', groupExternalId: String(chat.id) } : null;
};

/** The link's name when the bot made the link (others' links come back masked and are not Orchard's). */
export const ownLinkState = (link: TgInviteLink | undefined, botId: number): string | undefined =>
  link && link.creator.id === botId ? link.name : undefined;

const mapMessage = (updateId: number, message: TgMessage, botId: number): PlatformEvent | null => {
  // Channel posts and anonymous admins have no person behind them; other bots are not members.
  if (!message.from || message.from.is_bot) return null;
  // The legacy join/leave service messages: chat_member reports the same change with its invite link.
  if (message.new_chat_members || message.left_chat_member) return null;
  const chat = chatRefOf(message.chat, botId);
  if (!chat) return null;
  const base = {
    externalId: idOf(updateId, message.date),
    occurredAt: dateOf(message.date),
    member: personOf(message.from),
    chat,
    messageExternalId: String(message.message_id),
  };
  if (message.dice) return { ...base, type: 'dice', emoji: message.dice.emoji, value: message.dice.value };
  const start = chat.kind === 'private' ? parseStartCommand(message.text) : null;
  if (start) {
    return {
      type: 'member.added_staff',
      externalId: base.externalId,
      occurredAt: base.occurredAt,
      member: base.member,
      staffExternalId: String(botId),
      entryState: start.payload,
    };
  }
  if (!hasContent(message)) return null;
  return {
    ...base,
    type: 'message',
    text: message.text ?? message.caption ?? '',
    attachments: attachmentsOf(message),
  };
};

/** `/start`, `/start PAYLOAD` or `/start@bot PAYLOAD`; a payload Telegram would not carry is dropped. */
export const parseStartCommand = (text: string | undefined): { payload?: string } | null => {
  const match = /^\/start(?:@\w+)?(?:\s+(\S+))?\s*$/.exec(text ?? '');
  if (!match) return null;
  const payload = match[1];
  return payload && startPayloadPattern.test(payload) ? { payload } : {};
};

const hasContent = (m: TgMessage): boolean =>
  Boolean(
    m.text ??
      m.caption ??
      m.photo ??
      m.document ??
      m.sticker ??
      m.animation ??
      m.video ??
      m.video_note ??
      m.voice ??
      m.audio,
  );

/**
 * Hidden links (`text_link` entities: text whose address is not visible) become link attachments, so link
 * moderation sees them; visible links are in the text already. Media are referred to by the message that
 * holds them: Telegram's file ids are opaque and Orchard never downloads them.
 */
const attachmentsOf = (message: TgMessage): Attachment[] => {
  const text = message.text ?? message.caption ?? '';
  const entities = message.entities ?? message.caption_entities ?? [];
  const where = `${message.chat.id}/${message.message_id}`;
  const attachments: Attachment[] = entities.flatMap((e) =>
    e.type === 'text_link' && e.url
      ? [{ type: 'link' as const, url: e.url, title: text.slice(e.offset, e.offset + e.length) }]
      : [],
  );
  if (message.photo) attachments.push({ type: 'image', url: `telegram-file:photo/${where}` });
  if (message.document) {
    attachments.push({
      type: 'file',
      url: `telegram-file:document/${where}`,
      name: message.document.file_name ?? 'document',
    });
  }
  return attachments;
};

/** In the chat: a restricted member still counts while `is_member` is true. */
export const isInChat = (member: TgChatMember): boolean =>
  member.status === 'creator' ||
  member.status === 'administrator' ||
  member.status === 'member' ||
  (member.status === 'restricted' && member.is_member === true);

const mapChatMember = (
  updateId: number,
  update: TgChatMemberUpdated,
  botId: number,
): PlatformEvent | null => {
  const user = update.new_chat_member.user;
  // The bot's own membership arrives as my_chat_member; channels are not communities.
  if (user.id === botId || !isGroup(update.chat)) return null;
  const wasIn = isInChat(update.old_chat_member);
  const isIn = isInChat(update.new_chat_member);
  const base = {
    externalId: idOf(updateId, update.date),
    occurredAt: dateOf(update.date),
    member: personOf(user),
    groupExternalId: String(update.chat.id),
  };
  if (!wasIn && isIn) {
    const isAddedBySomeoneElse = update.from.id !== user.id;
    return {
      ...base,
      type: 'member.joined_group',
      entryState: ownLinkState(update.invite_link, botId),
      via: update.via_join_request
        ? 'request'
        : update.invite_link
          ? 'link'
          : isAddedBySomeoneElse
            ? 'invited'
            : 'unknown',
      inviterExternalId:
        isAddedBySomeoneElse && !update.via_join_request ? String(update.from.id) : undefined,
    };
  }
  if (wasIn && !isIn) {
    // A removal (ban, or ban + unban) is done by an admin; a member leaving does it themself.
    const isRemoved = update.new_chat_member.status === 'kicked' || update.from.id !== user.id;
    return { ...base, type: 'member.left_group', reason: isRemoved ? 'removed' : 'left' };
  }
  return null;
};

/**
 * The bot's own membership. Added to a group: Orchard learns the group. Blocked in a private chat: the
 * customer ended the conversation (the counterpart of deleting a WeCom staff account).
 */
const mapMyChatMember = (updateId: number, update: TgChatMemberUpdated): PlatformEvent | null => {
  const externalId = idOf(updateId, update.date);
  const occurredAt = dateOf(update.date);
  const wasIn = isInChat(update.old_chat_member);
  const isIn = isInChat(update.new_chat_member);
  if (isGroup(update.chat) && !wasIn && isIn) {
    return {
      type: 'group.created',
      externalId,
      occurredAt,
      groupExternalId: String(update.chat.id),
      name: update.chat.title ?? String(update.chat.id),
    };
  }
  if (update.chat.type === 'private' && update.new_chat_member.status === 'kicked') {
    return {
      type: 'member.removed_staff',
      externalId,
      occurredAt,
      member: personOf(update.from),
      staffExternalId: String(update.new_chat_member.user.id),
      by: 'member',
    };
  }
  return null;
};

const mapJoinRequest = (updateId: number, request: TgChatJoinRequest, botId: number): PlatformEvent => ({
  type: 'join_request',
  externalId: idOf(updateId, request.date),
  occurredAt: dateOf(request.date),
  member: personOf(request.from),
  groupExternalId: String(request.chat.id),
  entryState: ownLinkState(request.invite_link, botId),
});
