import { describe, expect, it } from 'vitest';
import { deriveStage } from './stage.ts';

const now = new Date('2025-11-11T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const stageOf = (joined: number, lastActive: number | null, activeDays = 0, hasLeft = false) =>
  deriveStage({
    joinedAt: daysAgo(joined),
    lastActiveAt: lastActive === null ? null : daysAgo(lastActive),
    activeDaysLast30: activeDays,
    hasLeft,
    now,
  });

describe('deriveStage', () => {
  it('is new during the first week, even without activity', () => {
    expect(stageOf(0, null)).toBe('new');
    expect(stageOf(6.9, null)).toBe('new');
    expect(stageOf(7.5, null)).toBe('silent');
  });

  it('is core when active on 8 or more of the last 30 days', () => {
    expect(stageOf(60, 0, 8)).toBe('core');
    expect(stageOf(60, 0, 7)).toBe('active');
  });

  it('is active within 7 days of the last activity, silent up to 30, churned beyond', () => {
    expect(stageOf(60, 7)).toBe('active');
    expect(stageOf(60, 7.1)).toBe('silent');
    expect(stageOf(60, 30)).toBe('silent');
    expect(stageOf(60, 30.1)).toBe('churned');
  });

  it('measures a member who never did anything from the day they joined', () => {
    expect(stageOf(20, null)).toBe('silent');
    expect(stageOf(31, null)).toBe('churned');
  });

  it('is churned once the member left, whatever else', () => {
    expect(stageOf(1, 0, 0, true)).toBe('churned');
    expect(stageOf(60, 0, 20, true)).toBe('churned');
  });
});
