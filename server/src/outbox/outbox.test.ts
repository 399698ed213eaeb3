import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, rateLimitedError } from '../platforms/memory/memory-adapter.ts';
import { PlatformError } from '../platforms/platform.ts';
import { chatKeyOf, classifyDeliveryError, parseOutbound, performOutbound } from './outbox.ts';

describe('outbox kinds', () => {
  it('parses stored rows back into typed messages and refuses unknown or malformed ones', () => {
    const payload = { target: { kind: 'group', groupExternalId: 'g' }, content: { text: 'x' } };
    expect(parseOutbound('send', payload)).toEqual({ kind: 'send', payload });
    expect(() => parseOutbound('fax', {})).toThrow(PlatformError);
    expect(() => parseOutbound('dice', { emoji: '🎲' })).toThrow(/Invalid dice payload/);
  });

  it('keys the per-chat limit by where a message lands', () => {
    expect(
      chatKeyOf(parseOutbound('send', { target: { kind: 'group', groupExternalId: 'g' }, content: {} })),
    ).toBe('g:g');
    expect(
      chatKeyOf({ kind: 'welcome', payload: { memberExternalId: 'm', staffExternalId: 's', content: {} } }),
    ).toBe('m:m');
    expect(
      chatKeyOf({
        kind: 'moderate',
        payload: { action: { type: 'remove', groupExternalId: 'g', memberExternalId: 'm' } },
      }),
    ).toBeNull();
  });

  it('reports a missing optional capability as permanent', async () => {
    const { moderate: _moderate, ...withoutModeration } = createMemoryAdapter();
    const call = performOutbound(withoutModeration, {
      kind: 'moderate',
      payload: { action: { type: 'delete', groupExternalId: 'g', messageExternalId: 'x' } },
    });
    await expect(call).rejects.toMatchObject({ code: 'not_supported' });
    expect(classifyDeliveryError(await call.catch((e: unknown) => e))).toEqual({ isTemporary: false });
  });

  it('treats platform hints as given and unknown errors as temporary', () => {
    expect(classifyDeliveryError(rateLimitedError(5_000))).toEqual({
      isTemporary: true,
      retryAfterMs: 5_000,
    });
    expect(classifyDeliveryError(new TypeError('fetch failed'))).toEqual({ isTemporary: true });
  });
});
