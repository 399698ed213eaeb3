import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { platformAccounts } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import type { Logger } from '../lib/logger.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import { isUuid, type PlatformAccountRow } from './accounts.ts';
import type { PlatformAdapter } from './platform.ts';

export type AdapterContext = {
  account: PlatformAccountRow;
  secrets: Record<string, string>;
  db: Db;
  logger: Logger;
  now: () => Date;
};

/** Builds an adapter for one account; closes over its settings and decrypted secrets. */
export type AdapterFactory = (context: AdapterContext) => PlatformAdapter;

/**
 * Connects an account before it is stored: validates the settings and secrets given through the API,
 * talks to the platform where connecting means something there (check a token, register a webhook),
 * and returns what to store. Throws AppError (400 naming the field, or 502 when unreachable).
 */
export type AccountConnector = (input: {
  accountId: string;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  /** Where the platform must deliver this account's events. */
  webhookUrl: string;
}) => Promise<{ settings: Record<string, unknown>; secrets: Record<string, string> }>;

export type PlatformRegistry = {
  /** The adapter of an account of this tenant; throws AppError('not_found') for another tenant's account. */
  adapterFor: (tenantId: string, platformAccountId: string) => Promise<PlatformAdapter>;
  /**
   * An account by its id alone (webhooks arrive without a tenant) with its adapter, or undefined when
   * there is no such account. Cached with the adapter: a delivery costs no account query.
   */
  accountFor: (
    platformAccountId: string,
  ) => Promise<{ account: PlatformAccountRow; adapter: PlatformAdapter } | undefined>;
  /** Forget a cached account and adapter after the account changed (settings, secrets, status). */
  invalidate: (platformAccountId: string) => void;
};

/** The one place that maps a platform kind to its adapter factory. */
export const createPlatformRegistry = (options: {
  db: Db;
  logger: Logger;
  now: () => Date;
  secretBox: SecretBox;
  factories: Partial<Record<PlatformAccountRow['platform'], AdapterFactory>>;
}): PlatformRegistry => {
  const cache = new Map<string, { account: PlatformAccountRow; adapter: PlatformAdapter }>();
  const load = async (platformAccountId: string, tenantId?: string) => {
    const cached = cache.get(platformAccountId);
    if (cached) return cached;
    const [account] = await options.db
      .select()
      .from(platformAccounts)
      .where(
        and(
          eq(platformAccounts.id, platformAccountId),
          tenantId === undefined ? undefined : eq(platformAccounts.tenantId, tenantId),
        ),
      );
    if (!account) return undefined;
    const factory = options.factories[account.platform];
    if (!factory) throw notFound(`Platform adapter for ${account.platform}`);
    const secrets = account.secretsEncrypted ? options.secretBox.open(account.secretsEncrypted) : {};
    const adapter = factory({ account, secrets, db: options.db, logger: options.logger, now: options.now });
    // Two concurrent first loads keep the first adapter, so its in-memory state (rate windows) stays single.
    const entry = cache.get(platformAccountId) ?? { account, adapter };
    cache.set(platformAccountId, entry);
    return entry;
  };
  return {
    adapterFor: async (tenantId, platformAccountId) => {
      const entry = await load(platformAccountId, tenantId);
      if (entry?.account.tenantId !== tenantId) throw notFound('Platform account');
      return entry.adapter;
    },
    accountFor: (platformAccountId) =>
      isUuid(platformAccountId) ? load(platformAccountId) : Promise.resolve(undefined),
    invalidate: (platformAccountId) => {
      cache.delete(platformAccountId);
    },
  };
};
