import { timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../../app/deps.ts';
import type { SecretBox } from '../../lib/secret-box.ts';

/**
 * Member pages need no login: each member gets a signed, expiring link. The token carries the brand, the member
 * and the expiry, signed with an HMAC under the app secret (ORCHARD_SECRET), so it is checked without a lookup
 * and cannot be forged or extended. `m1.<payload>.<signature>`, base64url.
 */
const purpose = 'member-link';
const prefix = 'm1';

export type MemberClaims = { tenantId: string; memberId: string; expiresAt: Date };

export const signMemberToken = (box: SecretBox, claims: MemberClaims): string => {
  const payload = Buffer.from(
    JSON.stringify({
      t: claims.tenantId,
      m: claims.memberId,
      e: Math.floor(claims.expiresAt.getTime() / 1000),
    }),
  ).toString('base64url');
  return `${prefix}.${payload}.${box.mac(purpose, `${prefix}.${payload}`)}`;
};

/** The claims of a valid, unexpired token; null for anything else (never says which check failed). */
export const verifyMemberToken = (box: SecretBox, token: string, now: Date): MemberClaims | null => {
  const [version, payload, signature] = token.split('.');
  if (version !== prefix || !payload || !signature) return null;
  const expected = Buffer.from(box.mac(purpose, `${prefix}.${payload}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      t?: unknown;
      m?: unknown;
      e?: unknown;
    };
    if (typeof claims.t !== 'string' || typeof claims.m !== 'string' || typeof claims.e !== 'number')
      return null;
    const expiresAt = new Date(claims.e * 1000);
    return expiresAt > now ? { tenantId: claims.t, memberId: claims.m, expiresAt } : null;
  } catch {
    return null;
  }
};

export const defaultLinkDays = 30;

/** The link a member opens (in a message, a QR code) to see their points, coupons and check-in calendar. */
export const createMemberLink = (
  deps: Pick<AppDeps, 'secretBox' | 'config' | 'now'>,
  input: { tenantId: string; memberId: string; days?: number },
): { token: string; url: string; expiresAt: Date } => {
  const expiresAt = new Date(deps.now().getTime() + (input.days ?? defaultLinkDays) * 86_400_000);
  const token = signMemberToken(deps.secretBox, {
    tenantId: input.tenantId,
    memberId: input.memberId,
    expiresAt,
  });
  const base = deps.config.publicUrl.replace(/\/+$/, '');
  return { token, url: `${base}/m/${token}`, expiresAt };
};
