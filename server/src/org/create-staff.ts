import type { AuthContext } from '../access/auth-context.ts';
import { hashPassword } from '../access/passwords.ts';
import type { Db } from '../db/client.ts';
import { staff } from '../db/schema/index.ts';
import { type GrantInput, invalidInput } from './org.ts';
import { getStaff, replaceGrants, type StaffView } from './staff.store.ts';
import { checkGrants, checkHomeStore, emailTaken } from './staff-guards.ts';
import { isUniqueViolation } from './unique-violation.ts';

export type CreateStaffInput = {
  name: string;
  email?: string | null;
  password?: string;
  storeId?: string | null;
  roles?: GrantInput[];
};

export const createStaff = async (db: Db, auth: AuthContext, input: CreateStaffInput): Promise<StaffView> => {
  if (input.password && !input.email) {
    throw invalidInput([{ path: 'password', message: 'needs an email to sign in with' }]);
  }
  const grants = await checkGrants(db, auth, input.roles ?? []);
  // Without an explicit home store, a store-bound staff member is based at the first store granted.
  const storeId = input.storeId ?? grants.find((g) => g.storeId)?.storeId ?? null;
  await checkHomeStore(db, auth.tenantId, storeId);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(staff)
        .values({
          tenantId: auth.tenantId,
          name: input.name,
          email: input.email ?? null,
          passwordHash,
          storeId,
        })
        .returning({ id: staff.id });
      await replaceGrants(tx, auth.tenantId, row!.id, grants);
      return row!.id;
    });
    return getStaff(db, auth.tenantId, { kind: 'brand' }, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
};
