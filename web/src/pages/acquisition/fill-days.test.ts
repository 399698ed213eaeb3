import { describe, expect, it } from 'vitest';
import { fillDays } from './fill-days.ts';

const day = (date: string, arrivals: number) => ({
  date,
  scans: arrivals,
  arrivals,
  newMembers: arrivals,
  stillIn: arrivals,
  left: 0,
});

describe('fillDays', () => {
  it('lists every day of the range, with zeros between the days that had activity', () => {
    const days = fillDays('2026-02-27', '2026-03-02', [day('2026-02-28', 2), day('2026-03-02', 1)]);
    expect(days.map((d) => d.date)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(days.map((d) => d.arrivals)).toEqual([0, 2, 0, 1]);
  });

  it('gives one day for a one-day range and none for a reversed one', () => {
    expect(fillDays('2026-11-30', '2026-11-30', [])).toHaveLength(1);
    expect(fillDays('2026-12-01', '2026-11-30', [])).toEqual([]);
  });
});
