import type { AppDeps } from '../app/deps.ts';
import type { SyncScope } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { decideRetry, describeError } from '../jobs/backoff.ts';
import { classifyDeliveryError } from '../outbox/outbox.ts';
import type { PlatformAdapter } from '../platforms/platform.ts';
import { markSyncDone, markSyncRetry, type SyncRequestRow } from './platform-sync.store.ts';
import { importContacts, syncContact } from './sync-contacts.ts';
import { importGroups, syncGroup } from './sync-groups.ts';
import { pullPlatformTags, pushMemberTags } from './sync-tags.ts';

type SyncRunner = (deps: AppDeps, adapter: PlatformAdapter, row: SyncRequestRow) => Promise<void>;

/** Each scope's work; an adapter without the operations a scope needs has nothing to read, and is done. */
const runners: Record<SyncScope, SyncRunner> = {
  group: syncGroup,
  contact: syncContact,
  tags: pullPlatformTags,
  member_tags: pushMemberTags,
  contacts: importContacts,
  groups: importGroups,
};

export type SyncOutcome = 'done' | 'retry' | 'failed';

/**
 * Run one sync request outside any transaction (it calls the platform). A temporary platform error (a
 * 45009, a dropped connection) retries with backoff, no sooner than the platform asked; a permanent one
 * fails the request and keeps the reason.
 */
export const runSyncRequest = async (deps: AppDeps, row: SyncRequestRow): Promise<SyncOutcome> => {
  const now = deps.now();
  try {
    const adapter = await deps.platforms.adapterFor(row.tenantId, row.platformAccountId);
    await runners[row.scope](deps, adapter, row);
    await markSyncDone(deps.db, row, deps.now());
    return 'done';
  } catch (error) {
    const failure =
      error instanceof AppError
        ? { isTemporary: false, retryAfterMs: undefined }
        : classifyDeliveryError(error);
    const decision = decideRetry({
      previousAttempts: row.attempts,
      now,
      isPermanent: !failure.isTemporary,
      minDelayMs: failure.retryAfterMs,
    });
    await markSyncRetry(deps.db, row, { ...decision, error: describeError(error) });
    deps.logger.warn(
      { syncRequestId: row.id, scope: row.scope, error: describeError(error) },
      'platform sync failed',
    );
    return decision.status === 'failed' ? 'failed' : 'retry';
  }
};
