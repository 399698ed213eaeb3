import { describe, expect, it } from 'vitest';
import { coalesceCalls } from './coalesce-calls.ts';

/** A run that stays open until the test lets it finish. */
const controllableRuns = () => {
  const runs: { finish: () => void; fail: (error: Error) => void }[] = [];
  const run = () =>
    new Promise<void>((resolve, reject) => {
      runs.push({ finish: resolve, fail: reject });
    });
  return { runs, run };
};
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesceCalls', () => {
  it('runs at once when idle, and turns any number of calls during a run into one more run after it', async () => {
    const { runs, run } = controllableRuns();
    const call = coalesceCalls(run, () => {});
    call();
    expect(runs).toHaveLength(1);
    call();
    call();
    call();
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await settle();
    expect(runs).toHaveLength(2);
    runs[1]!.finish();
    await settle();
    expect(runs).toHaveLength(2);
    call();
    expect(runs).toHaveLength(3);
  });

  it('reports a failed run and still runs for the calls that came during it', async () => {
    const { runs, run } = controllableRuns();
    const errors: unknown[] = [];
    const call = coalesceCalls(run, (error) => errors.push(error));
    call();
    call();
    runs[0]!.fail(new Error('queue down'));
    await settle();
    expect(errors).toEqual([new Error('queue down')]);
    expect(runs).toHaveLength(2);
  });

  it('turns a synchronous throw into a reported error', async () => {
    const errors: unknown[] = [];
    const call = coalesceCalls(
      () => {
        throw new Error('sync');
      },
      (error) => errors.push(error),
    );
    call();
    await settle();
    expect(errors).toEqual([new Error('sync')]);
    call();
    await settle();
    expect(errors).toHaveLength(2);
  });

  it('keeps runs minIntervalMs apart; calls while waiting for the slot are served by that run', async () => {
    const { runs, run } = controllableRuns();
    const startedAt: number[] = [];
    const call = coalesceCalls(
      () => {
        startedAt.push(performance.now());
        return run();
      },
      () => {},
      { minIntervalMs: 50 },
    );
    call();
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await settle();
    call();
    call();
    // Due, but not before its slot.
    expect(runs).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    call();
    expect(runs).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(runs).toHaveLength(2);
    expect(startedAt[1]! - startedAt[0]!).toBeGreaterThanOrEqual(50);
    runs[1]!.finish();
    await settle();
    // The three calls above were all made before the second run started: no third run.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs).toHaveLength(2);
  });
});
