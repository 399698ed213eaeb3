import { and, eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../access/auth-context.ts';
import { canSeeStore } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import { staff } from '../db/schema/index.ts';
import type { ErrorDetail } from '../errors.ts';
import { invalidInput } from '../org/org.ts';
import { findTenantStoreIds } from '../org/stores.store.ts';
import { getPlatformAccount } from '../platforms/platform-accounts.store.ts';
import type { RosterEntry } from './communities.store.ts';

/**
 * Checks shared by the community and series use cases. Another brand's store, account or staff member
 * is answered like one that does not exist: a 400 naming the field.
 */

/** A store this caller may place groups in; store-bound staff must name one of theirs. */
export const findStoreProblems = async (
  db: Db,
  auth: AuthContext,
  storeId: string | null | undefined,
): Promise<ErrorDetail[]> => {
  if (!storeId) {
    return auth.scope.kind === 'stores' ? [{ path: 'storeId', message: 'required for store staff' }] : [];
  }
  const known = await findTenantStoreIds(db, auth.tenantId, [storeId]);
  if (!known.has(storeId) || !canSeeStore(auth.scope, storeId)) {
    return [{ path: 'storeId', message: 'no such store among yours' }];
  }
  return [];
};

export const findAccountProblems = async (
  db: Db,
  tenantId: string,
  platformAccountId: string,
): Promise<ErrorDetail[]> =>
  (await getPlatformAccount(db, tenantId, platformAccountId))
    ? []
    : [{ path: 'platformAccountId', message: 'no such platform account in this brand' }];

export const findRosterProblems = async (
  db: Db,
  tenantId: string,
  roster: RosterEntry[],
  path = 'roster',
): Promise<ErrorDetail[]> => {
  const ids = [...new Set(roster.map((e) => e.staffId))];
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.tenantId, tenantId), inArray(staff.id, ids)));
  const known = new Set(rows.map((r) => r.id));
  return roster.flatMap((e, index) =>
    known.has(e.staffId)
      ? []
      : [{ path: `${path}.${index}.staffId`, message: 'no such staff in this brand' }],
  );
};

export const throwIfProblems = (problems: ErrorDetail[]): void => {
  if (problems.length > 0) throw invalidInput(problems);
};
