import type { CheckinKind } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordMemberEvents } from '../../timeline/record-member-event.ts';
import { addDays, type LocalDate, localDateOf } from '../calendar.ts';
import type { CouponView } from '../coupons/issue-coupon.ts';
import { issueCoupon } from '../coupons/issue-coupon.ts';
import { grantPoints, spendPoints } from '../points/grant-points.ts';
import { findAccount } from '../points/points.store.ts';
import type { RewardTx } from '../reward-tx.ts';
import type { BrandLoyalty } from '../settings/settings.store.ts';
import {
  addMakeupCard,
  countCheckins,
  findCheckin,
  insertCheckin,
  listCheckins,
  saveStreaks,
  setCheckinPoints,
  useMakeupCard,
} from './checkin.store.ts';
import {
  checkMakeupDay,
  milestonesReached,
  restreakAfter,
  rewardForCheckin,
  streakAfter,
} from './checkin.ts';

export type CheckinResult =
  | {
      status: 'checked_in';
      day: LocalDate;
      streak: number;
      /** Points credited for the day (streak bonus and level multiplier included) and for milestones. */
      points: number;
      total: number;
      coupons: CouponView[];
    }
  | { status: 'already'; day: LocalDate; streak: number };

/**
 * Check a member in for a day of the brand's calendar (today, or a past day with a make-up card). The check-in
 * row is unique per member and day, and every reward hangs off it with keys derived from (member, day) or
 * (member, milestone), so however often the same check-in arrives, it pays once.
 */
export const checkIn = async (
  rt: RewardTx,
  input: {
    memberId: string;
    kind: CheckinKind;
    brand: BrandLoyalty;
    day?: LocalDate;
    communityId?: string | null;
  },
): Promise<CheckinResult> => {
  const { memberId, brand } = input;
  const { rules } = brand;
  const scope = { tenantId: rt.tenantId, memberId };
  const day = input.day ?? localDateOf(rt.now, brand.timeZone);
  const previous = await findCheckin(rt.tx, { ...scope, day: addDays(day, -1) });
  const streak = streakAfter(previous?.streak ?? null);
  const isMakeup = input.kind === 'makeup';
  const reward = rewardForCheckin(rules.checkin, rules.points.perCheckin, { streak, isMakeup });
  const row = await insertCheckin(rt.tx, {
    ...scope,
    day,
    kind: input.kind,
    streak,
    points: reward.points,
    communityId: input.communityId ?? null,
    sourceEventId: rt.sourceEventId ?? null,
  });
  if (!row) {
    const existing = await findCheckin(rt.tx, { ...scope, day });
    return { status: 'already', day, streak: existing?.streak ?? streak };
  }
  let points = 0;
  const coupons: CouponView[] = [];
  if (reward.points > 0) {
    const granted = await grantPoints(rt, {
      memberId,
      points: reward.points,
      source: 'checkin',
      reason: reward.bonus ? `Check-in, day ${streak} of a streak` : 'Daily check-in',
      idempotencyKey: `checkin:${memberId}:${day}`,
      data: { day, streak, ...(reward.bonus ? { bonus: reward.bonus.points } : {}) },
    });
    points += granted.entry.points;
    if (granted.entry.points !== reward.points) {
      await setCheckinPoints(rt.tx, { memberId, day, points: granted.entry.points });
    }
  }
  if (reward.bonus?.couponTemplateId) {
    await collectCoupon(
      rt,
      coupons,
      memberId,
      reward.bonus.couponTemplateId,
      `checkin-bonus:${memberId}:${day}`,
    );
  }
  if (isMakeup) {
    const later = await listCheckins(rt.tx, { ...scope, from: addDays(day, 1), to: addDays(day, 366) });
    await saveStreaks(rt.tx, { memberId, streaks: restreakAfter({ day, streak }, later) });
  }
  const total = await countCheckins(rt.tx, rt.tenantId, memberId);
  for (const milestone of milestonesReached(rules.checkin, total - 1, total)) {
    if (milestone.points > 0) {
      const granted = await grantPoints(rt, {
        memberId,
        points: milestone.points,
        source: 'checkin',
        reason: `${milestone.total} check-ins`,
        idempotencyKey: `checkin-milestone:${memberId}:${milestone.total}`,
        data: { milestone: milestone.total },
      });
      points += granted.entry.points;
    }
    if (milestone.couponTemplateId) {
      const key = `checkin-milestone:${memberId}:${milestone.total}`;
      await collectCoupon(rt, coupons, memberId, milestone.couponTemplateId, key);
    }
  }
  await recordMemberEvents(rt.tx, [
    {
      tenantId: rt.tenantId,
      memberId,
      type: 'checked_in',
      occurredAt: rt.now,
      communityId: input.communityId ?? null,
      data: { day, kind: input.kind, streak, points },
      sourceEventId: rt.sourceEventId ?? null,
      discriminator: day,
    },
  ]);
  return { status: 'checked_in', day, streak, points, total, coupons };
};

const collectCoupon = async (
  rt: RewardTx,
  into: CouponView[],
  memberId: string,
  templateId: string,
  idempotencyKey: string,
) => {
  const result = await issueCoupon(rt, { memberId, templateId, source: 'reward', idempotencyKey });
  if (result.status !== 'refused') into.push(result.coupon);
};

/** Buy a make-up card with points; `requestId` makes a retried purchase buy one card, not two. */
export const buyMakeupCard = async (
  rt: RewardTx,
  input: { memberId: string; requestId: string; brand: BrandLoyalty },
): Promise<{ cards: number; balance: number }> => {
  const price = input.brand.rules.checkin.makeupCardPrice;
  if (price <= 0) throw new AppError('not_eligible', 'This brand does not sell make-up cards');
  const spent = await spendPoints(rt, {
    memberId: input.memberId,
    points: price,
    source: 'makeup',
    reason: 'Make-up card',
    idempotencyKey: `makeup-card:${input.memberId}:${input.requestId}`,
  });
  const cards = spent.isNew
    ? await addMakeupCard(rt.tx, rt.tenantId, input.memberId)
    : ((await findAccount(rt.tx, rt.tenantId, input.memberId))?.makeupCards ?? 0);
  return { cards, balance: spent.balance };
};

/** Fill a missed day with a make-up card: the day counts for streaks and milestones and earns the daily points. */
export const makeUpCheckin = async (
  rt: RewardTx,
  input: { memberId: string; day: LocalDate; brand: BrandLoyalty },
): Promise<Extract<CheckinResult, { status: 'checked_in' }>> => {
  const refusal = checkMakeupDay(input.brand.rules.checkin, {
    day: input.day,
    today: localDateOf(rt.now, input.brand.timeZone),
  });
  if (refusal) {
    const message =
      refusal === 'not_in_past'
        ? 'only a past day can be made up'
        : `only the last ${input.brand.rules.checkin.makeupWithinDays} days can be made up`;
    throw new AppError('validation_failed', `Invalid body: day: ${message}`, [{ path: 'day', message }]);
  }
  if (!(await useMakeupCard(rt.tx, rt.tenantId, input.memberId))) {
    throw new AppError('not_eligible', 'No make-up card left: buy one with points first');
  }
  const result = await checkIn(rt, {
    memberId: input.memberId,
    kind: 'makeup',
    day: input.day,
    brand: input.brand,
  });
  // Throwing rolls the card back with everything else.
  if (result.status === 'already')
    throw new AppError('already_checked_in', `${input.day} is already checked in`);
  return result;
};
