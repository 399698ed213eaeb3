import type { AuthContext } from '../access/auth-context.ts';
import { canGrantRole } from '../access/roles.ts';
import type { RoleGrant } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { findGrantProblems, type GrantInput, invalidInput, normalizeGrants } from './org.ts';
import { findTenantStoreIds } from './stores.store.ts';

/** Checks role grants against the brand's stores and the caller's own power; returns them normalised. */
export const checkGrants = async (db: Db, auth: AuthContext, grants: GrantInput[]): Promise<RoleGrant[]> => {
  const storeIds = grants.flatMap((g) => (g.storeId ? [g.storeId] : []));
  const known = await findTenantStoreIds(db, auth.tenantId, storeIds);
  const problems = findGrantProblems(grants, known);
  if (problems.length > 0) throw invalidInput(problems);
  for (const grant of grants) requireGrantable(auth, grant.role);
  return normalizeGrants(grants);
};

export const requireGrantable = (auth: AuthContext, role: RoleGrant['role']): void => {
  if (!canGrantRole(auth, role))
    throw new AppError('forbidden', `Only an owner can grant or revoke the ${role} role`);
};

/** A staff member's home store must be a store of this brand. */
export const checkHomeStore = async (db: Db, tenantId: string, storeId: string | null | undefined) => {
  if (!storeId) return;
  const known = await findTenantStoreIds(db, tenantId, [storeId]);
  if (!known.has(storeId)) throw invalidInput([{ path: 'storeId', message: 'no such store in this brand' }]);
};

/** Operators manage staff, but an owner's account (password, email, activity, roles) is the owners' business. */
export const requireCanManage = (auth: AuthContext, target: RoleGrant[]): void => {
  if (target.some((g) => g.role === 'owner')) requireGrantable(auth, 'owner');
};

export const lastOwnerError = () => new AppError('conflict', 'A brand needs at least one active owner');

export const emailTaken = () => new AppError('conflict', 'A staff member with this email exists');
