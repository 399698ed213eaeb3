import { describe, expect, it } from 'vitest';
import { defaultRegexBudgetMs, testRegexes } from './bounded-regex.ts';
import { findRegexHazard } from './regex-safety.ts';

describe('findRegexHazard', () => {
  it.each([
    ['(a+)+', 'nest'],
    ['^(a+)+$', 'nest'],
    ['(\\w+\\s?)*x', 'nest'],
    ['(a*)*', 'nest'],
    ['((ab)+c)+', 'nest'],
    ['(x+x+)+y', 'nest'],
    ['(a{2,})+', 'nest'],
    ['(a|a)*', 'overlapping'],
    ['(a|ab)+', 'overlapping'],
    ['(?:.|x)*', 'overlapping'],
    ['(a|)+', 'overlapping'],
    ['(a)\\1', 'backreference'],
    ['(?<x>a)\\k<x>', 'backreference'],
    ['(unclosed', 'not a valid'],
    ['a'.repeat(201), 'at most'],
  ])('refuses %s', (pattern, reason) => {
    expect(findRegexHazard(pattern)).toContain(reason);
  });

  it.each([
    'coupon',
    '^coup(on|ons)$',
    '(foo|bar)+',
    '\\d{4}-\\d{2}',
    '[(a+)+]',
    '\\(a+\\)+',
    '(ab)?c+',
    '(a+)?',
    '(?:red|green) packet',
    '.*coupon.*',
  ])('accepts %s', (pattern) => {
    expect(findRegexHazard(pattern)).toBeNull();
  });
});

describe('testRegexes', () => {
  it('tests several patterns in one call, ignoring case', () => {
    expect(testRegexes(['coupon', '^\\d+$', 'COUPON'], 'a Coupon')).toEqual(['match', 'no_match', 'match']);
    expect(testRegexes([], 'x')).toEqual([]);
  });

  it('stops a catastrophic pattern at the budget and keeps working afterwards', () => {
    const started = performance.now();
    expect(testRegexes(['^(a+)+$', 'a'], `${'a'.repeat(40)}!`, 30)).toEqual(['timeout', 'timeout']);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(testRegexes(['a'], 'a')).toEqual(['match']);
  });

  it('costs well under a millisecond per message for ordinary patterns', () => {
    const runs = 200;
    const started = performance.now();
    for (let i = 0; i < runs; i++)
      testRegexes(['coupon', 'refund\\s+\\d+', '^hi'], 'I want a coupon', defaultRegexBudgetMs);
    expect((performance.now() - started) / runs).toBeLessThan(2);
  });
});
