import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  communities,
  communityMembers,
  memberIdentities,
  platformSyncRequests,
  platformTags,
  type SyncScope,
} from '../db/schema/index.ts';
import type { ActiveMember } from './platform-sync.ts';

export type SyncRequestRow = typeof platformSyncRequests.$inferSelect;

/**
 * Ask for a sync (in the caller's transaction). Asking again for the same thing while it waits only
 * refreshes it; asking after it ran makes it due again.
 */
export const requestPlatformSync = async (
  db: Db,
  input: {
    tenantId: string;
    platformAccountId: string;
    scope: SyncScope;
    key?: string;
    reason?: string;
    now: Date;
  },
): Promise<void> => {
  await db
    .insert(platformSyncRequests)
    .values({
      tenantId: input.tenantId,
      platformAccountId: input.platformAccountId,
      scope: input.scope,
      key: input.key ?? '',
      reason: input.reason ?? null,
      requestedAt: input.now,
      nextAttemptAt: input.now,
    })
    .onConflictDoUpdate({
      target: [platformSyncRequests.platformAccountId, platformSyncRequests.scope, platformSyncRequests.key],
      set: {
        reason: sql`excluded.reason`,
        requestedAt: sql`excluded.requested_at`,
        status: 'pending',
        version: sql`${platformSyncRequests.version} + 1`,
        attempts: sql`case when ${platformSyncRequests.status} = 'pending' then ${platformSyncRequests.attempts} else 0 end`,
        nextAttemptAt: sql`case when ${platformSyncRequests.status} = 'pending' then ${platformSyncRequests.nextAttemptAt} else excluded.next_attempt_at end`,
      },
    });
};

export const findDueSyncRequests = (db: Db, now: Date, limit = 200): Promise<SyncRequestRow[]> =>
  db
    .select()
    .from(platformSyncRequests)
    .where(and(eq(platformSyncRequests.status, 'pending'), lte(platformSyncRequests.nextAttemptAt, now)))
    .orderBy(asc(platformSyncRequests.nextAttemptAt))
    .limit(limit);

export const findSyncRequest = async (db: Db, id: string): Promise<SyncRequestRow | undefined> => {
  const [row] = await db.select().from(platformSyncRequests).where(eq(platformSyncRequests.id, id));
  return row;
};

/** Done, unless it was asked for again while it ran (then it stays pending for another run). */
export const markSyncDone = async (db: Db, row: SyncRequestRow, now: Date): Promise<void> => {
  await db
    .update(platformSyncRequests)
    .set({ status: 'done', doneAt: now, lastError: null })
    .where(and(eq(platformSyncRequests.id, row.id), eq(platformSyncRequests.version, row.version)));
};

export const markSyncRetry = async (
  db: Db,
  row: SyncRequestRow,
  outcome: { status: 'pending' | 'failed'; attempts: number; nextAttemptAt: Date; error: string },
): Promise<void> => {
  await db
    .update(platformSyncRequests)
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      nextAttemptAt: outcome.nextAttemptAt,
      lastError: outcome.error,
    })
    .where(eq(platformSyncRequests.id, row.id));
};

/** The group's members Orchard thinks are in it now, by their ids on the platform. */
export const listActiveGroupMembers = async (
  db: Db,
  input: { tenantId: string; platformAccountId: string; groupExternalId: string },
): Promise<ActiveMember[]> =>
  db
    .select({ externalId: memberIdentities.externalId, joinedAt: communityMembers.joinedAt })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .innerJoin(
      memberIdentities,
      and(
        eq(memberIdentities.memberId, communityMembers.memberId),
        eq(memberIdentities.platformAccountId, input.platformAccountId),
      ),
    )
    .where(
      and(
        eq(communities.tenantId, input.tenantId),
        eq(communities.platformAccountId, input.platformAccountId),
        eq(communities.externalId, input.groupExternalId),
        isNull(communityMembers.leftAt),
      ),
    );

/** Platform tag id → Orchard tag id, for this account. */
export const loadTagMapping = async (db: Db, platformAccountId: string): Promise<Map<string, string>> => {
  const rows = await db
    .select({ externalId: platformTags.externalId, tagId: platformTags.tagId })
    .from(platformTags)
    .where(eq(platformTags.platformAccountId, platformAccountId));
  return new Map(rows.map((r) => [r.externalId, r.tagId]));
};
