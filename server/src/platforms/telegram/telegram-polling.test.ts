import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inboundEvents, platformPollCursors } from '../../db/schema/index.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { pollOnce, runPollingLoop, startPlatformPolling } from '../polling.ts';
import { fakeGroup, fakeUser } from './fake/fake-telegram-members.ts';
import type { FakeTelegram } from './fake/fake-telegram-server.ts';
import { setUpTelegram, startFakeTelegramFor, type TelegramSetup } from './fake/telegram.fixtures.ts';

describe('Telegram long polling', () => {
  let h: Harness;
  let fake: FakeTelegram;
  let tg: TelegramSetup;
  const group = fakeGroup('Polling group');
  const lin = fakeUser('Lin');

  beforeAll(async () => {
    h = await createHarness();
    fake = await startFakeTelegramFor(h);
    // A long poll that would hold for 20 s unless updates arrive or the loop is stopped.
    tg = await setUpTelegram(h, fake, { mode: 'polling', pollTimeoutSeconds: 20 });
    await setUpTelegram(h, fake); // a webhook account beside it, which the poller leaves alone
  });
  afterAll(async () => {
    await fake.close();
    await h.close();
  });

  const account = () => ({ tenantId: tg.brand.tenant.id, platformAccountId: tg.accountId });
  const storedCursor = async () =>
    (
      await h.deps.db
        .select()
        .from(platformPollCursors)
        .where(eq(platformPollCursors.platformAccountId, tg.accountId))
    )[0]?.cursor;
  const storedEvents = () =>
    h.deps.db
      .select({ externalId: inboundEvents.externalId, type: inboundEvents.type })
      .from(inboundEvents)
      .where(eq(inboundEvents.platformAccountId, tg.accountId))
      .orderBy(asc(inboundEvents.id));
  const offsetsAsked = () =>
    fake
      .calls('getUpdates')
      .filter((c) => c.botId === tg.bot.user.id)
      .map((c) => c.params.offset);

  it('stores what getUpdates returns together with the next offset, and acknowledges it on the next pull', async () => {
    await tg.members.addBot(group, lin);
    await tg.members.post(group, lin, 'hello');
    const last = await tg.members.rollDice(group, lin, 3);
    h.jobs.sent.length = 0;

    const first = await pollOnce(h.deps, { ...account(), adapter: tg.adapter, cursor: null });
    expect(first).toEqual({ stored: 3, cursor: String(last.updateId + 1) });
    expect(await storedCursor()).toBe(String(last.updateId + 1));
    expect((await storedEvents()).map((e) => e.type)).toEqual(['group.created', 'message', 'dice']);
    expect(h.jobs.sent.map((j) => j.name)).toEqual(['events.process']);
    expect(fake.calls('getUpdates').at(-1)!.params).toEqual({
      timeout: 20,
      allowed_updates: ['message', 'chat_member', 'my_chat_member', 'chat_join_request'],
    });

    const next = await tg.members.post(group, lin, 'second');
    const second = await pollOnce(h.deps, { ...account(), adapter: tg.adapter, cursor: first.cursor });
    expect(second).toEqual({ stored: 1, cursor: String(next.updateId + 1) });
    expect(offsetsAsked().at(-1)).toBe(last.updateId + 1);
  });

  it('runs until stopped, even mid long poll, and a new loop resumes from the stored offset', async () => {
    const controller = new AbortController();
    const loop = runPollingLoop(h.deps, { ...account(), signal: controller.signal });
    const before = (await storedEvents()).length;
    const posted = await tg.members.post(group, lin, 'while polling');
    await vi.waitFor(async () => expect(await storedCursor()).toBe(String(posted.updateId + 1)), {
      timeout: 10_000,
      interval: 20,
    });
    // The loop is now waiting in a 20 s long poll; stopping must not wait for it.
    await vi.waitFor(() => expect(offsetsAsked().at(-1)).toBe(posted.updateId + 1), { interval: 20 });
    const stopping = performance.now();
    controller.abort();
    await loop;
    expect(performance.now() - stopping).toBeLessThan(2_000);
    expect((await storedEvents()).length).toBe(before + 1);

    const missed = await tg.members.post(group, lin, 'while stopped');
    const again = new AbortController();
    const resumed = runPollingLoop(h.deps, { ...account(), signal: again.signal });
    await vi.waitFor(async () => expect(await storedCursor()).toBe(String(missed.updateId + 1)), {
      timeout: 10_000,
      interval: 20,
    });
    again.abort();
    await resumed;
    const events = await storedEvents();
    expect(events).toHaveLength(before + 2);
    expect(new Set(events.map((e) => e.externalId)).size).toBe(events.length);
  });

  it('keeps pulling after a failed pull (waiting 1 s first)', async () => {
    fake.failNext('getUpdates', { errorCode: 502, description: 'Bad Gateway' });
    const controller = new AbortController();
    const loop = runPollingLoop(h.deps, { ...account(), signal: controller.signal });
    const posted = await tg.members.post(group, lin, 'after an outage');
    await vi.waitFor(async () => expect(await storedCursor()).toBe(String(posted.updateId + 1)), {
      timeout: 10_000,
      interval: 20,
    });
    controller.abort();
    await loop;
    const pulls = fake.calls('getUpdates').filter((c) => c.botId === tg.bot.user.id);
    expect(pulls.some((c) => c.errorCode === 502)).toBe(true);
  });

  it("the worker role's poller runs one loop per polling account and stops cleanly", async () => {
    const polling = startPlatformPolling(h.deps, { rescanMs: 60_000 });
    await vi.waitFor(() => expect(polling.running()).toEqual([tg.accountId]), {
      timeout: 10_000,
      interval: 20,
    });
    const posted = await tg.members.post(group, lin, 'via the worker');
    await vi.waitFor(async () => expect(await storedCursor()).toBe(String(posted.updateId + 1)), {
      timeout: 10_000,
      interval: 20,
    });
    const stopping = performance.now();
    await polling.stop();
    expect(performance.now() - stopping).toBeLessThan(2_000);
    expect(polling.running()).toEqual([]);
  });
});
