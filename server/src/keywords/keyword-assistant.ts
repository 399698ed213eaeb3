import { hasModerationIncident } from '../moderation/moderation.store.ts';
import type { EventContext, Middleware } from '../pipeline/middleware.ts';
import type { MessageTarget } from '../platforms/platform.ts';
import { ensureTags, tagMembers } from '../tags/tag-members.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';
import { testRegexes } from './bounded-regex.ts';
import { claimCooldown, describeGroupChat, loadEnabledRules } from './keywords.store.ts';
import { type MessageChat, pickKeywordRule } from './match.ts';

type MessageEvent = Extract<EventContext['event'], { type: 'message' }>;

/**
 * The keyword assistant: a member's message that matches a rule gets the rule's reply in the same chat (at
 * most once per rule, chat and cooldown window) and the rule's tags. One reply per message: the highest
 * priority rule wins.
 */
export const keywordAssistant: Middleware = async (ctx, next) => {
  if (ctx.event.type === 'message' && ctx.event.text.trim() !== '' && ctx.member) {
    await replyToKeyword(ctx, ctx.event, ctx.member.id);
  }
  await next();
};

const replyToKeyword = async (ctx: EventContext, event: MessageEvent, memberId: string): Promise<void> => {
  // Without direct sends (WeCom) an automatic reply cannot go out; that platform gets no keyword assistant.
  if (!ctx.capabilities.canSendDirect) return;
  const rules = await loadEnabledRules(ctx.tx, ctx.tenantId);
  if (rules.length === 0) return;
  const chat = await describeChat(ctx, event, rules);
  const decision = pickKeywordRule(rules, { text: event.text, chat, testRegexes });
  if (decision.timedOut.length > 0) {
    ctx.deps.logger.warn(
      { ruleIds: decision.timedOut.map((r) => r.id), inboundEventId: ctx.inboundEventId },
      'keyword regex ran out of its time budget; the rule was skipped',
    );
  }
  const rule = decision.rule;
  if (!rule) return;
  // A message moderation acted on (spam, links) gets no friendly answer.
  if (await hasModerationIncident(ctx.tx, ctx.tenantId, ctx.inboundEventId)) return;
  const now = ctx.deps.now();
  const target: MessageTarget =
    event.chat.kind === 'group'
      ? { kind: 'group', groupExternalId: event.chat.groupExternalId }
      : {
          kind: 'member',
          memberExternalId: event.member.externalId,
          staffExternalId: event.chat.staffExternalId,
        };
  const chatKey =
    target.kind === 'group'
      ? `g:${ctx.platformAccountId}:${target.groupExternalId}`
      : `p:${ctx.platformAccountId}:${target.memberExternalId}`;
  const isClaimed = await claimCooldown(ctx.tx, {
    tenantId: ctx.tenantId,
    ruleId: rule.id,
    chatKey,
    now,
    cooldownSeconds: rule.cooldownSeconds,
  });
  if (!isClaimed) return;
  await ctx.outbox.enqueue({ kind: 'send', key: 'keyword', payload: { target, content: rule.reply } });
  if (rule.tagNames.length > 0) {
    const tagIds = await ensureTags(ctx.tx, ctx.tenantId, rule.tagNames);
    await tagMembers(ctx.tx, {
      tenantId: ctx.tenantId,
      memberIds: [memberId],
      tagIds: [...tagIds.values()],
      source: `keyword:${rule.id}`,
      occurredAt: now,
      sourceEventId: ctx.inboundEventId,
    });
  }
  await recordMemberEvents(ctx.tx, [
    {
      tenantId: ctx.tenantId,
      memberId,
      type: 'keyword.replied',
      occurredAt: now,
      communityId: chat.kind === 'group' ? chat.communityId : null,
      data: { ruleId: rule.id, ruleName: rule.name, messageExternalId: event.messageExternalId },
      sourceEventId: ctx.inboundEventId,
    },
  ]);
};

/** Looks the group up only when some rule's scope needs to know its community, store or series. */
const describeChat = async (
  ctx: EventContext,
  event: MessageEvent,
  rules: readonly { scopeKind: string }[],
): Promise<MessageChat> => {
  if (event.chat.kind === 'private') return { kind: 'private' };
  const needsLookup = rules.some((r) => r.scopeKind !== 'all' && r.scopeKind !== 'private');
  if (!needsLookup) return { kind: 'group', communityId: null, storeId: null, seriesId: null };
  return describeGroupChat(ctx.tx, {
    tenantId: ctx.tenantId,
    platformAccountId: ctx.platformAccountId,
    groupExternalId: event.chat.groupExternalId,
  });
};
