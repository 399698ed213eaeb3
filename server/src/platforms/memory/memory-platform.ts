import type { AppDeps } from '../../app/deps.ts';
import { platformAccounts } from '../../db/schema/index.ts';
import type { PlatformAccountRow } from '../accounts.ts';
import { createPlatformRegistry } from '../registry.ts';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from './memory-adapter.ts';

export type MemoryPlatform = {
  /** The same deps with a registry that answers memory adapters for the accounts added here. */
  deps: AppDeps;
  addAccount: (
    tenantId: string,
    options?: MemoryAdapterOptions,
  ) => Promise<{ account: PlatformAccountRow; adapter: MemoryAdapter }>;
};

/**
 * Test wiring: real platform account rows (platform 'sandbox', the only kind the schema has without
 * credentials) whose adapter is an in-memory one. Production factories are untouched.
 */
export const createMemoryPlatform = (deps: AppDeps): MemoryPlatform => {
  const adapters = new Map<string, MemoryAdapter>();
  const platforms = createPlatformRegistry({
    db: deps.db,
    logger: deps.logger,
    now: deps.now,
    secretBox: deps.secretBox,
    factories: {
      sandbox: ({ account }) => {
        const adapter = adapters.get(account.id);
        if (!adapter) throw new Error(`No memory adapter for account ${account.id}`);
        return adapter;
      },
    },
  });
  return {
    deps: { ...deps, platforms },
    addAccount: async (tenantId, options) => {
      const [account] = await deps.db
        .insert(platformAccounts)
        .values({ tenantId, platform: 'sandbox', name: 'memory' })
        .returning();
      const adapter = createMemoryAdapter(options);
      adapters.set(account!.id, adapter);
      return { account: account!, adapter };
    },
  };
};
