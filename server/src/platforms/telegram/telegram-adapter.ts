import type { Capabilities, PlatformAdapter, PlatformEvent } from '../platform.ts';
import type { AdapterContext, AdapterFactory } from '../registry.ts';
import {
  answerJoinRequestAs,
  createEntryLinkAs,
  maxLinkNameLength,
  moderateAs,
  sendContent,
  sendDiceAs,
  type TelegramBot,
} from './telegram-actions.ts';
import { callTelegram, createTelegramApi } from './telegram-api.ts';
import { checkTelegramConnection } from './telegram-connection.ts';
import { allowedUpdates } from './telegram-schemas.ts';
import { botIdOfToken, readTelegramSettings } from './telegram-settings.ts';
import { parseUpdate } from './telegram-updates.ts';
import { receiveTelegramWebhook } from './telegram-webhook.ts';

/**
 * What a bot may do (Bot API). The rate limits are Telegram's published ones: ~30 messages/s per bot and
 * ~20/min into one group; the outbox paces sends by them (see ARCHITECTURE.md, "Telegram").
 */
export const telegramCapabilities: Capabilities = {
  canSendDirect: true,
  welcome: { mode: 'message' },
  groupWelcome: 'message',
  // No coupon cards: a member's coupon goes as a link to their coupon page; a mini-program as its title.
  attachments: ['image', 'link', 'miniprogram', 'file'],
  // One number for both kinds of link: an invite link's name (≤32) is the stricter; /start allows 64.
  // Members start a chat with the bot (`/start <state>`), not with a staff member: Orchard assigns the staff on
  // arrival. An invite link opens one group.
  entryLinks: {
    contact: true,
    group: true,
    autoCreateGroup: false,
    maxStateLength: maxLinkNameLength,
    contactVia: 'bot',
    maxGroupsPerLink: 1,
  },
  moderation: { delete: true, mute: true, remove: true, ban: true },
  // Bots cannot create groups; a person creates one and adds the bot as an admin.
  canCreateGroup: false,
  // As an admin (which chat_member updates need anyway) a bot receives every group message.
  canReadGroupMessages: true,
  canSendDice: true,
  tags: 'orchard',
  moments: false,
  joinRequests: true,
  groupCapacity: 200_000,
  rateLimits: { perSecond: 30, perChatPerMinute: 20 },
};

/** The Telegram adapter: one bot, its grammY client pointed at the account's apiRoot. */
export const createTelegramAdapter: AdapterFactory = (context: AdapterContext): PlatformAdapter => {
  const settings = readTelegramSettings(context.account.settings);
  const botToken = context.secrets.botToken;
  if (!botToken) throw new Error(`Telegram account ${context.account.id} has no bot token`);
  const botId = settings.bot?.id ?? botIdOfToken(botToken);
  const bot: TelegramBot = { api: createTelegramApi(botToken, settings), settings };

  const pollUpdates: PlatformAdapter['pollUpdates'] = async ({ cursor, signal }) => {
    const offset = cursor === null ? undefined : Number(cursor);
    const updates: unknown[] = await callTelegram(() =>
      bot.api.getUpdates(
        { offset, timeout: settings.pollTimeoutSeconds, allowed_updates: [...allowedUpdates] },
        // grammY types its signal with the abort-controller polyfill; Node's own AbortSignal is what it gets.
        signal as Parameters<typeof bot.api.getUpdates>[1],
      ),
    );
    const events: PlatformEvent[] = [];
    let next = offset ?? null;
    for (const raw of updates) {
      const mapping = parseUpdate(raw, botId);
      if (!('updateId' in mapping)) continue;
      // The next offset acknowledges every update returned, the ones Orchard skips included.
      next = Math.max(next ?? 0, mapping.updateId + 1);
      if (mapping.event) events.push(mapping.event);
      if (mapping.problem) {
        context.logger.warn(
          { platformAccountId: context.account.id, updateId: mapping.updateId, problem: mapping.problem },
          'telegram: skipped an update that does not parse',
        );
      }
    }
    return { events, cursor: next === null ? cursor : String(next) };
  };

  return {
    platform: 'telegram',
    capabilities: telegramCapabilities,
    handleWebhook: async (request) =>
      receiveTelegramWebhook(request, {
        webhookSecret: context.secrets.webhookSecret,
        botId,
        logger: context.logger,
        platformAccountId: context.account.id,
      }),
    send: (target, content) => sendContent(bot, target, content),
    // A Telegram welcome is an ordinary message into the private chat the member opened with /start.
    sendWelcome: (input) =>
      sendContent(bot, { kind: 'member', memberExternalId: input.memberExternalId }, input.content),
    createEntryLink: (spec) => createEntryLinkAs(bot, spec),
    moderate: (action) => moderateAs(bot, action),
    sendDice: (target, emoji) => sendDiceAs(bot, target, emoji),
    answerJoinRequest: (answer) => answerJoinRequestAs(bot, answer),
    checkConnection: () => checkTelegramConnection(bot.api, settings),
    ...(settings.mode === 'polling' ? { pollUpdates } : {}),
  };
};
