import type { PlatformEvent } from '../platforms/platform.ts';

export type IngestTarget = { tenantId: string; platformAccountId: string };

/** One event for one account: the unit the batcher gathers from many requests. */
export type InboundRow = IngestTarget & { event: PlatformEvent };

/** Identifies an event across accounts: (platform account, external id) is unique in inbound_events. */
export const inboundKeyOf = (platformAccountId: string, externalId: string): string =>
  `${platformAccountId}\n${externalId}`;

/**
 * Group commit for webhook deliveries. A platform posts one event per request; storing each with its
 * own INSERT (and commit) costs a round trip and a commit per event. Instead, the requests handled in
 * the same turn of the event loop, and those that arrive while a store is running, are stored together
 * in one statement. The store starts on `setImmediate` (after the loop has read every request that is
 * waiting, no timer): PGlite runs on this very thread, so without that pause a store would finish
 * before the next request is even parsed and every batch would hold one row. A busy server makes bigger
 * batches; an idle one adds well under a millisecond. Every caller resolves only after its own rows are
 * stored, so nothing acknowledged is lost.
 */
export type IngestBatcher = {
  /** Store these events; resolves with how many of them were new (not stored before). */
  ingest: (target: IngestTarget, events: PlatformEvent[]) => Promise<number>;
};

type Waiting = {
  rows: InboundRow[];
  resolve: (count: number) => void;
  reject: (error: unknown) => void;
};

export const createIngestBatcher = (options: {
  /** Stores rows in one statement and returns the keys (inboundKeyOf) of those that were new. */
  store: (rows: InboundRow[]) => Promise<Set<string>>;
  /** Called once per batch that stored anything, before any of its callers resolves. */
  onStored?: (count: number) => void;
  /** Rows per statement at most; a request is never split. */
  maxRows?: number;
}): IngestBatcher => {
  const maxRows = options.maxRows ?? 1_000;
  let queue: Waiting[] = [];
  // One statement at a time: the next batch forms while it runs.
  let isStoring = false;
  let isScheduled = false;

  const takeBatch = (): Waiting[] => {
    let rows = 0;
    let taken = 0;
    while (taken < queue.length && (taken === 0 || rows + queue[taken]!.rows.length <= maxRows)) {
      rows += queue[taken]!.rows.length;
      taken += 1;
    }
    const batch = queue.slice(0, taken);
    queue = queue.slice(taken);
    return batch;
  };

  const flush = async (batch: Waiting[]) => {
    const keysOf: string[][] = [];
    let stored: Set<string>;
    try {
      // The same event twice in one batch (a redelivery racing the original) is new for its first caller only.
      const seen = new Set<string>();
      const rows: InboundRow[] = [];
      for (const waiting of batch) {
        const keys: string[] = [];
        for (const row of waiting.rows) {
          const key = inboundKeyOf(row.platformAccountId, row.event.externalId);
          if (seen.has(key)) continue;
          seen.add(key);
          rows.push(row);
          keys.push(key);
        }
        keysOf.push(keys);
      }
      stored = await options.store(rows);
    } catch (error) {
      release();
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    // The next batch starts before these callers go on: the database is never left idle with work queued.
    release();
    if (stored.size > 0) options.onStored?.(stored.size);
    batch.forEach((waiting, i) => {
      waiting.resolve(keysOf[i]!.filter((key) => stored.has(key)).length);
    });
  };

  const release = () => {
    isStoring = false;
    pump();
  };

  const pump = () => {
    if (isStoring || queue.length === 0) return;
    isStoring = true;
    void flush(takeBatch());
  };

  return {
    ingest: (target, events) => {
      if (events.length === 0) return Promise.resolve(0);
      return new Promise<number>((resolve, reject) => {
        queue.push({ rows: events.map((event) => ({ ...target, event })), resolve, reject });
        // While a store runs, its completion starts the next one (release → pump).
        if (!isScheduled) {
          isScheduled = true;
          setImmediate(() => {
            isScheduled = false;
            pump();
          });
        }
      });
    },
  };
};
