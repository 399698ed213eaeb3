import { randomBytes } from 'node:crypto';
import type { Api } from 'grammy';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { PlatformError } from '../platform.ts';
import { validateWith } from '../platform-accounts.ts';
import type { ConnectionCheck } from '../platform-operations.ts';
import type { AccountConnector } from '../registry.ts';
import { callTelegram, createTelegramApi, readResult } from './telegram-api.ts';
import { allowedUpdates, tgBotUserSchema, tgWebhookInfoSchema } from './telegram-schemas.ts';
import {
  type TelegramSettings,
  telegramSecretsSchema,
  telegramSettingsInputSchema,
} from './telegram-settings.ts';

/**
 * Connecting a bot: check the token with getMe (and keep who the bot is), then register the webhook with its
 * secret and the update kinds Orchard needs, or remove any webhook so that getUpdates works (polling mode).
 * Runs before the account row is stored, so a bot Telegram refuses is never saved.
 */
export const connectTelegramAccount: AccountConnector = async (input) => {
  const settings = validateWith(telegramSettingsInputSchema, input.settings, 'settings', 'Telegram settings');
  const secrets = validateWith(telegramSecretsSchema, input.secrets, 'secrets', 'Telegram secrets');
  const webhookSecret = secrets.webhookSecret ?? randomBytes(32).toString('base64url');
  const api = createTelegramApi(secrets.botToken, settings);

  const me = await getBot(api).catch((error: unknown) => {
    if (
      error instanceof PlatformError &&
      (error.options.platformCode === 401 || error.options.platformCode === 404)
    ) {
      throw new AppError('validation_failed', 'Telegram did not accept this bot token', [
        { path: 'secrets.botToken', message: 'Telegram answered Unauthorized' },
      ]);
    }
    throw unreachable(error);
  });
  const isWebhook = settings.mode === 'webhook';
  await callTelegram(() =>
    isWebhook
      ? api.setWebhook(input.webhookUrl, {
          secret_token: webhookSecret,
          allowed_updates: [...allowedUpdates],
        })
      : api.deleteWebhook({ drop_pending_updates: false }),
  ).catch((error: unknown) => {
    if (error instanceof PlatformError && !error.isTemporary) {
      throw new AppError(
        'bad_request',
        `Telegram refused the webhook ${input.webhookUrl} (${error.message}). Set PUBLIC_URL to an https address Telegram can reach, or connect with settings.mode "polling".`,
      );
    }
    throw unreachable(error);
  });
  const stored: TelegramSettings = {
    ...settings,
    bot: {
      id: me.id,
      username: me.username,
      firstName: me.first_name,
      canJoinGroups: me.can_join_groups,
      canReadAllGroupMessages: me.can_read_all_group_messages,
    },
    ...(isWebhook ? { webhookUrl: input.webhookUrl } : {}),
  };
  return { settings: stored, secrets: { botToken: secrets.botToken, webhookSecret } };
};

const unreachable = (error: unknown) =>
  new AppError(
    'platform_unavailable',
    `Telegram could not be reached: ${error instanceof Error ? error.message : String(error)}`,
  );

const getBot = async (api: Api) =>
  readResult(tgBotUserSchema, await callTelegram(() => api.getMe()), 'getMe');

/** What works with this bot right now: the token, the bot's reach in groups, and how updates arrive. */
export const checkTelegramConnection = async (
  api: Api,
  settings: TelegramSettings,
): Promise<ConnectionCheck[]> => {
  const checks: ConnectionCheck[] = [];
  const failed = (name: string, error: unknown) =>
    checks.push({ name, isOk: false, detail: error instanceof Error ? error.message : String(error) });
  try {
    const me = await getBot(api);
    const isSameBot = settings.bot === undefined || settings.bot.id === me.id;
    checks.push({
      name: 'token',
      isOk: isSameBot,
      detail: isSameBot
        ? `@${me.username} (${me.id})`
        : `The token now belongs to @${me.username}, not the connected bot ${settings.bot?.id}`,
    });
    checks.push({
      name: 'group messages',
      isOk: true,
      detail: me.can_read_all_group_messages
        ? 'Privacy mode is off: the bot reads every group message'
        : 'Privacy mode is on: make the bot an admin of each group so it sees messages and member changes',
    });
  } catch (error) {
    failed('token', error);
  }
  try {
    const info = readResult(
      tgWebhookInfoSchema,
      await callTelegram(() => api.getWebhookInfo()),
      'getWebhookInfo',
    );
    checks.push(describeDelivery(settings, info));
  } catch (error) {
    failed('updates', error);
  }
  return checks;
};

const describeDelivery = (
  settings: TelegramSettings,
  info: z.infer<typeof tgWebhookInfoSchema>,
): ConnectionCheck => {
  if (settings.mode === 'polling') {
    return info.url === ''
      ? { name: 'updates', isOk: true, detail: 'Polling: no webhook is set, getUpdates works' }
      : {
          name: 'updates',
          isOk: false,
          detail: `A webhook (${info.url}) is set: getUpdates fails until it is removed`,
        };
  }
  if (info.url !== settings.webhookUrl) {
    return {
      name: 'updates',
      isOk: false,
      detail: `Telegram delivers to "${info.url}", not ${settings.webhookUrl}: connect the bot again`,
    };
  }
  const missing = allowedUpdates.filter((kind) => !(info.allowed_updates ?? []).includes(kind));
  if (info.allowed_updates && missing.length > 0) {
    return { name: 'updates', isOk: false, detail: `The webhook does not ask for ${missing.join(', ')}` };
  }
  const waiting = `${info.pending_update_count} updates waiting`;
  if (!info.last_error_message) return { name: 'updates', isOk: true, detail: `Webhook set, ${waiting}` };
  // Telegram keeps the last error after deliveries recover; it matters while updates pile up behind it.
  const when = info.last_error_date ? new Date(info.last_error_date * 1000).toISOString() : 'recently';
  return {
    name: 'updates',
    isOk: info.pending_update_count === 0,
    detail: `Webhook set, ${waiting}; the last failed delivery (${when}): ${info.last_error_message}`,
  };
};
