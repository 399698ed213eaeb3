/**
 * Collapse repeated calls of an idempotent async action (waking a queue): at most one runs at a time,
 * and any number of calls made while it runs become ONE more run after it. The last run therefore always
 * starts after the last call, so whatever the caller stored before calling is seen by the woken worker.
 * With `minIntervalMs`, runs also start at least that far apart: a call right after a run waits for its
 * slot (a busy webhook asks to wake the worker hundreds of times a second; each wake is a commit).
 * Calls never wait or throw; a failed run goes to `onError`.
 */
export const coalesceCalls = (
  run: () => Promise<void>,
  onError: (error: unknown) => void,
  options: { minIntervalMs?: number } = {},
): (() => void) => {
  const minIntervalMs = options.minIntervalMs ?? 0;
  // Busy from the moment a run is due until it has finished (waiting for its slot included).
  let isBusy = false;
  let isWanted = false;
  let lastStartedAt = Number.NEGATIVE_INFINITY;
  const go = () => {
    // Calls made while waiting for the slot are served by this run.
    isWanted = false;
    lastStartedAt = performance.now();
    // The executor runs `run` at once and turns a synchronous throw into a rejection.
    new Promise<void>((resolve) => resolve(run())).catch(onError).finally(() => {
      isBusy = false;
      if (isWanted) start();
    });
  };
  const start = () => {
    isBusy = true;
    const waitMs = lastStartedAt + minIntervalMs - performance.now();
    // A timer may fire up to a millisecond or so early (whole milliseconds, from the loop's cached clock):
    // it looks again rather than going.
    if (waitMs > 0) setTimeout(start, Math.ceil(waitMs));
    else go();
  };
  return () => {
    if (isBusy) isWanted = true;
    else start();
  };
};
