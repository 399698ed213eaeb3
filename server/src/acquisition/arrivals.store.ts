import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  channelCodeArrivals,
  channelCodes,
  memberAttributions,
  members,
  staffContacts,
} from '../db/schema/index.ts';

/**
 * Arrivals as state transitions, so that processing an event again (or a duplicate of it) changes nothing:
 * a contact is added once until it is removed, an arrival is stored once per inbound event.
 */

type ContactKey = { tenantId: string; platformAccountId: string; staffExternalId: string; memberId: string };

/** Added (or re-added after a delete). False when the member already had this staff account. */
export const recordContactAdded = async (
  db: Db,
  input: ContactKey & { staffId: string | null; at: Date },
): Promise<boolean> => {
  const rows = await db
    .insert(staffContacts)
    .values({ ...input, addedAt: input.at, removedAt: null })
    .onConflictDoUpdate({
      target: [staffContacts.platformAccountId, staffContacts.staffExternalId, staffContacts.memberId],
      set: { addedAt: input.at, removedAt: null, staffId: input.staffId },
      setWhere: and(
        isNotNull(staffContacts.removedAt),
        sql`${staffContacts.removedAt} <= ${input.at.toISOString()}::timestamptz`,
      ),
    })
    .returning({ memberId: staffContacts.memberId });
  return rows.length > 0;
};

export const recordContactRemoved = async (db: Db, input: ContactKey & { at: Date }): Promise<void> => {
  await db
    .update(staffContacts)
    .set({ removedAt: input.at })
    .where(
      and(
        eq(staffContacts.tenantId, input.tenantId),
        eq(staffContacts.platformAccountId, input.platformAccountId),
        eq(staffContacts.staffExternalId, input.staffExternalId),
        eq(staffContacts.memberId, input.memberId),
        isNull(staffContacts.removedAt),
      ),
    );
};

export type ArrivalInsert = typeof channelCodeArrivals.$inferInsert;

/** Store the arrival and count it on the code; false when this inbound event was already counted. */
export const insertArrival = async (db: Db, values: ArrivalInsert): Promise<boolean> => {
  const rows = await db
    .insert(channelCodeArrivals)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: channelCodeArrivals.id });
  if (rows.length === 0) return false;
  await db
    .update(channelCodes)
    .set({ arrivalCount: sql`${channelCodes.arrivalCount} + 1` })
    .where(eq(channelCodes.id, values.codeId));
  return true;
};

/** First touch is kept, last touch moves to this code. True when this is the member's first attribution. */
export const attributeMember = async (
  db: Db,
  input: { tenantId: string; memberId: string; codeId: string; at: Date },
): Promise<boolean> => {
  const rows = await db
    .insert(memberAttributions)
    .values({
      tenantId: input.tenantId,
      memberId: input.memberId,
      firstCodeId: input.codeId,
      firstAt: input.at,
      lastCodeId: input.codeId,
      lastAt: input.at,
    })
    .onConflictDoUpdate({
      target: memberAttributions.memberId,
      set: { lastCodeId: input.codeId, lastAt: input.at },
      setWhere: sql`${memberAttributions.lastAt} <= ${input.at.toISOString()}::timestamptz`,
    })
    // xmax = 0 only for a freshly inserted row: tells an insert from an update in one statement.
    .returning({ isInserted: sql<boolean>`(xmax = 0)` });
  return rows[0]?.isInserted === true;
};

/** The assignment makes the staff member the member's owner, and the code's store theirs, unless already set. */
export const assignOwner = async (
  db: Db,
  input: { tenantId: string; memberId: string; staffId: string | null; storeId: string | null },
): Promise<void> => {
  if (!input.staffId && !input.storeId) return;
  await db
    .update(members)
    .set({
      ownerStaffId: sql`coalesce(${members.ownerStaffId}, ${input.staffId}::uuid)`,
      storeId: sql`coalesce(${members.storeId}, ${input.storeId}::uuid)`,
    })
    .where(and(eq(members.tenantId, input.tenantId), eq(members.id, input.memberId)));
};
