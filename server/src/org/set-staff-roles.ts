import type { AuthContext } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import { changedRoles, type GrantInput } from './org.ts';
import {
  countOtherActiveOwners,
  findStaffRow,
  getStaff,
  grantsOf,
  replaceGrants,
  type StaffView,
} from './staff.store.ts';
import { checkGrants, lastOwnerError, requireGrantable } from './staff-guards.ts';

/** Replaces a staff member's role grants with the given set. */
export const setStaffRoles = async (
  db: Db,
  auth: AuthContext,
  id: string,
  roles: GrantInput[],
): Promise<StaffView> => {
  const target = await findStaffRow(db, auth.tenantId, id);
  const next = await checkGrants(db, auth, roles);
  const before = (await grantsOf(db, auth.tenantId, [id])).map(({ role, storeId }) => ({ role, storeId }));
  // Taking a role away needs the same power as granting it.
  for (const role of changedRoles(before, next)) requireGrantable(auth, role);
  const losesOwnership = before.some((g) => g.role === 'owner') && !next.some((g) => g.role === 'owner');
  await db.transaction(async (tx) => {
    if (losesOwnership && target.isActive && (await countOtherActiveOwners(tx, auth.tenantId, id)) === 0) {
      throw lastOwnerError();
    }
    await replaceGrants(tx, auth.tenantId, id, next);
  });
  return getStaff(db, auth.tenantId, { kind: 'brand' }, id);
};
