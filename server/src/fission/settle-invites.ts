import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import {
  communityMembers,
  fissionInviters,
  fissionInvites,
  fissionRewards,
  staffContacts,
} from '../db/schema/index.ts';
import { findMemberChat, type RewardTx, runRewardTx } from '../loyalty/reward-tx.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';
import {
  type CampaignRecord,
  loadCampaign,
  lockInviter,
  releaseTierBudget,
  takeTierBudget,
} from './fission.store.ts';
import {
  budgetSpentTextOf,
  isProgressDue,
  progressTextOf,
  rewardTextOf,
  type TierRule,
  tiersReached,
} from './fission.ts';
import { BUDGET_SPENT_NOTE } from './give-freed-place.ts';
import { giveReward, tellMember } from './give-reward.ts';

export type SettleOptions = {
  /** Tests only: runs after each tier reward inside the transaction (a crash there rolls everything back). */
  afterTierReward?: () => Promise<void>;
};

export type SettleResult = { valid: number; voided: number; tierRewards: number };

/**
 * Settle one inviter's invites whose stay window has passed: each invitee still there counts (the invitee gets
 * their gift, the inviter their points), then every tier the new count reaches is rewarded once within its
 * budget, and the inviter hears about it (or about progress, at most once per N minutes). One transaction under
 * the inviter's row lock: concurrent runs take turns and the second finds nothing left to do.
 */
export const settleInviter = (
  deps: AppDeps,
  input: { tenantId: string; campaignId: string; inviterMemberId: string },
  options: SettleOptions = {},
): Promise<SettleResult> =>
  runRewardTx(deps, input.tenantId, async (rt) => {
    const result: SettleResult = { valid: 0, voided: 0, tierRewards: 0 };
    const inviter = await lockInviter(rt.tx, input.tenantId, input.campaignId, input.inviterMemberId);
    if (!inviter) return result;
    const record = (await loadCampaign(rt.tx, input.tenantId, input.campaignId))!;
    const due = await rt.tx
      .select()
      .from(fissionInvites)
      .where(
        and(
          eq(fissionInvites.tenantId, input.tenantId),
          eq(fissionInvites.campaignId, input.campaignId),
          eq(fissionInvites.inviterMemberId, input.inviterMemberId),
          eq(fissionInvites.status, 'pending'),
          lte(fissionInvites.dueAt, rt.now),
        ),
      )
      .orderBy(asc(fissionInvites.invitedAt))
      .for('update');
    const present = await findPresent(rt.tx, input.tenantId, due);
    const isThere = (invite: (typeof due)[number]) => present.has(presenceKeyOf(invite));
    const valid = due.filter(isThere);
    const gone = due.filter((invite) => !isThere(invite));
    if (valid.length > 0) {
      await rt.tx
        .update(fissionInvites)
        .set({ status: 'valid', settledAt: rt.now })
        .where(
          inArray(
            fissionInvites.id,
            valid.map((i) => i.id),
          ),
        );
    }
    if (gone.length > 0) {
      await rt.tx
        .update(fissionInvites)
        .set({ status: 'void', voidReason: 'left', settledAt: rt.now })
        .where(
          inArray(
            fissionInvites.id,
            gone.map((i) => i.id),
          ),
        );
    }
    await recordMemberEvents(
      rt.tx,
      due.map((invite) => ({
        tenantId: input.tenantId,
        memberId: invite.inviteeMemberId,
        type: isThere(invite) ? ('fission.invite_valid' as const) : ('fission.invite_void' as const),
        occurredAt: rt.now,
        communityId: invite.communityId,
        data: {
          campaignId: input.campaignId,
          inviteId: invite.id,
          inviterMemberId: input.inviterMemberId,
          ...(isThere(invite) ? {} : { reason: 'left' }),
        },
      })),
    );
    result.voided = gone.length;
    result.valid = valid.length;
    for (const invite of valid) {
      await rewardInvite(rt, record, {
        inviteId: invite.id,
        inviterMemberId: input.inviterMemberId,
        inviteeMemberId: invite.inviteeMemberId,
        isHeld: inviter.isOnHold,
      });
    }
    if (result.valid === 0) return result;
    const validCount = inviter.validCount + result.valid;
    await rt.tx
      .update(fissionInviters)
      .set({ validCount })
      .where(
        and(
          eq(fissionInviters.campaignId, input.campaignId),
          eq(fissionInviters.memberId, input.inviterMemberId),
        ),
      );
    const tiers = await rewardTiers(
      rt,
      record,
      { memberId: input.inviterMemberId, validCount, isHeld: inviter.isOnHold },
      options,
    );
    result.tierRewards = tiers.given;
    if (
      tiers.given + tiers.told === 0 &&
      isProgressDue(inviter.progressSentAt, rt.now, record.config.progressIntervalMinutes)
    ) {
      await sendProgress(rt, record, input.inviterMemberId, validCount);
    }
    return result;
  });

type Presence = { inviteeMemberId: string; communityId: string | null };
const presenceKeyOf = (p: Presence) => `${p.communityId ?? 'contact'}:${p.inviteeMemberId}`;

/** Who is still in the group the invite brought them to (or still a contact, for staff campaigns): one query each. */
const findPresent = async (tx: Db, tenantId: string, invites: Presence[]): Promise<Set<string>> => {
  const present = new Set<string>();
  const inGroups = invites.filter((i) => i.communityId !== null);
  const contacts = invites.filter((i) => i.communityId === null);
  if (inGroups.length > 0) {
    const rows = await tx
      .select({ communityId: communityMembers.communityId, inviteeMemberId: communityMembers.memberId })
      .from(communityMembers)
      .where(
        and(
          eq(communityMembers.tenantId, tenantId),
          inArray(
            communityMembers.memberId,
            inGroups.map((i) => i.inviteeMemberId),
          ),
          isNull(communityMembers.leftAt),
        ),
      );
    for (const row of rows) present.add(presenceKeyOf(row));
  }
  if (contacts.length > 0) {
    const rows = await tx
      .selectDistinct({ inviteeMemberId: staffContacts.memberId })
      .from(staffContacts)
      .where(
        and(
          eq(staffContacts.tenantId, tenantId),
          inArray(
            staffContacts.memberId,
            contacts.map((i) => i.inviteeMemberId),
          ),
          isNull(staffContacts.removedAt),
        ),
      );
    for (const row of rows) present.add(presenceKeyOf({ ...row, communityId: null }));
  }
  return present;
};

const rewardInvite = async (
  rt: RewardTx,
  record: CampaignRecord,
  input: { inviteId: string; inviterMemberId: string; inviteeMemberId: string; isHeld: boolean },
) => {
  const { config } = record;
  const campaignId = record.campaign.id;
  if (config.inviteeReward) {
    await giveReward(rt, {
      campaignId,
      memberId: input.inviteeMemberId,
      kind: 'invitee',
      inviteId: input.inviteId,
      reward: config.inviteeReward,
      idempotencyKey: `fission:${campaignId}:${input.inviteeMemberId}:invitee`,
      isHeld: input.isHeld,
      message: input.isHeld
        ? null
        : `Welcome! A gift for joining ${record.campaign.name} is waiting for you.`,
      reason: `Joined ${record.campaign.name}`,
    });
  }
  if (config.pointsPerInvite > 0) {
    await giveReward(rt, {
      campaignId,
      memberId: input.inviterMemberId,
      kind: 'invite_points',
      inviteId: input.inviteId,
      reward: { kind: 'points', points: config.pointsPerInvite },
      idempotencyKey: `fission:${campaignId}:invite:${input.inviteId}`,
      isHeld: input.isHeld,
      message: null,
      reason: `A friend joined through you (${record.campaign.name})`,
    });
  }
};

const tierRulesOf = (record: CampaignRecord): TierRule[] =>
  record.tiers.map((t) => ({ tierIndex: t.tierIndex, invites: t.invites, name: t.name, reward: t.reward }));

const rewardTiers = async (
  rt: RewardTx,
  record: CampaignRecord,
  input: { memberId: string; validCount: number; isHeld: boolean },
  options: SettleOptions,
): Promise<{ given: number; told: number }> => {
  const campaignId = record.campaign.id;
  const settled = await rt.tx
    .select({ tierIndex: fissionRewards.tierIndex })
    .from(fissionRewards)
    .where(
      and(
        eq(fissionRewards.tenantId, rt.tenantId),
        eq(fissionRewards.campaignId, campaignId),
        eq(fissionRewards.memberId, input.memberId),
        eq(fissionRewards.kind, 'tier'),
      ),
    );
  const reached = tiersReached(
    input.validCount,
    tierRulesOf(record),
    new Set(settled.map((s) => s.tierIndex!)),
  );
  let given = 0;
  let told = 0;
  for (const tier of reached) {
    const idempotencyKey = `fission:${campaignId}:${input.memberId}:tier:${tier.tierIndex}`;
    const hasBudget = await takeTierBudget(rt.tx, rt.tenantId, campaignId, tier.tierIndex);
    if (!hasBudget) {
      const refused = await rt.tx
        .insert(fissionRewards)
        .values({
          tenantId: rt.tenantId,
          campaignId,
          memberId: input.memberId,
          kind: 'tier',
          tierIndex: tier.tierIndex,
          reward: tier.reward,
          status: 'refused',
          note: BUDGET_SPENT_NOTE,
          idempotencyKey,
          createdAt: rt.now,
        })
        .onConflictDoNothing()
        .returning({ id: fissionRewards.id });
      // Told once, with the refusal (not the progress note, which would promise every gift).
      if (refused.length > 0) {
        await tellMember(
          rt,
          input.memberId,
          `${idempotencyKey}:refused`,
          budgetSpentTextOf(tier.name, tier.invites),
        );
        told++;
      }
      continue;
    }
    const row = await giveReward(rt, {
      campaignId,
      memberId: input.memberId,
      kind: 'tier',
      tierIndex: tier.tierIndex,
      reward: tier.reward,
      idempotencyKey,
      isHeld: input.isHeld,
      message: rewardTextOf(tier.name, tier.invites, input.isHeld),
      reason: `${tier.name}: ${tier.invites} friends invited`,
    });
    if (!row || row.status === 'refused')
      await releaseTierBudget(rt.tx, rt.tenantId, campaignId, tier.tierIndex);
    if (row) given++;
    await options.afterTierReward?.();
  }
  return { given, told };
};

const sendProgress = async (rt: RewardTx, record: CampaignRecord, memberId: string, validCount: number) => {
  const campaignId = record.campaign.id;
  await rt.tx
    .update(fissionInviters)
    .set({ progressSentAt: rt.now })
    .where(and(eq(fissionInviters.campaignId, campaignId), eq(fissionInviters.memberId, memberId)));
  const chat = await findMemberChat(rt.tx, rt.tenantId, memberId);
  if (!chat) return;
  await rt.enqueue({
    key: `fission:${campaignId}:${memberId}:progress:${validCount}`,
    platformAccountId: chat.platformAccountId,
    message: {
      kind: 'send',
      payload: { target: chat.target, content: { text: progressTextOf(validCount, tierRulesOf(record)) } },
    },
  });
};

/** Inviters with invites past their stay window, for the sweep to settle (one job each). */
export const findDueInviters = async (db: Db, now: Date, limit = 1000) =>
  db
    .selectDistinct({
      tenantId: fissionInvites.tenantId,
      campaignId: fissionInvites.campaignId,
      inviterMemberId: fissionInvites.inviterMemberId,
    })
    .from(fissionInvites)
    .where(and(eq(fissionInvites.status, 'pending'), lte(fissionInvites.dueAt, now)))
    .limit(limit);
