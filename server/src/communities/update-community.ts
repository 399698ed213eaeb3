import type { AuthContext } from '../access/auth-context.ts';
import type { AppDeps } from '../app/deps.ts';
import {
  type CommunityDetail,
  detailOf,
  findVisibleCommunity,
  type RosterEntry,
  replaceRoster,
  updateCommunityRow,
} from './communities.store.ts';
import { findCapacityProblems } from './communities.ts';
import { findRosterProblems, findStoreProblems, throwIfProblems } from './community-guards.ts';
import type { Positioning } from './create-community.ts';

export type UpdateCommunityInput = Positioning & {
  name?: string;
  storeId?: string | null;
  capacity?: number;
};

export const updateCommunity = async (
  deps: AppDeps,
  auth: AuthContext,
  id: string,
  input: UpdateCommunityInput,
): Promise<CommunityDetail> => {
  const { tenantId, scope } = auth;
  const current = await findVisibleCommunity(deps.db, { tenantId, scope, id });
  if (input.storeId !== undefined) throwIfProblems(await findStoreProblems(deps.db, auth, input.storeId));
  if (input.capacity !== undefined) {
    const adapter = await deps.platforms.adapterFor(tenantId, current.platformAccountId);
    throwIfProblems(findCapacityProblems(input.capacity, adapter.capabilities.groupCapacity));
  }
  const hasChanges = Object.values(input).some((v) => v !== undefined);
  const row = hasChanges ? await updateCommunityRow(deps.db, tenantId, id, input) : current;
  return detailOf(deps.db, row);
};

/** Replace the group's persona roster: owner, admins, welfare officer, consultant, helper accounts. */
export const setCommunityRoster = async (
  deps: AppDeps,
  auth: AuthContext,
  id: string,
  roster: RosterEntry[],
): Promise<CommunityDetail> => {
  const { tenantId, scope } = auth;
  const row = await findVisibleCommunity(deps.db, { tenantId, scope, id });
  throwIfProblems(await findRosterProblems(deps.db, tenantId, roster));
  return deps.db.transaction(async (tx) => {
    await replaceRoster(tx, tenantId, id, roster);
    return detailOf(tx, row);
  });
};
