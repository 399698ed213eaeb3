import { describe, expect, it } from 'vitest';
import type { Schemas } from './api.ts';
import { translateMember } from './i18n.tsx';
import { myRankKeyOf } from './invite-leaderboard.tsx';
import { progressPercentOf, stayTextOf } from './invite-tab.tsx';

const progress = (validCount: number, next: { invites: number } | null): Schemas['FissionProgress'] => ({
  campaignId: '00000000-0000-4000-8000-000000000001',
  memberId: '00000000-0000-4000-8000-000000000002',
  name: 'Wang Fang',
  link: null,
  validCount,
  pendingCount: 0,
  voidCount: 0,
  isOnHold: false,
  nextTier: next ? { ...next, name: 'Gift', remaining: next.invites - validCount } : null,
  tiers: [],
  text: '',
});

describe('invite tab arithmetic', () => {
  it('says the stay window in its largest whole unit, in both languages', () => {
    const en = (key: Parameters<typeof translateMember>[1], vars?: Record<string, string | number>) =>
      translateMember('en', key, vars);
    const zh = (key: Parameters<typeof translateMember>[1], vars?: Record<string, string | number>) =>
      translateMember('zh-CN', key, vars);
    expect(stayTextOf(en, 1440)).toBe('1 day');
    expect(stayTextOf(en, 4320)).toBe('3 days');
    expect(stayTextOf(en, 60)).toBe('1 hour');
    expect(stayTextOf(en, 120)).toBe('2 hours');
    expect(stayTextOf(en, 90)).toBe('90 minutes');
    expect(stayTextOf(en, 0)).toBe('0 minutes');
    expect(stayTextOf(zh, 1440)).toBe('1 天');
    expect(stayTextOf(zh, 30)).toBe('30 分钟');
  });

  it('fills the bar toward the next tier, and fully once every tier is reached', () => {
    expect(progressPercentOf(progress(0, { invites: 2 }))).toBe(0);
    expect(progressPercentOf(progress(2, { invites: 5 }))).toBe(40);
    expect(progressPercentOf(progress(3, { invites: 5 }))).toBe(60);
    expect(progressPercentOf(progress(7, null))).toBe(100);
  });
});

describe('the leaderboard’s own line', () => {
  it('gives a rank, says why there is none yet, or nothing for a member who has not joined', () => {
    const key = myRankKeyOf({ rank: 3, validCount: 2 });
    expect(key).toBe('invite.board.mine');
    expect(translateMember('en', key!, { rank: 3, n: 2 })).toBe('You are number 3 with 2 friends.');
    expect(translateMember('zh-CN', key!, { rank: 3, n: 2 })).toBe('你目前排第 3 名，已邀请 2 位好友。');
    expect(myRankKeyOf({ rank: null, validCount: 0 })).toBe('invite.board.unranked');
    expect(myRankKeyOf(null)).toBeNull();
  });
});
