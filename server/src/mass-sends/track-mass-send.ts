import { and, eq, like, or } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { outboundMessages, staffTasks } from '../db/schema/index.ts';
import { describeError } from '../jobs/backoff.ts';
import {
  listRecipients,
  type MassSendRow,
  recordRecipientOutcomes,
  updateMassSend,
} from './mass-sends.store.ts';
import {
  MASS_SEND_EXPIRY_MS,
  nextCheckDelayMs,
  type RecipientOutcome,
  settleRecipients,
} from './mass-sends.ts';
import { massTaskKey } from './plan-mass-send.ts';

/**
 * Follow one mass send to its end. While planned, watch its outbound rows: once the platform task exists
 * (WeCom msgid), wait for the sender's confirmation, polling the platform's report (outside any
 * transaction) less and less often; record each recipient's outcome. A refused or abandoned send releases
 * its recipients' quota; the sender's staff task closes with it.
 */
export type TrackOutcome = 'waiting' | 'awaiting_confirmation' | 'completed' | 'failed' | 'expired';

const closeStaffTask = (db: Db, row: MassSendRow, status: 'done' | 'dismissed', at: Date) =>
  db
    .update(staffTasks)
    .set({ status, doneAt: at })
    .where(
      and(
        eq(staffTasks.tenantId, row.tenantId),
        eq(staffTasks.dedupeKey, `mass_send:${row.id}`),
        eq(staffTasks.status, 'open'),
      ),
    );

const settle = async (
  db: Db,
  row: MassSendRow,
  status: 'completed' | 'failed' | 'expired',
  outcomes: RecipientOutcome[],
  now: Date,
) => {
  await db.transaction(async (tx) => {
    await recordRecipientOutcomes(tx, row.id, outcomes);
    await updateMassSend(tx, row, { status, completedAt: now });
    await closeStaffTask(tx, row, status === 'completed' ? 'done' : 'dismissed', now);
  });
};

const trackPlanned = async (deps: AppDeps, row: MassSendRow, now: Date): Promise<TrackOutcome> => {
  const key = massTaskKey(row.id);
  const outbound = await deps.db
    .select({
      key: outboundMessages.idempotencyKey,
      status: outboundMessages.status,
      externalId: outboundMessages.externalId,
      sentAt: outboundMessages.sentAt,
    })
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.platformAccountId, row.platformAccountId),
        or(eq(outboundMessages.idempotencyKey, key), like(outboundMessages.idempotencyKey, `${key}:%`)),
      ),
    );
  const task = outbound.find((o) => o.key === key);
  const recipients = await listRecipients(deps.db, row.tenantId, row.id);
  if (task) {
    if (task.status === 'sent' && task.externalId) {
      await deps.db.transaction(async (tx) => {
        await recordRecipientOutcomes(
          tx,
          row.id,
          recipients.map((r) => ({ externalId: r.recipientExternalId, status: 'pending' })),
        );
        await updateMassSend(tx, row, {
          status: 'awaiting_confirmation',
          taskExternalId: task.externalId,
          nextCheckAt: new Date(now.getTime() + nextCheckDelayMs(0)),
        });
      });
      return 'awaiting_confirmation';
    }
    if (task.status === 'failed' || task.status === 'cancelled') {
      await settle(
        deps.db,
        row,
        'failed',
        recipients.map((r) => ({ externalId: r.recipientExternalId, status: 'failed' })),
        now,
      );
      return 'failed';
    }
    await updateMassSend(deps.db, row, { nextCheckAt: new Date(now.getTime() + 60_000) });
    return 'waiting';
  }
  // Direct platforms: one outbound row per recipient, keyed `mass:<id>:<recipient>`.
  const byKey = new Map(outbound.map((o) => [o.key, o]));
  const outcomes = recipients.flatMap((r): RecipientOutcome[] => {
    const sent = byKey.get(`${key}:${r.recipientExternalId}`);
    if (sent?.status === 'sent')
      return [{ externalId: r.recipientExternalId, status: 'sent', sentAt: sent.sentAt ?? now }];
    if (sent?.status === 'failed' || sent?.status === 'cancelled')
      return [{ externalId: r.recipientExternalId, status: 'failed' }];
    return [];
  });
  if (outcomes.length === recipients.length) {
    await settle(deps.db, row, 'completed', outcomes, now);
    return 'completed';
  }
  await recordRecipientOutcomes(deps.db, row.id, outcomes);
  await updateMassSend(deps.db, row, { nextCheckAt: new Date(now.getTime() + 60_000) });
  return 'waiting';
};

const trackConfirmation = async (deps: AppDeps, row: MassSendRow, now: Date): Promise<TrackOutcome> => {
  const ageMs = now.getTime() - row.plannedAt.getTime();
  const waitMore = () =>
    updateMassSend(deps.db, row, { nextCheckAt: new Date(now.getTime() + nextCheckDelayMs(ageMs)) });
  const adapter = await deps.platforms.adapterFor(row.tenantId, row.platformAccountId);
  if (!adapter.fetchMassSendReport || !row.taskExternalId || !row.senderExternalId) {
    await settle(deps.db, row, 'failed', [], now);
    return 'failed';
  }
  let report: Awaited<ReturnType<NonNullable<typeof adapter.fetchMassSendReport>>>;
  try {
    report = await adapter.fetchMassSendReport({
      taskExternalId: row.taskExternalId,
      senderExternalId: row.senderExternalId,
    });
  } catch (error) {
    deps.logger.warn(
      { massSendId: row.id, error: describeError(error) },
      'mass send: report not available yet',
    );
    await waitMore();
    return 'awaiting_confirmation';
  }
  const pending = (await listRecipients(deps.db, row.tenantId, row.id)).filter((r) => r.status === 'pending');
  const { outcomes, isComplete } = settleRecipients(
    pending.map((r) => r.recipientExternalId),
    report,
  );
  if (isComplete) {
    await settle(deps.db, row, 'completed', outcomes, now);
    return 'completed';
  }
  if (ageMs > MASS_SEND_EXPIRY_MS) {
    const expired = outcomes.map(
      (o): RecipientOutcome => (o.status === 'pending' ? { ...o, status: 'expired' } : o),
    );
    await settle(deps.db, row, 'expired', expired, now);
    return 'expired';
  }
  await recordRecipientOutcomes(
    deps.db,
    row.id,
    outcomes.filter((o) => o.status !== 'pending'),
  );
  await waitMore();
  return 'awaiting_confirmation';
};

export const trackMassSend = async (deps: AppDeps, row: MassSendRow): Promise<TrackOutcome> => {
  const now = deps.now();
  if (row.status === 'planned') return trackPlanned(deps, row, now);
  if (row.status === 'awaiting_confirmation') return trackConfirmation(deps, row, now);
  return row.status === 'completed' ? 'completed' : row.status;
};
