import { findCommunityByExternalId } from '../../communities/communities.store.ts';
import type { EventContext, Middleware } from '../../pipeline/middleware.ts';
import type { MessageTarget } from '../../platforms/platform.ts';
import { couponAttachmentOf } from '../coupons/welcome-coupons.ts';
import { rewardTxOfEvent } from '../reward-tx.ts';
import { loadBrandLoyalty } from '../settings/settings.store.ts';
import { type CheckinResult, checkIn } from './check-in.ts';
import { appendAckName, upsertAckOutbound } from './checkin.store.ts';
import { ackWindowOf, isCheckinKeyword, renderAck } from './checkin.ts';

type MessageEvent = Extract<EventContext['event'], { type: 'message' }>;

/** Longer messages are conversation, not a check-in keyword: they skip the settings lookup. */
const maxKeywordLength = 40;

/**
 * Daily check-in by keyword ("打卡", "check in", configurable): checks the member in for the brand's day, and the
 * group gets one short acknowledgement per few seconds naming everyone who checked in meanwhile. A check-in
 * keyword is a command, not conversation: the chain stops here, so the keyword assistant does not answer it.
 */
export const dailyCheckIn: Middleware = async (ctx, next) => {
  const { event } = ctx;
  if (
    event.type !== 'message' ||
    !ctx.member ||
    event.text.length > maxKeywordLength ||
    event.text.trim() === ''
  ) {
    return next();
  }
  const brand = await loadBrandLoyalty(ctx.tx, ctx.tenantId);
  if (!isCheckinKeyword(event.text, brand.rules.checkin.keywords)) return next();
  const community =
    event.chat.kind === 'group'
      ? await findCommunityByExternalId(ctx.tx, {
          tenantId: ctx.tenantId,
          platformAccountId: ctx.platformAccountId,
          externalId: event.chat.groupExternalId,
        })
      : null;
  const result = await checkIn(rewardTxOfEvent(ctx), {
    memberId: ctx.member.id,
    kind: 'keyword',
    brand,
    communityId: community?.id ?? null,
  });
  if (result.status !== 'checked_in' || !ctx.capabilities.canSendDirect) return;
  const name = ctx.identity?.displayName ?? ctx.member.name;
  const { ack } = brand.rules.checkin;
  if (ack.isEnabled)
    await acknowledge(ctx, event, { name, template: ack.template, windowSeconds: ack.windowSeconds });
  await sendRewards(ctx, event, result);
};

const acknowledge = async (
  ctx: EventContext,
  event: MessageEvent,
  input: { name: string; template: string; windowSeconds: number },
): Promise<void> => {
  if (event.chat.kind === 'private') {
    const target: MessageTarget = {
      kind: 'member',
      memberExternalId: event.member.externalId,
      staffExternalId: event.chat.staffExternalId,
    };
    await ctx.outbox.enqueue({
      kind: 'send',
      key: 'checkin-ack',
      payload: { target, content: { text: renderAck(input.template, [input.name]) } },
    });
    return;
  }
  const { groupExternalId } = event.chat;
  const target: MessageTarget = { kind: 'group', groupExternalId };
  const window = ackWindowOf(ctx.deps.now(), input.windowSeconds);
  const names = await appendAckName(ctx.tx, {
    tenantId: ctx.tenantId,
    platformAccountId: ctx.platformAccountId,
    groupExternalId,
    windowStart: window.start,
    name: input.name,
  });
  const isQueued = await upsertAckOutbound(ctx.tx, {
    tenantId: ctx.tenantId,
    platformAccountId: ctx.platformAccountId,
    idempotencyKey: `checkin-ack:${groupExternalId}:${window.start.getTime()}`,
    target,
    content: { text: renderAck(input.template, names) },
    notBefore: window.end,
    sourceEventId: ctx.inboundEventId,
  });
  if (isQueued) {
    ctx.outbox.wake();
    return;
  }
  // The window's message has already gone out: this late check-in gets a line of its own.
  await ctx.outbox.enqueue({
    kind: 'send',
    key: 'checkin-ack',
    payload: { target, content: { text: renderAck(input.template, [input.name]) } },
  });
};

/** Coupons a check-in earned go to the member's private chat, once (keyed by this event). */
const sendRewards = async (
  ctx: EventContext,
  event: MessageEvent,
  result: Extract<CheckinResult, { status: 'checked_in' }>,
): Promise<void> => {
  if (result.coupons.length === 0) return;
  await ctx.outbox.enqueue({
    kind: 'send',
    key: 'checkin-rewards',
    payload: {
      target: {
        kind: 'member',
        memberExternalId: event.member.externalId,
        ...(event.chat.kind === 'private' ? { staffExternalId: event.chat.staffExternalId } : {}),
      },
      content: {
        text: `🎁 Check-in day ${result.streak}: a reward for you`,
        attachments: result.coupons.map(couponAttachmentOf),
      },
    },
  });
};
