import { and, eq } from 'drizzle-orm';
import { members } from '../db/schema/index.ts';
import type { EventContext, Middleware } from '../pipeline/middleware.ts';
import type { PlatformEvent } from '../platforms/platform.ts';
import { createStaffTask } from '../tasks/create-staff-task.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';
import { adjustCounts, type CommunityRow } from './communities.store.ts';
import { churnRecipientOf } from './communities.ts';
import { ensureCommunity } from './ensure-community.ts';
import { dismissCommunity, recordJoin, recordLeave } from './membership.store.ts';
import { checkRollover } from './rollover-check.ts';

/**
 * Membership tracking: joins, leaves, deleted staff accounts and dismissed groups become community_members
 * rows, member counts, timeline entries and churn alerts. Everything keys on state transitions or on the
 * inbound event, so processing an event again (or a duplicate of it) changes nothing.
 */
export const trackCommunities: Middleware = async (ctx, next) => {
  const { event } = ctx;
  if (event.type === 'group.created') await ensureCommunity(ctx, event.groupExternalId, event.name);
  if (event.type === 'member.joined_group') await onJoined(ctx, event);
  if (event.type === 'member.left_group') await onLeft(ctx, event);
  if (event.type === 'member.removed_staff') await onStaffRemoved(ctx, event);
  if (event.type === 'group.dismissed') await onDismissed(ctx, event.groupExternalId);
  await next();
};

type EventOf<T extends PlatformEvent['type']> = Extract<PlatformEvent, { type: T }>;

const onJoined = async (ctx: EventContext, event: EventOf<'member.joined_group'>) => {
  if (!ctx.member) return;
  const community = await ensureCommunity(ctx, event.groupExternalId);
  const isNew = await recordJoin(ctx.tx, {
    tenantId: ctx.tenantId,
    communityId: community.id,
    memberId: ctx.member.id,
    joinedAt: event.occurredAt,
    via: event.via,
    entryState: event.entryState ?? null,
  });
  if (!isNew) return;
  ctx.joinedCommunity = {
    id: community.id,
    name: community.name,
    storeId: community.storeId,
    seriesId: community.seriesId,
  };
  await adjustCounts(ctx.tx, community.id, { members: 1, left: 0 });
  await recordMemberEvents(ctx.tx, [
    {
      tenantId: ctx.tenantId,
      memberId: ctx.member.id,
      type: 'group.joined',
      occurredAt: event.occurredAt,
      communityId: community.id,
      data: { groupExternalId: event.groupExternalId, via: event.via, entryState: event.entryState ?? null },
      sourceEventId: ctx.inboundEventId,
    },
  ]);
  if (community.seriesId) await checkRollover(ctx, community.seriesId);
};

const onLeft = async (ctx: EventContext, event: EventOf<'member.left_group'>) => {
  if (!ctx.member) return;
  const community = await ensureCommunity(ctx, event.groupExternalId);
  const outcome = await recordLeave(ctx.tx, {
    tenantId: ctx.tenantId,
    communityId: community.id,
    memberId: ctx.member.id,
    leftAt: event.occurredAt,
    reason: event.reason,
  });
  if (outcome === 'already_left') return;
  await adjustCounts(ctx.tx, community.id, { members: outcome === 'left' ? -1 : 0, left: 1 });
  await recordMemberEvents(ctx.tx, [
    {
      tenantId: ctx.tenantId,
      memberId: ctx.member.id,
      type: 'group.left',
      occurredAt: event.occurredAt,
      communityId: community.id,
      data: { groupExternalId: event.groupExternalId, reason: event.reason },
      sourceEventId: ctx.inboundEventId,
    },
  ]);
  // A removal is staff's own doing (moderation, clean-up): only a member's own departure is churn news.
  if (event.reason === 'left') {
    await alertChurn(ctx, community, `${ctx.member.name} left ${community.name}`, { reason: 'left_group' });
  }
};

const onStaffRemoved = async (ctx: EventContext, event: EventOf<'member.removed_staff'>) => {
  if (!ctx.member) return;
  await recordMemberEvents(ctx.tx, [
    {
      tenantId: ctx.tenantId,
      memberId: ctx.member.id,
      type: 'staff.removed',
      occurredAt: event.occurredAt,
      data: {
        staffExternalId: event.staffExternalId,
        by: event.by,
        staffId: ctx.staffAccount?.staffId ?? null,
      },
      sourceEventId: ctx.inboundEventId,
    },
  ]);
  if (event.by !== 'member') return;
  await alertChurn(ctx, null, `${ctx.member.name} deleted a staff account`, {
    reason: 'removed_staff',
    staffExternalId: event.staffExternalId,
    // The staff member who was deleted hears about it even when the member has no owning guide.
    fallbackStaffId: ctx.staffAccount?.staffId ?? null,
  });
};

const onDismissed = async (ctx: EventContext, groupExternalId: string) => {
  const community = await ensureCommunity(ctx, groupExternalId);
  const outcome = await dismissCommunity(ctx.tx, {
    tenantId: ctx.tenantId,
    communityId: community.id,
    at: ctx.event.occurredAt,
  });
  await recordMemberEvents(
    ctx.tx,
    outcome.memberIds.map((memberId) => ({
      tenantId: ctx.tenantId,
      memberId,
      type: 'group.left' as const,
      occurredAt: ctx.event.occurredAt,
      communityId: community.id,
      data: { groupExternalId, reason: 'dismissed' },
      sourceEventId: ctx.inboundEventId,
    })),
  );
  if (!outcome.isNewlyDismissed) return;
  await createStaffTask(ctx.tx, {
    tenantId: ctx.tenantId,
    kind: 'churn_alert',
    title: `The group ${community.name} was dismissed`,
    storeId: community.storeId,
    data: { reason: 'group_dismissed', communityId: community.id, membersLeft: outcome.memberIds.length },
    dedupeKey: `group_dismissed:${community.id}`,
  });
};

const alertChurn = async (
  ctx: EventContext,
  community: CommunityRow | null,
  title: string,
  detail: { reason: string; staffExternalId?: string; fallbackStaffId?: string | null },
) => {
  const memberId = ctx.member!.id;
  const [member] = await ctx.tx
    .select({ ownerStaffId: members.ownerStaffId, storeId: members.storeId })
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, memberId)));
  const recipient = churnRecipientOf({
    ownerStaffId: member?.ownerStaffId ?? detail.fallbackStaffId ?? null,
    communityStoreId: community?.storeId ?? null,
    memberStoreId: member?.storeId ?? null,
  });
  await createStaffTask(ctx.tx, {
    tenantId: ctx.tenantId,
    kind: 'churn_alert',
    title,
    ...recipient,
    data: {
      reason: detail.reason,
      memberId,
      communityId: community?.id ?? null,
      staffExternalId: detail.staffExternalId ?? null,
      inboundEventId: ctx.inboundEventId,
    },
    dedupeKey: `churn:${ctx.inboundEventId}:${memberId}`,
  });
};
