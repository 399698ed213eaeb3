import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { platformAccounts } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import type { Logger } from '../lib/logger.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import type { PlatformAccountRow } from './accounts.ts';
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

export type PlatformRegistry = {
  /** The adapter of an account of this tenant; throws AppError('not_found') for another tenant's account. */
  adapterFor: (tenantId: string, platformAccountId: string) => Promise<PlatformAdapter>;
  /** Forget a cached adapter after its account changed. */
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
  const cache = new Map<string, { tenantId: string; adapter: PlatformAdapter }>();
  return {
    adapterFor: async (tenantId, platformAccountId) => {
      const cached = cache.get(platformAccountId);
      if (cached) {
        if (cached.tenantId !== tenantId) throw notFound('Platform account');
        return cached.adapter;
      }
      const [account] = await options.db
        .select()
        .from(platformAccounts)
        .where(and(eq(platformAccounts.id, platformAccountId), eq(platformAccounts.tenantId, tenantId)));
      if (!account) throw notFound('Platform account');
      const factory = options.factories[account.platform];
      if (!factory) throw notFound(`Platform adapter for ${account.platform}`);
      const secrets = account.secretsEncrypted ? options.secretBox.open(account.secretsEncrypted) : {};
      const adapter = factory({ account, secrets, db: options.db, logger: options.logger, now: options.now });
      cache.set(platformAccountId, { tenantId, adapter });
      return adapter;
    },
    invalidate: (platformAccountId) => {
      cache.delete(platformAccountId);
    },
  };
};
