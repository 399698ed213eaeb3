import { and, asc, eq } from 'drizzle-orm';
import { fissionRewards } from '../db/schema/index.ts';
import type { RewardTx } from '../loyalty/reward-tx.ts';
import { type CampaignRecord, findInviter, releaseTierBudget, takeTierBudget } from './fission.store.ts';
import { rewardTextOf } from './fission.ts';
import { issueRecorded, type RewardRow, tellMember } from './give-reward.ts';

/** The note of a tier reward refused because its budget was spent: such a refusal may be given a freed place. */
export const BUDGET_SPENT_NOTE = 'The tier’s budget is spent';

/**
 * A place in a tier's budget was freed (a held reward of it rejected): give it, in the caller's transaction, to the
 * earliest inviter whose reward of that tier was refused for budget. That row (its own idempotency key, never
 * issued through loyalty) goes from `refused` to `issued` (or `held`, if its inviter is on hold now) under a row
 * lock, so a re-run or a racing rejection cannot give it twice; `SKIP LOCKED` lets a concurrent rejection of the
 * same tier take the next refusal instead of waiting for this one. Without a refusal the place just stays free.
 */
export const giveFreedTierPlace = async (
  rt: RewardTx,
  record: CampaignRecord,
  tierIndex: number,
): Promise<RewardRow | null> => {
  const campaignId = record.campaign.id;
  const tier = record.tiers.find((t) => t.tierIndex === tierIndex);
  if (!tier) return null;
  const [refused] = await rt.tx
    .select()
    .from(fissionRewards)
    .where(
      and(
        eq(fissionRewards.tenantId, rt.tenantId),
        eq(fissionRewards.campaignId, campaignId),
        eq(fissionRewards.kind, 'tier'),
        eq(fissionRewards.tierIndex, tierIndex),
        eq(fissionRewards.status, 'refused'),
        eq(fissionRewards.note, BUDGET_SPENT_NOTE),
      ),
    )
    .orderBy(asc(fissionRewards.createdAt), asc(fissionRewards.id))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!refused) return null;
  if (!(await takeTierBudget(rt.tx, rt.tenantId, campaignId, tierIndex))) return null;
  const inviter = await findInviter(rt.tx, rt.tenantId, campaignId, refused.memberId);
  const isHeld = inviter?.isOnHold ?? false;
  const message = rewardTextOf(tier.name, tier.invites, isHeld);
  if (isHeld) {
    const [held] = await rt.tx
      .update(fissionRewards)
      .set({ status: 'held', note: null })
      .where(eq(fissionRewards.id, refused.id))
      .returning();
    await tellMember(rt, refused.memberId, `${refused.idempotencyKey}:held`, message);
    return held!;
  }
  const issued = await issueRecorded(
    rt,
    refused,
    message,
    `${tier.name}: ${tier.invites} friends invited (a freed place)`,
  );
  if (issued.status === 'refused') await releaseTierBudget(rt.tx, rt.tenantId, campaignId, tierIndex);
  return issued;
};
