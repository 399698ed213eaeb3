import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jsonRecords } from '../db/json-records.ts';
import { outboundMessages, platformAccounts } from '../db/schema/index.ts';
import type { OutboundMessage } from './outbox.ts';

export type OutboundInput = OutboundMessage & {
  tenantId: string;
  platformAccountId: string;
  /** Unique per platform account: enqueueing the same key twice keeps the first row. */
  idempotencyKey: string;
  sourceEventId?: number;
  /** Not before this time (a scheduled send); now by default. Pass deps.now() so tests' clocks apply. */
  notBefore?: Date;
};

export type OutboundRow = typeof outboundMessages.$inferSelect;

/**
 * Store outbound actions in the caller's transaction, one statement for all (one JSON parameter, which beats
 * a VALUES row per message on big batches). Returns how many were new.
 */
export const enqueueOutboundBatch = async (db: Db, inputs: OutboundInput[]): Promise<number> => {
  if (inputs.length === 0) return 0;
  const records = inputs.map((i) => ({
    tenant_id: i.tenantId,
    platform_account_id: i.platformAccountId,
    idempotency_key: i.idempotencyKey,
    kind: i.kind,
    payload: i.payload,
    source_event_id: i.sourceEventId ?? null,
    next_attempt_at: i.notBefore?.toISOString() ?? null,
  }));
  const result = await db.execute(sql`
    insert into ${outboundMessages}
      (tenant_id, platform_account_id, idempotency_key, kind, payload, source_event_id, next_attempt_at)
    select v.tenant_id, v.platform_account_id, v.idempotency_key, v.kind, v.payload, v.source_event_id,
      coalesce(v.next_attempt_at, now())
    from ${jsonRecords(
      records,
      'v',
      'tenant_id uuid, platform_account_id uuid, idempotency_key text, kind text, payload jsonb, source_event_id bigint, next_attempt_at timestamptz',
    )}
    on conflict (platform_account_id, idempotency_key) do nothing
    returning id`);
  // Both drivers answer raw SQL with { rows }; Db's generic type cannot say so.
  return (result as { rows: unknown[] }).rows.length;
};

/** Store one outbound action; `true` when it is new, `false` when its idempotency key was already used. */
export const enqueueOutbound = async (db: Db, input: OutboundInput): Promise<boolean> =>
  (await enqueueOutboundBatch(db, [input])) === 1;

/**
 * Due: pending and its time has come, or left 'sending' by a worker that died mid-delivery and whose lock
 * has expired. Either way next_attempt_at <= now (a row is claimed only once due), which bounds the scan of
 * outbound_messages_due (account, next_attempt_at, id) so that a claim reads the rows it takes, not the
 * whole backlog.
 */
const isDue = (now: Date) =>
  and(
    lte(outboundMessages.nextAttemptAt, now),
    or(
      eq(outboundMessages.status, 'pending'),
      and(eq(outboundMessages.status, 'sending'), lt(outboundMessages.lockedUntil, now)),
    ),
  );

type DueInput = { platformAccountId: string; now: Date; limit: number };

/** The next due rows of one account, in the index's order (oldest due first, then enqueue order). */
const nextDue = (input: DueInput) => ({
  where: and(eq(outboundMessages.platformAccountId, input.platformAccountId), isDue(input.now)),
  orderBy: [asc(outboundMessages.nextAttemptAt), asc(outboundMessages.id)],
});

/**
 * Claim due rows of one account: mark them 'sending' with a lock that expires, in one statement that
 * commits at once, so the slow platform calls happen outside any transaction. SKIP LOCKED keeps two
 * workers from claiming the same row.
 */
export const claimDueOutbound = async (
  db: Db,
  input: DueInput & { lockMs: number },
): Promise<OutboundRow[]> => {
  const { where, orderBy } = nextDue(input);
  const due = db
    .select({ id: outboundMessages.id })
    .from(outboundMessages)
    .where(where)
    .orderBy(...orderBy)
    .limit(input.limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(outboundMessages)
    .set({ status: 'sending', lockedUntil: new Date(input.now.getTime() + input.lockMs) })
    .where(inArray(outboundMessages.id, due))
    .returning();
  return rows.sort((a, b) => a.id - b.id);
};

/**
 * Lock due rows of one account for the caller's transaction, without writing them: for a platform inside
 * Orchard's own database, whose sends commit with the outcomes (see deliverOutbound). A second worker
 * skips the locked rows; a rollback leaves them pending, with nothing sent.
 */
export const lockDueOutbound = async (tx: Db, input: DueInput): Promise<OutboundRow[]> => {
  const { where, orderBy } = nextDue(input);
  const rows = await tx
    .select()
    .from(outboundMessages)
    .where(where)
    .orderBy(...orderBy)
    .limit(input.limit)
    .for('update', { skipLocked: true });
  return rows.sort((a, b) => a.id - b.id);
};

export type DeliveryOutcome =
  | { id: number; status: 'sent'; externalId: string | null; at: Date }
  | { id: number; status: 'pending'; attempts: number; nextAttemptAt: Date; error?: string }
  | { id: number; status: 'failed'; attempts: number; error: string }
  /** Never attempted because it could no longer be sent (a welcome past its deadline). */
  | { id: number; status: 'cancelled'; attempts: number; error: string };

/**
 * Record what happened to claimed rows, in at most two statements for the whole run. Rows claimed with
 * claimDueOutbound change only while still 'sending', so a late result never overwrites a row another
 * worker took over; rows locked with lockDueOutbound are this transaction's alone.
 */
export const recordDeliveryOutcomes = async (
  db: Db,
  outcomes: DeliveryOutcome[],
  claim: 'claimed' | 'locked' = 'claimed',
): Promise<void> => {
  const isOurs = claim === 'claimed' ? sql`o.status = 'sending'` : sql`true`;
  const sent = outcomes.filter((o) => o.status === 'sent');
  const other = outcomes.filter((o) => o.status !== 'sent');
  if (sent.length > 0) {
    await db.execute(sql`
      update ${outboundMessages} as o
      set status = 'sent', external_id = v.external_id, sent_at = v.sent_at, locked_until = null
      from unnest(${sql.param(sent.map((o) => o.id))}::bigint[],
        ${sql.param(sent.map((o) => o.externalId))}::text[],
        ${sql.param(sent.map((o) => o.at.toISOString()))}::timestamptz[]) as v(id, external_id, sent_at)
      where o.id = v.id and ${isOurs}`);
  }
  if (other.length > 0) {
    await db.execute(sql`
      update ${outboundMessages} as o
      set status = v.status, attempts = v.attempts, last_error = coalesce(v.last_error, o.last_error),
        next_attempt_at = coalesce(v.next_attempt_at, o.next_attempt_at), locked_until = null
      from unnest(${sql.param(other.map((o) => o.id))}::bigint[],
        ${sql.param(other.map((o) => o.status))}::text[],
        ${sql.param(other.map((o) => o.attempts))}::int[],
        ${sql.param(other.map((o) => o.error ?? null))}::text[],
        ${sql.param(other.map((o) => (o.status === 'pending' ? o.nextAttemptAt.toISOString() : null)))}::timestamptz[])
        as v(id, status, attempts, last_error, next_attempt_at)
      where o.id = v.id and ${isOurs}`);
  }
};

/** Accounts with rows due now (for the sweep that fans out one delivery job per account). */
export const findAccountsWithDueOutbound = async (db: Db, now: Date): Promise<string[]> => {
  const rows = await db
    .selectDistinct({ platformAccountId: outboundMessages.platformAccountId })
    .from(outboundMessages)
    .innerJoin(platformAccounts, eq(platformAccounts.id, outboundMessages.platformAccountId))
    .where(and(isDue(now), eq(platformAccounts.status, 'active')));
  return rows.map((r) => r.platformAccountId);
};

/** When the account's next pending row becomes due, if it has one (the first in the due index's order). */
export const findNextDueAt = async (db: Db, platformAccountId: string): Promise<Date | null> => {
  const [row] = await db
    .select({ at: outboundMessages.nextAttemptAt })
    .from(outboundMessages)
    .where(
      and(eq(outboundMessages.platformAccountId, platformAccountId), eq(outboundMessages.status, 'pending')),
    )
    .orderBy(asc(outboundMessages.platformAccountId), asc(outboundMessages.nextAttemptAt))
    .limit(1);
  return row?.at ?? null;
};
