import { describe, expect, it } from 'vitest';
import {
  createAccountRateState,
  createRateLimitStore,
  type PlannedItem,
  planDeliveries,
} from './rate-limit.ts';

const items = (count: number, chatKey: (i: number) => string | null = () => null): PlannedItem[] =>
  Array.from({ length: count }, (_, i) => ({ id: i + 1, chatKey: chatKey(i) }));

describe('planDeliveries', () => {
  const t0 = 1_000_000;

  it('sends a full burst now and spreads the rest over the next free slots', () => {
    const plan = planDeliveries(
      items(12),
      createAccountRateState(),
      { perSecond: 5, perChatPerMinute: 100 },
      t0,
    );
    expect(plan.sendNow).toEqual([1, 2, 3, 4, 5]);
    expect(plan.deferred).toEqual([
      { id: 6, atMs: t0 + 200 },
      { id: 7, atMs: t0 + 400 },
      { id: 8, atMs: t0 + 600 },
      { id: 9, atMs: t0 + 800 },
      { id: 10, atMs: t0 + 1_000 },
      { id: 11, atMs: t0 + 1_200 },
      { id: 12, atMs: t0 + 1_400 },
    ]);
  });

  it('remembers what was sent: the next run refills at the configured rate', () => {
    const limits = { perSecond: 5, perChatPerMinute: 100 };
    const first = planDeliveries(items(5), createAccountRateState(), limits, t0);
    expect(planDeliveries(items(3), first.state, limits, t0 + 100).sendNow).toEqual([]);
    expect(planDeliveries(items(3), first.state, limits, t0 + 400).sendNow).toEqual([1, 2]);
    expect(planDeliveries(items(8), first.state, limits, t0 + 10_000).sendNow).toEqual([1, 2, 3, 4, 5]);
  });

  it('limits each chat per minute without holding back other chats', () => {
    const limits = { perSecond: 100, perChatPerMinute: 2 };
    const plan = planDeliveries(
      items(5, (i) => (i < 4 ? 'g:a' : 'g:b')),
      createAccountRateState(),
      limits,
      t0,
    );
    expect(plan.sendNow).toEqual([1, 2, 5]);
    expect(plan.deferred).toEqual([
      { id: 3, atMs: t0 + 30_000 },
      { id: 4, atMs: t0 + 60_000 },
    ]);
  });

  it('holds everything back while the platform asked to wait', () => {
    const store = createRateLimitStore();
    store.block('acc', t0 + 5_000);
    const plan = planDeliveries(items(2), store.get('acc'), { perSecond: 10, perChatPerMinute: 100 }, t0);
    expect(plan.sendNow).toEqual([]);
    expect(plan.deferred.map((d) => d.atMs)).toEqual([t0 + 5_000, t0 + 5_000]);
    expect(
      planDeliveries(items(1), store.get('acc'), { perSecond: 10, perChatPerMinute: 100 }, t0 + 5_000)
        .sendNow,
    ).toEqual([1]);
  });

  it('forgets chats whose bucket is full again', () => {
    const limits = { perSecond: 100, perChatPerMinute: 60 };
    const plan = planDeliveries(
      items(1, () => 'g:a'),
      createAccountRateState(),
      limits,
      t0,
    );
    expect(plan.state.chatTats.size).toBe(1);
    expect(planDeliveries([], plan.state, limits, t0 + 2_000).state.chatTats.size).toBe(0);
  });
});
