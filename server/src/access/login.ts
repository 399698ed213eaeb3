import { and, eq, lt } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { type RoleName, sessions, staff, staffRoles, tenants } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { Scope } from './auth-context.ts';
import { getDecoyHash, verifyPassword } from './passwords.ts';
import { scopeOf } from './scope.ts';
import { generateToken, hashToken } from './tokens.ts';

export type LoginResult = {
  token: string;
  expiresAt: string;
  staff: { id: string; name: string; email: string };
  tenant: { id: string; slug: string; name: string };
  roles: RoleName[];
  scope: Scope;
};

/** One message for an unknown email, a wrong password and a deactivated account: nothing to enumerate. */
const rejected = () => new AppError('unauthenticated', 'Wrong email or password');

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const loginWithPassword = async (
  deps: AppDeps,
  input: { email: string; password: string; ip?: string | null },
): Promise<LoginResult> => {
  const email = normalizeEmail(input.email);
  const [account] = await deps.db.select().from(staff).where(eq(staff.email, email));
  // Always run scrypt, so an unknown email answers as slowly as a wrong password.
  const isMatch = await verifyPassword(input.password, account?.passwordHash ?? (await getDecoyHash()));
  if (!account?.passwordHash || !isMatch || !account.isActive) throw rejected();

  const now = deps.now();
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000);
  const { tenant, grants } = await deps.db.transaction(async (tx) => {
    await tx.delete(sessions).where(and(eq(sessions.staffId, account.id), lt(sessions.expiresAt, now)));
    await tx.insert(sessions).values({
      tenantId: account.tenantId,
      staffId: account.id,
      tokenHash: hashToken(token),
      expiresAt,
    });
    await tx.update(staff).set({ lastLoginAt: now }).where(eq(staff.id, account.id));
    await recordAudit(tx, {
      tenantId: account.tenantId,
      actor: { type: 'staff', id: account.id },
      action: 'login',
      targetType: 'staff',
      targetId: account.id,
      ip: input.ip,
    });
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, account.tenantId));
    const grants = await tx
      .select({ role: staffRoles.role, storeId: staffRoles.storeId })
      .from(staffRoles)
      .where(and(eq(staffRoles.staffId, account.id), eq(staffRoles.tenantId, account.tenantId)));
    return { tenant: tenant!, grants };
  });

  return {
    token,
    expiresAt: expiresAt.toISOString(),
    staff: { id: account.id, name: account.name, email },
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    roles: [...new Set(grants.map((g) => g.role))],
    scope: scopeOf(grants),
  };
};

/** Ends the session the token belongs to; a token of another staff member is left alone. */
export const logoutSession = async (
  deps: AppDeps,
  input: { staffId: string; token: string },
): Promise<void> => {
  await deps.db
    .delete(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(input.token)), eq(sessions.staffId, input.staffId)));
};
