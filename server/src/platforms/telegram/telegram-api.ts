import { autoRetry } from '@grammyjs/auto-retry';
import { Api, GrammyError, HttpError } from 'grammy';
import type { z } from 'zod';
import { PlatformError } from '../platform.ts';
import type { TelegramSettings } from './telegram-settings.ts';

/**
 * grammY's Api client for one bot, pointed at the account's `apiRoot` (Telegram's, or a fake server in tests).
 * Orchard parses updates itself (zod, telegram-updates.ts), so it needs grammY's client and not its Bot: no
 * getMe at start-up, and the bot's identity comes from the account's settings.
 *
 * auto-retry is bounded and narrow: only a 429 with a short retry_after is retried in place. A 5xx or a
 * dropped connection is rethrown, because the request may have been carried out (a message sent) and the
 * outbox, not a blind resend, decides what happens next; a long retry_after goes back to the outbox too,
 * which reschedules the row on its own clock instead of holding a worker.
 */
export const createTelegramApi = (
  botToken: string,
  settings: Pick<TelegramSettings, 'apiRoot' | 'autoRetry'>,
): Api => {
  // The long poll (≤50 s) must finish within the client's timeout; a hung send must not hold a lane for 8 min.
  const api = new Api(botToken, { apiRoot: settings.apiRoot, timeoutSeconds: 75 });
  api.config.use(
    autoRetry({
      maxRetryAttempts: settings.autoRetry.maxAttempts,
      maxDelaySeconds: settings.autoRetry.maxDelaySeconds,
      rethrowInternalServerErrors: true,
      rethrowHttpErrors: true,
    }),
  );
  return api;
};

/**
 * The one translation of grammY's errors: a Bot API answer `{ok:false, error_code, parameters}` becomes a
 * PlatformError that says whether a retry may help and when; a failed request (HttpError) is temporary.
 * grammY's messages never contain the token (sensitiveLogs is off).
 */
export const toPlatformError = (error: unknown): unknown => {
  if (error instanceof GrammyError) {
    const code = error.error_code;
    const message = `${error.method}: ${error.description}`;
    if (code === 429) {
      const retryAfterMs = (error.parameters.retry_after ?? 1) * 1000;
      return new PlatformError('rate_limited', message, { temporary: true, retryAfterMs, platformCode: 429 });
    }
    if (code >= 500)
      return new PlatformError('unavailable', message, { temporary: true, platformCode: code });
    return new PlatformError('rejected', message, { temporary: false, platformCode: code });
  }
  if (error instanceof HttpError) {
    return new PlatformError('unavailable', error.message, { temporary: true, platformCode: 'network' });
  }
  return error;
};

/** Run Bot API calls; errors leave as PlatformError. */
export const callTelegram = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw toPlatformError(error);
  }
};

/**
 * Read a method's result through a partial schema. A result that does not parse means the call happened
 * but answered unexpectedly: permanent, since repeating it could repeat its effect.
 */
export const readResult = <S extends z.ZodType>(schema: S, value: unknown, method: string): z.infer<S> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new PlatformError(
    'rejected',
    `${method}: unexpected result (${issue?.path.join('.')}: ${issue?.message})`,
    { temporary: false },
  );
};

/** Chat ids are stored as strings; the Bot API takes integers (or an @username, passed as is). */
export const toChatId = (externalId: string): number | string =>
  /^-?\d+$/.test(externalId) ? Number(externalId) : externalId;

export const toUserId = (externalId: string): number => {
  if (!/^\d+$/.test(externalId)) {
    throw new PlatformError('invalid_request', `"${externalId}" is not a Telegram user id`, {
      temporary: false,
    });
  }
  return Number(externalId);
};
