import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysOfMonth,
  isValidTimeZone,
  localDateOf,
  startOfLocalDay,
} from './calendar.ts';

describe('brand calendar', () => {
  it('puts an instant on the brand’s day, not UTC’s', () => {
    // 17:30 UTC is already 01:30 the next day in Shanghai (UTC+8).
    const instant = new Date('2025-03-09T17:30:00Z');
    expect(localDateOf(instant, 'Asia/Shanghai')).toBe('2025-03-10');
    expect(localDateOf(instant, 'UTC')).toBe('2025-03-09');
    expect(localDateOf(instant, 'America/Los_Angeles')).toBe('2025-03-09');
  });

  it('finds the instant a local day starts, across a DST change', () => {
    expect(startOfLocalDay('2025-03-10', 'Asia/Shanghai').toISOString()).toBe('2025-03-09T16:00:00.000Z');
    expect(startOfLocalDay('2027-01-01', 'Asia/Shanghai').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    // Los Angeles: PST (−8) on 9 March 2025 at midnight, PDT (−7) from 02:00 that day.
    expect(startOfLocalDay('2025-03-09', 'America/Los_Angeles').toISOString()).toBe(
      '2025-03-09T08:00:00.000Z',
    );
    expect(startOfLocalDay('2025-03-10', 'America/Los_Angeles').toISOString()).toBe(
      '2025-03-10T07:00:00.000Z',
    );
  });

  it('does date arithmetic on calendar days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-12-30', '2025-01-02')).toBe(3);
    expect(daysOfMonth('2024-02')).toHaveLength(29);
    expect(daysOfMonth('2025-02').at(-1)).toBe('2025-02-28');
  });

  it('knows a timezone from a typo', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Asia/Shangai')).toBe(false);
  });
});
