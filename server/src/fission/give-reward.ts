import { and, eq } from 'drizzle-orm';
import {
  type FissionReward,
  type FissionRewardKind,
  type FissionRewardStatus,
  fissionRewards,
} from '../db/schema/index.ts';
import { issueCoupon } from '../loyalty/coupons/issue-coupon.ts';
import { grantPoints } from '../loyalty/points/grant-points.ts';
import { findMemberChat, type RewardTx } from '../loyalty/reward-tx.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';

export type RewardRow = typeof fissionRewards.$inferSelect;

export type RewardRequest = {
  campaignId: string;
  memberId: string;
  kind: FissionRewardKind;
  tierIndex?: number | null;
  inviteId?: string | null;
  reward: FissionReward;
  /** Unique per brand: `fission:<campaign>:<member>:tier:<n>` and the like. */
  idempotencyKey: string;
  /** Held: recorded for staff approval, nothing issued yet. */
  isHeld: boolean;
  /** What the member is told once it is issued (or held); nothing when null. */
  message: string | null;
  reason: string;
};

/**
 * Record a fission reward exactly once (the row's unique idempotency key) and, unless held, issue it through
 * loyalty (coupon or points, under the same key, with the campaign's id for its ROI) and queue the member's
 * message, all in the caller's transaction. Returns null when the key had been used: nothing happens twice.
 */
export const giveReward = async (rt: RewardTx, request: RewardRequest): Promise<RewardRow | null> => {
  const [row] = await rt.tx
    .insert(fissionRewards)
    .values({
      tenantId: rt.tenantId,
      campaignId: request.campaignId,
      memberId: request.memberId,
      kind: request.kind,
      tierIndex: request.tierIndex ?? null,
      inviteId: request.inviteId ?? null,
      reward: request.reward,
      status: request.isHeld ? 'held' : 'issued',
      idempotencyKey: request.idempotencyKey,
      createdAt: rt.now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  if (request.isHeld) {
    await tellMember(rt, row.memberId, `${row.idempotencyKey}:held`, request.message);
    return row;
  }
  return issueRecorded(rt, row, request.message, request.reason);
};

/** Issue a recorded reward (new, or held and now approved) and tell the member. */
export const issueRecorded = async (
  rt: RewardTx,
  row: RewardRow,
  message: string | null,
  reason: string,
): Promise<RewardRow> => {
  const { reward } = row;
  let status: FissionRewardStatus = 'issued';
  let note: string | null = null;
  let couponId: string | null = null;
  let ledgerEntryId: number | null = null;
  if (reward.kind === 'coupon') {
    const issued = await issueCoupon(rt, {
      memberId: row.memberId,
      templateId: reward.templateId,
      source: 'campaign',
      idempotencyKey: row.idempotencyKey,
      campaignId: row.campaignId,
    });
    if (issued.status === 'refused') {
      status = 'refused';
      note = issued.message;
    } else couponId = issued.coupon.id;
  } else {
    const granted = await grantPoints(rt, {
      memberId: row.memberId,
      points: reward.points,
      source: 'invite',
      reason,
      idempotencyKey: row.idempotencyKey,
      campaignId: row.campaignId,
      data: { fissionRewardId: row.id },
    });
    ledgerEntryId = granted.entry.id;
  }
  const [updated] = await rt.tx
    .update(fissionRewards)
    .set({ status, note, couponId, ledgerEntryId })
    .where(and(eq(fissionRewards.tenantId, rt.tenantId), eq(fissionRewards.id, row.id)))
    .returning();
  await recordMemberEvents(rt.tx, [
    {
      tenantId: rt.tenantId,
      memberId: row.memberId,
      type: 'fission.reward',
      occurredAt: rt.now,
      data: {
        campaignId: row.campaignId,
        rewardId: row.id,
        kind: row.kind,
        tierIndex: row.tierIndex,
        status,
      },
    },
  ]);
  if (status === 'issued') await tellMember(rt, row.memberId, `${row.idempotencyKey}:issued`, message);
  return updated!;
};

/** Queue the member's message (keyed by its cause) in the reward's transaction; nothing without a chat. */
export const tellMember = async (rt: RewardTx, memberId: string, key: string, message: string | null) => {
  if (!message) return;
  const chat = await findMemberChat(rt.tx, rt.tenantId, memberId);
  if (!chat) return;
  await rt.enqueue({
    key,
    platformAccountId: chat.platformAccountId,
    message: { kind: 'send', payload: { target: chat.target, content: { text: message } } },
  });
};
