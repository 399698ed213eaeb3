/**
 * # The flow of an inbound event
 *
 * 1. **Receive.** A webhook verifies the delivery, parses it into normalized `PlatformEvent`s and stores
 *    them with `receiveEvents` (pipeline/ingest.ts): one `inbound_events` row each, unique per (platform
 *    account, external id), so a redelivered event is dropped right there. Concurrent deliveries are
 *    group-committed (pipeline/ingest-batcher.ts: one INSERT for the requests that arrived while the
 *    previous one ran) and each is answered once its own rows are stored. Each batch wakes the
 *    `events.process` job, and wakes asked for while one is being sent collapse into one more.
 * 2. **Claim.** `processPendingEvents` (this file) reads which accounts the next due events belong to and
 *    loads their adapters (outside any transaction), then opens ONE transaction and claims up to `limit`
 *    due events (pending, and never tried or `next_attempt_at <= now`; by id; `FOR UPDATE SKIP LOCKED`),
 *    marking them 'processed' in the same statement. A second worker skips the locked rows and takes the
 *    next ones; a processed event is no longer 'pending', so it is never claimed again.
 * 3. **Run.** Each payload is parsed with `platformEventSchema` and run through the middleware chain
 *    (pipeline/run-events.ts): the built-in resolve step (member + identity upserted, display name and
 *    `last_seen_at` kept current, staff account looked up), then `featureHandlers` (pipeline/handlers.ts).
 *    Handlers write through `ctx.tx` and queue outbound actions with `ctx.outbox.enqueue`, whose
 *    idempotency key `evt:<event id>:<n|key>` makes a re-run harmless. The batch first runs in one
 *    savepoint (few statements for many events); if any event throws, it re-runs one savepoint per
 *    event, so a failure rolls back only that event's effects and outbound rows.
 * 4. **Settle.** Successes stay 'processed' as claimed. A failure counts an attempt, keeps the
 *    error and waits (1 s · 2^attempts, at most 1 h, on `deps.now()`); after 10 attempts it is 'failed',
 *    kept for an admin (`retryFailedEvent`). Then the transaction commits: effects, outbound rows and
 *    statuses together, or none of them.
 * 5. **Deliver.** After the commit, one `outbox.deliver` job per account that got outbound rows is sent
 *    (stately queue, singleton per account). Delivery (outbox/deliver-outbound.ts) claims rows, calls the
 *    platform within its rate limits, and records sent / retry later / failed per row.
 *    Jobs handlers asked for through `ctx.jobs` (open the next group of a series, flush a group welcome) are
 *    sent then too, only for events that succeeded.
 * 6. **Sweep.** Every minute `events.sweep` wakes `events.process` when due events exist (retries whose
 *    backoff ended) and `outbox.sweep` fans out one `outbox.deliver` per account with due rows.
 */
import type { AppDeps } from '../app/deps.ts';
import { notFound } from '../errors.ts';
import { decideRetry, describeError } from '../jobs/backoff.ts';
import { wakeDelivery, wakeEventProcessor } from '../jobs/job-names.ts';
import { type PlatformAdapter, platformEventSchema } from '../platforms/platform.ts';
import {
  type ClaimedEvent,
  claimDueEvents,
  findDueEventAccounts,
  recordEventFailures,
  requeueFailedEvent,
} from './events.store.ts';
import { featureHandlers } from './handlers.ts';
import type { Middleware } from './middleware.ts';
import { type DeferredJob, type RunnableEvent, runEvents } from './run-events.ts';

export type ProcessStats = { claimed: number; processed: number; failed: number };

export const processPendingEvents = async (
  deps: AppDeps,
  options: { limit?: number; handlers?: readonly Middleware[] } = {},
): Promise<ProcessStats> => {
  const limit = options.limit ?? deps.config.worker.batchSize;
  const handlers = options.handlers ?? featureHandlers;
  const now = deps.now();
  const accounts = await findDueEventAccounts(deps.db, { now, limit });
  if (accounts.length === 0) return { claimed: 0, processed: 0, failed: 0 };
  // Adapters load outside the transaction: on PGlite a query outside an open transaction waits for it.
  const adapters = await loadAdapters(deps, accounts);

  const outcome = await deps.db.transaction(async (tx) => {
    const claimed = await claimDueEvents(tx, {
      now,
      limit,
      platformAccountIds: accounts.map((a) => a.platformAccountId),
    });
    const runnable: RunnableEvent[] = [];
    const failures: { id: number; attempts: number; error: unknown }[] = [];
    for (const row of claimed) {
      const prepared = prepareEvent(row, adapters.get(row.platformAccountId));
      if (prepared instanceof Error) failures.push({ ...row, error: prepared });
      else runnable.push(prepared);
    }
    const result = await runEvents(tx, deps, runnable, handlers);
    const attemptsOf = new Map(claimed.map((row) => [row.id, row.attempts]));
    for (const { item, error } of result.failed)
      failures.push({ id: item.id, attempts: attemptsOf.get(item.id)!, error });

    await recordEventFailures(
      tx,
      failures.map(({ id, attempts, error }) => ({
        id,
        decision: decideRetry({ previousAttempts: attempts, now }),
        error: describeError(error),
      })),
    );
    return { claimed: claimed.length, processed: result.processed.length, failures, result };
  });

  for (const failure of outcome.failures) {
    deps.logger.warn({ eventId: failure.id, error: describeError(failure.error) }, 'pipeline: event failed');
  }
  for (const platformAccountId of outcome.result.outboundAccounts) {
    await wakeDelivery(deps.jobs, platformAccountId);
  }
  await sendDeferredJobs(deps, outcome.result.jobs);
  return { claimed: outcome.claimed, processed: outcome.processed, failed: outcome.failures.length };
};

/** The jobs handlers asked for, now that their effects are committed; the same job twice is sent once. */
const sendDeferredJobs = async (deps: AppDeps, jobs: DeferredJob[]): Promise<void> => {
  const seen = new Set<string>();
  for (const job of jobs) {
    const key = `${job.name}\n${job.options?.singletonKey ?? JSON.stringify(job.data)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      await deps.jobs.send(job.name, job.data, job.options);
    } catch (error) {
      // The effects are committed; a lost wake-up is what the minute sweeps are for.
      deps.logger.warn({ job: job.name, error: describeError(error) }, 'pipeline: job after commit not sent');
    }
  }
};

/** A claimed row ready to run, or why it cannot run (counted as a failed try like any other). */
const prepareEvent = (
  row: ClaimedEvent,
  adapter: PlatformAdapter | Error | undefined,
): RunnableEvent | Error => {
  const parsed = platformEventSchema.safeParse(row.payload);
  if (!parsed.success) return new Error(`Invalid event: ${parsed.error.message}`);
  if (adapter === undefined) return new Error('Platform account not loaded');
  if (adapter instanceof Error) return adapter;
  return { ...row, event: parsed.data, capabilities: adapter.capabilities, adapter };
};

const loadAdapters = async (
  deps: AppDeps,
  accounts: { tenantId: string; platformAccountId: string }[],
): Promise<Map<string, PlatformAdapter | Error>> => {
  const result = new Map<string, PlatformAdapter | Error>();
  for (const { tenantId, platformAccountId } of accounts) {
    try {
      result.set(platformAccountId, await deps.platforms.adapterFor(tenantId, platformAccountId));
    } catch (error) {
      result.set(platformAccountId, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return result;
};

/** An admin's "try again" for an event that used up its attempts: one more try, soon. */
export const retryFailedEvent = async (
  deps: AppDeps,
  input: { tenantId: string; eventId: number },
): Promise<void> => {
  const isRequeued = await requeueFailedEvent(deps.db, { ...input, now: deps.now() });
  if (!isRequeued) throw notFound('Failed event');
  await wakeEventProcessor(deps.jobs);
};
