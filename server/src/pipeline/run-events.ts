import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import type { SendJobOptions } from '../jobs/queue.ts';
import { enqueueOutboundBatch, type OutboundInput } from '../outbox/outbox.store.ts';
import type { Capabilities, PlatformAdapter, PlatformEvent } from '../platforms/platform.ts';
import { compose, type EnqueueRequest, type EventContext, type Middleware } from './middleware.ts';
import { resolveParticipants } from './participants.store.ts';
import { attachParticipants, participantRefOf } from './resolve-participants.ts';

export type RunnableEvent = {
  id: number;
  tenantId: string;
  platformAccountId: string;
  event: PlatformEvent;
  capabilities: Capabilities;
  adapter: PlatformAdapter;
};

export type RunResult = {
  processed: RunnableEvent[];
  failed: { item: RunnableEvent; error: unknown }[];
  /** Accounts that got outbound rows (their delivery job is woken after commit). */
  outboundAccounts: Set<string>;
  /** Jobs handlers asked for (`ctx.jobs`), sent after commit; only those of events that succeeded. */
  jobs: DeferredJob[];
};

export type DeferredJob = { name: string; data: Record<string, unknown>; options?: SendJobOptions };

type BatchEffects = { accounts: Set<string>; jobs: DeferredJob[] };

/** The idempotency key of an event's n-th (or named) outbound row: stable across re-runs of the event. */
export const eventOutboundKey = (inboundEventId: number, key: string): string =>
  `evt:${inboundEventId}:${key}`;

/**
 * Run the chain for every event, each event isolated from the others.
 *
 * Optimistically the whole batch runs inside ONE savepoint: resolving participants and writing outbound
 * rows take a few statements for the batch instead of several per event. If anything throws, that
 * savepoint rolls back (nothing of the batch remains) and the events run again one savepoint each, so
 * only the failing event loses its effects. Handlers must therefore keep all effects in `ctx.tx` and
 * the outbox, which they must anyway.
 */
export const runEvents = async (
  tx: Db,
  deps: AppDeps,
  items: RunnableEvent[],
  handlers: readonly Middleware[],
): Promise<RunResult> => {
  const result: RunResult = { processed: [], failed: [], outboundAccounts: new Set(), jobs: [] };
  if (items.length === 0) return result;
  try {
    const effects = await tx.transaction((savepoint) => runTogether(savepoint, deps, items, handlers));
    return { ...result, processed: items, outboundAccounts: effects.accounts, jobs: effects.jobs };
  } catch (error) {
    if (items.length === 1) return { ...result, failed: [{ item: items[0]!, error }] };
  }
  for (const item of items) {
    try {
      const effects = await tx.transaction((savepoint) => runTogether(savepoint, deps, [item], handlers));
      result.processed.push(item);
      for (const account of effects.accounts) result.outboundAccounts.add(account);
      result.jobs.push(...effects.jobs);
    } catch (error) {
      result.failed.push({ item, error });
    }
  }
  return result;
};

/** Events run between two turns of the event loop (bench/ingest: the ack tail while the worker drains). */
const yieldEvery = 50;

const runTogether = async (
  tx: Db,
  deps: AppDeps,
  items: RunnableEvent[],
  handlers: readonly Middleware[],
): Promise<BatchEffects> => {
  const participants = await resolveParticipants(
    tx,
    items.map((item) => participantRefOf(item, item.event)),
  );
  const chain = compose([attachParticipants(participants), ...handlers]);
  const outbound: OutboundInput[] = [];
  const jobs: DeferredJob[] = [];
  const woken = new Set<string>();
  const now = deps.now();
  for (const [index, item] of items.entries()) {
    // A big batch runs for tens of milliseconds; let the webhook requests waiting meanwhile be answered.
    if (index > 0 && index % yieldEvery === 0) await new Promise((resolve) => setImmediate(resolve));
    const write = (row: OutboundInput) => outbound.push({ notBefore: now, ...row });
    const ctx = createContext(tx, deps, item, write, { jobs, woken });
    await chain(ctx, async () => {});
  }
  await enqueueOutboundBatch(tx, dedupeByKey(outbound));
  return { accounts: new Set([...woken, ...outbound.map((row) => row.platformAccountId)]), jobs };
};

const createContext = (
  tx: Db,
  deps: AppDeps,
  item: RunnableEvent,
  write: (row: OutboundInput) => void,
  effects: { jobs: DeferredJob[]; woken: Set<string> },
): EventContext => {
  let sequence = 0;
  return {
    tx,
    deps,
    tenantId: item.tenantId,
    platformAccountId: item.platformAccountId,
    inboundEventId: item.id,
    event: item.event,
    capabilities: item.capabilities,
    adapter: item.adapter,
    jobs: {
      send: async (name, data, options) => {
        effects.jobs.push({ name, data, options });
      },
    },
    outbox: {
      // Buffered and written with the rest of the batch, still inside this transaction.
      enqueue: async ({ key, platformAccountId, ...message }: EnqueueRequest) => {
        sequence += 1;
        write({
          ...message,
          tenantId: item.tenantId,
          platformAccountId: platformAccountId ?? item.platformAccountId,
          idempotencyKey: eventOutboundKey(item.id, key ?? String(sequence)),
          sourceEventId: item.id,
        });
      },
      wake: (platformAccountId) => {
        effects.woken.add(platformAccountId ?? item.platformAccountId);
      },
    },
  };
};

const dedupeByKey = (rows: OutboundInput[]): OutboundInput[] => {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.platformAccountId}\n${row.idempotencyKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
