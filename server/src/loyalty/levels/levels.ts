/** Member levels, pure: which level a member's lifetime points or spend reach, and what changed. */

export type LevelBasis = 'lifetime_points' | 'spend';

export type LevelRule = {
  id: string;
  name: string;
  rank: number;
  threshold: number;
  pointsMultiplierPercent: number;
};

export type LevelStanding = { lifetimePoints: number; spendCents: number };

export type LevelChange = {
  from: Pick<LevelRule, 'id' | 'name' | 'rank'> | null;
  to: Pick<LevelRule, 'id' | 'name' | 'rank'> | null;
  direction: 'up' | 'down';
};

export const levelValueOf = (basis: LevelBasis, standing: LevelStanding): number =>
  basis === 'spend' ? standing.spendCents : standing.lifetimePoints;

/** The highest-ranked level whose threshold the value reaches; null below every level. */
export const levelFor = <L extends LevelRule>(levels: readonly L[], value: number): L | null => {
  let best: L | null = null;
  for (const level of levels) {
    if (level.threshold <= value && (!best || level.rank > best.rank)) best = level;
  }
  return best;
};

const summary = (level: LevelRule | null) =>
  level ? { id: level.id, name: level.name, rank: level.rank } : null;

/** The change from the member's current level to the one their standing reaches, or null if none. */
export const decideLevelChange = (
  levels: readonly LevelRule[],
  currentLevelId: string | null,
  value: number,
): LevelChange | null => {
  const next = levelFor(levels, value);
  if ((next?.id ?? null) === currentLevelId) return null;
  const current = levels.find((l) => l.id === currentLevelId) ?? null;
  return {
    from: summary(current),
    to: summary(next),
    direction:
      (next?.rank ?? Number.NEGATIVE_INFINITY) > (current?.rank ?? Number.NEGATIVE_INFINITY) ? 'up' : 'down',
  };
};

/** Whether a member at `memberLevel` may take something that needs `minLevel` (null: anyone). */
export const meetsLevel = (
  memberLevel: Pick<LevelRule, 'rank'> | null,
  minLevel: Pick<LevelRule, 'rank'> | null,
): boolean => minLevel === null || (memberLevel !== null && memberLevel.rank >= minLevel.rank);
