import { z } from 'zod';

/** What an operator chooses when connecting a bot (POST /platform-accounts, `settings`). */
export const telegramSettingsInputSchema = z.strictObject({
  /** 'webhook' in production; 'polling' (getUpdates from the worker) where Telegram cannot reach Orchard. */
  mode: z.enum(['webhook', 'polling']).default('webhook'),
  /** The Bot API server: Telegram's, a self-hosted telegram-bot-api, or a fake one in tests. */
  apiRoot: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .default('https://api.telegram.org'),
  /**
   * grammY's auto-retry, bounded: a 429 whose retry_after is at most `maxDelaySeconds` is retried in place,
   * at most `maxAttempts` times; longer waits go back to the outbox, which reschedules the row on its clock.
   */
  autoRetry: z
    .object({
      maxAttempts: z.number().int().min(0).max(5).default(2),
      maxDelaySeconds: z.number().int().min(0).max(10).default(3),
    })
    .prefault({}),
  /** Long-poll wait of one getUpdates call. */
  pollTimeoutSeconds: z.number().int().min(0).max(50).default(25),
});

/** What is stored: the operator's choices plus what connecting learned (the bot, the webhook address). */
export const telegramSettingsSchema = telegramSettingsInputSchema.extend({
  bot: z
    .object({
      id: z.number().int(),
      username: z.string(),
      firstName: z.string(),
      canJoinGroups: z.boolean().optional(),
      canReadAllGroupMessages: z.boolean().optional(),
    })
    .optional(),
  webhookUrl: z.string().optional(),
});
export type TelegramSettings = z.infer<typeof telegramSettingsSchema>;

/** Telegram's secret_token alphabet (1–256 characters). */
const webhookSecretPattern = /^[A-Za-z0-9_-]{1,256}$/;

export const telegramSecretsSchema = z.strictObject({
  botToken: z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must be a bot token from @BotFather (123456:ABC…)'),
  webhookSecret: z
    .string()
    .regex(webhookSecretPattern, 'must be 1–256 characters of A–Z, a–z, 0–9, _ and -')
    .optional(),
});
export type TelegramSecrets = { botToken: string; webhookSecret: string };

/** Stored settings were validated on connect; a hand-edited row falls back to the defaults where it must. */
export const readTelegramSettings = (stored: Record<string, unknown>): TelegramSettings => {
  const parsed = telegramSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : telegramSettingsSchema.parse({});
};

/** A bot token is `<bot id>:<secret>`: the bot's id is known without asking Telegram. */
export const botIdOfToken = (token: string): number => Number(token.slice(0, token.indexOf(':')));
