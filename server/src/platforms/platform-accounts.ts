import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { PlatformKind } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { PlatformAccountRow } from './accounts.ts';
import type { Capabilities } from './platform.ts';
import { sandboxSettingsSchema } from './sandbox/sandbox-settings.ts';
import { wecomSecretsSchema, wecomSettingsSchema } from './wecom/wecom-settings.ts';

/** Parse `value` or throw a 400 naming each failing field under `path` (settings.…, secrets.…). */
export const validateWith = <T>(schema: z.ZodType<T>, value: unknown, path: string, what: string): T => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    path: [path, ...issue.path].join('.'),
    message: issue.message,
  }));
  throw new AppError(
    'validation_failed',
    `Invalid ${what}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
    details,
  );
};

/**
 * Settings are validated where the platform's shape is known, and stored with their defaults filled in.
 * Telegram's are validated by its connector (telegram-connection.ts) before the account is stored.
 */
export const normalizeSettings = (
  platform: PlatformKind,
  settings: Record<string, unknown>,
): Record<string, unknown> => {
  if (platform === 'sandbox')
    return validateWith(sandboxSettingsSchema, settings, 'settings', 'sandbox settings');
  if (platform === 'wecom') return validateWith(wecomSettingsSchema, settings, 'settings', 'WeCom settings');
  return settings;
};

/**
 * The secrets to seal, and what may be shown once: a sandbox account always has a webhook secret,
 * generated when none was given, so that deliveries to its webhook can be verified. A WeCom app needs
 * its secret and both callback keys.
 */
export const prepareSecrets = (
  platform: PlatformKind,
  secrets: Record<string, string>,
): { sealed: Record<string, string>; revealOnce: { webhookSecret?: string } } => {
  if (platform === 'wecom') {
    return { sealed: validateWith(wecomSecretsSchema, secrets, 'secrets', 'WeCom secrets'), revealOnce: {} };
  }
  if (platform !== 'sandbox') return { sealed: secrets, revealOnce: {} };
  const webhookSecret = secrets.webhookSecret ?? randomBytes(24).toString('base64url');
  return { sealed: { ...secrets, webhookSecret }, revealOnce: { webhookSecret } };
};

export type PlatformAccountView = {
  id: string;
  platform: PlatformKind;
  name: string;
  status: 'active' | 'disabled';
  settings: Record<string, unknown>;
  hasSecrets: boolean;
  webhookUrl: string;
  /** Null when no adapter for the platform is installed in this build. */
  capabilities: Capabilities | null;
  createdAt: string;
};

export const webhookUrlOf = (publicUrl: string, accountId: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/webhooks/${accountId}`;

/** What the API shows of an account: never the secrets, only whether there are any. */
export const toPlatformAccountView = (
  row: PlatformAccountRow,
  options: { publicUrl: string; capabilities: Capabilities | null },
): PlatformAccountView => ({
  id: row.id,
  platform: row.platform,
  name: row.name,
  status: row.status,
  settings: row.settings,
  hasSecrets: row.secretsEncrypted !== null,
  webhookUrl: webhookUrlOf(options.publicUrl, row.id),
  capabilities: options.capabilities,
  createdAt: row.createdAt.toISOString(),
});
