import { describe, expect, it } from 'vitest';
import { loyaltyRulesSchema } from '../settings/loyalty-settings.ts';
import {
  ackWindowOf,
  calendarOf,
  checkMakeupDay,
  currentStreak,
  isCheckinKeyword,
  milestonesReached,
  renderAck,
  restreakAfter,
  rewardForCheckin,
  streakAfter,
} from './checkin.ts';

const rules = loyaltyRulesSchema.parse({
  checkin: {
    milestones: [
      { total: 10, points: 50 },
      { total: 30, points: 0, couponTemplateId: '00000000-0000-4000-8000-000000000001' },
    ],
  },
}).checkin;

describe('check-in rules', () => {
  it('recognises the keywords, however they are typed', () => {
    const keywords = rules.keywords;
    expect(isCheckinKeyword('打卡', keywords)).toBe(true);
    expect(isCheckinKeyword(' 打卡！ ', keywords)).toBe(true);
    expect(isCheckinKeyword('Check  In!', keywords)).toBe(true);
    expect(isCheckinKeyword('打卡了吗', keywords)).toBe(false);
    expect(isCheckinKeyword('', keywords)).toBe(false);
    expect(isCheckinKeyword('!!!', ['!'])).toBe(false);
  });

  it('grows a streak from the day before', () => {
    expect(streakAfter(null)).toBe(1);
    expect(streakAfter(6)).toBe(7);
  });

  it('pays the daily points, and the bonus on the day a streak reaches 3, 7 and 30', () => {
    expect(rewardForCheckin(rules, 10, { streak: 1, isMakeup: false })).toEqual({ points: 10, bonus: null });
    expect(rewardForCheckin(rules, 10, { streak: 3, isMakeup: false })).toEqual({
      points: 15,
      bonus: { day: 3, points: 5, couponTemplateId: undefined },
    });
    expect(rewardForCheckin(rules, 10, { streak: 7, isMakeup: false }).points).toBe(30);
    expect(rewardForCheckin(rules, 10, { streak: 8, isMakeup: false }).points).toBe(10);
    expect(rewardForCheckin(rules, 10, { streak: 30, isMakeup: false }).points).toBe(110);
  });

  it('pays a made-up day its daily points only', () => {
    expect(rewardForCheckin(rules, 10, { streak: 7, isMakeup: true })).toEqual({ points: 10, bonus: null });
  });

  it('crosses each milestone once', () => {
    expect(milestonesReached(rules, 9, 10).map((m) => m.total)).toEqual([10]);
    expect(milestonesReached(rules, 10, 11)).toEqual([]);
    expect(milestonesReached(rules, 29, 30)[0]).toMatchObject({
      total: 30,
      couponTemplateId: expect.any(String),
    });
  });

  it('lets a card make up a past day within reach only', () => {
    const today = '2025-05-10';
    expect(checkMakeupDay(rules, { day: '2025-05-09', today })).toBeNull();
    expect(checkMakeupDay(rules, { day: '2025-05-03', today })).toBeNull();
    expect(checkMakeupDay(rules, { day: '2025-05-02', today })).toBe('too_old');
    expect(checkMakeupDay(rules, { day: today, today })).toBe('not_in_past');
    expect(checkMakeupDay(rules, { day: '2025-05-11', today })).toBe('not_in_past');
  });

  it('joins the days after a made-up one into its streak, up to the next gap', () => {
    const later = [{ day: '2025-05-06' }, { day: '2025-05-07' }, { day: '2025-05-09' }];
    expect(restreakAfter({ day: '2025-05-05', streak: 4 }, later)).toEqual([
      { day: '2025-05-06', streak: 5 },
      { day: '2025-05-07', streak: 6 },
    ]);
    expect(restreakAfter({ day: '2025-05-05', streak: 1 }, [{ day: '2025-05-07' }])).toEqual([]);
  });

  it('stands on today’s streak, or yesterday’s while today is open', () => {
    const rows = [
      { day: '2025-05-08', streak: 2 },
      { day: '2025-05-09', streak: 3 },
    ];
    expect(currentStreak(rows, '2025-05-09')).toBe(3);
    expect(currentStreak(rows, '2025-05-10')).toBe(3);
    expect(currentStreak(rows, '2025-05-11')).toBe(0);
  });

  it('lays out a month', () => {
    const days = calendarOf('2025-02', [{ day: '2025-02-03', kind: 'makeup' }], '2025-02-04');
    expect(days).toHaveLength(28);
    expect(days[2]).toEqual({ day: '2025-02-03', kind: 'makeup', isToday: false });
    expect(days[3]).toEqual({ day: '2025-02-04', kind: null, isToday: true });
  });

  it('gathers check-ins of a few seconds into one window and one line', () => {
    const window = ackWindowOf(new Date('2025-05-10T08:00:07.500Z'), 5);
    expect(window.start.toISOString()).toBe('2025-05-10T08:00:05.000Z');
    expect(window.end.toISOString()).toBe('2025-05-10T08:00:10.000Z');
    expect(renderAck('✅ {names} checked in ({count})', ['Wang Fang', 'Li Lei'])).toBe(
      '✅ Wang Fang, Li Lei checked in (2)',
    );
    const crowd = Array.from({ length: 23 }, (_, i) => `M${i}`);
    expect(renderAck('{names}', crowd)).toMatch(/^M0, M1, .*, M19 \+3$/);
  });
});
