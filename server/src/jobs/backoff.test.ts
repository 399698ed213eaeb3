import { describe, expect, it } from 'vitest';
import { computeBackoffMs, decideRetry, describeError } from './backoff.ts';

describe('backoff', () => {
  const now = new Date('2030-01-01T00:00:00Z');

  it('doubles from one second and caps at an hour', () => {
    expect([0, 1, 2, 3].map((n) => computeBackoffMs(n))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(computeBackoffMs(30)).toBe(3_600_000);
  });

  it('schedules a retry until the attempts run out, then fails', () => {
    expect(decideRetry({ previousAttempts: 0, now })).toEqual({
      attempts: 1,
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() + 1_000),
    });
    expect(decideRetry({ previousAttempts: 9, now }).status).toBe('failed');
  });

  it('honours a longer platform hint and gives up at once on a permanent error', () => {
    expect(decideRetry({ previousAttempts: 0, now, minDelayMs: 30_000 }).nextAttemptAt).toEqual(
      new Date(now.getTime() + 30_000),
    );
    expect(decideRetry({ previousAttempts: 0, now, isPermanent: true }).status).toBe('failed');
  });

  it('keeps a bounded message without a stack', () => {
    const text = describeError(new Error('x'.repeat(5_000)));
    expect(text.length).toBe(1_000);
    expect(text.startsWith('Error: xxx')).toBe(true);
  });
});
