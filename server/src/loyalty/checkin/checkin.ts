import { addDays, daysBetween, daysOfMonth, type LocalDate } from '../calendar.ts';
import type { LoyaltyRules } from '../settings/loyalty-settings.ts';

/** Daily check-in rules, pure: keywords, streaks and their bonuses, milestones, make-up cards, the calendar. */

type CheckinRules = LoyaltyRules['checkin'];

const trailingPunctuation = /[\s!！。.~～]+$/u;

/** A message is a check-in when it is one of the keywords (any case, spacing and trailing "!" aside). */
export const isCheckinKeyword = (text: string, keywords: readonly string[]): boolean => {
  const said = normalize(text);
  return said !== '' && keywords.some((keyword) => normalize(keyword) === said);
};

const normalize = (text: string) =>
  text.trim().replace(trailingPunctuation, '').replaceAll(/\s+/g, ' ').toLowerCase();

/** The streak of a day, given the streak of the day before (null: no check-in that day). */
export const streakAfter = (previousDayStreak: number | null): number => (previousDayStreak ?? 0) + 1;

export type CheckinReward = {
  points: number;
  /** The streak bonus earned today, if the streak just reached one. */
  bonus: { day: number; points: number; couponTemplateId?: string } | null;
};

/**
 * Points for one check-in: the daily points, plus a streak bonus on the day a streak reaches a bonus day.
 * A made-up day earns the daily points only; the streak it restores pays on the next real check-in.
 */
export const rewardForCheckin = (
  rules: CheckinRules,
  perCheckin: number,
  input: { streak: number; isMakeup: boolean },
): CheckinReward => {
  const bonus = input.isMakeup ? undefined : rules.streakBonuses.find((b) => b.day === input.streak);
  return {
    points: perCheckin + (bonus?.points ?? 0),
    bonus: bonus ? { day: bonus.day, points: bonus.points, couponTemplateId: bonus.couponTemplateId } : null,
  };
};

/** Milestones crossed when the member's total check-ins went from `before` to `after`. */
export const milestonesReached = (rules: CheckinRules, before: number, after: number) =>
  rules.milestones.filter((m) => m.total > before && m.total <= after);

export type MakeupRefusal = 'not_in_past' | 'too_old';

/** Whether `day` may be made up today: a past day within the brand's reach (already checked in is the store's). */
export const checkMakeupDay = (
  rules: CheckinRules,
  input: { day: LocalDate; today: LocalDate },
): MakeupRefusal | null => {
  const age = daysBetween(input.day, input.today);
  if (age <= 0) return 'not_in_past';
  if (age > rules.makeupWithinDays) return 'too_old';
  return null;
};

/**
 * After a day is filled in with streak `streak`, the streaks of the consecutive days that follow it grow:
 * returns the new streak of each of those days (stopping at the first gap).
 */
export const restreakAfter = (
  filled: { day: LocalDate; streak: number },
  later: readonly { day: LocalDate }[],
): { day: LocalDate; streak: number }[] => {
  const byDay = new Set(later.map((row) => row.day));
  const result: { day: LocalDate; streak: number }[] = [];
  for (let day = addDays(filled.day, 1), streak = filled.streak + 1; byDay.has(day); streak++) {
    result.push({ day, streak });
    day = addDays(day, 1);
  }
  return result;
};

/** The streak a member stands on today: today's, or yesterday's if today is still open. */
export const currentStreak = (
  rows: readonly { day: LocalDate; streak: number }[],
  today: LocalDate,
): number => {
  const byDay = new Map(rows.map((row) => [row.day, row.streak]));
  return byDay.get(today) ?? byDay.get(addDays(today, -1)) ?? 0;
};

export type CalendarDay = { day: LocalDate; kind: 'keyword' | 'page' | 'makeup' | null; isToday: boolean };

export const calendarOf = (
  month: string,
  rows: readonly { day: LocalDate; kind: 'keyword' | 'page' | 'makeup' }[],
  today: LocalDate,
): CalendarDay[] => {
  const byDay = new Map(rows.map((row) => [row.day, row.kind]));
  return daysOfMonth(month).map((day) => ({ day, kind: byDay.get(day) ?? null, isToday: day === today }));
};

/** The window of `seconds` an instant falls in: check-ins within it share one group message. */
export const ackWindowOf = (now: Date, seconds: number): { start: Date; end: Date } => {
  const size = seconds * 1000;
  const start = Math.floor(now.getTime() / size) * size;
  return { start: new Date(start), end: new Date(start + size) };
};

const maxNamesShown = 20;

/** The group's acknowledgement: the template with the names, the list cut short in a crowded window. */
export const renderAck = (template: string, names: readonly string[]): string => {
  const shown = names.slice(0, maxNamesShown).join(', ');
  const more = names.length > maxNamesShown ? ` +${names.length - maxNamesShown}` : '';
  return template.replaceAll('{names}', `${shown}${more}`).replaceAll('{count}', String(names.length));
};
