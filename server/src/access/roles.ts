import type { RoleName } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { AuthContext } from './auth-context.ts';

export const hasRole = (auth: AuthContext, ...roles: RoleName[]): boolean =>
  auth.roles.some((role) => roles.includes(role));

/** Guard clause for use cases and routes: the caller holds one of the roles, or the request is refused. */
export const requireRole = (auth: AuthContext, ...roles: RoleName[]): void => {
  if (!hasRole(auth, ...roles)) {
    throw new AppError('forbidden', `This action needs one of the roles: ${roles.join(', ')}`);
  }
};

/** Roles that manage the organisation (stores, staff, keys, audit). */
export const ORG_ADMIN_ROLES: RoleName[] = ['owner', 'operator'];

/** Roles that apply to one store and therefore need a store id; the others are brand-wide and must have none. */
export const isStoreRole = (role: RoleName): boolean => role === 'store_manager' || role === 'guide';

/** Only an owner may hand out (or take away) ownership; operators manage everyone else. */
export const canGrantRole = (auth: AuthContext, role: RoleName): boolean =>
  role === 'owner' ? hasRole(auth, 'owner') : hasRole(auth, ...ORG_ADMIN_ROLES);
