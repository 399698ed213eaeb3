import { eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app/deps.ts';
import { inboundEvents, memberIdentities } from '../db/schema/index.ts';
import { enqueueOutbound } from '../outbox/outbox.store.ts';
import { receiveEvents } from '../pipeline/ingest.ts';
import { memberAddedStaff } from '../pipeline/testing-events.ts';
import type { MemoryAdapter } from '../platforms/memory/memory-adapter.ts';
import { createMemoryPlatform } from '../platforms/memory/memory-platform.ts';
import { createBrand } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { type RunningWorker, startWorker } from '../worker.ts';
import { createBossQueue, startBoss } from './boss.ts';
import { wakeDelivery } from './job-names.ts';

const waitFor = async (check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('jobs on pg-boss', () => {
  let h: Harness;
  let boss: PgBoss;
  let deps: AppDeps;
  let worker: RunningWorker;
  let tenantId: string;
  let accountId: string;
  let adapter: MemoryAdapter;

  beforeAll(async () => {
    h = await createHarness();
    boss = await startBoss(h.database, { logger: h.deps.logger });
    const platform = createMemoryPlatform({ ...h.deps, jobs: createBossQueue(boss) });
    deps = platform.deps;
    tenantId = (await createBrand(deps)).tenant.id;
    ({
      account: { id: accountId },
      adapter,
    } = await platform.addAccount(tenantId));
    worker = await startWorker(deps, boss);
  });
  afterAll(async () => {
    await worker.stop();
    await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    await h.close();
  });

  it('runs a job sent to a queue on the test database', async () => {
    await boss.createQueue('test-ping', { name: 'test-ping' });
    const handled: unknown[] = [];
    await boss.work('test-ping', { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      handled.push(job?.data);
    });
    await createBossQueue(boss).send('test-ping', { hello: 'world' });
    await waitFor(async () => handled.length === 1);
    expect(handled).toEqual([{ hello: 'world' }]);
  });

  it('processes a received event in the worker', async () => {
    const event = memberAddedStaff('boss-e1', { externalId: 'boss-m1', name: 'Queued' });
    expect(await receiveEvents(deps, { tenantId, platformAccountId: accountId }, [event])).toBe(1);
    await waitFor(async () => {
      const [row] = await deps.db.select().from(inboundEvents).where(eq(inboundEvents.externalId, 'boss-e1'));
      return row?.status === 'processed';
    });
    const [identity] = await deps.db
      .select()
      .from(memberIdentities)
      .where(eq(memberIdentities.externalId, 'boss-m1'));
    expect(identity?.displayName).toBe('Queued');
  });

  it('delivers an outbound row when its account is woken', async () => {
    await enqueueOutbound(deps.db, {
      tenantId,
      platformAccountId: accountId,
      idempotencyKey: 'boss-1',
      kind: 'send',
      payload: { target: { kind: 'group', groupExternalId: 'g' }, content: { text: 'via pg-boss' } },
      notBefore: deps.now(),
    });
    await wakeDelivery(deps.jobs, accountId);
    await waitFor(async () => adapter.sent.length === 1);
    expect(adapter.sent[0]?.content.text).toBe('via pg-boss');
  });
});
