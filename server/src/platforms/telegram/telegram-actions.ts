import type { Api } from 'grammy';
import { z } from 'zod';
import {
  type EntryLink,
  type EntryLinkSpec,
  type JoinRequestAnswer,
  type MessageContent,
  type MessageTarget,
  type ModerationAction,
  PlatformError,
  type SendResult,
} from '../platform.ts';
import { callTelegram, readResult, toChatId, toUserId } from './telegram-api.ts';
import { planSends } from './telegram-content.ts';
import { tgInviteLinkSchema } from './telegram-schemas.ts';
import type { TelegramSettings } from './telegram-settings.ts';
import { startPayloadPattern } from './telegram-updates.ts';

/** What Orchard does through the Bot API on behalf of one bot. Every call's errors leave as PlatformError. */

export type TelegramBot = { api: Api; settings: TelegramSettings };

/** Telegram caps an invite link's name at 32 characters: the group link's attribution state. */
export const maxLinkNameLength = 32;

const sentSchema = z.object({ message_id: z.number().int() });
const diceSentSchema = sentSchema.extend({ dice: z.object({ value: z.number().int() }) });

const invalid = (message: string) => new PlatformError('invalid_request', message, { temporary: false });

/** A group is its chat id; a member is their user id, which is also the id of their private chat with the bot. */
const chatOf = (target: MessageTarget): number | string =>
  toChatId(target.kind === 'group' ? target.groupExternalId : target.memberExternalId);

/**
 * Send one message; several calls when it has media (see planSends). The first call's message id is the
 * result. A failure after the first call makes the outbox retry the whole message, which can repeat the
 * parts that went out: acceptable for the rare multi-media message, and why text rides as a caption.
 */
export const sendContent = async (
  bot: TelegramBot,
  target: MessageTarget,
  content: MessageContent,
): Promise<SendResult> => {
  const chatId = chatOf(target);
  let first: string | null = null;
  for (const send of planSends(content)) {
    const result = await callTelegram<unknown>(() => {
      switch (send.method) {
        case 'sendMessage':
          return bot.api.sendMessage(chatId, send.text);
        case 'sendPhoto':
          return bot.api.sendPhoto(chatId, send.photo, { caption: send.caption });
        case 'sendDocument':
          return bot.api.sendDocument(chatId, send.document, { caption: send.caption });
      }
    });
    first ??= String(readResult(sentSchema, result, send.method).message_id);
  }
  return { externalId: first! };
};

export const sendDiceAs = async (
  bot: TelegramBot,
  target: MessageTarget,
  emoji: string,
): Promise<SendResult & { value: number }> => {
  const result = await callTelegram(() => bot.api.sendDice(chatOf(target), emoji));
  const sent = readResult(diceSentSchema, result, 'sendDice');
  return { externalId: String(sent.message_id), value: sent.dice.value };
};

/**
 * A contact link is a deep link into a private chat with the bot: `t.me/<bot>?start=<state>`, whose state
 * comes back with /start. A group link is an invite link named with the state; its joins report the link.
 */
export const createEntryLinkAs = async (bot: TelegramBot, spec: EntryLinkSpec): Promise<EntryLink> => {
  if (spec.kind === 'contact') {
    if (!startPayloadPattern.test(spec.state)) {
      throw invalid('A contact link state must be 1–64 characters of A–Z, a–z, 0–9, _ and -');
    }
    const username = bot.settings.bot?.username;
    if (!username) throw invalid('The bot is not connected yet: its username is unknown');
    return { externalId: `start:${spec.state}`, url: `https://t.me/${username}?start=${spec.state}` };
  }
  if (spec.groupExternalIds.length !== 1) throw invalid('A Telegram invite link opens exactly one group');
  if (spec.state.length === 0 || spec.state.length > maxLinkNameLength) {
    throw invalid(`A group link state must be 1–${maxLinkNameLength} characters (the invite link's name)`);
  }
  if (spec.requiresApproval && spec.memberLimit !== undefined) {
    throw invalid('A link that needs approval cannot also limit its members (Telegram)');
  }
  const result = await callTelegram(() =>
    bot.api.createChatInviteLink(toChatId(spec.groupExternalIds[0]!), {
      name: spec.state,
      ...(spec.memberLimit !== undefined ? { member_limit: spec.memberLimit } : {}),
      ...(spec.expiresAt ? { expire_date: Math.floor(spec.expiresAt.getTime() / 1000) } : {}),
      ...(spec.requiresApproval ? { creates_join_request: true } : {}),
    }),
  );
  const link = readResult(tgInviteLinkSchema, result, 'createChatInviteLink');
  return { externalId: link.invite_link, url: link.invite_link };
};

/** Everything a member can do in a group, taken away (until `until_date`). */
const muted = {
  can_send_messages: false,
  can_send_audios: false,
  can_send_documents: false,
  can_send_photos: false,
  can_send_videos: false,
  can_send_video_notes: false,
  can_send_voice_notes: false,
  can_send_polls: false,
  can_send_other_messages: false,
  can_add_web_page_previews: false,
};

export const moderateAs = async (bot: TelegramBot, action: ModerationAction): Promise<void> => {
  const chatId = toChatId(action.groupExternalId);
  switch (action.type) {
    case 'delete': {
      if (!/^\d+$/.test(action.messageExternalId)) throw invalid('Not a Telegram message id');
      await callTelegram(() => bot.api.deleteMessage(chatId, Number(action.messageExternalId)));
      return;
    }
    case 'mute': {
      // Telegram treats an until_date under 30 s or over 366 days away as "forever".
      const untilDate = Math.ceil(action.untilMs / 1000);
      await callTelegram(() =>
        bot.api.restrictChatMember(chatId, toUserId(action.memberExternalId), muted, {
          until_date: untilDate,
        }),
      );
      return;
    }
    case 'remove': {
      // Removal is a ban lifted at once: out of the group, free to come back. Both steps are idempotent.
      const userId = toUserId(action.memberExternalId);
      await callTelegram(() => bot.api.banChatMember(chatId, userId));
      await callTelegram(() => bot.api.unbanChatMember(chatId, userId, { only_if_banned: true }));
      return;
    }
    case 'ban':
      await callTelegram(() => bot.api.banChatMember(chatId, toUserId(action.memberExternalId)));
      return;
  }
};

export const answerJoinRequestAs = async (bot: TelegramBot, answer: JoinRequestAnswer): Promise<void> => {
  const chatId = toChatId(answer.groupExternalId);
  const userId = toUserId(answer.memberExternalId);
  await callTelegram(() =>
    answer.decision === 'approve'
      ? bot.api.approveChatJoinRequest(chatId, userId)
      : bot.api.declineChatJoinRequest(chatId, userId),
  );
};
