import type { MemberStage } from '../db/schema/index.ts';

export type { MemberStage };

const DAY_MS = 86_400_000;

/** Thresholds of the lifecycle, shared by the pure rule and the SQL that refreshes a whole brand. */
export const stageRules = {
  /** A member is new for this many days after joining. */
  newForDays: 7,
  /** Active on at least this many distinct days of the last 30 makes a core member. */
  coreActiveDays: 8,
  /** Activity within this many days: active; up to `churnAfterDays`: silent; beyond: churned. */
  activeWithinDays: 7,
  churnAfterDays: 30,
} as const;

export type StageInput = {
  joinedAt: Date;
  /** The last time the member did something (posted, checked in…); null when never. */
  lastActiveAt: Date | null;
  /** Distinct days with activity in the 30 days before `now`. */
  activeDaysLast30: number;
  /** Left every group or removed the staff account: gone whatever they did before. */
  hasLeft?: boolean;
  now: Date;
};

/**
 * The lifecycle stage from behaviour. Leaving wins; then the first week is always `new`; then frequency (core)
 * beats recency; a member who never did anything is measured from the day they joined.
 */
export const deriveStage = (input: StageInput): MemberStage => {
  if (input.hasLeft) return 'churned';
  const now = input.now.getTime();
  if (now - input.joinedAt.getTime() < stageRules.newForDays * DAY_MS) return 'new';
  if (input.activeDaysLast30 >= stageRules.coreActiveDays) return 'core';
  const idleMs = now - (input.lastActiveAt ?? input.joinedAt).getTime();
  if (idleMs <= stageRules.activeWithinDays * DAY_MS) return 'active';
  if (idleMs <= stageRules.churnAfterDays * DAY_MS) return 'silent';
  return 'churned';
};
