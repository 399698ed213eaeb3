import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type CommunityLeaveReason, communities, communityMembers } from '../db/schema/index.ts';

/**
 * When the member last joined this platform group: a re-join after leaving moves it to the new join, a repeated
 * join while still in the group does not. Null when Orchard never saw the join or does not know the group.
 */
export const findGroupJoinedAt = async (
  db: Db,
  input: { tenantId: string; platformAccountId: string; groupExternalId: string; memberId: string },
): Promise<Date | null> => {
  const [row] = await db
    .select({ joinedAt: communityMembers.joinedAt })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(
      and(
        eq(communities.tenantId, input.tenantId),
        eq(communities.platformAccountId, input.platformAccountId),
        eq(communities.externalId, input.groupExternalId),
        eq(communityMembers.tenantId, input.tenantId),
        eq(communityMembers.memberId, input.memberId),
      ),
    );
  return row?.joinedAt ?? null;
};

/**
 * Membership changes as state transitions: each returns whether the state changed, so the caller
 * counts a join or a leave exactly once however often the same (or a duplicated) event is processed.
 */

/** Joined (or re-joined after leaving). False when the member was already in the group. */
export const recordJoin = async (
  db: Db,
  input: {
    tenantId: string;
    communityId: string;
    memberId: string;
    joinedAt: Date;
    via: string | null;
    entryState: string | null;
  },
): Promise<boolean> => {
  const rows = await db
    .insert(communityMembers)
    .values({ ...input, leftAt: null, leftReason: null })
    .onConflictDoUpdate({
      target: [communityMembers.communityId, communityMembers.memberId],
      set: {
        joinedAt: input.joinedAt,
        via: input.via,
        entryState: input.entryState,
        leftAt: null,
        leftReason: null,
      },
      // Only a member who had left re-joins; an active one stays as is (and is not counted again).
      setWhere: and(
        isNotNull(communityMembers.leftAt),
        sql`${communityMembers.leftAt} <= ${input.joinedAt.toISOString()}::timestamptz`,
      ),
    })
    .returning({ memberId: communityMembers.memberId });
  return rows.length > 0;
};

export type LeaveOutcome = 'left' | 'unseen' | 'already_left';

/**
 * Left the group. 'unseen': Orchard never saw the join (the member was there before tracking began),
 * recorded anyway; 'already_left': nothing changed.
 */
export const recordLeave = async (
  db: Db,
  input: {
    tenantId: string;
    communityId: string;
    memberId: string;
    leftAt: Date;
    reason: CommunityLeaveReason;
  },
): Promise<LeaveOutcome> => {
  const updated = await db
    .update(communityMembers)
    .set({ leftAt: input.leftAt, leftReason: input.reason })
    .where(
      and(
        eq(communityMembers.communityId, input.communityId),
        eq(communityMembers.memberId, input.memberId),
        isNull(communityMembers.leftAt),
      ),
    )
    .returning({ memberId: communityMembers.memberId });
  if (updated.length > 0) return 'left';
  const inserted = await db
    .insert(communityMembers)
    .values({ ...input, joinedAt: null, leftReason: input.reason })
    .onConflictDoNothing()
    .returning({ memberId: communityMembers.memberId });
  return inserted.length > 0 ? 'unseen' : 'already_left';
};

/** A dismissed group: everyone still in it leaves; returns who did (for their timelines). */
export const dismissCommunity = async (
  db: Db,
  input: { tenantId: string; communityId: string; at: Date },
): Promise<{ isNewlyDismissed: boolean; memberIds: string[] }> => {
  const dismissed = await db
    .update(communities)
    .set({ status: 'dismissed', dismissedAt: input.at })
    .where(and(eq(communities.id, input.communityId), eq(communities.status, 'active')))
    .returning({ id: communities.id });
  const left = await db
    .update(communityMembers)
    .set({ leftAt: input.at, leftReason: 'dismissed' })
    .where(and(eq(communityMembers.communityId, input.communityId), isNull(communityMembers.leftAt)))
    .returning({ memberId: communityMembers.memberId });
  await db
    .update(communities)
    .set({ memberCount: 0, leftCount: sql`${communities.leftCount} + ${left.length}` })
    .where(eq(communities.id, input.communityId));
  return { isNewlyDismissed: dismissed.length > 0, memberIds: left.map((r) => r.memberId) };
};
