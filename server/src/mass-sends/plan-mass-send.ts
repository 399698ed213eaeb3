import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { communities, memberIdentities } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { wakeDelivery } from '../jobs/job-names.ts';
import { enqueueOutboundBatch, type OutboundInput } from '../outbox/outbox.store.ts';
import type { MessageContent } from '../platforms/platform.ts';
import { findStaffBehind } from '../platforms/staff-accounts.store.ts';
import { createStaffTask } from '../tasks/create-staff-task.ts';
import {
  countQuotaUsage,
  findMassSendByDedupeKey,
  insertMassSend,
  insertRecipients,
  lockQuotaKeys,
  type MassSendRow,
} from './mass-sends.store.ts';
import { massQuotaRuleOf, quotaWindowOf, splitByQuota } from './mass-sends.ts';

export type MassSendRecipientsInput =
  | { kind: 'members'; memberIds: string[] }
  | { kind: 'groups'; communityIds: string[] };

export type PlanMassSendInput = {
  tenantId: string;
  platformAccountId: string;
  recipients: MassSendRecipientsInput;
  /** The staff account that sends; required where a person must confirm (capabilities.canSendDirect false). */
  senderExternalId?: string;
  content: MessageContent;
  /** Planning again with the same key returns the first plan. */
  dedupeKey?: string;
};

export type PlanMassSendResult = {
  massSend: MassSendRow | null;
  /** Orchard ids (members or communities) planned, over the platform's quota, or not on this account. */
  planned: string[];
  overQuota: string[];
  unreachable: string[];
};

/** WeCom takes up to 10,000 customers in one task. */
export const MAX_RECIPIENTS = 10_000;

/** Orchard ids → their ids on the account (member identities or group ids). */
const resolveRecipients = async (db: Db, input: PlanMassSendInput): Promise<Map<string, string>> => {
  const { tenantId, platformAccountId, recipients } = input;
  const rows =
    recipients.kind === 'members'
      ? await db
          .select({ id: memberIdentities.memberId, externalId: memberIdentities.externalId })
          .from(memberIdentities)
          .where(
            and(
              eq(memberIdentities.tenantId, tenantId),
              eq(memberIdentities.platformAccountId, platformAccountId),
              inArray(memberIdentities.memberId, recipients.memberIds),
            ),
          )
      : await db
          .select({ id: communities.id, externalId: communities.externalId })
          .from(communities)
          .where(
            and(
              eq(communities.tenantId, tenantId),
              eq(communities.platformAccountId, platformAccountId),
              inArray(communities.id, recipients.communityIds),
            ),
          );
  return new Map(rows.map((r) => [r.id, r.externalId]));
};

/**
 * Plan a mass message: keep to the platform's per-recipient quota (counting what Orchard already
 * planned), record the send and its recipients, and queue the outbound work in the same transaction.
 * Where a person must press send (WeCom), that is one mass-send task and a staff task for the sender;
 * elsewhere, one outbound send per recipient. mass-sends.track follows it to the end.
 */
export const planMassSend = async (deps: AppDeps, input: PlanMassSendInput): Promise<PlanMassSendResult> => {
  const adapter = await deps.platforms.adapterFor(input.tenantId, input.platformAccountId);
  const { capabilities } = adapter;
  const needsConfirmation = !capabilities.canSendDirect;
  if (needsConfirmation && !adapter.sendMass) {
    throw new AppError('bad_request', 'This platform can neither send directly nor create mass-send tasks');
  }
  if (needsConfirmation && !input.senderExternalId) {
    throw new AppError('validation_failed', 'This platform sends through a staff member who confirms it', [
      { path: 'senderExternalId', message: 'required on this platform' },
    ]);
  }
  const ids =
    input.recipients.kind === 'members' ? input.recipients.memberIds : input.recipients.communityIds;
  if (ids.length > MAX_RECIPIENTS) {
    throw new AppError('validation_failed', `At most ${MAX_RECIPIENTS} recipients per mass send`, [
      { path: 'recipients', message: `at most ${MAX_RECIPIENTS}` },
    ]);
  }
  const now = deps.now();
  const rule = massQuotaRuleOf(capabilities);
  const recipientKind = input.recipients.kind === 'members' ? ('member' as const) : ('group' as const);

  const result = await deps.db.transaction(async (tx): Promise<PlanMassSendResult> => {
    if (input.dedupeKey) {
      const existing = await findMassSendByDedupeKey(tx, input.tenantId, input.dedupeKey);
      if (existing) return { massSend: existing, planned: [], overQuota: [], unreachable: [] };
    }
    const externalOf = await resolveRecipients(tx, input);
    const unreachable = [...new Set(ids)].filter((id) => !externalOf.has(id));
    const reachable = [...new Set(ids)].filter((id) => externalOf.has(id));
    const externalIds = reachable.map((id) => externalOf.get(id)!);
    await lockQuotaKeys(tx, input.platformAccountId, externalIds);
    const window = rule ? quotaWindowOf(rule, now) : null;
    const used = window
      ? await countQuotaUsage(tx, { platformAccountId: input.platformAccountId, externalIds, window })
      : new Map<string, number>();
    const split = splitByQuota(externalIds, used, window?.limit ?? Number.POSITIVE_INFINITY);
    const allowed = new Set(split.allowed);
    const planned = reachable.filter((id) => allowed.has(externalOf.get(id)!));
    const overQuota = reachable.filter((id) => !allowed.has(externalOf.get(id)!));
    if (planned.length === 0) return { massSend: null, planned, overQuota, unreachable };

    const senderStaffId = input.senderExternalId
      ? await findStaffBehind(tx, { ...input, externalId: input.senderExternalId })
      : null;
    const massSend = await insertMassSend(tx, {
      tenantId: input.tenantId,
      platformAccountId: input.platformAccountId,
      recipientKind,
      senderExternalId: input.senderExternalId ?? null,
      staffId: senderStaffId,
      content: input.content,
      dedupeKey: input.dedupeKey ?? null,
      plannedAt: now,
      nextCheckAt: now,
    });
    if (!massSend) throw new AppError('conflict', 'A mass send with this dedupe key is being planned');
    await insertRecipients(
      tx,
      planned.map((id) => ({
        tenantId: input.tenantId,
        massSendId: massSend.id,
        platformAccountId: input.platformAccountId,
        recipientKind,
        recipientExternalId: externalOf.get(id)!,
        memberId: recipientKind === 'member' ? id : null,
        plannedAt: now,
      })),
    );
    await enqueueOutboundBatch(
      tx,
      outboundOf(
        input,
        massSend,
        planned.map((id) => externalOf.get(id)!),
        needsConfirmation,
      ),
    );
    if (needsConfirmation) {
      await createStaffTask(tx, {
        tenantId: input.tenantId,
        kind: 'send_message',
        title: `Confirm a mass message to ${planned.length} ${recipientKind === 'member' ? 'customer(s)' : 'group(s)'}`,
        staffId: senderStaffId,
        data: {
          massSendId: massSend.id,
          platformAccountId: input.platformAccountId,
          recipients: planned.length,
        },
        dedupeKey: `mass_send:${massSend.id}`,
      });
    }
    return { massSend, planned, overQuota, unreachable };
  });
  if (result.planned.length > 0) await wakeDelivery(deps.jobs, input.platformAccountId);
  return result;
};

const outboundOf = (
  input: PlanMassSendInput,
  massSend: MassSendRow,
  externalIds: string[],
  needsConfirmation: boolean,
): OutboundInput[] => {
  const base = {
    tenantId: input.tenantId,
    platformAccountId: input.platformAccountId,
    notBefore: massSend.plannedAt,
  };
  if (needsConfirmation) {
    const recipients =
      massSend.recipientKind === 'member'
        ? { kind: 'members' as const, memberExternalIds: externalIds }
        : { kind: 'groups' as const, groupExternalIds: externalIds };
    return [
      {
        ...base,
        idempotencyKey: massTaskKey(massSend.id),
        kind: 'mass_send',
        payload: { senderExternalId: input.senderExternalId!, recipients, content: input.content },
      },
    ];
  }
  return externalIds.map((externalId) => ({
    ...base,
    idempotencyKey: `${massTaskKey(massSend.id)}:${externalId}`,
    kind: 'send' as const,
    payload: {
      target:
        massSend.recipientKind === 'member'
          ? { kind: 'member' as const, memberExternalId: externalId, staffExternalId: input.senderExternalId }
          : { kind: 'group' as const, groupExternalId: externalId },
      content: input.content,
    },
  }));
};

/** The outbound row that creates a send's platform task (or prefixes its per-recipient sends). */
export const massTaskKey = (massSendId: string): string => `mass:${massSendId}`;
