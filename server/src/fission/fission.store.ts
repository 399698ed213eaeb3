import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import { canSeeStore } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import {
  type CampaignStatus,
  campaignParticipants,
  campaigns,
  fissionCampaigns,
  fissionInviters,
  fissionTiers,
  members,
} from '../db/schema/index.ts';
import type { FissionCampaignView } from './fission.schemas.ts';

/** Campaign configuration queries: the registry row, the fission row and its tiers, always by tenant. */

export type TierRow = typeof fissionTiers.$inferSelect;
export type CampaignRecord = {
  campaign: typeof campaigns.$inferSelect;
  config: typeof fissionCampaigns.$inferSelect;
  tiers: TierRow[];
};

export const campaignViewOf = ({ campaign, config, tiers }: CampaignRecord): FissionCampaignView => ({
  id: campaign.id,
  name: campaign.name,
  headline: config.headline,
  status: campaign.status,
  platformAccountId: config.platformAccountId,
  storeId: campaign.storeId,
  startsAt: campaign.startsAt.toISOString(),
  endsAt: campaign.endsAt?.toISOString() ?? null,
  target: config.target,
  tiers: tiers.map((t) => ({
    tierIndex: t.tierIndex,
    invites: t.invites,
    name: t.name,
    reward: t.reward,
    budget: t.budget,
    grantedCount: t.grantedCount,
  })),
  pointsPerInvite: config.pointsPerInvite,
  inviteeReward: config.inviteeReward,
  stayMinutes: config.stayMinutes,
  maxInvitesPerHour: config.maxInvitesPerHour,
  progressIntervalMinutes: config.progressIntervalMinutes,
  leaderboard:
    config.leaderboardEveryMinutes === null
      ? null
      : { everyMinutes: config.leaderboardEveryMinutes, size: config.leaderboardSize },
  createdAt: campaign.createdAt.toISOString(),
});

export const loadCampaign = async (
  db: Db,
  tenantId: string,
  campaignId: string,
): Promise<CampaignRecord | undefined> => {
  const [row] = await db
    .select({ campaign: campaigns, config: fissionCampaigns })
    .from(campaigns)
    .innerJoin(fissionCampaigns, eq(fissionCampaigns.campaignId, campaigns.id))
    .where(
      and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, campaignId), eq(campaigns.kind, 'fission')),
    );
  if (!row) return undefined;
  const tiers = await db
    .select()
    .from(fissionTiers)
    .where(and(eq(fissionTiers.tenantId, tenantId), eq(fissionTiers.campaignId, campaignId)))
    .orderBy(asc(fissionTiers.invites));
  return { ...row, tiers };
};

/**
 * Campaigns a caller may see: brand-wide ones (store staff read them and enrol their members, as analytics shows
 * them) and their own stores' ones; another store's campaign is answered as not found.
 */
export const canSeeCampaign = (scope: Scope, campaign: { storeId: string | null }) =>
  campaign.storeId === null || canSeeStore(scope, campaign.storeId);

const visibleCampaigns = (scope: Scope | undefined): SQL | undefined =>
  scope?.kind === 'stores'
    ? or(isNull(campaigns.storeId), inArray(campaigns.storeId, scope.storeIds))
    : undefined;

export const listCampaignIds = async (
  db: Db,
  tenantId: string,
  options: { status?: CampaignStatus; scope?: Scope } = {},
): Promise<string[]> => {
  const rows = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.tenantId, tenantId),
        eq(campaigns.kind, 'fission'),
        options.status ? eq(campaigns.status, options.status) : undefined,
        visibleCampaigns(options.scope),
      ),
    )
    .orderBy(asc(campaigns.startsAt), asc(campaigns.id));
  return rows.map((r) => r.id);
};

/** Open for invites at `at`: active and within its window. */
export const isCampaignOpen = (
  campaign: { status: CampaignStatus; startsAt: Date; endsAt: Date | null },
  at: Date,
) =>
  campaign.status === 'active' &&
  campaign.startsAt.getTime() <= at.getTime() &&
  (campaign.endsAt === null || at.getTime() < campaign.endsAt.getTime());

export type InviterRow = typeof fissionInviters.$inferSelect;

export const findInviter = async (db: Db, tenantId: string, campaignId: string, memberId: string) =>
  (
    await db
      .select()
      .from(fissionInviters)
      .where(
        and(
          eq(fissionInviters.tenantId, tenantId),
          eq(fissionInviters.campaignId, campaignId),
          eq(fissionInviters.memberId, memberId),
        ),
      )
  )[0];

/** The inviter row, locked: settlements of one inviter take turns. */
export const lockInviter = async (tx: Db, tenantId: string, campaignId: string, memberId: string) =>
  (
    await tx
      .select()
      .from(fissionInviters)
      .where(
        and(
          eq(fissionInviters.tenantId, tenantId),
          eq(fissionInviters.campaignId, campaignId),
          eq(fissionInviters.memberId, memberId),
        ),
      )
      .for('update')
  )[0];

export const addParticipant = (
  tx: Db,
  input: { tenantId: string; campaignId: string; memberId: string; role: 'inviter' | 'invitee'; at: Date },
) =>
  tx
    .insert(campaignParticipants)
    .values({
      tenantId: input.tenantId,
      campaignId: input.campaignId,
      memberId: input.memberId,
      role: input.role,
      joinedAt: input.at,
    })
    .onConflictDoNothing();

export const findMemberName = async (db: Db, tenantId: string, memberId: string) =>
  (
    await db
      .select({ name: members.name })
      .from(members)
      .where(and(eq(members.tenantId, tenantId), eq(members.id, memberId)))
  )[0]?.name;

/** One tier of a campaign. */
const isTier = (tenantId: string, campaignId: string, tierIndex: number) =>
  and(
    eq(fissionTiers.tenantId, tenantId),
    eq(fissionTiers.campaignId, campaignId),
    eq(fissionTiers.tierIndex, tierIndex),
  );

/** Take one place of a tier's budget; false when it is spent (a conditional update: concurrency-safe). */
export const takeTierBudget = async (tx: Db, tenantId: string, campaignId: string, tierIndex: number) => {
  const rows = await tx
    .update(fissionTiers)
    .set({ grantedCount: sql`${fissionTiers.grantedCount} + 1` })
    .where(
      and(
        isTier(tenantId, campaignId, tierIndex),
        sql`(${fissionTiers.budget} is null or ${fissionTiers.grantedCount} < ${fissionTiers.budget})`,
      ),
    )
    .returning({ grantedCount: fissionTiers.grantedCount });
  return rows.length > 0;
};

/**
 * Lock a tier's row for the rest of the transaction. Whatever touches a tier's budget and issues a coupon takes
 * the tier first and the coupon template second (settlement does, through takeTierBudget), so two of them
 * never wait on each other in opposite orders.
 */
export const lockTier = async (tx: Db, tenantId: string, campaignId: string, tierIndex: number) => {
  await tx
    .select({ tierIndex: fissionTiers.tierIndex })
    .from(fissionTiers)
    .where(isTier(tenantId, campaignId, tierIndex))
    .for('update');
};

export const releaseTierBudget = (tx: Db, tenantId: string, campaignId: string, tierIndex: number) =>
  tx
    .update(fissionTiers)
    .set({ grantedCount: sql`greatest(${fissionTiers.grantedCount} - 1, 0)` })
    .where(isTier(tenantId, campaignId, tierIndex));
