import { PlatformError, type WebhookRequest, type WebhookResult } from '../platform.ts';
import { type CallbackKeys, openCallback, WecomCryptoError } from './wecom-crypto.ts';
import { mapWecomEvent } from './wecom-events.ts';
import { envelopeSchema, parseXml, readWecomEvent } from './wecom-xml.ts';

/** A delivery that failed verification: the webhook route answers 401. */
const unverified = (message: string) =>
  new PlatformError('invalid_request', message, { temporary: false, platformCode: 'unverified' });

const malformed = (message: string) => new PlatformError('invalid_request', message, { temporary: false });

/**
 * WeCom's callback URL. GET is the URL verification: answer with the decrypted echostr. POST is an
 * event: verify, decrypt, map to normalized events, and answer 200 at once (the route stores the events
 * before it answers; WeCom retries after 5 s without an answer). No network call happens here.
 */
export const handleWecomWebhook = (
  keys: CallbackKeys | null,
  request: WebhookRequest,
  options: { now: Date; replayWindowMs: number },
): WebhookResult => {
  if (!keys) throw unverified('This WeCom account has no callback token and EncodingAESKey');
  const signed = {
    msgSignature: request.query.get('msg_signature'),
    timestamp: request.query.get('timestamp'),
    nonce: request.query.get('nonce'),
  };
  const open = (encrypt: string | null) => {
    try {
      return openCallback(keys, { ...signed, encrypt }, options);
    } catch (error) {
      if (error instanceof WecomCryptoError) throw unverified(`WeCom callback refused: ${error.message}`);
      throw error;
    }
  };
  if (request.method === 'GET') {
    const echo = open(request.query.get('echostr'));
    return { events: [], response: { status: 200, body: echo } };
  }
  if (request.method !== 'POST') throw malformed('WeCom calls back with GET or POST');
  const envelope = envelopeSchema.safeParse(parseXml(request.body));
  if (!envelope.success) throw malformed('The body is not a WeCom encrypted envelope');
  const message = open(envelope.data.xml.Encrypt);
  let event: ReturnType<typeof readWecomEvent>;
  try {
    event = readWecomEvent(message);
  } catch (error) {
    throw malformed(error instanceof Error ? error.message : 'Invalid WeCom message');
  }
  return { events: event ? mapWecomEvent(event) : [], response: { status: 200, body: '' } };
};
