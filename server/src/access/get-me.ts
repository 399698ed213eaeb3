import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import { apiKeys, type RoleName, staff, tenants } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import type { AuthContext, Scope } from './auth-context.ts';

export type Me = {
  caller:
    | { type: 'staff'; id: string; name: string; email: string | null }
    | { type: 'api_key'; id: string; name: string; prefix: string };
  tenant: { id: string; slug: string; name: string };
  roles: RoleName[];
  scope: Scope;
};

const findCaller = async (deps: AppDeps, auth: AuthContext): Promise<Me['caller'] | undefined> => {
  if (auth.actor.type === 'staff') {
    const [row] = await deps.db
      .select({ id: staff.id, name: staff.name, email: staff.email })
      .from(staff)
      .where(eq(staff.id, auth.actor.id));
    return row && { type: 'staff', ...row };
  }
  const [row] = await deps.db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix })
    .from(apiKeys)
    .where(eq(apiKeys.id, auth.actor.id));
  return row && { type: 'api_key', ...row };
};

export const getMe = async (deps: AppDeps, auth: AuthContext): Promise<Me> => {
  const caller = await findCaller(deps, auth);
  const [tenant] = await deps.db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, auth.tenantId));
  if (!caller || !tenant) throw notFound('Caller');
  return { caller, tenant, roles: [...new Set(auth.roles)], scope: auth.scope };
};
