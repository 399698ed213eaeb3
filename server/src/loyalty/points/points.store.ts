import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loyaltyLevels, pointsAccounts, pointsLedger } from '../../db/schema/index.ts';

export type LedgerRow = typeof pointsLedger.$inferSelect;
export type NewLedgerEntry = Omit<typeof pointsLedger.$inferInsert, 'id'>;
export type AccountRow = typeof pointsAccounts.$inferSelect;

export const findLedgerEntryByKey = async (db: Db, tenantId: string, idempotencyKey: string) => {
  const [row] = await db
    .select()
    .from(pointsLedger)
    .where(and(eq(pointsLedger.tenantId, tenantId), eq(pointsLedger.idempotencyKey, idempotencyKey)));
  return row ?? null;
};

export const findLedgerEntry = async (db: Db, tenantId: string, id: number) => {
  const [row] = await db
    .select()
    .from(pointsLedger)
    .where(and(eq(pointsLedger.tenantId, tenantId), eq(pointsLedger.id, id)));
  return row ?? null;
};

export const findAccount = async (db: Db, tenantId: string, memberId: string) => {
  const [row] = await db
    .select()
    .from(pointsAccounts)
    .where(and(eq(pointsAccounts.tenantId, tenantId), eq(pointsAccounts.memberId, memberId)));
  return row ?? null;
};

/** The member's account row, locked until the transaction ends (other debits of the member wait). */
export const lockAccount = async (db: Db, tenantId: string, memberId: string) => {
  const [row] = await db
    .select()
    .from(pointsAccounts)
    .where(and(eq(pointsAccounts.tenantId, tenantId), eq(pointsAccounts.memberId, memberId)))
    .for('update');
  return row ?? null;
};

/** The member's account with its level's name and benefits, for showing and for eligibility. */
export const findAccountWithLevel = async (db: Db, tenantId: string, memberId: string) => {
  const [row] = await db
    .select({
      balance: pointsAccounts.balance,
      lifetimePoints: pointsAccounts.lifetimePoints,
      spendCents: pointsAccounts.spendCents,
      makeupCards: pointsAccounts.makeupCards,
      level: {
        id: loyaltyLevels.id,
        name: loyaltyLevels.name,
        rank: loyaltyLevels.rank,
        pointsMultiplierPercent: loyaltyLevels.pointsMultiplierPercent,
        hasMemberOnlyAccess: loyaltyLevels.hasMemberOnlyAccess,
      },
    })
    .from(pointsAccounts)
    .leftJoin(loyaltyLevels, eq(loyaltyLevels.id, pointsAccounts.levelId))
    .where(and(eq(pointsAccounts.tenantId, tenantId), eq(pointsAccounts.memberId, memberId)));
  return row ?? null;
};

export const listLedgerEntries = (
  db: Db,
  input: { tenantId: string; memberId: string; limit: number; beforeId?: number },
) =>
  db
    .select()
    .from(pointsLedger)
    .where(
      and(
        eq(pointsLedger.tenantId, input.tenantId),
        eq(pointsLedger.memberId, input.memberId),
        input.beforeId === undefined ? undefined : lt(pointsLedger.id, input.beforeId),
        // A cutoff with nothing left to expire leaves a 0-point marker for the job, not for people.
        sql`not (${pointsLedger.kind} = 'expire' and ${pointsLedger.points} = 0)`,
      ),
    )
    .orderBy(desc(pointsLedger.id))
    .limit(input.limit + 1);

/**
 * Members whose balance row disagrees with the sum of their ledger (which must never happen): the check the
 * nightly job runs and an operator can run through the API.
 */
export const findBalanceMismatches = async (
  db: Db,
  tenantId: string,
): Promise<{ memberId: string; balance: number; ledgerSum: number }[]> => {
  const result = await db.execute(sql`
    select coalesce(a.member_id, l.member_id) as "memberId", coalesce(a.balance, 0)::int as balance,
      coalesce(l.total, 0)::int as "ledgerSum"
    from (select member_id, balance from ${pointsAccounts} where tenant_id = ${tenantId}) a
    full join (select member_id, sum(points) as total from ${pointsLedger} where tenant_id = ${tenantId}
      group by member_id) l on l.member_id = a.member_id
    where coalesce(a.balance, 0) <> coalesce(l.total, 0)
    limit 100`);
  return (result as unknown as { rows: { memberId: string; balance: number; ledgerSum: number }[] }).rows;
};

/**
 * The member's next expiry: when, and the credits due by then against all debits so far (the FIFO rule in
 * points.ts turns those into the points that will expire).
 */
export const findNextExpiry = async (
  db: Db,
  input: { tenantId: string; memberId: string; now: Date },
): Promise<{ at: Date; dueCredits: number; debits: number } | null> => {
  const mine = and(eq(pointsLedger.tenantId, input.tenantId), eq(pointsLedger.memberId, input.memberId));
  const [next] = await db
    .select({ at: sql<Date | null>`min(${pointsLedger.expiresAt})`.mapWith((v) => (v ? new Date(v) : null)) })
    .from(pointsLedger)
    .where(and(mine, gt(pointsLedger.points, 0), gt(pointsLedger.expiresAt, input.now)));
  const at = next?.at;
  if (!at) return null;
  const [sums] = await db
    .select({
      dueCredits: sql<number>`coalesce(sum(${pointsLedger.points}) filter (where ${pointsLedger.points} > 0 and ${pointsLedger.expiresAt} <= ${at}), 0)::int`,
      debits: sql<number>`coalesce(-sum(${pointsLedger.points}) filter (where ${pointsLedger.points} < 0), 0)::int`,
    })
    .from(pointsLedger)
    .where(mine);
  return { at, dueCredits: sums?.dueCredits ?? 0, debits: sums?.debits ?? 0 };
};
