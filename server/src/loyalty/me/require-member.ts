import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { members } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { verifyMemberToken } from './member-link.ts';

/** The member pages' security scheme in the OpenAPI document (registered by registerMemberLinkScheme). */
export const memberLinkSecurity = [{ memberLink: [] }];

export const memberLinkScheme = {
  type: 'http' as const,
  scheme: 'bearer',
  description: 'The token of a member link (createMemberLink): m1.<payload>.<signature>',
};

const unauthenticated = () => new AppError('unauthenticated', 'Open this page from your member link again');

/**
 * The member a /me request is for: `Authorization: Bearer <member link token>`, signed and unexpired, naming a
 * member that still exists. Member pages have no session; the link is the credential.
 */
export const requireMember = async (c: Context<AppEnv>): Promise<{ tenantId: string; memberId: string }> => {
  const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  const claims = token ? verifyMemberToken(c.var.deps.secretBox, token, c.var.deps.now()) : null;
  if (!claims) throw unauthenticated();
  const [row] = await c.var.deps.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.tenantId, claims.tenantId), eq(members.id, claims.memberId)));
  if (!row) throw unauthenticated();
  return { tenantId: claims.tenantId, memberId: claims.memberId };
};
