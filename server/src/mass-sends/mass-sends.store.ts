import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  type MassRecipientStatus,
  type MassSendStatus,
  massSendRecipients,
  massSends,
} from '../db/schema/index.ts';
import { olderThanCursor, type Page, pageOf } from '../http/pagination.ts';
import type { QuotaWindow, RecipientOutcome } from './mass-sends.ts';

export type MassSendRow = typeof massSends.$inferSelect;
export type MassRecipientRow = typeof massSendRecipients.$inferSelect;

/** Statuses that hold a place in the recipient's quota. */
const COUNTING: MassRecipientStatus[] = ['planned', 'pending', 'sent'];

/**
 * Serialize planners of the same recipients until the transaction ends, so two plans at once cannot both
 * take a recipient's last place. Locks are taken in one order (sorted) so planners never deadlock.
 */
export const lockQuotaKeys = async (
  tx: Db,
  platformAccountId: string,
  externalIds: string[],
): Promise<void> => {
  if (externalIds.length === 0) return;
  const keys = [...new Set(externalIds)].map((id) => `mass:${platformAccountId}:${id}`);
  await tx.execute(sql`
    select pg_advisory_xact_lock(h) from (
      select hashtextextended(k, 0) as h from unnest(${sql.param(keys)}::text[]) as k order by 1
    ) as sorted`);
};

/** How many mass messages each recipient has (sent, or planned and not yet refused) in the window. */
export const countQuotaUsage = async (
  db: Db,
  input: { platformAccountId: string; externalIds: string[]; window: QuotaWindow },
): Promise<Map<string, number>> => {
  if (input.externalIds.length === 0) return new Map();
  const result = await db.execute(sql`
    select recipient_external_id as id, count(*)::int as used
    from ${massSendRecipients}
    where platform_account_id = ${input.platformAccountId}
      and recipient_external_id = any(${sql.param([...new Set(input.externalIds)])}::text[])
      and status = any(${sql.param(COUNTING)}::text[])
      and coalesce(sent_at, planned_at) >= ${input.window.start.toISOString()}::timestamptz
      and coalesce(sent_at, planned_at) < ${input.window.end.toISOString()}::timestamptz
    group by recipient_external_id`);
  const rows = (result as { rows: { id: string; used: number }[] }).rows;
  return new Map(rows.map((r) => [r.id, Number(r.used)]));
};

export const insertMassSend = async (
  db: Db,
  values: typeof massSends.$inferInsert,
): Promise<MassSendRow | undefined> => {
  const [row] = await db.insert(massSends).values(values).onConflictDoNothing().returning();
  return row;
};

export const insertRecipients = async (
  db: Db,
  rows: (typeof massSendRecipients.$inferInsert)[],
): Promise<void> => {
  if (rows.length > 0) await db.insert(massSendRecipients).values(rows).onConflictDoNothing();
};

export const findMassSend = async (
  db: Db,
  tenantId: string,
  id: string,
): Promise<MassSendRow | undefined> => {
  const [row] = await db
    .select()
    .from(massSends)
    .where(and(eq(massSends.tenantId, tenantId), eq(massSends.id, id)));
  return row;
};

export const findMassSendByDedupeKey = async (db: Db, tenantId: string, dedupeKey: string) => {
  const [row] = await db
    .select()
    .from(massSends)
    .where(and(eq(massSends.tenantId, tenantId), eq(massSends.dedupeKey, dedupeKey)));
  return row;
};

export const listRecipients = (db: Db, tenantId: string, massSendId: string): Promise<MassRecipientRow[]> =>
  db
    .select()
    .from(massSendRecipients)
    .where(and(eq(massSendRecipients.tenantId, tenantId), eq(massSendRecipients.massSendId, massSendId)))
    .orderBy(asc(massSendRecipients.id));

export const updateMassSend = async (
  db: Db,
  row: Pick<MassSendRow, 'tenantId' | 'id'>,
  patch: Partial<Pick<MassSendRow, 'status' | 'taskExternalId' | 'nextCheckAt' | 'completedAt'>>,
): Promise<void> => {
  await db
    .update(massSends)
    .set(patch)
    .where(and(eq(massSends.tenantId, row.tenantId), eq(massSends.id, row.id)));
};

/** Apply outcomes to a send's recipients in one statement; settled recipients keep their outcome. */
export const recordRecipientOutcomes = async (
  db: Db,
  massSendId: string,
  outcomes: RecipientOutcome[],
): Promise<void> => {
  if (outcomes.length === 0) return;
  await db.execute(sql`
    update ${massSendRecipients} as r
    set status = v.status, sent_at = coalesce(v.sent_at, r.sent_at)
    from unnest(${sql.param(outcomes.map((o) => o.externalId))}::text[],
      ${sql.param(outcomes.map((o) => o.status))}::text[],
      ${sql.param(outcomes.map((o) => o.sentAt?.toISOString() ?? null))}::timestamptz[])
      as v(external_id, status, sent_at)
    where r.mass_send_id = ${massSendId} and r.recipient_external_id = v.external_id
      and r.status in ('planned', 'pending')`);
};

/** Sends whose tracking is due: the job checks each once. */
export const findDueMassSends = (db: Db, now: Date, limit = 100): Promise<MassSendRow[]> =>
  db
    .select()
    .from(massSends)
    .where(
      and(
        inArray(massSends.status, ['planned', 'awaiting_confirmation'] satisfies MassSendStatus[]),
        lte(massSends.nextCheckAt, now),
      ),
    )
    .orderBy(asc(massSends.nextCheckAt))
    .limit(limit);

/** A brand's mass sends, newest first (keyset on created_at, id). */
export const listMassSends = async (
  db: Db,
  options: { tenantId: string; limit: number; cursor?: string },
): Promise<Page<MassSendRow>> => {
  const rows = await db
    .select()
    .from(massSends)
    .where(
      and(
        eq(massSends.tenantId, options.tenantId),
        options.cursor ? olderThanCursor(massSends, options.cursor) : undefined,
      ),
    )
    .orderBy(desc(massSends.createdAt), desc(massSends.id))
    .limit(options.limit + 1);
  return pageOf(
    rows,
    options.limit,
    (row) => row.id,
    (row) => row,
  );
};

/** Recipients per status of each of these sends, in one query. */
export const countRecipientsByStatus = async (
  db: Db,
  tenantId: string,
  massSendIds: string[],
): Promise<Map<string, Record<string, number>>> => {
  const counts = new Map<string, Record<string, number>>(massSendIds.map((id) => [id, {}]));
  if (massSendIds.length === 0) return counts;
  const rows = await db
    .select({
      massSendId: massSendRecipients.massSendId,
      status: massSendRecipients.status,
      count: sql<number>`count(*)::int`,
    })
    .from(massSendRecipients)
    .where(
      and(eq(massSendRecipients.tenantId, tenantId), inArray(massSendRecipients.massSendId, massSendIds)),
    )
    .groupBy(massSendRecipients.massSendId, massSendRecipients.status);
  for (const row of rows) counts.get(row.massSendId)![row.status] = Number(row.count);
  return counts;
};
