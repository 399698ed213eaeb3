import type { EventContext, Middleware } from '../pipeline/middleware.ts';
import type { PlatformEvent } from '../platforms/platform.ts';
import { createStaffTask } from '../tasks/create-staff-task.ts';
import { isBannedOnAccount } from './join-requests.store.ts';
import { decideJoinRequest } from './join-requests.ts';

type JoinRequest = Extract<PlatformEvent, { type: 'join_request' }>;

/**
 * Answers join requests by decideJoinRequest: approve or decline through the outbox (keyed by the event, so
 * once), or a task for staff. An approved member's join arrives later as member.joined_group via 'request'.
 */
export const answerJoinRequests: Middleware = async (ctx, next) => {
  if (ctx.event.type === 'join_request' && ctx.member) await answer(ctx, ctx.event, ctx.member);
  await next();
};

const answer = async (
  ctx: EventContext,
  event: JoinRequest,
  member: NonNullable<EventContext['member']>,
): Promise<void> => {
  const decision = decideJoinRequest({
    isOrchardLink: event.entryState !== undefined,
    isBanned: await isBannedOnAccount(ctx.tx, {
      tenantId: ctx.tenantId,
      platformAccountId: ctx.platformAccountId,
      memberId: member.id,
    }),
    canAnswer: ctx.capabilities.joinRequests,
  });
  if (decision !== 'staff') {
    await ctx.outbox.enqueue({
      kind: 'join_request',
      key: 'join_request',
      payload: {
        groupExternalId: event.groupExternalId,
        memberExternalId: event.member.externalId,
        decision,
      },
    });
    return;
  }
  await createStaffTask(ctx.tx, {
    tenantId: ctx.tenantId,
    kind: 'other',
    title: `${member.name} asks to join group ${event.groupExternalId}`,
    data: {
      reason: 'join_request',
      memberId: member.id,
      groupExternalId: event.groupExternalId,
      entryState: event.entryState ?? null,
      inboundEventId: ctx.inboundEventId,
    },
    dedupeKey: `join_request:${ctx.inboundEventId}`,
  });
};
