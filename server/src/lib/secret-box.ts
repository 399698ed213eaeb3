import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/** Encrypts secrets at rest (platform credentials) with AES-256-GCM under a key derived from ORCHARD_SECRET. */
export type SecretBox = {
  seal: (plain: Record<string, string>) => string;
  open: (sealed: string) => Record<string, string>;
  /** HMAC-SHA256 of `data` (base64url) under a key derived for `purpose`: signed links, tokens. */
  mac: (purpose: string, data: string) => string;
};

export const createSecretBox = (secret: string): SecretBox => {
  const key = createHash('sha256').update(`orchard-secret-box:${secret}`).digest();
  const macKeys = new Map<string, Buffer>();
  const macKeyFor = (purpose: string): Buffer => {
    let macKey = macKeys.get(purpose);
    if (!macKey) {
      // A key per purpose, apart from the sealing key: a MAC for one use never verifies for another.
      macKey = createHash('sha256').update(`orchard-mac:${purpose}:${secret}`).digest();
      macKeys.set(purpose, macKey);
    }
    return macKey;
  };
  return {
    mac: (purpose, data) => createHmac('sha256', macKeyFor(purpose)).update(data).digest('base64url'),
    seal: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
      return [
        'v1',
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    open: (sealed) => {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('sealed secret has an unknown format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as Record<string, string>;
    },
  };
};
