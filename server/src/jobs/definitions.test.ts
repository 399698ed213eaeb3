import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app/deps.ts';
import { inboundEvents, outboundMessages } from '../db/schema/index.ts';
import { enqueueOutboundBatch, type OutboundInput } from '../outbox/outbox.store.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { ingestEvents } from '../pipeline/ingest.ts';
import { memberAddedStaff } from '../pipeline/testing-events.ts';
import { createMemoryPlatform, type MemoryPlatform } from '../platforms/memory/memory-platform.ts';
import { createBrand } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import {
  deliverOutboundJob,
  type JobContext,
  processEventsJob,
  sweepEventsJob,
  sweepOutboxJob,
} from './definitions.ts';
import { jobNames } from './job-names.ts';

describe('job definitions', () => {
  let h: Harness;
  let platform: MemoryPlatform;
  let deps: AppDeps;
  let context: JobContext;
  let tenantId: string;

  beforeAll(async () => {
    h = await createHarness();
    platform = createMemoryPlatform(h.deps);
    deps = platform.deps;
    context = { deps, rateLimits: createRateLimitStore() };
    tenantId = (await createBrand(deps)).tenant.id;
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    await deps.db.delete(outboundMessages);
    await deps.db.delete(inboundEvents);
    h.jobs.sent.length = 0;
  });

  const messages = (platformAccountId: string, count: number): OutboundInput[] =>
    Array.from({ length: count }, (_, i) => ({
      tenantId,
      platformAccountId,
      idempotencyKey: `k${i}`,
      kind: 'send',
      payload: { target: { kind: 'group', groupExternalId: 'g' }, content: { text: `${i}` } },
      notBefore: deps.now(),
    }));

  it('the outbox sweep fans out one delivery per account with due rows', async () => {
    const a = (await platform.addAccount(tenantId)).account.id;
    const b = (await platform.addAccount(tenantId)).account.id;
    await platform.addAccount(tenantId);
    await enqueueOutboundBatch(deps.db, [...messages(a, 2), ...messages(b, 1)]);
    await sweepOutboxJob.handler(context, {});
    expect(
      h.jobs.sent.map((j) => [j.name, j.data.platformAccountId, j.options?.singletonKey]).sort(),
    ).toEqual(
      [
        [jobNames.deliverOutbound, a, a],
        [jobNames.deliverOutbound, b, b],
      ].sort(),
    );
  });

  it('the events sweep wakes the processor only when events are due', async () => {
    await sweepEventsJob.handler(context, {});
    expect(h.jobs.sent).toEqual([]);
    const { account } = await platform.addAccount(tenantId);
    await ingestEvents(
      deps.db,
      { tenantId, platformAccountId: account.id },
      [memberAddedStaff('e1', { externalId: 'm1' })],
      {
        now: deps.now(),
      },
    );
    await sweepEventsJob.handler(context, {});
    expect(h.jobs.sent).toEqual([
      { name: jobNames.processEvents, data: {}, options: { singletonKey: 'events' } },
    ]);
    await processEventsJob.handler(context, {});
    await sweepEventsJob.handler(context, {});
    expect(h.jobs.sent).toHaveLength(1);
  });

  it('a rate-limited delivery wakes itself shortly for the rest, and validates its data', async () => {
    const { account, adapter } = await platform.addAccount(tenantId, {
      capabilities: { rateLimits: { perSecond: 2 } },
    });
    await enqueueOutboundBatch(deps.db, messages(account.id, 5));
    await deliverOutboundJob.handler(context, { platformAccountId: account.id });
    expect(adapter.sent).toHaveLength(2);
    expect(h.jobs.sent).toEqual([
      {
        name: jobNames.deliverOutbound,
        data: { platformAccountId: account.id },
        options: { singletonKey: account.id, startAfter: 1 },
      },
    ]);
    await expect(deliverOutboundJob.handler(context, { platformAccountId: 'nope' })).rejects.toThrow();
  });
});
