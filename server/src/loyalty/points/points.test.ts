import { describe, expect, it } from 'vitest';
import { applyMultiplier, expiringPoints, expiryOf, lifetimeDeltaOf, pointsForOrder } from './points.ts';

/** The FIFO model spelled out: lots in credit order, debits eat the oldest first, a cutoff expires what is left. */
const simulateFifo = (steps: Step[]) => {
  const lots: { amount: number; expiresAt: number }[] = [];
  const expired: number[] = [];
  for (const step of steps) {
    if (step.kind === 'credit') lots.push({ amount: step.amount, expiresAt: step.expiresAt });
    else if (step.kind === 'debit') {
      let left = step.amount;
      for (const lot of lots) {
        const take = Math.min(lot.amount, left);
        lot.amount -= take;
        left -= take;
      }
    } else {
      let sum = 0;
      for (const lot of lots) {
        if (lot.expiresAt <= step.at) {
          sum += lot.amount;
          lot.amount = 0;
        }
      }
      expired.push(sum);
    }
  }
  return expired;
};

type Step =
  | { kind: 'credit'; amount: number; expiresAt: number }
  | { kind: 'debit'; amount: number }
  | { kind: 'cutoff'; at: number };

/** The same history through the ledger's rule: sums only, no lots. */
const ledgerRule = (steps: Step[]) => {
  const credits: { amount: number; expiresAt: number }[] = [];
  let debits = 0;
  const expired: number[] = [];
  for (const step of steps) {
    if (step.kind === 'credit') credits.push(step);
    else if (step.kind === 'debit') debits += step.amount;
    else {
      const dueCredits = credits.filter((c) => c.expiresAt <= step.at).reduce((s, c) => s + c.amount, 0);
      const amount = expiringPoints({ dueCredits, debits });
      debits += amount;
      expired.push(amount);
    }
  }
  return expired;
};

describe('points rules', () => {
  it('expires at the end of the next year in the brand’s timezone', () => {
    // Earned on 1 January 2025 at 00:30 Shanghai time (still 2024 in UTC): expires when 2027 begins there.
    const earned = new Date('2024-12-31T16:30:00Z');
    expect(expiryOf({ kind: 'end_of_next_year' }, earned, 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-12-31T16:00:00.000Z',
    );
    expect(expiryOf({ kind: 'end_of_next_year' }, earned, 'UTC')?.toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(expiryOf({ kind: 'never' }, earned, 'UTC')).toBeNull();
    expect(expiryOf({ kind: 'after_days', days: 90 }, earned, 'UTC')?.toISOString()).toBe(
      '2025-03-31T16:30:00.000Z',
    );
  });

  it('expires FIFO lots exactly as a lot-by-lot simulation does', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 120; run++) {
      const steps: Step[] = [];
      let time = 0;
      let balance = 0;
      for (let i = 0; i < 25; i++) {
        time += 1 + random(5);
        const roll = random(10);
        if (roll < 5) {
          const amount = 1 + random(100);
          // Expiry grows with the time of the credit, as every rule does.
          steps.push({ kind: 'credit', amount, expiresAt: time + 20 });
          balance += amount;
        } else if (roll < 8 && balance > 0) {
          const amount = 1 + random(balance);
          steps.push({ kind: 'debit', amount });
          balance -= amount;
        } else {
          steps.push({ kind: 'cutoff', at: time });
          balance -= simulateFifo(steps).at(-1)!;
        }
      }
      expect(ledgerRule(steps)).toEqual(simulateFifo(steps));
    }
  });

  it('expires what was not spent of the due lots, and nothing below zero', () => {
    expect(expiringPoints({ dueCredits: 100, debits: 30 })).toBe(70);
    expect(expiringPoints({ dueCredits: 100, debits: 130 })).toBe(0);
  });

  it('multiplies earnings down to whole points and counts orders in whole yuan', () => {
    expect(applyMultiplier(15, 150)).toBe(22);
    expect(applyMultiplier(10, 100)).toBe(10);
    expect(pointsForOrder(4_999, 1)).toBe(49);
    expect(pointsForOrder(4_999, 2.5)).toBe(122);
    expect(pointsForOrder(-100, 1)).toBe(0);
  });

  it('counts earnings and adjustments towards lifetime points, reversed earnings against them', () => {
    expect(lifetimeDeltaOf('earn', 10)).toBe(10);
    expect(lifetimeDeltaOf('adjust', -5)).toBe(-5);
    expect(lifetimeDeltaOf('spend', -50)).toBe(0);
    expect(lifetimeDeltaOf('expire', -50)).toBe(0);
    expect(lifetimeDeltaOf('reverse', -10, 'earn')).toBe(-10);
    expect(lifetimeDeltaOf('reverse', 50, 'spend')).toBe(0);
  });
});
