import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createSecretBox } from '../../lib/secret-box.ts';
import { createMemberLink, signMemberToken, verifyMemberToken } from './member-link.ts';

const box = createSecretBox('a-secret-of-sixteen-chars');
const claims = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  memberId: '00000000-0000-4000-8000-000000000002',
  expiresAt: new Date('2025-06-01T00:00:00Z'),
};
const now = new Date('2025-05-01T00:00:00Z');

describe('member links', () => {
  it('verifies its own token until it expires', () => {
    const token = signMemberToken(box, claims);
    expect(verifyMemberToken(box, token, now)).toEqual(claims);
    expect(verifyMemberToken(box, token, claims.expiresAt)).toBeNull();
  });

  it('refuses a token signed with another secret, or altered in any part', () => {
    const token = signMemberToken(box, claims);
    expect(verifyMemberToken(createSecretBox('another-secret-sixteen'), token, now)).toBeNull();
    const [version, , signature] = token.split('.');
    const other = Buffer.from(
      JSON.stringify({ t: claims.tenantId, m: 'someone-else', e: 1_900_000_000 }),
    ).toString('base64url');
    expect(verifyMemberToken(box, `${version}.${other}.${signature}`, now)).toBeNull();
    expect(verifyMemberToken(box, `${token}x`, now)).toBeNull();
    expect(verifyMemberToken(box, 'm1.e30.', now)).toBeNull();
    expect(verifyMemberToken(box, 'not a token', now)).toBeNull();
  });

  it('makes a link on the public address that lasts 30 days by default', () => {
    const deps = {
      secretBox: box,
      config: loadConfig({ PUBLIC_URL: 'https://orchard.example.com/' }),
      now: () => now,
    };
    const link = createMemberLink(deps, { tenantId: claims.tenantId, memberId: claims.memberId });
    expect(link.url).toBe(`https://orchard.example.com/m/${link.token}`);
    expect(link.expiresAt.toISOString()).toBe('2025-05-31T00:00:00.000Z');
    expect(verifyMemberToken(box, link.token, now)?.memberId).toBe(claims.memberId);
  });
});
