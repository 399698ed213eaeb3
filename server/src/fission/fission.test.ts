import { describe, expect, it } from 'vitest';
import {
  decideInvite,
  isOverHourlyLimit,
  isProgressDue,
  kFactorOf,
  leaderboardSlotOf,
  maskNameOf,
  progressTextOf,
  rankInviters,
  type TierRule,
  tiersReached,
} from './fission.ts';

const tiers: TierRule[] = [
  { tierIndex: 1, invites: 10, name: 'Facial mask', reward: { kind: 'coupon', templateId: 'm' } },
  { tierIndex: 0, invites: 5, name: 'Facial cleanser', reward: { kind: 'coupon', templateId: 'c' } },
];
const arrival = {
  inviterMemberId: 'a',
  inviteeMemberId: 'b',
  isNewMember: true,
  hasOpenInvite: false,
  isCampaignOpen: true,
};

describe('fission rules', () => {
  it('counts only new members arriving through someone else’s link while the campaign runs', () => {
    expect(decideInvite(arrival)).toEqual({ status: 'pending' });
    expect(decideInvite({ ...arrival, inviteeMemberId: 'a', isNewMember: false })).toEqual({
      status: 'void',
      reason: 'self',
    });
    expect(decideInvite({ ...arrival, hasOpenInvite: true, isNewMember: false })).toMatchObject({
      reason: 'duplicate',
    });
    expect(decideInvite({ ...arrival, isNewMember: false })).toMatchObject({ reason: 'known' });
    expect(decideInvite({ ...arrival, isCampaignOpen: false })).toMatchObject({ reason: 'campaign_over' });
  });

  it('reaches tiers in order and never a settled one twice', () => {
    expect(tiersReached(4, tiers, new Set()).map((t) => t.tierIndex)).toEqual([]);
    expect(tiersReached(5, tiers, new Set()).map((t) => t.tierIndex)).toEqual([0]);
    expect(tiersReached(12, tiers, new Set()).map((t) => t.tierIndex)).toEqual([0, 1]);
    expect(tiersReached(12, tiers, new Set([0])).map((t) => t.tierIndex)).toEqual([1]);
  });

  it('says how many are left for the next gift', () => {
    expect(progressTextOf(3, tiers)).toBe('3 of 5 — 2 more for your gift (Facial cleanser)');
    expect(progressTextOf(7, tiers)).toBe('7 of 10 — 3 more for your gift (Facial mask)');
    expect(progressTextOf(10, tiers)).toMatch(/^10 friends joined through you/);
  });

  it('holds above K invites an hour and paces progress by N minutes', () => {
    expect(isOverHourlyLimit(30, 30)).toBe(false);
    expect(isOverHourlyLimit(31, 30)).toBe(true);
    const at = new Date('2026-03-01T10:00:00Z');
    expect(isProgressDue(null, at, 60)).toBe(true);
    expect(isProgressDue(new Date(at.getTime() - 59 * 60_000), at, 60)).toBe(false);
    expect(isProgressDue(new Date(at.getTime() - 60 * 60_000), at, 60)).toBe(true);
  });

  it('ranks by valid invites, then by who joined first, and leaves out those with none', () => {
    const at = (m: number) => new Date(Date.UTC(2026, 2, 1, 0, m));
    const ranked = rankInviters(
      [
        { memberId: 'x', name: 'X', validCount: 3, joinedAt: at(2) },
        { memberId: 'y', name: 'Y', validCount: 7, joinedAt: at(5) },
        { memberId: 'z', name: 'Z', validCount: 3, joinedAt: at(1) },
        { memberId: 'w', name: 'W', validCount: 0, joinedAt: at(0) },
      ],
      10,
    );
    expect(ranked.map((r) => [r.rank, r.name])).toEqual([
      [1, 'Y'],
      [2, 'Z'],
      [3, 'X'],
    ]);
  });

  it('slots leaderboards by the schedule and computes the K-factor', () => {
    const every = 60;
    expect(leaderboardSlotOf(new Date('2026-03-01T10:59:59Z'), every)).toBe(
      leaderboardSlotOf(new Date('2026-03-01T10:00:00Z'), every),
    );
    expect(leaderboardSlotOf(new Date('2026-03-01T11:00:00Z'), every)).toBe(
      leaderboardSlotOf(new Date('2026-03-01T10:00:00Z'), every) + 1,
    );
    expect(kFactorOf(540, 40)).toBe(13.5);
    expect(kFactorOf(3, 0)).toBe(0);
  });
});

describe('maskNameOf', () => {
  it('keeps the first and last character, by code point', () => {
    expect(maskNameOf('Wang Fang')).toBe('W***g');
    expect(maskNameOf('张小明')).toBe('张*明');
    expect(maskNameOf('李雷')).toBe('李*');
    expect(maskNameOf('A')).toBe('A*');
    expect(maskNameOf('  ')).toBe('*');
    expect(maskNameOf('😀Bob😀')).toBe('😀***😀');
  });
});
