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

  it('stores requests that arrive during a store together in ONE statement; each caller learns its own count', async () => {
    const { statements, store } = recordingStore();
    const stored: number[] = [];
    const batcher = createIngestBatcher({ store, onStored: (count) => stored.push(count) });
    const known = event();
    await batcher.ingest(target, [known]);

    const first = batcher.ingest(target, [event()]);
    // These arrive while the first statement runs: they wait for it, then go together.
    const rest = [
      batcher.ingest(target, [event(), event()]),
      batcher.ingest(target, [known]),
      batcher.ingest(target, [event(), known, event()]),
    ];
    expect(await Promise.all([first, ...rest])).toEqual([1, 2, 0, 2]);
    // `known` twice in the last batch goes into the statement once (and was stored before anyway).
    expect(statements.map((rows) => rows.length)).toEqual([1, 1, 5]);
    expect(stored).toEqual([1, 1, 4]);
    expect(await storedCount()).toBe(6);
  });

  it('counts an event delivered twice in the same batch as new for its first caller only', async () => {
    const { statements, store } = recordingStore();
    const batcher = createIngestBatcher({ store });
    const twice = event();
    const opener = batcher.ingest(target, [event()]);
    const results = await Promise.all([
      opener,
      batcher.ingest(target, [twice]),
      batcher.ingest(target, [twice, twice]),
    ]);
    expect(results).toEqual([1, 1, 0]);
    expect(statements[1]!.map((row) => row.event.externalId)).toEqual([twice.externalId]);
    const rows = await h.deps.db.select().from(inboundEvents).where(eq(inboundEvents.externalId, twice.externalId));
    expect(rows).toHaveLength(1);
  });

  it('rejects every caller of a failing statement, stores none of its rows, and goes on with the next batch', async () => {
    const { store } = recordingStore();
    const batcher = createIngestBatcher({ store });
    // No such account: the foreign key fails the whole statement.
    const nowhere = { tenantId: target.tenantId, platformAccountId: randomUUID() };
    const opener = batcher.ingest(target, [event()]);
    const doomed = [batcher.ingest(target, [event()]), batcher.ingest(nowhere, [event()])];
    await expect(opener).resolves.toBe(1);
    for (const caller of doomed) await expect(caller).rejects.toThrow();
    expect(await storedCount()).toBe(1);
    await expect(batcher.ingest(target, [event()])).resolves.toBe(1);
    expect(await storedCount()).toBe(2);
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
    expect(statements.map((rows) => rows.length)).toEqual([1, 3, 4]);
  });

  it('receiveEvents wakes the processor once per batch, not once per delivery', async () => {
    const deliveries = Array.from({ length: 20 }, () =>
      receiveEvents(h.deps, target, [event()]),
    );
    expect(await Promise.all(deliveries)).toEqual(Array(20).fill(1));
    expect(await storedCount()).toBe(20);
    const wakes = h.jobs.sent.filter((job) => job.name === jobNames.processEvents);
    expect(wakes.length).toBeGreaterThanOrEqual(1);
    expect(wakes.length).toBeLessThanOrEqual(2);
    // A redelivery stores nothing and wakes nobody.
    h.jobs.sent.length = 0;
    const [again] = await h.deps.db.select().from(inboundEvents).limit(1);
    const redelivered = { ...groupMessage(again!.externalId, { externalId: 'm-1' }, 'hi') };
    expect(await receiveEvents(h.deps, target, [redelivered])).toBe(0);
    expect(h.jobs.sent).toEqual([]);
  });
});
