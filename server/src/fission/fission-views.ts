import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { fissionInviters, fissionInvites, fissionRewards, members } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { type Page, pageOf } from '../http/pagination.ts';
import { inviterLinkOf } from './enroll-inviter.ts';
import type { CampaignStats, FissionProgressView } from './fission.schemas.ts';
import { type CampaignRecord, findInviter, findMemberName, loadCampaign } from './fission.store.ts';
import { kFactorOf, type LeaderboardRow, nextTierOf, progressTextOf, rankInviters } from './fission.ts';

/** Read models: one inviter's progress, the leaderboard, the invite tree with its K-factor. */

const requireCampaign = async (db: Db, tenantId: string, campaignId: string): Promise<CampaignRecord> => {
  const record = await loadCampaign(db, tenantId, campaignId);
  if (!record) throw notFound('Fission campaign');
  return record;
};

export const getFissionProgress = async (
  deps: AppDeps,
  input: { tenantId: string; campaignId: string; memberId: string },
): Promise<FissionProgressView> => {
  const { tenantId, campaignId, memberId } = input;
  const record = await requireCampaign(deps.db, tenantId, campaignId);
  const inviter = await findInviter(deps.db, tenantId, campaignId, memberId);
  if (!inviter) throw notFound('Inviter');
  const counts = await deps.db
    .select({ status: fissionInvites.status, count: sql<number>`count(*)::int` })
    .from(fissionInvites)
    .where(
      and(
        eq(fissionInvites.tenantId, tenantId),
        eq(fissionInvites.campaignId, campaignId),
        eq(fissionInvites.inviterMemberId, memberId),
      ),
    )
    .groupBy(fissionInvites.status);
  const countOf = (status: string) => counts.find((c) => c.status === status)?.count ?? 0;
  const rewards = await deps.db
    .select({ tierIndex: fissionRewards.tierIndex, status: fissionRewards.status })
    .from(fissionRewards)
    .where(
      and(
        eq(fissionRewards.tenantId, tenantId),
        eq(fissionRewards.campaignId, campaignId),
        eq(fissionRewards.memberId, memberId),
        eq(fissionRewards.kind, 'tier'),
      ),
    );
  const tiers = record.tiers.map((t) => ({
    tierIndex: t.tierIndex,
    invites: t.invites,
    name: t.name,
    reward: t.reward,
  }));
  const next = nextTierOf(inviter.validCount, tiers);
  return {
    campaignId,
    memberId,
    name: (await findMemberName(deps.db, tenantId, memberId)) ?? '',
    link: await inviterLinkOf(deps, tenantId, inviter),
    validCount: inviter.validCount,
    pendingCount: countOf('pending'),
    voidCount: countOf('void'),
    isOnHold: inviter.isOnHold,
    nextTier: next
      ? { invites: next.invites, name: next.name, remaining: next.invites - inviter.validCount }
      : null,
    tiers: tiers.map((t) => ({
      tierIndex: t.tierIndex,
      invites: t.invites,
      name: t.name,
      status: rewards.find((r) => r.tierIndex === t.tierIndex)?.status ?? 'locked',
    })),
    text: progressTextOf(inviter.validCount, tiers),
  };
};

export const loadLeaderboard = async (
  db: Db,
  input: { tenantId: string; campaignId: string; size: number },
): Promise<LeaderboardRow[]> => {
  const rows = await db
    .select({
      memberId: fissionInviters.memberId,
      name: members.name,
      validCount: fissionInviters.validCount,
      joinedAt: fissionInviters.joinedAt,
    })
    .from(fissionInviters)
    .innerJoin(members, eq(members.id, fissionInviters.memberId))
    .where(
      and(
        eq(fissionInviters.tenantId, input.tenantId),
        eq(fissionInviters.campaignId, input.campaignId),
        sql`${fissionInviters.validCount} > 0`,
      ),
    )
    .orderBy(
      sql`${fissionInviters.validCount} desc`,
      asc(fissionInviters.joinedAt),
      asc(fissionInviters.memberId),
    )
    .limit(input.size);
  return rankInviters(rows, input.size);
};

export const getFissionLeaderboard = async (
  db: Db,
  input: { tenantId: string; campaignId: string; size: number },
) => {
  await requireCampaign(db, input.tenantId, input.campaignId);
  return { campaignId: input.campaignId, items: await loadLeaderboard(db, input) };
};

export const getFissionInviteTree = async (
  db: Db,
  input: { tenantId: string; campaignId: string; limit: number },
) => {
  await requireCampaign(db, input.tenantId, input.campaignId);
  const where = and(
    eq(fissionInvites.tenantId, input.tenantId),
    eq(fissionInvites.campaignId, input.campaignId),
  );
  const [totals] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${fissionInvites.status} = 'pending')::int`,
      valid: sql<number>`count(*) filter (where ${fissionInvites.status} = 'valid')::int`,
      void: sql<number>`count(*) filter (where ${fissionInvites.status} = 'void')::int`,
      maxDepth: sql<number>`coalesce(max(${fissionInvites.depth}) filter (where ${fissionInvites.status} <> 'void'), 0)::int`,
    })
    .from(fissionInvites)
    .where(where);
  const [inviters] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(fissionInviters)
    .where(
      and(eq(fissionInviters.tenantId, input.tenantId), eq(fissionInviters.campaignId, input.campaignId)),
    );
  const edges = await db
    .select()
    .from(fissionInvites)
    .where(where)
    .orderBy(asc(fissionInvites.depth), asc(fissionInvites.invitedAt), asc(fissionInvites.id))
    .limit(input.limit);
  const ids = [...new Set(edges.flatMap((e) => [e.inviterMemberId, e.inviteeMemberId]))];
  const names = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .select({ id: members.id, name: members.name })
            .from(members)
            .where(and(eq(members.tenantId, input.tenantId), inArray(members.id, ids)))
        ).map((m) => [m.id, m.name]),
  );
  return {
    campaignId: input.campaignId,
    inviters: inviters?.count ?? 0,
    invites: { pending: totals?.pending ?? 0, valid: totals?.valid ?? 0, void: totals?.void ?? 0 },
    kFactor: kFactorOf(totals?.valid ?? 0, inviters?.count ?? 0),
    maxDepth: totals?.maxDepth ?? 0,
    edges: edges.map((e) => ({
      inviterMemberId: e.inviterMemberId,
      inviteeMemberId: e.inviteeMemberId,
      inviterName: names.get(e.inviterMemberId) ?? '',
      inviteeName: names.get(e.inviteeMemberId) ?? '',
      status: e.status,
      voidReason: e.voidReason,
      depth: e.depth,
      invitedAt: e.invitedAt.toISOString(),
      leftAt: e.leftAt?.toISOString() ?? null,
    })),
  };
};

/** The figures of a campaign's row in the console's list: inviters, invites and rewards. */
export const campaignStatsOf = async (
  db: Db,
  tenantId: string,
  campaignId: string,
): Promise<CampaignStats> => {
  const [inviters] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(fissionInviters)
    .where(and(eq(fissionInviters.tenantId, tenantId), eq(fissionInviters.campaignId, campaignId)));
  const [invites] = await db
    .select({
      valid: sql<number>`count(*) filter (where ${fissionInvites.status} = 'valid')::int`,
      pending: sql<number>`count(*) filter (where ${fissionInvites.status} = 'pending')::int`,
    })
    .from(fissionInvites)
    .where(and(eq(fissionInvites.tenantId, tenantId), eq(fissionInvites.campaignId, campaignId)));
  const [rewards] = await db
    .select({
      issued: sql<number>`count(*) filter (where ${fissionRewards.status} = 'issued')::int`,
      held: sql<number>`count(*) filter (where ${fissionRewards.status} = 'held')::int`,
    })
    .from(fissionRewards)
    .where(and(eq(fissionRewards.tenantId, tenantId), eq(fissionRewards.campaignId, campaignId)));
  return {
    inviters: inviters?.count ?? 0,
    validInvites: invites?.valid ?? 0,
    pendingInvites: invites?.pending ?? 0,
    rewardsIssued: rewards?.issued ?? 0,
    rewardsHeld: rewards?.held ?? 0,
  };
};

/**
 * The campaign's inviters, newest first, keyset-paged by member id, with their invite counts. `visible` is the
 * caller's member filter (a store-bound caller sees only their stores' members).
 */
export const listFissionInviters = async (
  db: Db,
  input: { tenantId: string; campaignId: string; visible: SQL | undefined; limit: number; cursor?: string },
): Promise<Page<FissionInviterRow>> => {
  const { tenantId, campaignId } = input;
  await requireCampaign(db, tenantId, campaignId);
  const counted = (status: string) =>
    sql<number>`(select count(*)::int from ${fissionInvites} where ${fissionInvites.tenantId} = ${tenantId}
      and ${fissionInvites.campaignId} = ${campaignId}
      and ${fissionInvites.inviterMemberId} = ${fissionInviters.memberId}
      and ${fissionInvites.status} = ${status})`;
  const rows = await db
    .select({
      memberId: fissionInviters.memberId,
      name: members.name,
      validCount: fissionInviters.validCount,
      pendingCount: counted('pending'),
      voidCount: counted('void'),
      isOnHold: fissionInviters.isOnHold,
      joinedAt: fissionInviters.joinedAt,
    })
    .from(fissionInviters)
    .innerJoin(members, eq(members.id, fissionInviters.memberId))
    .where(
      and(
        eq(fissionInviters.tenantId, tenantId),
        eq(fissionInviters.campaignId, campaignId),
        input.visible,
        input.cursor
          ? sql`(${fissionInviters.joinedAt}, ${fissionInviters.memberId}) < (select i.joined_at, i.member_id
              from ${fissionInviters} i where i.campaign_id = ${campaignId} and i.member_id = ${input.cursor})`
          : undefined,
      ),
    )
    .orderBy(desc(fissionInviters.joinedAt), desc(fissionInviters.memberId))
    .limit(input.limit + 1);
  return pageOf(
    rows,
    input.limit,
    (r) => r.memberId,
    (r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }),
  );
};

export type FissionInviterRow = {
  memberId: string;
  name: string;
  validCount: number;
  pendingCount: number;
  voidCount: number;
  isOnHold: boolean;
  joinedAt: string;
};
