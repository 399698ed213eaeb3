import { availableParallelism } from 'node:os';
import type { LoadReport } from './load-generator.ts';
import { round } from './stats.ts';
import type { PipelineProgress } from './wait-for-pipeline.ts';

/** One load run as measured: the client's acks and the pipeline's drain. */
export type RunResult = {
  name: string;
  load: LoadReport;
  pipeline: PipelineProgress & { isComplete: boolean };
  /** Events per second from the first request to the last event processed / reply sent; null if unfinished. */
  processedPerSecond: number | null;
  endToEndPerSecond: number | null;
  /**
   * How long after the last acknowledgement the last reply was sent (ms; null if unfinished): at a fixed rate, a
   * pipeline that keeps up ends within a batch or two of the load, and the rates above read a little under it.
   */
  replyLagMs: number | null;
  /** The server's event-loop delay while the load ran (ms). */
  loopDelayMs?: { p99: number; max: number };
  /** CPU per event from the first request until the last reply (µs): server (+ worker), PostgreSQL, load generator. */
  cpuMicros?: { server: number; worker?: number; postgres: number; client: number };
  /** PostgreSQL's counters per event over the run (commits, rows inserted / updated / deleted / fetched). */
  databaseWork?: Record<string, number>;
};

export const summarizeRun = (
  name: string,
  load: LoadReport,
  pipeline: PipelineProgress & { isComplete: boolean },
  expected: number,
): RunResult => {
  const rateUntil = (at: number) =>
    pipeline.isComplete && at > load.startedAt ? round(expected / ((at - load.startedAt) / 1000)) : null;
  const processedAt = pipeline.lastProcessedAt ?? 0;
  return {
    name,
    load,
    pipeline,
    processedPerSecond: rateUntil(processedAt),
    endToEndPerSecond: rateUntil(Math.max(pipeline.lastSentAt ?? 0, processedAt)),
    replyLagMs:
      pipeline.isComplete && pipeline.lastSentAt
        ? round(pipeline.lastSentAt - (load.startedAt + load.durationMs))
        : null,
  };
};

const pad = (value: string | number, width: number) => String(value).padStart(width);
const ratio = (value: number | null, raw: number) => (value === null ? 'n/a' : `${round(value / raw, 2)}×`);

/** The table the bench prints: every rate next to its ratio to raw single-row INSERTs. */
export const formatTable = (input: { raw: number; runs: RunResult[] }): string => {
  const lines = [
    `${'measurement'.padEnd(44)}${pad('events/s', 10)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('÷ raw', 8)}`,
    `${'raw single-row INSERTs (same concurrency)'.padEnd(44)}${pad(input.raw, 10)}${pad('', 27)}${pad('1×', 8)}`,
  ];
  for (const run of input.runs) {
    const { latencyMs } = run.load;
    lines.push(
      `${`${run.name}: webhook acks`.padEnd(44)}${pad(run.load.requestsPerSecond, 10)}${pad(latencyMs.p50, 9)}` +
        `${pad(latencyMs.p95, 9)}${pad(latencyMs.p99, 9)}${pad(ratio(run.load.requestsPerSecond, input.raw), 8)}`,
    );
    lines.push(
      `${`${run.name}: events processed`.padEnd(44)}${pad(run.processedPerSecond ?? 'n/a', 10)}` +
        `${pad('', 27)}${pad(ratio(run.processedPerSecond, input.raw), 8)}`,
    );
    const status = run.pipeline.isComplete
      ? ''
      : ` (unfinished: ${run.pipeline.processed} processed, ${run.pipeline.sent} sent, ` +
        `${run.pipeline.failedEvents + run.pipeline.failedSends} failed)`;
    lines.push(
      `${`${run.name}: end-to-end (reply sent)`.padEnd(44)}${pad(run.endToEndPerSecond ?? 'n/a', 10)}` +
        `${pad('', 27)}${pad(ratio(run.endToEndPerSecond, input.raw), 8)}${status}`,
    );
    if (run.replyLagMs !== null) {
      lines.push(`  (the last reply was sent ${run.replyLagMs} ms after the last acknowledgement)`);
    }
    if (run.loopDelayMs) {
      lines.push(
        `  (server event-loop delay during the load: p99 ${run.loopDelayMs.p99} ms, max ${run.loopDelayMs.max} ms)`,
      );
    }
    if (run.cpuMicros) {
      const { server, worker, postgres, client } = run.cpuMicros;
      const split = worker === undefined ? '' : ` (API ${round(server - worker)}, worker ${worker})`;
      // On PGlite the database runs inside the server process, whose threads (GC, I/O) also count: no ceiling.
      const ceiling =
        postgres > 0
          ? `, so at most ${round((availableParallelism() * 1e6) / (server + postgres + client))} events/s on these cores`
          : ' (PGlite: the database is inside the server)';
      lines.push(
        `  (CPU per event: server ${server} µs${split}, PostgreSQL ${postgres} µs, load generator ${client} µs; ` +
          `total ${round(server + postgres + client)} µs${ceiling})`,
      );
    }
    if (run.databaseWork) {
      const work = Object.entries(run.databaseWork).map(([key, value]) => `${key} ${value}`);
      lines.push(`  (PostgreSQL per event: ${work.join(', ')})`);
    }
    if (run.load.errors > 0)
      lines.push(`  ${run.load.errors} of ${run.load.sent} requests were not acknowledged`);
  }
  return lines.join('\n');
};
