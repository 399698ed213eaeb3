import { recordAudit } from '../audit/audit.store.ts';
import { findGroupJoinedAt } from '../communities/membership.store.ts';
import type { EventContext, Middleware } from '../pipeline/middleware.ts';
import { findStaffBehind } from '../platforms/staff-accounts.store.ts';
import { createStaffTask } from '../tasks/create-staff-task.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';
import { type Detection, detectOffence, type OffenceReason } from './detect.ts';
import {
  countOffencesSince,
  countRecentMessages,
  insertIncident,
  listBrandGroups,
  loadModerationSettings,
  resetRecentMessages,
} from './moderation.store.ts';
import { type ModerationPlan, planModeration } from './moderation.ts';
import type { ModerationActionType, ModerationSettings } from './settings.ts';

type GroupMessage = Extract<EventContext['event'], { type: 'message' }> & { chat: { kind: 'group' } };
type Member = NonNullable<EventContext['member']>;

const chatKeyOf = (platformAccountId: string, groupExternalId: string) =>
  `g:${platformAccountId}:${groupExternalId}`;

const reasonText: Record<OffenceReason, string> = {
  link: 'no links',
  newcomer_link: 'no links in your first hour',
  qr_code: 'no QR codes',
  blocked_word: 'no advertising words',
  flood: 'no flooding',
};

/**
 * Group moderation: checks each group message against the brand's rules and escalates along the ladder as far
 * as the platform allows, alerting staff for the rest. The newcomer rule reads join times from community_members,
 * which trackCommunities (earlier in the chain, same transaction) keeps for every group a join was seen in.
 */
export const moderateGroupMessages: Middleware = async (ctx, next) => {
  const event = ctx.event;
  if (event.type === 'message' && event.chat.kind === 'group' && ctx.member) {
    await moderateMessage(ctx, event as GroupMessage, ctx.member);
  }
  await next();
};

const moderateMessage = async (ctx: EventContext, event: GroupMessage, member: Member): Promise<void> => {
  const settings = await loadModerationSettings(ctx.tx, ctx.tenantId);
  if (await isWhitelisted(ctx, settings, member, event.member.externalId)) return;
  const chatKey = chatKeyOf(ctx.platformAccountId, event.chat.groupExternalId);
  const who = { tenantId: ctx.tenantId, memberId: member.id, chatKey };
  const recentMessageCount = settings.checks.flood
    ? await countRecentMessages(ctx.tx, {
        ...who,
        inboundEventId: ctx.inboundEventId,
        postedAt: event.occurredAt,
        windowSeconds: settings.flood.seconds,
      })
    : 1;
  const joinedAt = settings.checks.newcomerLinks
    ? await findGroupJoinedAt(ctx.tx, {
        tenantId: ctx.tenantId,
        platformAccountId: ctx.platformAccountId,
        groupExternalId: event.chat.groupExternalId,
        memberId: member.id,
      })
    : null;
  const detection = detectOffence({
    text: event.text,
    attachments: event.attachments,
    settings,
    recentMessageCount,
    joinedAt,
    postedAt: event.occurredAt,
  });
  if (detection.reasons.length === 0) return;
  if (detection.reasons.includes('flood')) await resetRecentMessages(ctx.tx, who);

  const since = new Date(event.occurredAt.getTime() - settings.offenceWindowDays * 86_400_000);
  const offenceNumber = (await countOffencesSince(ctx.tx, { ...who, since })) + 1;
  const plan = planModeration({ offenceCount: offenceNumber, settings, capabilities: ctx.capabilities });
  const groups = await listBrandGroups(ctx.tx, {
    tenantId: ctx.tenantId,
    platformAccountId: ctx.platformAccountId,
  });
  const group = groups.find((g) => g.externalId === event.chat.groupExternalId);
  const evidence = {
    member: { id: member.id, name: member.name, externalId: event.member.externalId },
    group: {
      externalId: event.chat.groupExternalId,
      communityId: group?.id ?? null,
      name: group?.name ?? null,
    },
    message: { externalId: event.messageExternalId, text: event.text, attachments: event.attachments },
    reasons: detection.reasons,
    links: detection.links,
    blockedWords: detection.blockedWords,
    offenceNumber,
  };
  const isNew = await insertIncident(ctx.tx, {
    tenantId: ctx.tenantId,
    memberId: member.id,
    platformAccountId: ctx.platformAccountId,
    groupExternalId: event.chat.groupExternalId,
    messageExternalId: event.messageExternalId,
    inboundEventId: ctx.inboundEventId,
    reasons: detection.reasons,
    offenceNumber,
    actions: plan.actions,
    alerted: plan.alerted,
    evidence,
    occurredAt: event.occurredAt,
  });
  if (!isNew) return;

  const banGroups = [...new Set([event.chat.groupExternalId, ...groups.map((g) => g.externalId)])];
  for (const action of plan.actions) {
    await enqueueAction(ctx, { action, event, member, settings, detection, banGroups });
  }
  if (plan.alerted.length > 0) {
    await createStaffTask(ctx.tx, {
      tenantId: ctx.tenantId,
      kind: 'moderation_alert',
      title: `Moderation needed: ${plan.alerted.join(', ')} ${member.name} in ${group?.name ?? event.chat.groupExternalId}`,
      storeId: group?.storeId ?? null,
      data: { ...evidence, wantedActions: plan.alerted, doneActions: plan.actions },
      dedupeKey: `moderation:${ctx.inboundEventId}`,
    });
  }
  await recordTrail(ctx, {
    member,
    plan,
    evidence,
    communityId: group?.id ?? null,
    occurredAt: event.occurredAt,
  });
};

const isWhitelisted = async (
  ctx: EventContext,
  settings: ModerationSettings,
  member: Member,
  externalId: string,
): Promise<boolean> => {
  if (settings.whitelist.memberIds.includes(member.id)) return true;
  const staffId = await findStaffBehind(ctx.tx, {
    tenantId: ctx.tenantId,
    platformAccountId: ctx.platformAccountId,
    externalId,
  });
  return staffId !== null && (settings.whitelist.allStaff || settings.whitelist.staffIds.includes(staffId));
};

const enqueueAction = async (
  ctx: EventContext,
  input: {
    action: ModerationActionType;
    event: GroupMessage;
    member: Member;
    settings: ModerationSettings;
    detection: Detection;
    banGroups: string[];
  },
): Promise<void> => {
  const groupExternalId = input.event.chat.groupExternalId;
  const memberExternalId = input.event.member.externalId;
  switch (input.action) {
    case 'warn': {
      const reason = input.detection.reasons.map((r) => reasonText[r]).join(', ');
      const text = input.settings.warnText
        .replaceAll('%NICKNAME%', input.member.name)
        .replaceAll('%REASON%', reason);
      await ctx.outbox.enqueue({
        kind: 'send',
        key: 'moderation:warn',
        payload: { target: { kind: 'group', groupExternalId }, content: { text } },
      });
      return;
    }
    case 'delete':
      await ctx.outbox.enqueue({
        kind: 'moderate',
        key: 'moderation:delete',
        payload: {
          action: { type: 'delete', groupExternalId, messageExternalId: input.event.messageExternalId },
        },
      });
      return;
    case 'mute': {
      const untilMs = ctx.deps.now().getTime() + input.settings.muteMinutes * 60_000;
      await ctx.outbox.enqueue({
        kind: 'moderate',
        key: 'moderation:mute',
        payload: { action: { type: 'mute', groupExternalId, memberExternalId, untilMs } },
      });
      return;
    }
    case 'remove':
      await ctx.outbox.enqueue({
        kind: 'moderate',
        key: 'moderation:remove',
        payload: { action: { type: 'remove', groupExternalId, memberExternalId } },
      });
      return;
    case 'ban':
      // A ban covers every group of the brand on this platform account, not only the one offended in.
      for (const banGroup of input.banGroups) {
        await ctx.outbox.enqueue({
          kind: 'moderate',
          key: `moderation:ban:${banGroup}`,
          payload: { action: { type: 'ban', groupExternalId: banGroup, memberExternalId } },
        });
      }
      return;
  }
};

/** One audit row per action (alerts included) with the offending message, and one timeline entry. */
const recordTrail = async (
  ctx: EventContext,
  input: {
    member: Member;
    plan: ModerationPlan;
    evidence: Record<string, unknown>;
    communityId: string | null;
    occurredAt: Date;
  },
): Promise<void> => {
  const entries = [
    ...input.plan.actions.map((a) => ({ action: `moderation.${a}`, isAlert: false })),
    ...input.plan.alerted.map((a) => ({ action: `moderation.alert.${a}`, isAlert: true })),
  ];
  for (const entry of entries) {
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenantId,
      actor: { type: 'system' },
      action: entry.action,
      targetType: 'member',
      targetId: input.member.id,
      data: { ...input.evidence, inboundEventId: ctx.inboundEventId },
    });
  }
  await recordMemberEvents(ctx.tx, [
    {
      tenantId: ctx.tenantId,
      memberId: input.member.id,
      type: 'moderation.action',
      occurredAt: input.occurredAt,
      communityId: input.communityId,
      data: { ...input.evidence, actions: input.plan.actions, alerted: input.plan.alerted },
      sourceEventId: ctx.inboundEventId,
    },
  ]);
};
