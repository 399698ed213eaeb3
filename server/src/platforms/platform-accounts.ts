import { randomBytes } from 'node:crypto';
import type { PlatformKind } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { PlatformAccountRow } from './accounts.ts';
import type { Capabilities } from './platform.ts';
import { sandboxSettingsSchema } from './sandbox/sandbox-settings.ts';

/**
 * Settings are validated where the platform's shape is known. The sandbox's are checked here and stored
 * with their defaults filled in; WeCom and Telegram adapters validate their own when they are built.
 */
export const normalizeSettings = (
  platform: PlatformKind,
  settings: Record<string, unknown>,
): Record<string, unknown> => {
  if (platform !== 'sandbox') return settings;
  const parsed = sandboxSettingsSchema.safeParse(settings);
  if (!parsed.success) throw accountInputError('sandbox settings', 'settings', parsed.error);
  return parsed.data;
};

/** 400 naming each failing field of an account's settings or secrets (`settings.mode`, `secrets.botToken`). */
export const accountInputError = (
  what: string,
  field: 'settings' | 'secrets',
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
): AppError => {
  const details = error.issues.map((issue) => ({
    path: [field, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  return new AppError(
    'validation_failed',
    `Invalid ${what}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
    details,
  );
};

/**
 * The secrets to seal, and what may be shown once: a sandbox account always has a webhook secret,
 * generated when none was given, so that deliveries to its webhook can be verified.
 */
export const prepareSecrets = (
  platform: PlatformKind,
  secrets: Record<string, string>,
): { sealed: Record<string, string>; revealOnce: { webhookSecret?: string } } => {
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
