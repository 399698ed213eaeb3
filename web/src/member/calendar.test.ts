import { describe, expect, it } from 'vitest';
import { canMakeUp, daysBetween, leadingBlanks, shiftMonth } from './calendar.ts';

describe('member calendar arithmetic', () => {
  it('counts days and moves between months across years', () => {
    expect(daysBetween('2025-02-27', '2025-03-02')).toBe(3);
    expect(daysBetween('2025-05-12', '2025-05-12')).toBe(0);
    expect(shiftMonth('2025-01', -1)).toBe('2024-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
  });

  it('starts weeks on Monday', () => {
    // 1 Sep 2025 is a Monday; 1 Jun 2025 a Sunday; 1 May 2025 a Thursday.
    expect(leadingBlanks('2025-09')).toBe(0);
    expect(leadingBlanks('2025-06')).toBe(6);
    expect(leadingBlanks('2025-05')).toBe(3);
  });

  it('offers a make-up only for missed past days within reach, as the server checks them', () => {
    const today = '2025-05-15';
    expect(canMakeUp({ day: '2025-05-14', kind: null }, today, 7)).toBe(true);
    expect(canMakeUp({ day: '2025-05-08', kind: null }, today, 7)).toBe(true);
    expect(canMakeUp({ day: '2025-05-07', kind: null }, today, 7)).toBe(false);
    expect(canMakeUp({ day: '2025-05-15', kind: null }, today, 7)).toBe(false);
    expect(canMakeUp({ day: '2025-05-16', kind: null }, today, 7)).toBe(false);
    expect(canMakeUp({ day: '2025-05-14', kind: 'page' }, today, 7)).toBe(false);
  });
});
