import { generateToken, hashToken } from '../access/tokens.ts';
import type { AppDeps } from '../app/deps.ts';
import { type RoleName, sessions, staff, staffRoles, stores, tenants } from '../db/schema/index.ts';

/** Small factories for tests: data straight into the database, tokens ready for the Authorization header. */
export const createTenant = async (deps: AppDeps, slug = `brand-${generateToken(4).toLowerCase()}`) => {
  const [tenant] = await deps.db.insert(tenants).values({ slug, name: slug }).returning();
  return tenant!;
};

export const createStore = async (deps: AppDeps, tenantId: string, code = `S${generateToken(3)}`) => {
  const [store] = await deps.db
    .insert(stores)
    .values({ tenantId, code, name: `Store ${code}` })
    .returning();
  return store!;
};

/** A staff member with one role (store-bound for store_manager and guide) and a live session token. */
export const createStaffWithToken = async (
  deps: AppDeps,
  input: { tenantId: string; role: RoleName; storeId?: string | null; name?: string },
) => {
  const [member] = await deps.db
    .insert(staff)
    .values({ tenantId: input.tenantId, storeId: input.storeId ?? null, name: input.name ?? input.role })
    .returning();
  await deps.db.insert(staffRoles).values({
    tenantId: input.tenantId,
    staffId: member!.id,
    role: input.role,
    storeId: input.storeId ?? null,
  });
  const token = generateToken();
  await deps.db.insert(sessions).values({
    tenantId: input.tenantId,
    staffId: member!.id,
    tokenHash: hashToken(token),
    expiresAt: new Date(deps.now().getTime() + 3_600_000),
  });
  return { staff: member!, token, headers: { authorization: `Bearer ${token}` } };
};

/** A brand with one store and an owner who is signed in. */
export const createBrand = async (deps: AppDeps) => {
  const tenant = await createTenant(deps);
  const store = await createStore(deps, tenant.id);
  const owner = await createStaffWithToken(deps, { tenantId: tenant.id, role: 'owner' });
  return { tenant, store, owner };
};
