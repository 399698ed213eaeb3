import { findCommunityByExternalId } from '../communities/communities.store.ts';
import { groupWelcomeQueue } from '../db/schema/index.ts';
import { jobNames } from '../jobs/job-names.ts';
import type { Arrival, EventContext, Middleware } from '../pipeline/middleware.ts';
import type { PlatformEvent } from '../platforms/platform.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';
import { type ContactWelcome, composeContactWelcome } from './contact-welcome.ts';
import { cancelPendingTemplates, retireGroupWelcomeTemplates } from './retire-group-welcome-templates.ts';
import { brandWelcomeOf, findCodeWelcomes, findWelcome, loadGroupWelcomes } from './welcome.store.ts';
import { pickWelcome, planPrivateWelcome } from './welcome.ts';

/**
 * Welcomes on arrival (after the acquisition handler set `ctx.arrival`). 1:1: the code's welcome while the code is
 * open, else the brand default, through the platform's welcome mechanism within its deadline. Group: the newcomer
 * waits in a queue a few seconds so that members joining together share one welcome naming them.
 */
export const sendWelcomes: Middleware = async (ctx, next) => {
  const { event, arrival } = ctx;
  if (event.type === 'member.added_staff' && arrival?.kind === 'contact') {
    await welcomeContact(ctx, event, arrival);
  }
  if (event.type === 'member.joined_group' && arrival?.kind === 'group')
    await queueGroupWelcome(ctx, arrival);
  await next();
};

/**
 * A dismissed group greets nobody again: on a platform that deletes group welcome templates, every template
 * registered for its community is deleted, queued in the dismissal's own transaction (after community tracking
 * marked it dismissed), and one still waiting to be registered is cancelled. Each template's delete has one key,
 * so a repeated dismissal queues nothing new.
 */
export const retireDismissedGroupWelcomes: Middleware = async (ctx, next) => {
  if (ctx.event.type === 'group.dismissed' && ctx.adapter.deleteGroupWelcome) {
    const community = await findCommunityByExternalId(ctx.tx, {
      tenantId: ctx.tenantId,
      platformAccountId: ctx.platformAccountId,
      externalId: ctx.event.groupExternalId,
    });
    if (community) {
      const level = {
        tenantId: ctx.tenantId,
        platformAccountId: ctx.platformAccountId,
        scope: 'community' as const,
        scopeId: community.id,
      };
      await cancelPendingTemplates(ctx.tx, level);
      const queued = await retireGroupWelcomeTemplates({ db: ctx.tx, now: ctx.deps.now }, level);
      if (queued > 0) ctx.outbox.wake();
    }
  }
  await next();
};

type AddedStaff = Extract<PlatformEvent, { type: 'member.added_staff' }>;

const welcomeContact = async (ctx: EventContext, event: AddedStaff, arrival: Arrival) => {
  const member = ctx.member!;
  const codeWelcome =
    arrival.channelCodeId && arrival.isCodeOpen
      ? (await findCodeWelcomes(ctx.tx, ctx.tenantId, [arrival.channelCodeId])).get(arrival.channelCodeId)
      : null;
  const brand = brandWelcomeOf(
    await findWelcome(ctx.tx, { tenantId: ctx.tenantId, scope: 'brand', scopeId: null }),
  );
  const picked = pickWelcome([codeWelcome, brand.private]);
  if (!picked) return;
  const plan = planPrivateWelcome({
    mode: ctx.capabilities.welcome,
    welcomeToken: event.welcomeToken,
    occurredAt: event.occurredAt,
  });
  if (plan.action === 'skip') {
    await recordMemberEvents(ctx.tx, [
      {
        tenantId: ctx.tenantId,
        memberId: member.id,
        type: 'welcome.skipped',
        occurredAt: event.occurredAt,
        data: { reason: plan.reason, staffExternalId: event.staffExternalId },
        sourceEventId: ctx.inboundEventId,
      },
    ]);
    return;
  }
  const welcome: ContactWelcome = {
    tenantId: ctx.tenantId,
    platformAccountId: ctx.platformAccountId,
    inboundEventId: ctx.inboundEventId,
    memberId: member.id,
    staffId: arrival.staffId,
    memberExternalId: event.member.externalId,
    staffExternalId: event.staffExternalId,
    welcomeToken: plan.welcomeToken,
    notAfter: plan.notAfter?.toISOString(),
    maxAttachments: plan.maxAttachments,
    content: picked.content,
  };
  const nickname = event.member.name ?? ctx.identity?.displayName;
  if (nickname === undefined || nickname === null) {
    // The event names no one (WeCom callbacks carry ids): a job reads the contact, then queues the welcome.
    await ctx.jobs.send(jobNames.sendContactWelcome, welcome);
    return;
  }
  const { key, payload } = await composeContactWelcome(ctx.tx, ctx.deps, {
    ...welcome,
    nickname,
    attachments: ctx.capabilities.attachments,
  });
  await ctx.outbox.enqueue({ kind: 'welcome', key, payload });
};

/** Platforms that post group welcomes themselves (WeCom's group_welcome_template) need nothing from here. */
const queueGroupWelcome = async (ctx: EventContext, arrival: Arrival) => {
  const community = ctx.joinedCommunity!;
  if (ctx.capabilities.groupWelcome !== 'message') return;
  const { levels, brand } = await loadGroupWelcomes(ctx.tx, {
    tenantId: ctx.tenantId,
    communityId: community.id,
    seriesId: community.seriesId,
  });
  const codeId = arrival.channelCodeId && arrival.isCodeOpen ? arrival.channelCodeId : null;
  const codeWelcome = codeId ? (await findCodeWelcomes(ctx.tx, ctx.tenantId, [codeId])).get(codeId) : null;
  if (!pickWelcome([codeWelcome, ...levels])) return;
  await ctx.tx
    .insert(groupWelcomeQueue)
    .values({
      tenantId: ctx.tenantId,
      communityId: community.id,
      memberId: ctx.member!.id,
      joinedAt: ctx.event.occurredAt,
      name: ctx.identity?.displayName ?? ctx.member!.name,
      inboundEventId: ctx.inboundEventId,
      channelCodeId: codeWelcome ? codeId : null,
    })
    .onConflictDoNothing();
  // The first joiner schedules the flush; later joiners in the window ride along (one queued job per group).
  await ctx.jobs.send(
    jobNames.flushGroupWelcome,
    { tenantId: ctx.tenantId, communityId: community.id },
    { singletonKey: community.id, startAfter: brand.groupBatchSeconds },
  );
};
