import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Session tokens and API key secrets are random; only their SHA-256 is stored. */
export const generateToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const isSameHash = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
};

/** API keys read `ok_<prefix>_<secret>`: the prefix finds the row, the secret is checked against its hash. */
export const API_KEY_PATTERN = /^ok_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32,})$/;

export const generateApiKey = (): { key: string; prefix: string; secretHash: string } => {
  const prefix = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
  const secret = generateToken();
  return { key: `ok_${prefix}_${secret}`, prefix, secretHash: hashToken(secret) };
};
