import { describe, expect, it } from 'vitest';
import { checkSandboxSignature, REPLAY_WINDOW_MS, signSandboxBody } from './sandbox-signature.ts';

const secret = 'whsec-test';
const body = JSON.stringify({ events: [] });
const now = new Date('2025-03-01T10:00:00Z');
const at = now.getTime();

const check = (overrides: Partial<Parameters<typeof checkSandboxSignature>[0]>) =>
  checkSandboxSignature({
    secret,
    body,
    signature: signSandboxBody(secret, at, body),
    timestamp: String(at),
    now,
    ...overrides,
  });

describe('sandbox webhook signature', () => {
  it('accepts a body signed with the secret and a fresh timestamp', () => {
    expect(check({})).toBe('ok');
    expect(
      check({
        timestamp: String(at - REPLAY_WINDOW_MS + 1),
        signature: signSandboxBody(secret, at - REPLAY_WINDOW_MS + 1, body),
      }),
    ).toBe('ok');
  });

  it('refuses a tampered body, a wrong secret and a moved timestamp', () => {
    expect(check({ body: body.replace('[]', '[1]') })).toBe('mismatch');
    expect(check({ signature: signSandboxBody('other', at, body) })).toBe('mismatch');
    expect(check({ timestamp: String(at + 1) })).toBe('mismatch');
    expect(check({ signature: 'zz' })).toBe('mismatch');
  });

  it('refuses a timestamp outside the replay window, even when correctly signed', () => {
    const old = at - REPLAY_WINDOW_MS - 1;
    expect(check({ timestamp: String(old), signature: signSandboxBody(secret, old, body) })).toBe('stale');
    const future = at + REPLAY_WINDOW_MS + 1;
    expect(check({ timestamp: String(future), signature: signSandboxBody(secret, future, body) })).toBe(
      'stale',
    );
    expect(check({ timestamp: 'yesterday' })).toBe('stale');
  });

  it('reports missing headers', () => {
    expect(check({ signature: null })).toBe('missing');
    expect(check({ timestamp: null })).toBe('missing');
  });
});
