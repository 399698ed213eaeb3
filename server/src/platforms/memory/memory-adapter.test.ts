import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, rateLimitedError, rejectedError } from './memory-adapter.ts';

const group = { kind: 'group', groupExternalId: 'g' } as const;

describe('memory adapter', () => {
  it('records what it was asked to do', async () => {
    const adapter = createMemoryAdapter({ rollDice: () => 4 });
    const sent = await adapter.send(group, { text: 'hi' });
    await adapter.moderate?.({ type: 'ban', groupExternalId: 'g', memberExternalId: 'm' });
    expect(await adapter.sendDice?.(group, '🎲')).toMatchObject({ value: 4 });
    expect(adapter.sent).toEqual([
      { method: 'send', target: group, content: { text: 'hi' }, externalId: sent.externalId },
    ]);
    expect(adapter.moderations).toHaveLength(1);
    expect(adapter.calls.map((c) => c.method)).toEqual(['send', 'moderate', 'sendDice']);
  });

  it('fails on demand, per method or for any, and counts attempts', async () => {
    const adapter = createMemoryAdapter();
    adapter.failNext(2, rateLimitedError(1_000), 'send');
    await expect(
      adapter.sendWelcome({ memberExternalId: 'm', staffExternalId: 's', content: {} }),
    ).resolves.toBeDefined();
    await expect(adapter.send(group, {})).rejects.toMatchObject({ code: 'rate_limited', isTemporary: true });
    await expect(adapter.send(group, {})).rejects.toMatchObject({ options: { retryAfterMs: 1_000 } });
    await expect(adapter.send(group, {})).resolves.toBeDefined();
    adapter.failAlways(rejectedError());
    await expect(adapter.send(group, {})).rejects.toMatchObject({ code: 'rejected', isTemporary: false });
    await expect(adapter.send(group, {})).rejects.toMatchObject({ code: 'rejected' });
    adapter.clearFailures();
    await expect(adapter.send(group, {})).resolves.toBeDefined();
    expect(adapter.attempts()).toBe(7);
    expect(adapter.sent).toHaveLength(2);
  });

  it('takes configured capabilities and rate limits', () => {
    const adapter = createMemoryAdapter({
      capabilities: { canSendDirect: false, rateLimits: { perSecond: 3 } },
    });
    expect(adapter.capabilities.canSendDirect).toBe(false);
    expect(adapter.capabilities.rateLimits).toEqual({ perSecond: 3, perChatPerMinute: 10_000 });
  });

  it('parses a webhook body of normalized events and refuses anything else', async () => {
    const adapter = createMemoryAdapter();
    const event = {
      type: 'group.dismissed',
      externalId: 'e1',
      occurredAt: '2030-01-01T00:00:00Z',
      groupExternalId: 'g',
    };
    const request = { method: 'POST', headers: new Headers(), query: new URLSearchParams() };
    const result = await adapter.handleWebhook({ ...request, body: JSON.stringify({ events: [event] }) });
    expect(result.events).toEqual([{ ...event, occurredAt: new Date(event.occurredAt) }]);
    await expect(adapter.handleWebhook({ ...request, body: 'nope' })).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });
});
