import { and, desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { memberIdentities, members, staffAccounts } from '../db/schema/index.ts';
import { wakeDelivery } from '../jobs/job-names.ts';
import { enqueueOutbound } from '../outbox/outbox.store.ts';
import type { OutboundMessage } from '../outbox/outbox.ts';
import type { EventContext } from '../pipeline/middleware.ts';
import type { MessageTarget } from '../platforms/platform.ts';

/**
 * Where a reward is given: the open transaction, the brand, the clock, and where the messages it causes go
 * (a level-up note, a coupon). Every reward use case (grantPoints, issueCoupon…) takes one, so the reward, its
 * idempotency record and its messages commit together or not at all.
 */
export type RewardTx = {
  readonly tx: Db;
  readonly tenantId: string;
  readonly now: Date;
  readonly sourceEventId?: number;
  /** Queue a message in this transaction. `key` names it by its cause, so a re-run queues it once. */
  enqueue: (input: { key: string; platformAccountId: string; message: OutboundMessage }) => Promise<void>;
};

/** A reward given while a platform event is processed: messages join the event's outbox rows. */
export const rewardTxOfEvent = (ctx: EventContext): RewardTx => ({
  tx: ctx.tx,
  tenantId: ctx.tenantId,
  now: ctx.deps.now(),
  sourceEventId: ctx.inboundEventId,
  enqueue: ({ key, platformAccountId, message }) =>
    ctx.outbox.enqueue({ ...message, key, platformAccountId }),
});

/**
 * Run reward work in a transaction of its own (HTTP use cases, jobs): messages are outbox rows keyed
 * `loyalty:<key>`, and their accounts' delivery is woken once the transaction has committed.
 */
export const runRewardTx = async <T>(
  deps: AppDeps,
  tenantId: string,
  work: (rt: RewardTx) => Promise<T>,
): Promise<T> => {
  const accounts = new Set<string>();
  const now = deps.now();
  const result = await deps.db.transaction((tx) =>
    work({
      tx,
      tenantId,
      now,
      enqueue: async ({ key, platformAccountId, message }) => {
        await enqueueOutbound(tx, {
          ...message,
          tenantId,
          platformAccountId,
          idempotencyKey: `loyalty:${key}`,
          notBefore: now,
        });
        accounts.add(platformAccountId);
      },
    }),
  );
  for (const platformAccountId of accounts) await wakeDelivery(deps.jobs, platformAccountId);
  return result;
};

/**
 * The member's private chat: their most recent platform identity, through the staff account of the staff member
 * who owns them where there is one (WeCom sends to a customer as a staff member).
 */
export const findMemberChat = async (
  db: Db,
  tenantId: string,
  memberId: string,
): Promise<{ platformAccountId: string; target: MessageTarget; name: string } | null> => {
  const [row] = await db
    .select({
      platformAccountId: memberIdentities.platformAccountId,
      externalId: memberIdentities.externalId,
      displayName: memberIdentities.displayName,
      name: members.name,
      staffExternalId: staffAccounts.externalId,
    })
    .from(memberIdentities)
    .innerJoin(members, eq(members.id, memberIdentities.memberId))
    .leftJoin(
      staffAccounts,
      and(
        eq(staffAccounts.staffId, members.ownerStaffId),
        eq(staffAccounts.platformAccountId, memberIdentities.platformAccountId),
      ),
    )
    .where(and(eq(memberIdentities.tenantId, tenantId), eq(memberIdentities.memberId, memberId)))
    .orderBy(desc(memberIdentities.createdAt))
    .limit(1);
  if (!row) return null;
  return {
    platformAccountId: row.platformAccountId,
    name: row.displayName ?? row.name,
    target: {
      kind: 'member',
      memberExternalId: row.externalId,
      ...(row.staffExternalId ? { staffExternalId: row.staffExternalId } : {}),
    },
  };
};
