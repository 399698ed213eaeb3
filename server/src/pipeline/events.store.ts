import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { inboundEvents } from '../db/schema/index.ts';
import type { RetryDecision } from '../jobs/backoff.ts';

export type ClaimedEvent = {
  id: number;
  tenantId: string;
  platformAccountId: string;
  type: string;
  payload: Record<string, unknown>;
  attempts: number;
};

/**
 * A pending event never tried is due at once, whatever clock stamped it (a webhook may use the
 * database's, a test moves its own); a retry waits until its next_attempt_at.
 */
const isDue = (now: Date) =>
  and(
    eq(inboundEvents.status, 'pending'),
    or(eq(inboundEvents.attempts, 0), lte(inboundEvents.nextAttemptAt, now)),
  );

/** The accounts of the next due events, read before the batch transaction so adapters load outside it. */
export const findDueEventAccounts = async (
  db: Db,
  input: { now: Date; limit: number },
): Promise<{ tenantId: string; platformAccountId: string }[]> => {
  const next = db
    .select({ tenantId: inboundEvents.tenantId, platformAccountId: inboundEvents.platformAccountId })
    .from(inboundEvents)
    .where(isDue(input.now))
    .orderBy(asc(inboundEvents.id))
    .limit(input.limit)
    .as('next');
  return db.selectDistinct().from(next);
};

/**
 * Claim the next due events of these accounts for this transaction, marking them processed at once: one
 * write per event instead of a row lock and then an update. Nobody sees the mark before the transaction
 * commits (another worker skips the locked rows), a rollback undoes it, and the events that fail are put
 * back by recordEventFailures in the same transaction.
 */
export const claimDueEvents = async (
  tx: Db,
  input: { now: Date; limit: number; platformAccountIds: string[] },
): Promise<ClaimedEvent[]> => {
  if (input.platformAccountIds.length === 0) return [];
  const due = tx
    .select({ id: inboundEvents.id })
    .from(inboundEvents)
    .where(and(isDue(input.now), inArray(inboundEvents.platformAccountId, input.platformAccountIds)))
    .orderBy(asc(inboundEvents.id))
    .limit(input.limit)
    .for('update', { skipLocked: true });
  const rows = await tx
    .update(inboundEvents)
    .set({ status: 'processed', processedAt: input.now })
    .where(inArray(inboundEvents.id, due))
    .returning({
      id: inboundEvents.id,
      tenantId: inboundEvents.tenantId,
      platformAccountId: inboundEvents.platformAccountId,
      type: inboundEvents.type,
      payload: inboundEvents.payload,
      attempts: inboundEvents.attempts,
    });
  return rows.sort((a, b) => a.id - b.id);
};

/** Count each failed try and schedule the next one (or give up), keeping the reason. Rare: one statement each. */
export const recordEventFailures = async (
  tx: Db,
  failures: { id: number; decision: RetryDecision; error: string }[],
): Promise<void> => {
  for (const { id, decision, error } of failures) {
    await tx
      .update(inboundEvents)
      .set({
        status: decision.status,
        processedAt: null,
        attempts: decision.attempts,
        nextAttemptAt: decision.nextAttemptAt,
        lastError: error,
      })
      .where(eq(inboundEvents.id, id));
  }
};

export const hasDueEvents = async (db: Db, now: Date): Promise<boolean> => {
  const rows = await db.select({ one: sql`1` }).from(inboundEvents).where(isDue(now)).limit(1);
  return rows.length > 0;
};

/** Put a failed event back in line for one more try. Returns false when no such failed event exists. */
export const requeueFailedEvent = async (
  db: Db,
  input: { tenantId: string; eventId: number; now: Date },
): Promise<boolean> => {
  const rows = await db
    .update(inboundEvents)
    .set({ status: 'pending', nextAttemptAt: input.now })
    .where(
      and(
        eq(inboundEvents.id, input.eventId),
        eq(inboundEvents.tenantId, input.tenantId),
        eq(inboundEvents.status, 'failed'),
      ),
    )
    .returning({ id: inboundEvents.id });
  return rows.length > 0;
};
