import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import { staffAccounts } from '../db/schema/index.ts';
import { createStaffTask } from '../tasks/create-staff-task.ts';
import type { DeliveryOutcome, OutboundRow } from './outbox.store.ts';
import type { OutboundMessage } from './outbox.ts';

type Send = Extract<OutboundMessage, { kind: 'send' }>;
export type HandedOver = { row: OutboundRow; message: Send; outcome: DeliveryOutcome };

const describeTarget = (message: Send) =>
  message.payload.target.kind === 'group' ? 'a group' : 'a customer';

/**
 * On a platform that cannot send by itself (`capabilities.canSendDirect` false: on WeCom a send becomes a task
 * the staff member confirms in their own client), a message Orchard queued never ends silently. Delivered, the
 * staff member it goes through gets a task to confirm it; refused or dropped, a task to send it by hand, with
 * the reason. One task per outbound row (dedupe key `outbound:<row id>`); outcomes still pending make none yet.
 */
export const handOverToStaff = async (
  deps: Pick<AppDeps, 'db'>,
  platformAccountId: string,
  items: HandedOver[],
): Promise<number> => {
  const ended = items.filter(({ outcome }) => outcome.status !== 'pending');
  if (ended.length === 0) return 0;
  const externalIds = [
    ...new Set(
      ended.flatMap(({ message }) => {
        const { target } = message.payload;
        return target.kind === 'member' && target.staffExternalId ? [target.staffExternalId] : [];
      }),
    ),
  ];
  const staffOf = new Map(
    externalIds.length === 0
      ? []
      : (
          await deps.db
            .select({ externalId: staffAccounts.externalId, staffId: staffAccounts.staffId })
            .from(staffAccounts)
            .where(
              and(
                eq(staffAccounts.platformAccountId, platformAccountId),
                inArray(staffAccounts.externalId, externalIds),
              ),
            )
        ).map((r) => [r.externalId, r.staffId]),
  );
  let created = 0;
  for (const { row, message, outcome } of ended) {
    const { target, content } = message.payload;
    const isSent = outcome.status === 'sent';
    const isNew = await createStaffTask(deps.db, {
      tenantId: row.tenantId,
      kind: 'send_message',
      title: isSent
        ? `Confirm the message to ${describeTarget(message)} waiting in your work app`
        : `Send a message to ${describeTarget(message)} by hand: the platform did not take it`,
      staffId:
        target.kind === 'member' && target.staffExternalId
          ? (staffOf.get(target.staffExternalId) ?? null)
          : null,
      data: {
        outboundMessageId: row.id,
        platformAccountId,
        target,
        content,
        ...(outcome.status === 'sent' ? { platformTaskId: outcome.externalId } : {}),
        ...(outcome.status === 'failed' || outcome.status === 'cancelled' ? { reason: outcome.error } : {}),
      },
      dedupeKey: `outbound:${row.id}`,
    });
    if (isNew) created += 1;
  }
  return created;
};
