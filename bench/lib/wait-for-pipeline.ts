import type { Database } from '../../server/src/db/client.ts';

/** Where the tables stood before a run: only rows after these ids belong to it. */
export type RunMark = { inboundId: number; outboundId: number };

export type PipelineProgress = {
  processed: number;
  failedEvents: number;
  sent: number;
  failedSends: number;
  /** Epoch ms of the last event processed / reply sent (the worker stamps them with its clock). */
  lastProcessedAt: number | null;
  lastSentAt: number | null;
};

const epochOf = (value: unknown): number | null => (value === null ? null : Math.round(Number(value)));

export const markRun = async (database: Database): Promise<RunMark> => {
  const { rows } = await database.executeSql(
    `select (select coalesce(max(id), 0) from inbound_events) as inbound,
       (select coalesce(max(id), 0) from outbound_messages) as outbound`,
    [],
  );
  return { inboundId: Number(rows[0]!.inbound), outboundId: Number(rows[0]!.outbound) };
};

const readProgress = async (database: Database, mark: RunMark): Promise<PipelineProgress> => {
  const { rows } = await database.executeSql(
    `select
       (select count(*) from inbound_events where id > $1 and status = 'processed') as processed,
       (select count(*) from inbound_events where id > $1 and status = 'failed') as failed_events,
       (select extract(epoch from max(processed_at)) * 1000 from inbound_events where id > $1) as last_processed_at,
       (select count(*) from outbound_messages where id > $2 and status = 'sent') as sent,
       (select count(*) from outbound_messages where id > $2 and status = 'failed') as failed_sends,
       (select extract(epoch from max(sent_at)) * 1000 from outbound_messages where id > $2) as last_sent_at`,
    [mark.inboundId, mark.outboundId],
  );
  const row = rows[0]!;
  return {
    processed: Number(row.processed),
    failedEvents: Number(row.failed_events),
    sent: Number(row.sent),
    failedSends: Number(row.failed_sends),
    lastProcessedAt: epochOf(row.last_processed_at),
    lastSentAt: epochOf(row.last_sent_at),
  };
};

/**
 * Whether anything of the run is still on its way: a pending event, or an outbound row not yet settled. Read
 * through the partial indexes of the due rows, so polling costs the database next to nothing (counting the
 * run's rows every 100 ms was a fifth of PostgreSQL's work in the drain's last second).
 */
const isDrained = async (database: Database, mark: RunMark): Promise<boolean> => {
  const { rows } = await database.executeSql(
    `select not exists (select 1 from inbound_events where status = 'pending' and id > $1)
       and not exists (select 1 from outbound_messages where status in ('pending', 'sending') and id > $2) as drained`,
    [mark.inboundId, mark.outboundId],
  );
  return rows[0]!.drained === true;
};

/**
 * Poll until the run has drained (or the deadline passed), then count what became of it: `expected` events
 * processed and as many replies sent, or failures. The finish time is read from the rows' own stamps, so the
 * poll interval adds no error.
 */
export const waitForPipeline = async (
  database: Database,
  mark: RunMark,
  options: { expected: number; deadline: number; pollMs: number; onProgress?: (p: PipelineProgress) => void },
): Promise<PipelineProgress & { isComplete: boolean }> => {
  for (;;) {
    const isDone = (await isDrained(database, mark)) || Date.now() > options.deadline;
    if (isDone || options.onProgress) {
      const progress = await readProgress(database, mark);
      options.onProgress?.(progress);
      const isComplete = progress.processed >= options.expected && progress.sent >= options.expected;
      if (isDone || isComplete) return { ...progress, isComplete };
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
};
