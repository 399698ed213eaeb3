import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../access/auth-context.ts';
import { hashPassword } from '../access/passwords.ts';
import type { Db } from '../db/client.ts';
import { sessions, staff } from '../db/schema/index.ts';
import { invalidInput } from './org.ts';
import { countOtherActiveOwners, findStaffRow, getStaff, grantsOf, type StaffView } from './staff.store.ts';
import { checkHomeStore, emailTaken, lastOwnerError, requireCanManage } from './staff-guards.ts';
import { isUniqueViolation } from './unique-violation.ts';

export type UpdateStaffInput = {
  name?: string;
  email?: string | null;
  password?: string;
  storeId?: string | null;
  isActive?: boolean;
};

/** Edits a staff member. A new password or a deactivation also ends their sessions. */
export const updateStaff = async (
  db: Db,
  auth: AuthContext,
  id: string,
  input: UpdateStaffInput,
): Promise<StaffView> => {
  const current = await findStaffRow(db, auth.tenantId, id);
  const grants = await grantsOf(db, auth.tenantId, [id]);
  requireCanManage(auth, grants);
  const email = input.email === undefined ? current.email : input.email;
  if ((input.password || current.passwordHash) && !email) {
    throw invalidInput([
      { path: input.password ? 'password' : 'email', message: 'a password needs an email to sign in with' },
    ]);
  }
  await checkHomeStore(db, auth.tenantId, input.storeId);
  const { password, ...fields } = input;
  const passwordHash = password ? await hashPassword(password) : undefined;
  const isOwner = grants.some((g) => g.role === 'owner');
  const endsSessions = passwordHash !== undefined || input.isActive === false;
  try {
    await db.transaction(async (tx) => {
      if (isOwner && current.isActive && input.isActive === false) {
        if ((await countOtherActiveOwners(tx, auth.tenantId, id)) === 0) throw lastOwnerError();
      }
      const values = { ...fields, ...(passwordHash ? { passwordHash } : {}) };
      if (Object.keys(values).length > 0) {
        await tx
          .update(staff)
          .set(values)
          .where(and(eq(staff.tenantId, auth.tenantId), eq(staff.id, id)));
      }
      if (endsSessions) await tx.delete(sessions).where(eq(sessions.staffId, id));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return getStaff(db, auth.tenantId, { kind: 'brand' }, id);
};
