import { and, eq, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { campaigns, communities, fissionCampaigns } from '../db/schema/index.ts';
import { wakeDelivery } from '../jobs/job-names.ts';
import { enqueueOutboundBatch } from '../outbox/outbox.store.ts';
import { loadCampaign } from './fission.store.ts';
import { leaderboardSlotOf, leaderboardTextOf } from './fission.ts';
import { loadLeaderboard } from './fission-views.ts';

/**
 * Post a campaign's leaderboard to its target groups, once per slot of its schedule: the campaign row's
 * `leaderboard_posted_at` moves by a conditional update (racing workers: one wins) in the transaction that
 * queues the messages, each keyed by campaign, slot and group.
 */
export const postLeaderboard = async (
  deps: AppDeps,
  input: { tenantId: string; campaignId: string },
): Promise<{ posted: number }> => {
  const record = await loadCampaign(deps.db, input.tenantId, input.campaignId);
  const every = record?.config.leaderboardEveryMinutes;
  if (!record || !every || record.campaign.status !== 'active' || record.config.target.kind !== 'group') {
    return { posted: 0 };
  }
  const now = deps.now();
  const slot = leaderboardSlotOf(now, every);
  const slotStart = new Date(slot * every * 60_000);
  const rows = await loadLeaderboard(deps.db, { ...input, size: record.config.leaderboardSize });
  const text = leaderboardTextOf(record.campaign.name, rows);
  const groups = await deps.db
    .select({ id: communities.id, externalId: communities.externalId })
    .from(communities)
    .where(
      and(
        eq(communities.tenantId, input.tenantId),
        eq(communities.platformAccountId, record.config.platformAccountId),
        eq(communities.status, 'active'),
        inArray(communities.seriesId, record.config.target.seriesIds),
      ),
    );
  const { platformAccountId } = record.config;
  const posted = await deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(fissionCampaigns)
      .set({ leaderboardPostedAt: now })
      .where(
        and(
          eq(fissionCampaigns.tenantId, input.tenantId),
          eq(fissionCampaigns.campaignId, input.campaignId),
          or(
            isNull(fissionCampaigns.leaderboardPostedAt),
            lt(fissionCampaigns.leaderboardPostedAt, slotStart),
          ),
        ),
      )
      .returning({ id: fissionCampaigns.campaignId });
    if (!claimed) return 0;
    return enqueueOutboundBatch(
      tx,
      groups.map((g) => ({
        tenantId: input.tenantId,
        platformAccountId,
        idempotencyKey: `fission:${input.campaignId}:leaderboard:${slot}:${g.id}`,
        kind: 'send' as const,
        payload: { target: { kind: 'group' as const, groupExternalId: g.externalId }, content: { text } },
        notBefore: now,
      })),
    );
  });
  if (posted > 0) await wakeDelivery(deps.jobs, platformAccountId);
  return { posted };
};

/** Active campaigns with a leaderboard schedule, across brands (the minute sweep asks each to post if due). */
export const findLeaderboardCampaigns = (db: Db) =>
  db
    .select({ tenantId: campaigns.tenantId, campaignId: campaigns.id })
    .from(campaigns)
    .innerJoin(fissionCampaigns, eq(fissionCampaigns.campaignId, campaigns.id))
    .where(and(eq(campaigns.status, 'active'), isNotNull(fissionCampaigns.leaderboardEveryMinutes)));
