import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inboundEvents } from '../db/schema/index.ts';
import { jobNames } from '../jobs/job-names.ts';
import { createMemoryPlatform } from '../platforms/memory/memory-platform.ts';
import { createBrand } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { insertInboundEvents, receiveEvents } from './ingest.ts';
import { createIngestBatcher, type InboundRow, type IngestTarget } from './ingest-batcher.ts';
import { groupMessage } from './testing-events.ts';

describe('createIngestBatcher (group commit of webhook deliveries)', () => {
  let h: Harness;
  let target: IngestTarget;
  let n = 0;
  const event = () => groupMessage(`e-${++n}`, { externalId: 'm-1' }, 'hi');

  beforeAll(async () => {
    h = await createHarness();
    const platform = createMemoryPlatform(h.deps);
    const tenantId = (await createBrand(h.deps)).tenant.id;
    target = { tenantId, platformAccountId: (await platform.addAccount(tenantId)).account.id };
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    await h.deps.db.delete(inboundEvents);
    h.jobs.sent.length = 0;
  });

  /** The real insert, with each statement's rows recorded. */
  const recordingStore = () => {
    const statements: InboundRow[][] = [];
    const store = (rows: InboundRow[]) => {
      statements.push(rows);
      return insertInboundEvents(h.deps.db, rows, { now: h.deps.now() });
    };
    return { statements, store };
  };
  const storedCount = async () => (await h.deps.db.select().from(inboundEvents)).length;

  /** Lets the batcher start the statement it has scheduled (it waits for the loop's check phase). */
  const startStore = () => new Promise((resolve) => setImmediate(resolve));

  it('stores the deliveries of one turn together in ONE statement; each caller learns its own count', async () => {
    const { statements, store } = recordingStore();
    const stored: number[] = [];
    const batcher = createIngestBatcher({ store, onStored: (count) => stored.push(count) });
    const known = event();
    await batcher.ingest(target, [known]);

    const counts = await Promise.all([
      batcher.ingest(target, [event()]),
      batcher.ingest(target, [event(), event()]),
      batcher.ingest(target, [known]),
      // `known` again: it goes into the statement once, and was stored before anyway.
      batcher.ingest(target, [event(), known, event()]),
    ]);
    expect(counts).toEqual([1, 2, 0, 2]);
    expect(statements.map((rows) => rows.length)).toEqual([1, 6]);
    expect(stored).toEqual([1, 5]);
    expect(await storedCount()).toBe(6);
  });

  it('makes deliveries that arrive while a statement runs wait for it, then stores them together', async () => {
    const { statements, store } = recordingStore();
    // The first statement is held open until the test lets it go on.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const batcher = createIngestBatcher({
      store: async (rows) => {
        calls += 1;
        if (calls === 1) await held;
        return store(rows);
      },
    });
    const first = batcher.ingest(target, [event()]);
    await startStore();
    const later = [batcher.ingest(target, [event()]), batcher.ingest(target, [event(), event()])];
    await startStore();
    expect(calls).toBe(1);
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 1, 2]);
    expect(statements.map((rows) => rows.length)).toEqual([1, 3]);
  });

  it('counts an event delivered twice in the same batch as new for its first caller only', async () => {
    const { statements, store } = recordingStore();
    const batcher = createIngestBatcher({ store });
    const twice = event();
    const results = await Promise.all([
      batcher.ingest(target, [twice]),
      batcher.ingest(target, [twice, twice]),
    ]);
    expect(results).toEqual([1, 0]);
    expect(statements.map((rows) => rows.map((row) => row.event.externalId))).toEqual([[twice.externalId]]);
    const rows = await h.deps.db
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.externalId, twice.externalId));
    expect(rows).toHaveLength(1);
  });

  it('rejects every caller of a failing statement, stores none of its rows, and goes on with the next batch', async () => {
    const { store } = recordingStore();
    const batcher = createIngestBatcher({ store });
    // No such account: the foreign key fails the whole statement.
    const nowhere = { tenantId: target.tenantId, platformAccountId: randomUUID() };
    const doomed = [batcher.ingest(target, [event()]), batcher.ingest(nowhere, [event()])];
    for (const caller of doomed) await expect(caller).rejects.toThrow();
    expect(await storedCount()).toBe(0);
    await expect(batcher.ingest(target, [event()])).resolves.toBe(1);
    expect(await storedCount()).toBe(1);
  });

  it('keeps statements within maxRows without splitting a delivery, and answers no events at once', async () => {
    const { statements, store } = recordingStore();
    const batcher = createIngestBatcher({ store, maxRows: 3 });
    expect(await batcher.ingest(target, [])).toBe(0);
    const calls = [
      batcher.ingest(target, [event()]),
      batcher.ingest(target, [event(), event()]),
      batcher.ingest(target, [event()]),
      batcher.ingest(target, [event(), event(), event(), event()]),
    ];
    expect(await Promise.all(calls)).toEqual([1, 2, 1, 4]);
    expect(statements.map((rows) => rows.length)).toEqual([3, 1, 4]);
    expect(statements).toHaveLength(3);
  });

  it('receiveEvents wakes the processor once per batch, not once per delivery', async () => {
    const deliveries = Array.from({ length: 20 }, () => receiveEvents(h.deps, target, [event()]));
    expect(await Promise.all(deliveries)).toEqual(Array(20).fill(1));
    expect(await storedCount()).toBe(20);
    expect(h.jobs.sent.filter((job) => job.name === jobNames.processEvents)).toHaveLength(1);
    // A redelivery stores nothing and wakes nobody.
    h.jobs.sent.length = 0;
    const [again] = await h.deps.db.select().from(inboundEvents).limit(1);
    const redelivered = { ...groupMessage(again!.externalId, { externalId: 'm-1' }, 'hi') };
    expect(await receiveEvents(h.deps, target, [redelivered])).toBe(0);
    expect(h.jobs.sent).toEqual([]);
  });
});
