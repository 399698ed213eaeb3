import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { jsonRecords } from '../db/json-records.ts';
import { executePrepared } from '../db/prepared.ts';
import { inboundEvents } from '../db/schema/index.ts';
import { describeError } from '../jobs/backoff.ts';
import { coalesceCalls } from '../jobs/coalesce-calls.ts';
import { wakeEventProcessor } from '../jobs/job-names.ts';
import type { PlatformEvent } from '../platforms/platform.ts';
import {
  createIngestBatcher,
  type InboundRow,
  type IngestBatcher,
  type IngestTarget,
  inboundKeyOf,
} from './ingest-batcher.ts';

export type { InboundRow, IngestTarget } from './ingest-batcher.ts';

/**
 * Store events of any accounts in ONE statement, each exactly once per (platform account, external id).
 * Returns the keys (inboundKeyOf) of the rows that were new; a redelivered event is silently dropped.
 * Pass `now` (deps.now()) so the events are due on the same clock the processor uses; without it the
 * database's clock stamps them.
 */
export const insertInboundEvents = async (
  db: Db,
  rows: InboundRow[],
  options: { now?: Date } = {},
): Promise<Set<string>> => {
  if (rows.length === 0) return new Set();
  const now = options.now ? sql`${options.now.toISOString()}::timestamptz` : sql`now()`;
  const records = rows.map((r) => ({
    tenant_id: r.tenantId,
    platform_account_id: r.platformAccountId,
    external_id: r.event.externalId,
    type: r.event.type,
    payload: r.event,
  }));
  const { rows: stored } = await executePrepared<{ platform_account_id: string; external_id: string }>(
    db,
    sql`
    insert into ${inboundEvents} (tenant_id, platform_account_id, external_id, type, payload, received_at, next_attempt_at)
    select v.tenant_id, v.platform_account_id, v.external_id, v.type, v.payload, ${now}, ${now}
    from ${jsonRecords(records, 'v', 'tenant_id uuid, platform_account_id uuid, external_id text, type text, payload jsonb')}
    on conflict (platform_account_id, external_id) do nothing
    returning platform_account_id, external_id`,
  );
  return new Set(stored.map((row) => inboundKeyOf(row.platform_account_id, row.external_id)));
};

/**
 * Store one account's events exactly once per (platform account, external id), in the caller's
 * transaction if it has one. Returns how many were new. Processing happens later, in the worker.
 */
export const ingestEvents = async (
  db: Db,
  target: IngestTarget,
  events: PlatformEvent[],
  options: { now?: Date } = {},
): Promise<number> => {
  const stored = await insertInboundEvents(
    db,
    events.map((event) => ({ ...target, event })),
    options,
  );
  return stored.size;
};

/**
 * What a webhook does with parsed events: store them and wake the processor when any is new. Concurrent
 * deliveries are group-committed (pipeline/ingest-batcher.ts): one INSERT for the requests handled in
 * the same turn of the event loop or while the previous INSERT ran, and one wake for the batch. Resolves
 * only once this delivery's rows are stored, so an acknowledged event is never lost.
 */
export const receiveEvents = (
  deps: AppDeps,
  target: IngestTarget,
  events: PlatformEvent[],
): Promise<number> => batcherOf(deps).ingest(target, events);

/**
 * One batcher per deps (per process in production), made on first use: deps is the process's state, and
 * keying on it keeps the batcher out of the composition root and gives every test harness its own.
 */
const batchers = new WeakMap<AppDeps, IngestBatcher>();

const batcherOf = (deps: AppDeps): IngestBatcher => {
  let batcher = batchers.get(deps);
  if (batcher) return batcher;
  // A wake asked for while one is being sent becomes one more send after it (pg-boss's send is a write
  // that contends on the stately queue's singleton; one per request was the webhook's bottleneck). A failed
  // wake loses nothing: the events are stored, and events.sweep wakes the processor within a minute.
  const wake = coalesceCalls(
    () => wakeEventProcessor(deps.jobs),
    (error) => deps.logger.warn({ error: describeError(error) }, 'pipeline: could not wake the processor'),
    // At most ten wakes a second: each is a commit, and the worker polls its queue every 0.5 s anyway.
    { minIntervalMs: 100 },
  );
  batcher = createIngestBatcher({
    store: (rows) => insertInboundEvents(deps.db, rows, { now: deps.now() }),
    onStored: wake,
  });
  batchers.set(deps, batcher);
  return batcher;
};
