import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * WeCom's callback encryption (doc 91144, "加解密方案说明"), with node:crypto only.
 * msg_signature = sha1(sort([token, timestamp, nonce, encrypt]).join(''));
 * AES-256-CBC, key = base64(EncodingAESKey + '='), IV = key[0..16], PKCS#7 padding to a multiple of 32;
 * plaintext = 16 random bytes ‖ uint32 big-endian length ‖ message ‖ receiveid.
 */

export type CallbackKeys = { token: string; encodingAesKey: string; receiveId: string };

const BLOCK = 32;

export const ENCODING_AES_KEY_PATTERN = /^[A-Za-z0-9]{43}$/;

export const computeSignature = (parts: {
  token: string;
  timestamp: string;
  nonce: string;
  encrypt: string;
}): string =>
  createHash('sha1')
    .update([parts.token, parts.timestamp, parts.nonce, parts.encrypt].sort().join(''))
    .digest('hex');

const aesKeyOf = (encodingAesKey: string): Buffer => {
  if (!ENCODING_AES_KEY_PATTERN.test(encodingAesKey)) {
    throw new WecomCryptoError('bad_key', 'The EncodingAESKey must be 43 letters or digits');
  }
  return Buffer.from(`${encodingAesKey}=`, 'base64');
};

export type WecomCryptoFailure = 'bad_key' | 'missing' | 'stale' | 'signature' | 'decrypt' | 'receive_id';

export class WecomCryptoError extends Error {
  constructor(
    readonly reason: WecomCryptoFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WecomCryptoError';
  }
}

/** Encrypt a message as WeCom does; `random` is injectable so tests can reproduce a ciphertext. */
export const encryptMessage = (
  keys: Pick<CallbackKeys, 'encodingAesKey' | 'receiveId'>,
  message: string,
  random: Buffer = randomBytes(16),
): string => {
  const key = aesKeyOf(keys.encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length, 0);
  const plain = Buffer.concat([random, length, body, Buffer.from(keys.receiveId, 'utf8')]);
  const padLength = BLOCK - (plain.length % BLOCK);
  const padded = Buffer.concat([plain, Buffer.alloc(padLength, padLength)]);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
};

/** Decrypt and check the receive id; returns the message. */
export const decryptMessage = (
  keys: Pick<CallbackKeys, 'encodingAesKey' | 'receiveId'>,
  encrypt: string,
): string => {
  const key = aesKeyOf(keys.encodingAesKey);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  } catch {
    throw new WecomCryptoError('decrypt', 'The message could not be decrypted');
  }
  const padLength = plain.at(-1) ?? 0;
  if (padLength < 1 || padLength > BLOCK || plain.length < 20 + padLength) {
    throw new WecomCryptoError('decrypt', 'The message has invalid padding');
  }
  const content = plain.subarray(16, plain.length - padLength);
  const length = content.readUInt32BE(0);
  if (4 + length > content.length) throw new WecomCryptoError('decrypt', 'The message length is invalid');
  const receiveId = content.subarray(4 + length).toString('utf8');
  if (receiveId !== keys.receiveId) {
    throw new WecomCryptoError('receive_id', 'The message is for another receive id (corp id)');
  }
  return content.subarray(4, 4 + length).toString('utf8');
};

const isSameHex = (given: string, expected: string): boolean => {
  const a = Buffer.from(given.toLowerCase(), 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
};

export type SignedParams = {
  msgSignature: string | null;
  timestamp: string | null;
  nonce: string | null;
  encrypt: string | null;
};

/**
 * Check a callback's signature and freshness, then decrypt it. The timestamp is WeCom's, in seconds; a
 * delivery outside `replayWindowMs` of now is a replay (or a badly wrong clock) and is refused.
 */
export const openCallback = (
  keys: CallbackKeys,
  params: SignedParams,
  options: { now: Date; replayWindowMs: number },
): string => {
  const { msgSignature, timestamp, nonce, encrypt } = params;
  if (!msgSignature || !timestamp || !nonce || !encrypt) {
    throw new WecomCryptoError('missing', 'msg_signature, timestamp, nonce and the ciphertext are required');
  }
  if (!/^\d{1,12}$/.test(timestamp)) throw new WecomCryptoError('stale', 'The timestamp is not a number');
  const ageMs = Math.abs(options.now.getTime() - Number(timestamp) * 1000);
  if (ageMs > options.replayWindowMs) {
    throw new WecomCryptoError('stale', 'The timestamp is outside the replay window');
  }
  const expected = computeSignature({ token: keys.token, timestamp, nonce, encrypt });
  if (!isSameHex(msgSignature, expected)) {
    throw new WecomCryptoError('signature', 'msg_signature does not match');
  }
  return decryptMessage(keys, encrypt);
};

/** What WeCom sends: the signed query and the encrypted XML body. Used by the fake server and tests. */
export const sealCallback = (
  keys: CallbackKeys,
  message: string,
  options: { timestamp: number; nonce: string; random?: Buffer },
): { query: { msg_signature: string; timestamp: string; nonce: string }; encrypt: string } => {
  const encrypt = encryptMessage(keys, message, options.random);
  const timestamp = String(options.timestamp);
  return {
    query: {
      msg_signature: computeSignature({ token: keys.token, timestamp, nonce: options.nonce, encrypt }),
      timestamp,
      nonce: options.nonce,
    },
    encrypt,
  };
};
