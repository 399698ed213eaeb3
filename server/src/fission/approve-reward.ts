import { and, asc, eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../access/auth-context.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { type FissionRewardStatus, fissionInviters, fissionRewards, members } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { type Page, pageOf } from '../http/pagination.ts';
import { runRewardTx } from '../loyalty/reward-tx.ts';
import { loadCampaign, lockTier, releaseTierBudget } from './fission.store.ts';
import { rewardTextOf } from './fission.ts';
import { giveFreedTierPlace } from './give-freed-place.ts';
import { issueRecorded, type RewardRow } from './give-reward.ts';

/** The approvals queue: rewards held because their inviter invited faster than K per hour. */

export const rewardViewOf = (row: RewardRow) => ({
  id: row.id,
  campaignId: row.campaignId,
  memberId: row.memberId,
  kind: row.kind,
  tierIndex: row.tierIndex,
  reward: row.reward,
  status: row.status,
  couponId: row.couponId,
  note: row.note,
  createdAt: row.createdAt.toISOString(),
  decidedAt: row.decidedAt?.toISOString() ?? null,
});

export const listFissionRewards = async (
  db: Db,
  input: {
    tenantId: string;
    campaignId: string;
    status?: FissionRewardStatus;
    limit: number;
    cursor?: string;
  },
): Promise<Page<ReturnType<typeof rewardViewOf> & { memberName: string }>> => {
  if (!(await loadCampaign(db, input.tenantId, input.campaignId))) throw notFound('Fission campaign');
  const rows = await db
    .select({ reward: fissionRewards, memberName: members.name })
    .from(fissionRewards)
    .innerJoin(members, eq(members.id, fissionRewards.memberId))
    .where(
      and(
        eq(fissionRewards.tenantId, input.tenantId),
        eq(fissionRewards.campaignId, input.campaignId),
        input.status ? eq(fissionRewards.status, input.status) : undefined,
        // Oldest first (the order of the queue); the cursor row is looked up, like olderThanCursor.
        input.cursor
          ? sql`(${fissionRewards.createdAt}, ${fissionRewards.id}) > (select r.created_at, r.id
              from ${fissionRewards} r where r.tenant_id = ${input.tenantId} and r.id = ${input.cursor})`
          : undefined,
      ),
    )
    .orderBy(asc(fissionRewards.createdAt), asc(fissionRewards.id))
    .limit(input.limit + 1);
  return pageOf(
    rows,
    input.limit,
    (r) => r.reward.id,
    (r) => ({ ...rewardViewOf(r.reward), memberName: r.memberName }),
  );
};

const lockHeld = async (tx: Db, tenantId: string, rewardId: string) => {
  const [row] = await tx
    .select()
    .from(fissionRewards)
    .where(and(eq(fissionRewards.tenantId, tenantId), eq(fissionRewards.id, rewardId)))
    .for('update');
  if (!row) throw notFound('Fission reward');
  if (row.status !== 'held') throw new AppError('conflict', `The reward is ${row.status}, not held`);
  return row;
};

/** Approve: issue the held reward now (coupon or points, under its key) and tell the member. */
export const approveFissionReward = async (deps: AppDeps, auth: AuthContext, rewardId: string) => {
  requireRole(auth, ...ORG_ADMIN_ROLES);
  const staffId = auth.actor.type === 'staff' ? auth.actor.id : null;
  const row = await runRewardTx(deps, auth.tenantId, async (rt) => {
    const held = await lockHeld(rt.tx, auth.tenantId, rewardId);
    // The tier before the coupon template, as settlement takes them (a refused coupon gives the budget back).
    if (held.kind === 'tier' && held.tierIndex !== null)
      await lockTier(rt.tx, auth.tenantId, held.campaignId, held.tierIndex);
    const record = (await loadCampaign(rt.tx, auth.tenantId, held.campaignId))!;
    const tier = record.tiers.find((t) => t.tierIndex === held.tierIndex);
    const message =
      held.kind === 'tier' && tier
        ? rewardTextOf(tier.name, tier.invites, false)
        : held.kind === 'invitee'
          ? `Welcome! A gift for joining ${record.campaign.name} is waiting for you.`
          : null;
    const issued = await issueRecorded(rt, held, message, `${record.campaign.name}: approved reward`);
    if (issued.status === 'refused' && held.kind === 'tier' && held.tierIndex !== null) {
      await releaseTierBudget(rt.tx, auth.tenantId, held.campaignId, held.tierIndex);
    }
    const [decided] = await rt.tx
      .update(fissionRewards)
      .set({ decidedAt: rt.now, decidedByStaffId: staffId })
      .where(eq(fissionRewards.id, held.id))
      .returning();
    return decided!;
  });
  return rewardViewOf(row);
};

/**
 * Reject: nothing is issued, and a tier reward gives its place in the budget back, to the earliest inviter whose
 * reward of that tier was refused for budget if there is one (issued and told in this same transaction).
 */
export const rejectFissionReward = async (
  deps: AppDeps,
  auth: AuthContext,
  rewardId: string,
  note: string,
) => {
  requireRole(auth, ...ORG_ADMIN_ROLES);
  const staffId = auth.actor.type === 'staff' ? auth.actor.id : null;
  const row = await runRewardTx(deps, auth.tenantId, async (rt) => {
    const held = await lockHeld(rt.tx, auth.tenantId, rewardId);
    const [rejected] = await rt.tx
      .update(fissionRewards)
      .set({ status: 'rejected', note, decidedAt: rt.now, decidedByStaffId: staffId })
      .where(eq(fissionRewards.id, held.id))
      .returning();
    if (held.kind === 'tier' && held.tierIndex !== null) {
      await releaseTierBudget(rt.tx, auth.tenantId, held.campaignId, held.tierIndex);
      const record = (await loadCampaign(rt.tx, auth.tenantId, held.campaignId))!;
      await giveFreedTierPlace(rt, record, held.tierIndex);
    }
    return rejected!;
  });
  return rewardViewOf(row);
};

/** Lift an inviter's hold: rewards from now on are issued without approval (held ones stay in the queue). */
export const releaseFissionInviter = async (
  deps: AppDeps,
  auth: AuthContext,
  input: { campaignId: string; memberId: string },
) => {
  requireRole(auth, ...ORG_ADMIN_ROLES);
  const [row] = await deps.db
    .update(fissionInviters)
    .set({ isOnHold: false })
    .where(
      and(
        eq(fissionInviters.tenantId, auth.tenantId),
        eq(fissionInviters.campaignId, input.campaignId),
        eq(fissionInviters.memberId, input.memberId),
      ),
    )
    .returning();
  if (!row) throw notFound('Inviter');
};
