import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('hashes into the self-describing scrypt format with a 16-byte salt and a 64-byte key', async () => {
    const hash = await hashPassword('correct horse');
    const [scheme, n, r, p, salt, key] = hash.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(64);
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsE', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', a)).toBe(true);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('reads the cost from the stored string, so older parameters still verify', async () => {
    const hash = await hashPassword('pw');
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const cheap = `scrypt$1024$8$1$${salt.toString('base64url')}$${scryptSync('pw', salt, 64, { N: 1024 }).toString('base64url')}`;
    expect(await verifyPassword('pw', cheap)).toBe(true);
    expect(hash).not.toBe(cheap);
  });

  it('rejects malformed or unreasonable stored hashes instead of throwing', async () => {
    for (const stored of [
      '',
      'plain',
      'bcrypt$1$2$3$a$b',
      'scrypt$1000$8$1$YQ$YQ',
      'scrypt$2147483648$8$1$YQ$YQ',
      'scrypt$16384$8$1$$',
    ]) {
      expect(await verifyPassword('pw', stored)).toBe(false);
    }
  });
});
