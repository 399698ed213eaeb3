import { describe, expect, it } from 'vitest';
import { defaultMemoryCapabilities } from '../platforms/memory/memory-adapter.ts';
import { massQuotaRuleOf, quotaWindowOf, settleRecipients, splitByQuota } from './mass-sends.ts';

const china = { utcOffsetMinutes: 480 };

describe('mass-send quota rules', () => {
  it('counts a month in the platform time zone, with the month’s day count as the default limit', () => {
    // 2030-01-31 17:00 UTC is already 1 February 01:00 in China.
    const window = quotaWindowOf(
      { period: 'month', limit: 'days_in_month', ...china },
      new Date('2030-01-31T17:00:00Z'),
    );
    expect(window).toEqual({
      start: new Date('2030-01-31T16:00:00Z'),
      end: new Date('2030-02-28T16:00:00Z'),
      limit: 28,
    });
    expect(
      quotaWindowOf({ period: 'month', limit: 'days_in_month', ...china }, new Date('2030-03-15T00:00:00Z'))
        .limit,
    ).toBe(31);
    expect(
      quotaWindowOf({ period: 'month', limit: 4, ...china }, new Date('2030-03-15T00:00:00Z')).limit,
    ).toBe(4);
  });

  it('counts days and Monday-based weeks too', () => {
    const at = new Date('2030-05-08T20:00:00Z'); // Thursday 9 May, 04:00 in China
    expect(quotaWindowOf({ period: 'day', limit: 1, ...china }, at)).toEqual({
      start: new Date('2030-05-08T16:00:00Z'),
      end: new Date('2030-05-09T16:00:00Z'),
      limit: 1,
    });
    expect(quotaWindowOf({ period: 'week', limit: 7, ...china }, at)).toEqual({
      start: new Date('2030-05-05T16:00:00Z'),
      end: new Date('2030-05-12T16:00:00Z'),
      limit: 7,
    });
  });

  it('reads the rule from capabilities, falling back to the monthly figure, or none', () => {
    expect(massQuotaRuleOf(defaultMemoryCapabilities)).toBeNull();
    expect(
      massQuotaRuleOf({
        ...defaultMemoryCapabilities,
        rateLimits: { perSecond: 1, perChatPerMinute: 1, massPerMemberPerMonth: 4 },
      }),
    ).toEqual({ period: 'month', limit: 4, utcOffsetMinutes: 0 });
  });

  it('lets through only recipients with room left, each once', () => {
    const used = new Map([
      ['a', 1],
      ['b', 0],
    ]);
    expect(splitByQuota(['a', 'b', 'c', 'b'], used, 1)).toEqual({ allowed: ['b', 'c'], overQuota: ['a'] });
  });

  it('settles recipients from a report: unlisted ones after confirmation were refused as non-contacts', () => {
    const sentAt = new Date('2030-01-01T00:00:00Z');
    const waiting = settleRecipients(['a', 'b'], {
      isConfirmed: false,
      recipients: [{ kind: 'member', externalId: 'a', status: 'pending' }],
    });
    expect(waiting).toEqual({
      isComplete: false,
      outcomes: [
        { externalId: 'a', status: 'pending', sentAt: undefined },
        { externalId: 'b', status: 'pending' },
      ],
    });
    const done = settleRecipients(['a', 'b', 'c'], {
      isConfirmed: true,
      recipients: [
        { kind: 'member', externalId: 'a', status: 'sent', sentAt },
        { kind: 'member', externalId: 'b', status: 'over_quota' },
      ],
    });
    expect(done.isComplete).toBe(true);
    expect(done.outcomes.map((o) => o.status)).toEqual(['sent', 'over_quota', 'not_contact']);
  });
});
