import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pointsAccounts, pointsLedger } from '../../db/schema/index.ts';
import { expiringPoints, expiryKeyOf } from './points.ts';

/** Lots due longer ago than this were handled by earlier runs (the job runs hourly). */
const lookbackDays = 400;

/**
 * Members with a lot that came due since their last expiry entry. Every processed cutoff leaves an 'expire'
 * entry (0 points when nothing was left to expire), dated at or after it, which takes the member off this list.
 */
export const findMembersWithDueLots = async (
  db: Db,
  input: { tenantId: string; now: Date; limit: number },
): Promise<string[]> => {
  const since = new Date(input.now.getTime() - lookbackDays * 86_400_000);
  const result = await db.execute(sql`
    select distinct l.member_id as "memberId" from ${pointsLedger} l
    where l.tenant_id = ${input.tenantId} and l.points > 0 and l.expires_at is not null
      and l.expires_at <= ${input.now} and l.expires_at > ${since}
      and not exists (select 1 from ${pointsLedger} e where e.member_id = l.member_id and e.kind = 'expire'
        and e.created_at >= l.expires_at)
    order by 1 limit ${input.limit}`);
  return (result as unknown as { rows: { memberId: string }[] }).rows.map((r) => r.memberId);
};

/**
 * Expire the due points of some members, in the caller's transaction. Their balance rows are locked first, so
 * no spend slips in between reading the ledger and writing the expiry; the per-cutoff idempotency key makes a
 * second run (or a racing one) a no-op. Returns the points expired.
 */
export const expireMembersPoints = async (
  tx: Db,
  input: { tenantId: string; memberIds: string[]; now: Date },
): Promise<number> => {
  if (input.memberIds.length === 0) return 0;
  await tx
    .select({ memberId: pointsAccounts.memberId })
    .from(pointsAccounts)
    .where(
      and(eq(pointsAccounts.tenantId, input.tenantId), inArray(pointsAccounts.memberId, input.memberIds)),
    )
    .orderBy(pointsAccounts.memberId)
    .for('update');
  const result = await tx.execute(sql`
    with c as (
      select member_id, max(expires_at) as cutoff from ${pointsLedger}
      where tenant_id = ${input.tenantId} and member_id = any(${sql.param(input.memberIds)}::uuid[]) and points > 0
        and expires_at <= ${input.now}
      group by member_id)
    select c.member_id as "memberId", c.cutoff,
      coalesce(sum(l.points) filter (where l.points > 0 and l.expires_at <= c.cutoff), 0)::int as "dueCredits",
      coalesce(-sum(l.points) filter (where l.points < 0), 0)::int as debits
    from c join ${pointsLedger} l on l.member_id = c.member_id
    group by c.member_id, c.cutoff`);
  const due = (
    result as unknown as {
      rows: { memberId: string; cutoff: string | Date; dueCredits: number; debits: number }[];
    }
  ).rows;
  if (due.length === 0) return 0;
  const entries = due.map((row) => {
    const cutoff = new Date(row.cutoff);
    const points = expiringPoints(row);
    return {
      tenantId: input.tenantId,
      memberId: row.memberId,
      kind: 'expire' as const,
      points: -points,
      reason: points > 0 ? 'Points expired' : 'Nothing left to expire',
      source: 'expiry',
      idempotencyKey: expiryKeyOf(row.memberId, cutoff),
      data: { cutoff: cutoff.toISOString() },
      createdAt: input.now,
    };
  });
  const inserted = await tx
    .insert(pointsLedger)
    .values(entries)
    .onConflictDoNothing()
    .returning({ memberId: pointsLedger.memberId, points: pointsLedger.points });
  const debited = inserted.filter((row) => row.points < 0);
  if (debited.length > 0) {
    await tx.execute(sql`
      update ${pointsAccounts} as a set balance = a.balance + v.points, updated_at = ${input.now}
      from unnest(${sql.param(debited.map((r) => r.memberId))}::uuid[], ${sql.param(debited.map((r) => r.points))}::int[])
        as v(member_id, points)
      where a.member_id = v.member_id and a.tenant_id = ${input.tenantId}`);
  }
  return -debited.reduce((sum, row) => sum + row.points, 0);
};

/** Every due lot of a brand, in batches of members, each batch its own transaction. */
export const expireDuePoints = async (
  db: Db,
  input: { tenantId: string; now: Date; batchSize?: number },
): Promise<{ members: number; points: number }> => {
  const batchSize = input.batchSize ?? 500;
  let members = 0;
  let points = 0;
  for (;;) {
    const memberIds = await findMembersWithDueLots(db, { ...input, limit: batchSize });
    if (memberIds.length === 0) break;
    points += await db.transaction((tx) => expireMembersPoints(tx, { ...input, memberIds }));
    members += memberIds.length;
    if (memberIds.length < batchSize) break;
  }
  return { members, points };
};
