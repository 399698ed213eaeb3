import { describe, expect, it } from 'vitest';
import { decideLevelChange, levelFor, levelValueOf, meetsLevel } from './levels.ts';

const sprout = { id: 's', name: 'Sprout', rank: 1, threshold: 0, pointsMultiplierPercent: 100 };
const blossom = { id: 'b', name: 'Blossom', rank: 2, threshold: 500, pointsMultiplierPercent: 120 };
const fruit = { id: 'f', name: 'Fruit', rank: 3, threshold: 2_000, pointsMultiplierPercent: 150 };
const levels = [fruit, sprout, blossom];

describe('member levels', () => {
  it('reaches the highest level whose threshold the value meets', () => {
    expect(levelFor(levels, 0)?.name).toBe('Sprout');
    expect(levelFor(levels, 499)?.name).toBe('Sprout');
    expect(levelFor(levels, 500)?.name).toBe('Blossom');
    expect(levelFor(levels, 10_000)?.name).toBe('Fruit');
    expect(levelFor([blossom], 10)).toBeNull();
  });

  it('reads the basis the brand chose', () => {
    const standing = { lifetimePoints: 600, spendCents: 150_000 };
    expect(levelValueOf('lifetime_points', standing)).toBe(600);
    expect(levelValueOf('spend', standing)).toBe(150_000);
  });

  it('reports a change only when the level differs, with its direction', () => {
    expect(decideLevelChange(levels, 's', 100)).toBeNull();
    expect(decideLevelChange(levels, 's', 2_500)).toEqual({
      from: { id: 's', name: 'Sprout', rank: 1 },
      to: { id: 'f', name: 'Fruit', rank: 3 },
      direction: 'up',
    });
    expect(decideLevelChange(levels, 'f', 600)?.direction).toBe('down');
    expect(decideLevelChange(levels, null, 0)).toMatchObject({
      from: null,
      to: { id: 's' },
      direction: 'up',
    });
    expect(decideLevelChange([blossom], 'b', 0)).toMatchObject({ to: null, direction: 'down' });
  });

  it('lets a member at or above the required level in', () => {
    expect(meetsLevel(blossom, null)).toBe(true);
    expect(meetsLevel(null, null)).toBe(true);
    expect(meetsLevel(blossom, blossom)).toBe(true);
    expect(meetsLevel(fruit, blossom)).toBe(true);
    expect(meetsLevel(sprout, blossom)).toBe(false);
    expect(meetsLevel(null, sprout)).toBe(false);
  });
});
