import { and, eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../access/auth-context.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { canSeeStore } from '../access/scope.ts';
import type { AppDeps } from '../app/deps.ts';
import { findAccountProblems, findStoreProblems, throwIfProblems } from '../communities/community-guards.ts';
import type { Db } from '../db/client.ts';
import {
  campaigns,
  communitySeries,
  couponTemplates,
  fissionCampaigns,
  fissionTiers,
  staff,
} from '../db/schema/index.ts';
import { AppError, type ErrorDetail, notFound } from '../errors.ts';
import type {
  CampaignStats,
  CreateFissionCampaignInput,
  FissionCampaignView,
  UpdateFissionCampaignInput,
} from './fission.schemas.ts';
import { campaignViewOf, canSeeCampaign, listCampaignIds, loadCampaign } from './fission.store.ts';
import { campaignStatsOf } from './fission-views.ts';

/**
 * Create, read, list and change fission campaigns. Owners and operators change any; a store manager creates and
 * changes only their stores' own campaigns. Any staff reads brand-wide campaigns and their stores' ones; another
 * store's campaign is a 404 to them.
 */

const CAMPAIGN_MANAGER_ROLES = [...ORG_ADMIN_ROLES, 'store_manager' as const];

const findRewardProblems = async (db: Db, tenantId: string, input: CreateFissionCampaignInput) => {
  const rewards = [
    ...input.tiers.map((t, i) => ({ reward: t.reward, path: `tiers.${i}.reward.templateId` })),
    ...(input.inviteeReward ? [{ reward: input.inviteeReward, path: 'inviteeReward.templateId' }] : []),
  ];
  const ids = rewards.flatMap((r) => (r.reward.kind === 'coupon' ? [r.reward.templateId] : []));
  if (ids.length === 0) return [];
  const known = new Set(
    (
      await db
        .select({ id: couponTemplates.id })
        .from(couponTemplates)
        .where(and(eq(couponTemplates.tenantId, tenantId), inArray(couponTemplates.id, ids)))
    ).map((r) => r.id),
  );
  return rewards.flatMap(({ reward, path }) =>
    reward.kind === 'coupon' && !known.has(reward.templateId)
      ? [{ path, message: 'no such coupon template in this brand' }]
      : [],
  );
};

/** Series and staff of the brand (for store staff: of their stores), the series on the campaign's account. */
const findTargetProblems = async (
  db: Db,
  auth: Pick<AuthContext, 'tenantId' | 'scope'>,
  input: CreateFissionCampaignInput,
): Promise<ErrorDetail[]> => {
  const { target } = input;
  const { tenantId } = auth;
  if (target.kind === 'group') {
    const rows = await db
      .select({ id: communitySeries.id, storeId: communitySeries.storeId })
      .from(communitySeries)
      .where(
        and(
          eq(communitySeries.tenantId, tenantId),
          eq(communitySeries.platformAccountId, input.platformAccountId),
          inArray(communitySeries.id, target.seriesIds),
        ),
      );
    const known = new Set(rows.filter((r) => canSeeStore(auth.scope, r.storeId)).map((r) => r.id));
    return target.seriesIds.flatMap((id, i) =>
      known.has(id) ? [] : [{ path: `target.seriesIds.${i}`, message: 'no such series on this account' }],
    );
  }
  const rows = await db
    .select({ id: staff.id, storeId: staff.storeId })
    .from(staff)
    .where(and(eq(staff.tenantId, tenantId), inArray(staff.id, target.staffIds)));
  const known = new Set(rows.filter((r) => canSeeStore(auth.scope, r.storeId)).map((r) => r.id));
  return target.staffIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `target.staffIds.${i}`, message: 'no such staff in this brand' }],
  );
};

export const createFissionCampaign = async (
  deps: AppDeps,
  auth: AuthContext,
  input: CreateFissionCampaignInput,
): Promise<FissionCampaignView> => {
  requireRole(auth, ...CAMPAIGN_MANAGER_ROLES);
  const { db } = deps;
  const { tenantId } = auth;
  const problems = await findAccountProblems(db, tenantId, input.platformAccountId);
  throwIfProblems(problems);
  throwIfProblems([
    ...(await findStoreProblems(db, auth, input.storeId)),
    ...(await findTargetProblems(db, auth, input)),
    ...(await findRewardProblems(db, tenantId, input)),
  ]);
  const now = deps.now();
  const campaignId = await db.transaction(async (tx) => {
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        tenantId,
        kind: 'fission',
        storeId: input.storeId,
        name: input.name,
        status: input.status,
        startsAt: new Date(input.startsAt),
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        createdAt: now,
      })
      .returning({ id: campaigns.id });
    const id = campaign!.id;
    await tx.insert(fissionCampaigns).values({
      campaignId: id,
      tenantId,
      platformAccountId: input.platformAccountId,
      target: input.target,
      headline: input.headline,
      pointsPerInvite: input.pointsPerInvite,
      inviteeReward: input.inviteeReward,
      stayMinutes: input.stayMinutes,
      maxInvitesPerHour: input.maxInvitesPerHour,
      progressIntervalMinutes: input.progressIntervalMinutes,
      leaderboardEveryMinutes: input.leaderboard?.everyMinutes ?? null,
      leaderboardSize: input.leaderboard?.size ?? 10,
      updatedAt: now,
    });
    await tx.insert(fissionTiers).values(
      [...input.tiers]
        .sort((a, b) => a.invites - b.invites)
        .map((tier, tierIndex) => ({
          tenantId,
          campaignId: id,
          tierIndex,
          invites: tier.invites,
          name: tier.name,
          reward: tier.reward,
          budget: tier.budget,
        })),
    );
    return id;
  });
  return getFissionCampaign(db, auth, campaignId);
};

/** The campaign if the caller may see it; another brand's or another store's is not found. */
export const requireVisibleCampaign = async (
  db: Db,
  auth: Pick<AuthContext, 'tenantId' | 'scope'>,
  campaignId: string,
) => {
  const record = await loadCampaign(db, auth.tenantId, campaignId);
  if (!record || !canSeeCampaign(auth.scope, record.campaign)) throw notFound('Fission campaign');
  return record;
};

export const getFissionCampaign = async (
  db: Db,
  auth: Pick<AuthContext, 'tenantId' | 'scope'>,
  campaignId: string,
): Promise<FissionCampaignView> => campaignViewOf(await requireVisibleCampaign(db, auth, campaignId));

export const listFissionCampaigns = async (db: Db, auth: Pick<AuthContext, 'tenantId' | 'scope'>) => {
  const ids = await listCampaignIds(db, auth.tenantId, { scope: auth.scope });
  const items: (FissionCampaignView & { stats: CampaignStats })[] = [];
  for (const id of ids) {
    items.push({
      ...(await getFissionCampaign(db, auth, id)),
      stats: await campaignStatsOf(db, auth.tenantId, id),
    });
  }
  return items;
};

const transitions: Record<string, string[]> = {
  draft: ['draft', 'active', 'ended'],
  active: ['active', 'ended'],
  ended: ['ended'],
};

export const updateFissionCampaign = async (
  deps: AppDeps,
  auth: AuthContext,
  campaignId: string,
  input: UpdateFissionCampaignInput,
): Promise<FissionCampaignView> => {
  requireRole(auth, ...CAMPAIGN_MANAGER_ROLES);
  const record = await requireVisibleCampaign(deps.db, auth, campaignId);
  if (auth.scope.kind === 'stores' && record.campaign.storeId === null) {
    throw new AppError('forbidden', 'A brand-wide campaign is changed by owners and operators');
  }
  if (input.status && !transitions[record.campaign.status]!.includes(input.status)) {
    throw new AppError('conflict', `A ${record.campaign.status} campaign cannot become ${input.status}`);
  }
  if (input.endsAt && new Date(input.endsAt).getTime() <= record.campaign.startsAt.getTime()) {
    throwIfProblems([{ path: 'endsAt', message: 'must be after startsAt' }]);
  }
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const changes = {
      ...(input.status ? { status: input.status } : {}),
      ...(input.name ? { name: input.name } : {}),
      ...(input.endsAt !== undefined ? { endsAt: input.endsAt ? new Date(input.endsAt) : null } : {}),
    };
    if (Object.keys(changes).length > 0) {
      await tx
        .update(campaigns)
        .set(changes)
        .where(and(eq(campaigns.tenantId, auth.tenantId), eq(campaigns.id, campaignId)));
    }
    await tx
      .update(fissionCampaigns)
      .set({ ...(input.headline ? { headline: input.headline } : {}), updatedAt: now })
      .where(and(eq(fissionCampaigns.tenantId, auth.tenantId), eq(fissionCampaigns.campaignId, campaignId)));
  });
  return getFissionCampaign(deps.db, auth, campaignId);
};
