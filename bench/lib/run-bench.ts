/**
 * Run a bench: a failure is printed and exits non-zero, and the process ends two seconds after the work
 * whatever handle is still open (a pool, a timer), so a stuck handle never keeps a bench alive.
 */
export const runBench = (main: () => Promise<void>): void => {
  main()
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => setTimeout(() => process.exit(), 2_000).unref());
};
