import { describe, expect, it } from 'vitest';
import { testRegexes } from './bounded-regex.ts';
import { isInScope, type KeywordRuleForMatch, type MessageChat, pickKeywordRule } from './match.ts';

const rule = (over: Partial<KeywordRuleForMatch> & { id: string }): KeywordRuleForMatch => ({
  matchMode: 'contains',
  pattern: 'coupon',
  scopeKind: 'all',
  scopeId: null,
  priority: 0,
  ...over,
});
const group: MessageChat = { kind: 'group', communityId: 'c1', storeId: 's1', seriesId: 'x1' };
const pick = (rules: KeywordRuleForMatch[], text: string, chat: MessageChat = group) =>
  pickKeywordRule(rules, { text, chat, testRegexes });

describe('pickKeywordRule', () => {
  it('matches exact, contains and starts-with ignoring case and surrounding space', () => {
    expect(pick([rule({ id: 'e', matchMode: 'exact' })], '  Coupon ').rule?.id).toBe('e');
    expect(pick([rule({ id: 'e', matchMode: 'exact' })], 'a coupon').rule).toBeNull();
    expect(pick([rule({ id: 'c' })], 'Any COUPON today?').rule?.id).toBe('c');
    expect(pick([rule({ id: 's', matchMode: 'starts_with' })], 'coupon please').rule?.id).toBe('s');
    expect(pick([rule({ id: 's', matchMode: 'starts_with' })], 'a coupon').rule).toBeNull();
    expect(pick([rule({ id: 'r', matchMode: 'regex', pattern: '^coup(on|ons)$' })], 'COUPONS').rule?.id).toBe(
      'r',
    );
  });

  it('lets the highest priority matching rule win, the older one on a tie', () => {
    const rules = [
      rule({ id: 'low', priority: 1 }),
      rule({ id: 'high', priority: 5, matchMode: 'regex', pattern: 'cou.on' }),
      rule({ id: 'high-later', priority: 5 }),
      rule({ id: 'other', priority: 9, pattern: 'refund' }),
    ];
    expect(pick(rules, 'coupon').rule?.id).toBe('high');
    expect(pick(rules.slice(2), 'coupon').rule?.id).toBe('high-later');
  });

  it('respects scope: all groups, series, store, one community, private chats', () => {
    expect(isInScope({ scopeKind: 'all', scopeId: null }, group)).toBe(true);
    expect(isInScope({ scopeKind: 'all', scopeId: null }, { kind: 'private' })).toBe(false);
    expect(isInScope({ scopeKind: 'private', scopeId: null }, { kind: 'private' })).toBe(true);
    expect(isInScope({ scopeKind: 'private', scopeId: null }, group)).toBe(false);
    expect(isInScope({ scopeKind: 'community', scopeId: 'c1' }, group)).toBe(true);
    expect(isInScope({ scopeKind: 'community', scopeId: 'c2' }, group)).toBe(false);
    expect(isInScope({ scopeKind: 'store', scopeId: 's1' }, group)).toBe(true);
    expect(isInScope({ scopeKind: 'series', scopeId: 'x1' }, group)).toBe(true);
    const unknownGroup: MessageChat = { kind: 'group', communityId: null, storeId: null, seriesId: null };
    expect(isInScope({ scopeKind: 'store', scopeId: 's1' }, unknownGroup)).toBe(false);
  });

  it('reports a regex that ran out of time and never lets it match', () => {
    const slow = rule({ id: 'slow', matchMode: 'regex', pattern: 'a*a*a*a*a*a*a*b', priority: 9 });
    const started = performance.now();
    const decision = pickKeywordRule([slow, rule({ id: 'plain', pattern: 'aaa' })], {
      text: 'a'.repeat(400),
      chat: group,
      testRegexes: (patterns, text) => testRegexes(patterns, text, 20),
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(decision.rule?.id).toBe('plain');
    expect(decision.timedOut.map((r) => r.id)).toEqual(['slow']);
  });
});
