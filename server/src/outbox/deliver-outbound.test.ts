import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app/deps.ts';
import { outboundMessages } from '../db/schema/index.ts';
import { rateLimitedError, rejectedError } from '../platforms/memory/memory-adapter.ts';
import { createMemoryPlatform, type MemoryPlatform } from '../platforms/memory/memory-platform.ts';
import { createBrand } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { deliverOutbound } from './deliver-outbound.ts';
import {
  claimDueOutbound,
  enqueueOutbound,
  enqueueOutboundBatch,
  type OutboundInput,
} from './outbox.store.ts';
import { createRateLimitStore } from './rate-limit.ts';

describe('deliverOutbound', () => {
  let h: Harness;
  let platform: MemoryPlatform;
  let deps: AppDeps;
  let tenantId: string;
  let n = 0;

  beforeAll(async () => {
    h = await createHarness();
    platform = createMemoryPlatform(h.deps);
    deps = platform.deps;
    tenantId = (await createBrand(deps)).tenant.id;
  });
  afterAll(() => h.close());

  const message = (platformAccountId: string, text = `text ${++n}`): OutboundInput => ({
    tenantId,
    platformAccountId,
    idempotencyKey: `test:${++n}`,
    kind: 'send',
    payload: { target: { kind: 'member', memberExternalId: `member-${n}` }, content: { text } },
    notBefore: deps.now(),
  });
  const rowsOf = (platformAccountId: string) =>
    deps.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.platformAccountId, platformAccountId))
      .orderBy(asc(outboundMessages.id));

  it('keeps an idempotency key to one row', async () => {
    const { account } = await platform.addAccount(tenantId);
    const input = message(account.id);
    expect(await enqueueOutbound(deps.db, input)).toBe(true);
    const again: OutboundInput = {
      ...input,
      kind: 'send',
      payload: { target: { kind: 'group', groupExternalId: 'other' }, content: { text: 'changed' } },
    };
    expect(await enqueueOutbound(deps.db, again)).toBe(false);
    const [row] = await rowsOf(account.id);
    expect(row!.payload).toEqual(input.payload);
    expect(await rowsOf(account.id)).toHaveLength(1);
  });

  it('sends within the per-second limit and schedules the rest for their slots', async () => {
    const { account, adapter } = await platform.addAccount(tenantId, {
      capabilities: { rateLimits: { perSecond: 5 } },
    });
    await enqueueOutboundBatch(
      deps.db,
      Array.from({ length: 12 }, () => message(account.id)),
    );
    const rateLimits = createRateLimitStore();
    const start = deps.now().getTime();

    const first = await deliverOutbound(deps, { platformAccountId: account.id, rateLimits });
    expect(first).toMatchObject({ claimed: 12, sent: 5, deferred: 7, retried: 0, failed: 0 });
    expect(first.nextDueAt).toEqual(new Date(start + 200));
    expect(adapter.sent).toHaveLength(5);
    const waiting = (await rowsOf(account.id)).filter((r) => r.status === 'pending');
    expect(waiting.map((r) => r.nextAttemptAt.getTime() - start)).toEqual([
      200, 400, 600, 800, 1000, 1200, 1400,
    ]);
    expect(waiting.every((r) => r.attempts === 0 && r.lockedUntil === null)).toBe(true);

    expect((await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).sent).toBe(0);
    h.clock.advance(1_000);
    expect((await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).sent).toBe(5);
    h.clock.advance(1_000);
    expect((await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).sent).toBe(2);

    const rows = await rowsOf(account.id);
    expect(rows.every((r) => r.status === 'sent' && r.externalId !== null && r.sentAt !== null)).toBe(true);
    expect(adapter.sent.map((c) => c.content.text)).toEqual(
      rows.map((r) => (r.payload as { content: { text: string } }).content.text),
    );
  });

  it('retries a 429 no sooner than the platform asked, and delivers it exactly once', async () => {
    const { account, adapter } = await platform.addAccount(tenantId);
    const rateLimits = createRateLimitStore();
    await enqueueOutbound(deps.db, message(account.id, 'hello'));
    adapter.failNext(1, rateLimitedError(30_000));

    expect(await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).toMatchObject({
      retried: 1,
      sent: 0,
    });
    const [row] = await rowsOf(account.id);
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'PlatformError: Too Many Requests',
    });
    expect(row!.nextAttemptAt).toEqual(new Date(deps.now().getTime() + 30_000));

    h.clock.advance(29_000);
    expect((await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).claimed).toBe(0);
    h.clock.advance(1_000);
    expect((await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).sent).toBe(1);
    expect(adapter.sent.map((c) => c.content.text)).toEqual(['hello']);
    expect(adapter.attempts()).toBe(2);
    expect((await rowsOf(account.id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('hands plain sends to sendMany in one call; a 429 in it holds back the rest without an attempt', async () => {
    const { account, adapter } = await platform.addAccount(tenantId, { sendsInBulk: true });
    const rateLimits = createRateLimitStore();
    await enqueueOutboundBatch(
      deps.db,
      Array.from({ length: 6 }, (_, i) => message(account.id, `bulk ${i}`)),
    );
    await enqueueOutbound(deps.db, {
      ...message(account.id),
      kind: 'dice',
      payload: { target: { kind: 'group', groupExternalId: 'g1' }, emoji: '🎲' },
    });
    // The first message is refused for good; the next four answer 429: the first 429 counts as an attempt,
    // the others (and the dice, not started yet) wait for the platform's retry_after without one.
    adapter.failNext(1, rejectedError('Forbidden: bot was kicked'));
    adapter.failNext(4, rateLimitedError(5_000), 'send');
    expect(await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).toMatchObject({
      claimed: 7,
      sent: 1,
      failed: 1,
      retried: 1,
      deferred: 4,
      limit: 500,
    });
    expect(adapter.bulkCalls).toEqual([6]);
    const rows = await rowsOf(account.id);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['failed', 1],
      ['pending', 1],
      ['pending', 0],
      ['pending', 0],
      ['pending', 0],
      ['sent', 0],
      ['pending', 0],
    ]);
    expect(rows[2]!.nextAttemptAt).toEqual(new Date(deps.now().getTime() + 5_000));
    h.clock.advance(5_000);
    expect(await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).toMatchObject({
      claimed: 5,
      sent: 5,
    });
    expect(adapter.bulkCalls).toEqual([6, 4]);
    expect(adapter.calls.map((c) => c.method)).toEqual([...Array(5).fill('send'), 'sendDice']);
    expect(adapter.sent.map((c) => c.content.text)).toEqual([
      'bulk 5',
      'bulk 1',
      'bulk 2',
      'bulk 3',
      'bulk 4',
    ]);
  });

  it('counts a bulk call that throws as a try of each of its messages, and sends them on the next run', async () => {
    const { account, adapter } = await platform.addAccount(tenantId, { sendsInBulk: true });
    const rateLimits = createRateLimitStore();
    await enqueueOutboundBatch(
      deps.db,
      Array.from({ length: 3 }, (_, i) => message(account.id, `lost ${i}`)),
    );
    const sendMany = adapter.sendMany!;
    adapter.sendMany = async () => {
      throw new Error('connection reset');
    };
    expect(await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).toMatchObject({
      claimed: 3,
      sent: 0,
      retried: 3,
    });
    const rows = await rowsOf(account.id);
    expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual(
      Array(3).fill(['pending', 1, 'Error: connection reset']),
    );
    adapter.sendMany = sendMany;
    h.clock.advance(60_000);
    expect(await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).toMatchObject({
      claimed: 3,
      sent: 3,
    });
    expect(adapter.sent.map((c) => c.content.text)).toEqual(['lost 0', 'lost 1', 'lost 2']);
  });

  it('fails a permanent error at once and keeps the reason', async () => {
    const { account, adapter } = await platform.addAccount(tenantId);
    const rateLimits = createRateLimitStore();
    await enqueueOutbound(deps.db, message(account.id));
    adapter.failNext(1, rejectedError());

    expect(await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).toMatchObject({
      failed: 1,
    });
    expect((await rowsOf(account.id))[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'PlatformError: Forbidden: bot was blocked by the user',
    });
    h.clock.advance(3_600_000);
    expect((await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).claimed).toBe(0);
    expect(adapter.sent).toHaveLength(0);
  });

  it('picks up a row a crashed worker left sending once its lock expires', async () => {
    const { account, adapter } = await platform.addAccount(tenantId);
    const rateLimits = createRateLimitStore();
    await enqueueOutbound(deps.db, message(account.id, 'orphan'));
    // A worker claims the row and dies before calling the platform.
    const [claimed] = await claimDueOutbound(deps.db, {
      platformAccountId: account.id,
      now: deps.now(),
      limit: 10,
      lockMs: 60_000,
    });
    expect(claimed).toMatchObject({ status: 'sending' });

    expect((await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).claimed).toBe(0);
    h.clock.advance(60_001);
    expect((await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).sent).toBe(1);
    expect(adapter.sent.map((c) => c.content.text)).toEqual(['orphan']);
    expect((await rowsOf(account.id))[0]).toMatchObject({ status: 'sent', lockedUntil: null });
  });

  it('performs each kind through its adapter call and fails a row it cannot parse', async () => {
    const { account, adapter } = await platform.addAccount(tenantId);
    const rateLimits = createRateLimitStore();
    const base = { tenantId, platformAccountId: account.id, notBefore: deps.now() };
    await enqueueOutboundBatch(deps.db, [
      {
        ...base,
        idempotencyKey: 'w',
        kind: 'welcome',
        payload: {
          welcomeToken: 'tok',
          memberExternalId: 'm1',
          staffExternalId: 's1',
          content: { text: 'hi' },
        },
      },
      {
        ...base,
        idempotencyKey: 'mod',
        kind: 'moderate',
        payload: { action: { type: 'ban', groupExternalId: 'g1', memberExternalId: 'm2' } },
      },
      {
        ...base,
        idempotencyKey: 'd',
        kind: 'dice',
        payload: { target: { kind: 'group', groupExternalId: 'g1' }, emoji: '🎲' },
      },
    ]);
    await deps.db.insert(outboundMessages).values({
      tenantId,
      platformAccountId: account.id,
      idempotencyKey: 'bad',
      kind: 'send',
      payload: { nonsense: true },
      nextAttemptAt: deps.now(),
    });

    expect(await deliverOutbound(deps, { platformAccountId: account.id, rateLimits })).toMatchObject({
      sent: 3,
      failed: 1,
    });
    expect(adapter.calls.map((c) => c.method)).toEqual(['sendWelcome', 'moderate', 'sendDice']);
    expect(adapter.welcomes[0]).toMatchObject({
      welcomeToken: 'tok',
      memberExternalId: 'm1',
      content: { text: 'hi' },
    });
    const rows = await rowsOf(account.id);
    expect(rows.find((r) => r.idempotencyKey === 'bad')).toMatchObject({ status: 'failed' });
    expect(rows.find((r) => r.idempotencyKey === 'mod')).toMatchObject({ status: 'sent', externalId: null });
  });
});
