import type { AppDeps } from '../app/deps.ts';
import { wakeEventProcessor } from '../jobs/job-names.ts';
import { ingestEvents } from '../pipeline/ingest.ts';
import type { PlatformAdapter, PlatformEvent } from '../platforms/platform.ts';
import { listActiveGroupMembers, requestPlatformSync, type SyncRequestRow } from './platform-sync.store.ts';
import { diffGroup } from './platform-sync.ts';

/** Store events read back from the platform as if it had sent them, and wake the processor. */
export const ingestReadBack = async (deps: AppDeps, row: SyncRequestRow, events: PlatformEvent[]) => {
  const stored = await ingestEvents(
    deps.db,
    { tenantId: row.tenantId, platformAccountId: row.platformAccountId },
    events,
    { now: deps.now() },
  );
  if (stored > 0) await wakeEventProcessor(deps.jobs);
  return stored;
};

/**
 * One group read back (WeCom groupchat/get): its real name on first sight, the joins and departures the
 * callbacks did not detail (with each join's entry state), or its dismissal.
 */
export const syncGroup = async (deps: AppDeps, adapter: PlatformAdapter, row: SyncRequestRow) => {
  if (!adapter.fetchGroup || !row.key) return;
  const snapshot = await adapter.fetchGroup(row.key);
  const active = await listActiveGroupMembers(deps.db, {
    tenantId: row.tenantId,
    platformAccountId: row.platformAccountId,
    groupExternalId: row.key,
  });
  const events = diffGroup(snapshot, active, {
    now: deps.now(),
    leaveReason: row.reason === 'members_removed' ? 'removed' : 'left',
  });
  await ingestReadBack(deps, row, events);
};

/** Every group of the account (groupchat/list): one group sync each, run by the sweep. */
export const importGroups = async (deps: AppDeps, adapter: PlatformAdapter, row: SyncRequestRow) => {
  if (!adapter.listGroups) return;
  let cursor: string | undefined;
  do {
    const page = await adapter.listGroups(cursor);
    await deps.db.transaction(async (tx) => {
      for (const groupExternalId of page.items) {
        await requestPlatformSync(tx, {
          tenantId: row.tenantId,
          platformAccountId: row.platformAccountId,
          scope: 'group',
          key: groupExternalId,
          reason: 'import',
          now: deps.now(),
        });
      }
    });
    cursor = page.nextCursor;
  } while (cursor);
};
