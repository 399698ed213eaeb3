import { and, eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../access/auth-context.ts';
import { canSeeStore } from '../access/scope.ts';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { staff } from '../db/schema/index.ts';
import type { ErrorDetail } from '../errors.ts';
import { invalidInput } from '../org/org.ts';
import { findTenantStoreIds } from '../org/stores.store.ts';
import type { PlatformAdapter } from '../platforms/platform.ts';
import { getPlatformAccount } from '../platforms/platform-accounts.store.ts';
import type { RosterEntry } from './communities.store.ts';
import { defaultCapacity, findCapacityProblems } from './communities.ts';

/**
 * Checks shared by the community and series use cases. Another brand's store, account or staff member
 * is answered like one that does not exist: a 400 naming the field.
 */

/** A store this caller may place groups in; store-bound staff must name one of theirs. */
export const findStoreProblems = async (
  db: Db,
  auth: Pick<AuthContext, 'tenantId' | 'scope'>,
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

/**
 * The checks a new community and a new series share: the store, the platform account and the roster belong to
 * the caller's brand (and scope), and the capacity fits the platform. Returns the account's adapter and the
 * capacity to use. Loads the adapter, so call it before opening a transaction.
 */
export const checkPlacement = async (
  deps: AppDeps,
  auth: AuthContext,
  input: { storeId?: string | null; platformAccountId: string; roster?: RosterEntry[]; capacity?: number },
): Promise<{ adapter: PlatformAdapter; capacity: number }> => {
  throwIfProblems([
    ...(await findStoreProblems(deps.db, auth, input.storeId)),
    ...(await findAccountProblems(deps.db, auth.tenantId, input.platformAccountId)),
    ...(await findRosterProblems(deps.db, auth.tenantId, input.roster ?? [])),
  ]);
  const adapter = await deps.platforms.adapterFor(auth.tenantId, input.platformAccountId);
  throwIfProblems(findCapacityProblems(input.capacity, adapter.capabilities.groupCapacity));
  return {
    adapter,
    capacity: input.capacity ?? Math.min(defaultCapacity, adapter.capabilities.groupCapacity),
  };
};
