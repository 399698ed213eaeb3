import { and, eq, gt, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import {
  campaigns,
  communities,
  fissionCampaigns,
  fissionInviters,
  fissionInvites,
} from '../db/schema/index.ts';
import type { EventContext, Middleware } from '../pipeline/middleware.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';
import { addParticipant, isCampaignOpen } from './fission.store.ts';
import { decideInvite, dueAtOf, isOverHourlyLimit } from './fission.ts';

/**
 * Invites: a member who arrived through an inviter's personal code (acquisition set `ctx.arrival`) becomes a
 * pending invite, or a void one at once (self-invite, duplicate, already known to the brand, campaign over). A
 * member leaving voids their pending invites and marks counted ones. Keyed by the inbound event and moved only
 * by conditional updates, so a redelivered or re-run event changes nothing.
 */
export const recordInvites: Middleware = async (ctx, next) => {
  const { event } = ctx;
  if ((event.type === 'member.joined_group' || event.type === 'member.added_staff') && ctx.arrival) {
    await onArrival(ctx);
  }
  if (event.type === 'member.left_group' && ctx.member) {
    const [community] = await ctx.tx
      .select({ id: communities.id })
      .from(communities)
      .where(
        and(
          eq(communities.tenantId, ctx.tenantId),
          eq(communities.platformAccountId, ctx.platformAccountId),
          eq(communities.externalId, event.groupExternalId),
        ),
      );
    if (community) await onLeave(ctx, community.id);
  }
  if (event.type === 'member.removed_staff' && ctx.member) await onLeave(ctx, null);
  await next();
};

const onArrival = async (ctx: EventContext) => {
  const arrival = ctx.arrival!;
  const member = ctx.member;
  if (!member || arrival.purpose !== 'fission' || !arrival.channelCodeId || !arrival.referrerMemberId) return;
  const [inviter] = await ctx.tx
    .select({ campaign: campaigns, config: fissionCampaigns, inviter: fissionInviters })
    .from(fissionInviters)
    .innerJoin(campaigns, eq(campaigns.id, fissionInviters.campaignId))
    .innerJoin(fissionCampaigns, eq(fissionCampaigns.campaignId, fissionInviters.campaignId))
    .where(
      and(
        eq(fissionInviters.tenantId, ctx.tenantId),
        eq(fissionInviters.channelCodeId, arrival.channelCodeId),
      ),
    );
  if (!inviter) return;
  const { campaign, config } = inviter;
  // No store check on the invitee, unlike joining as an inviter (enrollInviter). Only a member new to the brand
  // can count (an existing one is void as `known`), and a newcomer has no store before this arrival, which has
  // just given them the store of the inviter's code (for a store's campaign, that store) or else of the group.
  // A check could only void a newcomer for where the inviter's link sent them, never keep out another store's.
  const campaignId = campaign.id;
  const inviterMemberId = inviter.inviter.memberId;
  const at = ctx.event.occurredAt;
  // The invitee's open invite (a duplicate) and the inviter's own (her depth), in one query.
  const open = await ctx.tx
    .select({ inviteeMemberId: fissionInvites.inviteeMemberId, depth: fissionInvites.depth })
    .from(fissionInvites)
    .where(
      and(
        eq(fissionInvites.campaignId, campaignId),
        inArray(fissionInvites.inviteeMemberId, [member.id, inviterMemberId]),
        ne(fissionInvites.status, 'void'),
      ),
    );
  const decision = decideInvite({
    inviterMemberId,
    inviteeMemberId: member.id,
    isNewMember: arrival.isNewMember,
    hasOpenInvite: open.some((o) => o.inviteeMemberId === member.id),
    isCampaignOpen: isCampaignOpen(campaign, at),
  });
  const parent = open.find((o) => o.inviteeMemberId === inviterMemberId);
  const [invite] = await ctx.tx
    .insert(fissionInvites)
    .values({
      tenantId: ctx.tenantId,
      campaignId,
      inviterMemberId,
      inviteeMemberId: member.id,
      communityId: arrival.kind === 'group' ? arrival.communityId : null,
      inboundEventId: ctx.inboundEventId,
      status: decision.status,
      voidReason: decision.status === 'void' ? decision.reason : null,
      depth: (parent?.depth ?? 0) + 1,
      invitedAt: at,
      dueAt: dueAtOf(at, config.stayMinutes),
      settledAt: decision.status === 'void' ? at : null,
    })
    .onConflictDoNothing()
    .returning({ id: fissionInvites.id });
  if (!invite) return;
  await recordMemberEvents(ctx.tx, [
    {
      tenantId: ctx.tenantId,
      memberId: member.id,
      type: decision.status === 'void' ? 'fission.invite_void' : 'fission.invited',
      occurredAt: at,
      communityId: arrival.communityId,
      data: {
        campaignId,
        inviteId: invite.id,
        inviterMemberId,
        ...(decision.status === 'void' ? { reason: decision.reason } : {}),
      },
      sourceEventId: ctx.inboundEventId,
      discriminator: campaignId,
    },
  ]);
  if (decision.status === 'void') return;
  await addParticipant(ctx.tx, {
    tenantId: ctx.tenantId,
    campaignId,
    memberId: member.id,
    role: 'invitee',
    at,
  });
  await holdIfTooFast(ctx, { campaignId, inviterMemberId, at, maxPerHour: config.maxInvitesPerHour });
};

/** More than K invites within the hour before this one: the inviter's rewards wait for staff approval. */
const holdIfTooFast = async (
  ctx: EventContext,
  input: { campaignId: string; inviterMemberId: string; at: Date; maxPerHour: number },
) => {
  const [row] = await ctx.tx
    .select({ count: sql<number>`count(*)::int` })
    .from(fissionInvites)
    .where(
      and(
        eq(fissionInvites.campaignId, input.campaignId),
        eq(fissionInvites.inviterMemberId, input.inviterMemberId),
        ne(fissionInvites.status, 'void'),
        gt(fissionInvites.invitedAt, new Date(input.at.getTime() - 3_600_000)),
        lte(fissionInvites.invitedAt, input.at),
      ),
    );
  if (!isOverHourlyLimit(row?.count ?? 0, input.maxPerHour)) return;
  await ctx.tx
    .update(fissionInviters)
    .set({ isOnHold: true })
    .where(
      and(
        eq(fissionInviters.campaignId, input.campaignId),
        eq(fissionInviters.memberId, input.inviterMemberId),
        eq(fissionInviters.isOnHold, false),
      ),
    );
};

/** Left before the stay window: the invite never counts. Left after: marked, the reward stays. */
const onLeave = async (ctx: EventContext, communityId: string | null) => {
  const at = ctx.event.occurredAt;
  const where = and(
    eq(fissionInvites.tenantId, ctx.tenantId),
    eq(fissionInvites.inviteeMemberId, ctx.member!.id),
    communityId ? eq(fissionInvites.communityId, communityId) : isNull(fissionInvites.communityId),
  );
  const voided = await ctx.tx
    .update(fissionInvites)
    .set({ status: 'void', voidReason: 'left', settledAt: at, leftAt: at })
    .where(and(where, eq(fissionInvites.status, 'pending')))
    .returning({ id: fissionInvites.id, campaignId: fissionInvites.campaignId });
  await ctx.tx
    .update(fissionInvites)
    .set({ leftAt: at })
    .where(and(where, eq(fissionInvites.status, 'valid'), isNull(fissionInvites.leftAt)));
  await recordMemberEvents(
    ctx.tx,
    voided.map((v) => ({
      tenantId: ctx.tenantId,
      memberId: ctx.member!.id,
      type: 'fission.invite_void' as const,
      occurredAt: at,
      communityId,
      data: { campaignId: v.campaignId, inviteId: v.id, reason: 'left' },
      sourceEventId: ctx.inboundEventId,
      discriminator: v.id,
    })),
  );
};
