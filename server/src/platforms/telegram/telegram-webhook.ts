import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../lib/logger.ts';
import { PlatformError, type PlatformEvent, type WebhookRequest, type WebhookResult } from '../platform.ts';
import { parseUpdate } from './telegram-updates.ts';

export const secretTokenHeader = 'x-telegram-bot-api-secret-token';

/** Constant-time, whatever the lengths: compare digests, so neither content nor length leaks through timing. */
export const isSameSecret = (given: string, expected: string): boolean =>
  timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );

/** A delivery that failed authentication: the webhook route answers 401. */
const unverified = (message: string) =>
  new PlatformError('invalid_request', message, { temporary: false, platformCode: 'unverified' });

const malformed = (message: string) => new PlatformError('invalid_request', message, { temporary: false });

/**
 * One webhook delivery is one Update. Telegram authenticates it with the secret_token given to setWebhook,
 * sent back in a header. An update Orchard cannot read is logged and acknowledged (200): answering an error
 * would only make Telegram redeliver the same unreadable update.
 */
export const receiveTelegramWebhook = (
  request: WebhookRequest,
  options: { webhookSecret: string | undefined; botId: number; logger: Logger; platformAccountId: string },
): WebhookResult => {
  if (request.method !== 'POST') throw malformed('Telegram delivers updates by POST');
  if (!options.webhookSecret) throw unverified('This Telegram account has no webhook secret');
  const given = request.headers.get(secretTokenHeader);
  if (!given) throw unverified('Missing X-Telegram-Bot-Api-Secret-Token');
  if (!isSameSecret(given, options.webhookSecret)) throw unverified('The secret token does not match');
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    throw malformed('The body is not JSON');
  }
  const mapping = parseUpdate(json, options.botId);
  if (!('updateId' in mapping)) throw malformed(`The body is ${mapping.problem}`);
  if (mapping.problem) {
    options.logger.warn(
      { platformAccountId: options.platformAccountId, updateId: mapping.updateId, problem: mapping.problem },
      'telegram: skipped an update that does not parse',
    );
  }
  const events: PlatformEvent[] = mapping.event ? [mapping.event] : [];
  return { events, response: { status: 200, body: '' } };
};
