import { createHmac, timingSafeEqual } from 'node:crypto';

/** Deliveries older or newer than this are replays (or a badly wrong clock). */
export const REPLAY_WINDOW_MS = 5 * 60_000;

export const SIGNATURE_HEADER = 'x-sandbox-signature';
export const TIMESTAMP_HEADER = 'x-sandbox-timestamp';

/** HMAC-SHA256 hex of `${timestamp}.${body}`: the timestamp is signed so it cannot be moved. */
export const signSandboxBody = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The headers a sender attaches; tests and external simulators use this. */
export const sandboxSignatureHeaders = (secret: string, body: string, timestamp: number) => ({
  [SIGNATURE_HEADER]: signSandboxBody(secret, timestamp, body),
  [TIMESTAMP_HEADER]: String(timestamp),
});

export type SignatureCheck = 'ok' | 'missing' | 'stale' | 'mismatch';

export const checkSandboxSignature = (input: {
  secret: string;
  body: string;
  signature: string | null;
  timestamp: string | null;
  now: Date;
}): SignatureCheck => {
  if (!input.signature || !input.timestamp) return 'missing';
  if (!/^\d{1,16}$/.test(input.timestamp)) return 'stale';
  const timestamp = Number(input.timestamp);
  if (Math.abs(input.now.getTime() - timestamp) > REPLAY_WINDOW_MS) return 'stale';
  const expected = Buffer.from(signSandboxBody(input.secret, timestamp, input.body), 'hex');
  const given = Buffer.from(input.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'mismatch';
};
