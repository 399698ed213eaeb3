import vm from 'node:vm';

/**
 * Runs brand-written regular expressions under a hard time budget. V8 cannot interrupt a RegExp running on
 * the main context, but a `vm` script with `timeout` is terminated by a watchdog, backtracking included, so
 * a pattern that slipped past the static check (regex-safety.ts) costs at most the budget, never the worker.
 *
 * Each call sets up a watchdog (about 0.1–0.2 ms), so all of a message's patterns are tested in one call.
 */

export const defaultRegexBudgetMs = 50;

export type RegexOutcome = 'match' | 'no_match' | 'timeout';

type Sandbox = { patterns: string[]; text: string; cache: Map<string, RegExp>; results: RegexOutcome[] };

const sandbox: Sandbox = { patterns: [], text: '', cache: new Map(), results: [] };
const context = vm.createContext(sandbox);

// Tests each pattern in turn and records its outcome as it goes, so a timeout names the pattern it hit.
const script = new vm.Script(`
  if (cache.size > 500) cache.clear();
  for (let i = 0; i < patterns.length; i++) {
    let re = cache.get(patterns[i]);
    if (!re) { re = new RegExp(patterns[i], 'i'); cache.set(patterns[i], re); }
    results[i] = 'timeout';
    results[i] = re.test(text) ? 'match' : 'no_match';
  }
`);

/**
 * Test `text` against each pattern. When the budget runs out, the pattern being tested is 'timeout' and the
 * ones after it are not tried ('timeout' too): a message is dropped rather than letting one rule stall it.
 */
export const testRegexes = (
  patterns: readonly string[],
  text: string,
  budgetMs: number = defaultRegexBudgetMs,
): RegexOutcome[] => {
  if (patterns.length === 0) return [];
  sandbox.patterns = [...patterns];
  sandbox.text = text;
  sandbox.results = patterns.map(() => 'timeout' as const);
  try {
    script.runInContext(context, { timeout: budgetMs });
  } catch (error) {
    if (!isTimeout(error)) throw error;
  }
  return [...sandbox.results];
};

const isTimeout = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
