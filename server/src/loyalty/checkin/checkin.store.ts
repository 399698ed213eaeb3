import { and, asc, count, eq, gt, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { checkinAcks, checkins, outboundMessages, pointsAccounts } from '../../db/schema/index.ts';
import type { MessageContent, MessageTarget } from '../../platforms/platform.ts';
import type { LocalDate } from '../calendar.ts';

export type CheckinRow = typeof checkins.$inferSelect;

export const findCheckin = async (db: Db, input: { tenantId: string; memberId: string; day: LocalDate }) => {
  const [row] = await db
    .select()
    .from(checkins)
    .where(
      and(
        eq(checkins.tenantId, input.tenantId),
        eq(checkins.memberId, input.memberId),
        eq(checkins.day, input.day),
      ),
    );
  return row ?? null;
};

/** The day's check-in, unless the member already has one that day (then null: the first stands). */
export const insertCheckin = async (db: Db, values: typeof checkins.$inferInsert) => {
  const [row] = await db.insert(checkins).values(values).onConflictDoNothing().returning();
  return row ?? null;
};

export const setCheckinPoints = async (
  db: Db,
  input: { memberId: string; day: LocalDate; points: number },
) => {
  await db
    .update(checkins)
    .set({ points: input.points })
    .where(and(eq(checkins.memberId, input.memberId), eq(checkins.day, input.day)));
};

export const listCheckins = (
  db: Db,
  input: { tenantId: string; memberId: string; from: LocalDate; to: LocalDate },
) =>
  db
    .select()
    .from(checkins)
    .where(
      and(
        eq(checkins.tenantId, input.tenantId),
        eq(checkins.memberId, input.memberId),
        gte(checkins.day, input.from),
        lte(checkins.day, input.to),
      ),
    )
    .orderBy(asc(checkins.day));

export const countCheckins = async (db: Db, tenantId: string, memberId: string): Promise<number> => {
  const [row] = await db
    .select({ n: count() })
    .from(checkins)
    .where(and(eq(checkins.tenantId, tenantId), eq(checkins.memberId, memberId)));
  return row?.n ?? 0;
};

export const saveStreaks = async (
  db: Db,
  input: { memberId: string; streaks: { day: LocalDate; streak: number }[] },
): Promise<void> => {
  for (const { day, streak } of input.streaks) {
    await db
      .update(checkins)
      .set({ streak })
      .where(and(eq(checkins.memberId, input.memberId), eq(checkins.day, day)));
  }
};

/** Take one make-up card if the member holds one. */
export const useMakeupCard = async (db: Db, tenantId: string, memberId: string): Promise<boolean> => {
  const rows = await db
    .update(pointsAccounts)
    .set({ makeupCards: sql`${pointsAccounts.makeupCards} - 1` })
    .where(
      and(
        eq(pointsAccounts.tenantId, tenantId),
        eq(pointsAccounts.memberId, memberId),
        gt(pointsAccounts.makeupCards, 0),
      ),
    )
    .returning({ cards: pointsAccounts.makeupCards });
  return rows.length > 0;
};

export const addMakeupCard = async (db: Db, tenantId: string, memberId: string): Promise<number> => {
  const [row] = await db
    .update(pointsAccounts)
    .set({ makeupCards: sql`${pointsAccounts.makeupCards} + 1` })
    .where(and(eq(pointsAccounts.tenantId, tenantId), eq(pointsAccounts.memberId, memberId)))
    .returning({ cards: pointsAccounts.makeupCards });
  return row?.cards ?? 0;
};

/**
 * Add a name to the group's acknowledgement of this window; returns every name gathered so far. The row's lock
 * orders concurrent check-ins of one group and window, so each one's outbound upsert sees the names before it.
 */
export const appendAckName = async (
  db: Db,
  input: {
    tenantId: string;
    platformAccountId: string;
    groupExternalId: string;
    windowStart: Date;
    name: string;
  },
): Promise<string[]> => {
  const [row] = await db
    .insert(checkinAcks)
    .values({ ...input, names: [input.name] })
    .onConflictDoUpdate({
      target: [checkinAcks.platformAccountId, checkinAcks.groupExternalId, checkinAcks.windowStart],
      set: { names: sql`${checkinAcks.names} || ${JSON.stringify([input.name])}::jsonb` },
    })
    .returning({ names: checkinAcks.names });
  return row!.names;
};

/**
 * The window's outbound message, created by its first check-in and rewritten by each later one while it still
 * waits to be sent (due when the window closes). False when delivery has already taken it.
 */
export const upsertAckOutbound = async (
  db: Db,
  input: {
    tenantId: string;
    platformAccountId: string;
    idempotencyKey: string;
    target: MessageTarget;
    content: MessageContent;
    notBefore: Date;
    sourceEventId: number;
  },
): Promise<boolean> => {
  const payload = { target: input.target, content: input.content };
  const rows = await db
    .insert(outboundMessages)
    .values({
      tenantId: input.tenantId,
      platformAccountId: input.platformAccountId,
      idempotencyKey: input.idempotencyKey,
      kind: 'send',
      payload,
      nextAttemptAt: input.notBefore,
      sourceEventId: input.sourceEventId,
    })
    .onConflictDoUpdate({
      target: [outboundMessages.platformAccountId, outboundMessages.idempotencyKey],
      set: { payload },
      setWhere: sql`${outboundMessages.status} = 'pending'`,
    })
    .returning({ id: outboundMessages.id });
  return rows.length > 0;
};

/** Acknowledgement windows older than a day have long been sent; their name lists can go. */
export const deleteOldAcks = async (db: Db, tenantId: string, before: Date): Promise<void> => {
  await db
    .delete(checkinAcks)
    .where(and(eq(checkinAcks.tenantId, tenantId), lte(checkinAcks.windowStart, before)));
};
