import { and, eq, gt, isNull } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AppDeps } from '../app/deps.ts';
import { apiKeys, sessions, staff, staffRoles } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { AuthContext } from './auth-context.ts';
import { scopeOf } from './scope.ts';
import { API_KEY_PATTERN, hashToken, isSameHash } from './tokens.ts';

const unauthenticated = () => new AppError('unauthenticated', 'A valid bearer token or API key is required');

const authenticateApiKey = async (deps: AppDeps, prefix: string, secret: string): Promise<AuthContext> => {
  const [key] = await deps.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt)));
  if (!key || !isSameHash(key.secretHash, hashToken(secret))) throw unauthenticated();
  await deps.db.update(apiKeys).set({ lastUsedAt: deps.now() }).where(eq(apiKeys.id, key.id));
  return {
    tenantId: key.tenantId,
    actor: { type: 'api_key', id: key.id },
    roles: [key.role],
    scope: scopeOf([{ role: key.role, storeId: key.storeId }]),
  };
};

const authenticateSession = async (deps: AppDeps, token: string): Promise<AuthContext> => {
  const [session] = await deps.db
    .select({ staffId: sessions.staffId, tenantId: sessions.tenantId })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        gt(sessions.expiresAt, deps.now()),
        eq(staff.isActive, true),
      ),
    );
  if (!session) throw unauthenticated();
  const grants = await deps.db
    .select({ role: staffRoles.role, storeId: staffRoles.storeId })
    .from(staffRoles)
    .where(and(eq(staffRoles.staffId, session.staffId), eq(staffRoles.tenantId, session.tenantId)));
  return {
    tenantId: session.tenantId,
    actor: { type: 'staff', id: session.staffId },
    roles: grants.map((g) => g.role),
    scope: scopeOf(grants),
  };
};

/** Resolves `Authorization: Bearer <session token | API key>` into c.var.auth, or answers 401. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthenticated();
  const token = match[1];
  const apiKey = API_KEY_PATTERN.exec(token);
  const auth = apiKey
    ? await authenticateApiKey(c.var.deps, apiKey[1]!, apiKey[2]!)
    : await authenticateSession(c.var.deps, token);
  c.set('auth', auth);
  await next();
});
