/**
 * Collapse repeated calls of an idempotent async action (waking a queue): at most one runs at a time,
 * and any number of calls made while it runs become ONE more run after it. The last run therefore always
 * starts after the last call, so whatever the caller stored before calling is seen by the woken worker.
 * Calls never wait or throw; a failed run goes to `onError`.
 */
export const coalesceCalls = (run: () => Promise<void>, onError: (error: unknown) => void): (() => void) => {
  let isRunning = false;
  let isWanted = false;
  const start = () => {
    isRunning = true;
    isWanted = false;
    // The executor runs `run` at once and turns a synchronous throw into a rejection.
    new Promise<void>((resolve) => resolve(run())).catch(onError).finally(() => {
      isRunning = false;
      if (isWanted) start();
    });
  };
  return () => {
    if (isRunning) isWanted = true;
    else start();
  };
};
