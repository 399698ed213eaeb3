import type { PointsEntryKind } from '../../db/schema/index.ts';
import { localDateOf, startOfLocalDay } from '../calendar.ts';
import type { PointsExpiry } from '../settings/loyalty-settings.ts';

/**
 * The rules of the points ledger, pure. Credits (earnings, positive adjustments, refunds) are lots that may
 * expire; debits (spends, expiries, negative adjustments, reversed earnings) consume the oldest lots first.
 */

export const pointsSources = [
  'checkin',
  'invite',
  'game',
  'order',
  'manual',
  'import',
  'mall',
  'makeup',
  'campaign',
  'welcome',
  'expiry',
] as const;
export type PointsSource = (typeof pointsSources)[number];

/** When a lot credited at `creditedAt` expires under the brand's rule; null: never. */
export const expiryOf = (rule: PointsExpiry, creditedAt: Date, timeZone: string): Date | null => {
  switch (rule.kind) {
    case 'never':
      return null;
    case 'after_days':
      return new Date(creditedAt.getTime() + rule.days * 86_400_000);
    case 'end_of_next_year': {
      const year = Number(localDateOf(creditedAt, timeZone).slice(0, 4));
      return startOfLocalDay(`${year + 2}-01-01`, timeZone);
    }
  }
};

/** Earnings under a level's multiplier (percent), rounded down: a multiplier never invents a fraction. */
export const applyMultiplier = (points: number, multiplierPercent: number): number =>
  Math.floor((points * multiplierPercent) / 100);

/** Points for an order of `amountCents` at `perYuan` points per whole yuan. */
export const pointsForOrder = (amountCents: number, perYuan: number): number =>
  amountCents <= 0 ? 0 : Math.floor(Math.floor(amountCents / 100) * perYuan);

/**
 * How many points expire at a cutoff, FIFO: debits consume the oldest lots first, so of the lots due by the
 * cutoff, whatever all debits so far have not consumed expires. This holds because lots expire in the order
 * they were credited (the expiry rule is monotonic in time), so no debit could have skipped a due lot for a
 * later one.
 */
export const expiringPoints = (input: { dueCredits: number; debits: number }): number =>
  Math.max(0, input.dueCredits - input.debits);

/**
 * How an entry moves the member's lifetime points (the lifetime-points level basis): earnings and manual
 * adjustments count, spending and expiry do not, and reversing an earning takes it back.
 */
export const lifetimeDeltaOf = (
  kind: PointsEntryKind,
  points: number,
  reversedKind?: PointsEntryKind,
): number => {
  switch (kind) {
    case 'earn':
    case 'adjust':
      return points;
    case 'reverse':
      return reversedKind === 'earn' || reversedKind === 'adjust' ? points : 0;
    case 'spend':
    case 'expire':
      return 0;
  }
};

/** The idempotency key of one member's expiry at one cutoff: racing expiry jobs collide instead of duplicating. */
export const expiryKeyOf = (memberId: string, cutoff: Date): string =>
  `expire:${memberId}:${cutoff.toISOString()}`;

/** The brand's current month, `YYYY-MM`: monthly level coupons are keyed by it. */
export const monthKeyOf = (now: Date, timeZone: string): string => localDateOf(now, timeZone).slice(0, 7);
