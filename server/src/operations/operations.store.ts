import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  type InboundStatus,
  inboundEvents,
  type OutboundStatus,
  outboundMessages,
} from '../db/schema/index.ts';
import { pageOf } from '../http/pagination.ts';

/**
 * What an operator sees of the machinery: inbound events and outbound messages, newest first, by status.
 * Both tables have bigint ids, so the cursor is simply the last id.
 */
type ListInput<S> = { tenantId: string; status?: S; type?: string; limit: number; cursor?: number };

const pageByIdDesc = <Row extends { id: number }, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
) => pageOf(rows, limit, (row) => String(row.id), toItem);

export const listInboundEvents = async (db: Db, input: ListInput<InboundStatus>) => {
  const where: SQL[] = [eq(inboundEvents.tenantId, input.tenantId)];
  if (input.status) where.push(eq(inboundEvents.status, input.status));
  if (input.type) where.push(eq(inboundEvents.type, input.type));
  if (input.cursor !== undefined) where.push(lt(inboundEvents.id, input.cursor));
  const rows = await db
    .select()
    .from(inboundEvents)
    .where(and(...where))
    .orderBy(desc(inboundEvents.id))
    .limit(input.limit + 1);
  return pageByIdDesc(rows, input.limit, (row) => ({
    id: row.id,
    platformAccountId: row.platformAccountId,
    externalId: row.externalId,
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    payload: row.payload,
    receivedAt: row.receivedAt.toISOString(),
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
  }));
};

export const listOutboundMessages = async (db: Db, input: ListInput<OutboundStatus>) => {
  const where: SQL[] = [eq(outboundMessages.tenantId, input.tenantId)];
  if (input.status) where.push(eq(outboundMessages.status, input.status));
  if (input.type) where.push(eq(outboundMessages.kind, input.type));
  if (input.cursor !== undefined) where.push(lt(outboundMessages.id, input.cursor));
  const rows = await db
    .select()
    .from(outboundMessages)
    .where(and(...where))
    .orderBy(desc(outboundMessages.id))
    .limit(input.limit + 1);
  return pageByIdDesc(rows, input.limit, (row) => ({
    id: row.id,
    platformAccountId: row.platformAccountId,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    externalId: row.externalId,
    payload: row.payload,
    sourceEventId: row.sourceEventId,
    createdAt: row.createdAt.toISOString(),
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
};

/** A failed outbound message goes back in line for one more try. Returns its account, or null if none was failed. */
export const requeueFailedOutbound = async (
  db: Db,
  input: { tenantId: string; id: number; now: Date },
): Promise<string | null> => {
  const [row] = await db
    .update(outboundMessages)
    .set({ status: 'pending', nextAttemptAt: input.now, lockedUntil: null })
    .where(
      and(
        eq(outboundMessages.id, input.id),
        eq(outboundMessages.tenantId, input.tenantId),
        eq(outboundMessages.status, 'failed'),
      ),
    )
    .returning({ platformAccountId: outboundMessages.platformAccountId });
  return row?.platformAccountId ?? null;
};
