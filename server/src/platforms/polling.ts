import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import { platformAccounts } from '../db/schema/index.ts';
import { describeError } from '../jobs/backoff.ts';
import { wakeEventProcessor } from '../jobs/job-names.ts';
import { ingestEvents } from '../pipeline/ingest.ts';
import { type PlatformAdapter, PlatformError } from './platform.ts';
import { loadPollCursor, savePollCursor } from './poll-cursors.store.ts';

/**
 * Pulling events for accounts that cannot receive webhooks (Telegram in polling mode, for development).
 * The worker role runs one loop per such account; an adapter says it polls by having `pollUpdates`.
 */

type AccountRef = { tenantId: string; platformAccountId: string };

/**
 * One pull: the events after `cursor`, stored together with the new cursor in one transaction. Passing the
 * new cursor to the next pull acknowledges these events to the platform, so a crash before the commit pulls
 * them again and the (account, external id) key drops any that were stored.
 */
export const pollOnce = async (
  deps: AppDeps,
  input: AccountRef & { adapter: PlatformAdapter; cursor: string | null; signal?: AbortSignal },
): Promise<{ stored: number; cursor: string | null }> => {
  if (!input.adapter.pollUpdates) throw new Error('This account does not poll');
  const { events, cursor } = await input.adapter.pollUpdates({ cursor: input.cursor, signal: input.signal });
  if (events.length === 0 && cursor === input.cursor) return { stored: 0, cursor };
  const stored = await deps.db.transaction(async (tx) => {
    const count = await ingestEvents(tx, input, events, { now: deps.now() });
    await savePollCursor(tx, { ...input, cursor, now: deps.now() });
    return count;
  });
  if (stored > 0) await wakeEventProcessor(deps.jobs);
  return { stored, cursor };
};

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Pull until `signal` aborts (an abort also ends a long poll in flight) or the account stops polling
 * (disabled, or switched to webhooks). A failed pull waits 1 s, doubling to a minute (or the platform's
 * retry-after, if longer), and tries again.
 */
export const runPollingLoop = async (
  deps: AppDeps,
  input: AccountRef & { signal: AbortSignal },
): Promise<void> => {
  let cursor = await loadPollCursor(deps.db, input.platformAccountId);
  let failures = 0;
  while (!input.signal.aborted) {
    try {
      const found = await deps.platforms.accountFor(input.platformAccountId);
      if (found?.account.status !== 'active' || !found.adapter.pollUpdates) return;
      ({ cursor } = await pollOnce(deps, { ...input, adapter: found.adapter, cursor }));
      failures = 0;
    } catch (error) {
      if (input.signal.aborted) return;
      failures += 1;
      deps.logger.warn(
        { platformAccountId: input.platformAccountId, error: describeError(error), failures },
        'polling: pull failed',
      );
      // A platform's own wait (a 429's retry_after) is honoured when it is longer than the backoff.
      const retryAfterMs = error instanceof PlatformError ? (error.options.retryAfterMs ?? 0) : 0;
      await sleep(Math.max(retryAfterMs, Math.min(60_000, 1000 * 2 ** (failures - 1))), input.signal);
    }
  }
};

export type RunningPolling = { stop: () => Promise<void>; running: () => string[] };

/**
 * The worker role's poller: now and every `rescanMs` it looks for active accounts whose adapter polls and
 * starts a loop for each one without. `stop()` aborts every loop and resolves once all have ended.
 */
export const startPlatformPolling = (deps: AppDeps, options: { rescanMs?: number } = {}): RunningPolling => {
  const controller = new AbortController();
  const loops = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let scanning: Promise<void> = Promise.resolve();

  const scan = async () => {
    const accounts = await deps.db
      .select({ platformAccountId: platformAccounts.id, tenantId: platformAccounts.tenantId })
      .from(platformAccounts)
      .where(eq(platformAccounts.status, 'active'));
    for (const account of accounts) {
      if (loops.has(account.platformAccountId) || controller.signal.aborted) continue;
      const adapter = await deps.platforms
        .adapterFor(account.tenantId, account.platformAccountId)
        .catch(() => undefined);
      if (!adapter?.pollUpdates) continue;
      const loop = runPollingLoop(deps, { ...account, signal: controller.signal })
        .catch((error: unknown) => deps.logger.error({ error: describeError(error) }, 'polling: loop ended'))
        .finally(() => loops.delete(account.platformAccountId));
      loops.set(account.platformAccountId, loop);
    }
  };
  const tick = () => {
    scanning = scan()
      .catch((error: unknown) => deps.logger.warn({ error: describeError(error) }, 'polling: scan failed'))
      .finally(() => {
        if (!controller.signal.aborted) timer = setTimeout(tick, options.rescanMs ?? 30_000);
      });
  };
  tick();
  return {
    running: () => [...loops.keys()],
    stop: async () => {
      controller.abort();
      clearTimeout(timer);
      await scanning;
      await Promise.all(loops.values());
    },
  };
};
