import type { ErrorDetail } from '../errors.ts';

/** Pure rules of communities: capacity and who hears about a departure. No database here. */

/** WeCom's customer groups hold 500; a group's own capacity may be lower. */
export const defaultCapacity = 500;

export const hasRoom = (group: { memberCount: number; capacity: number }): boolean =>
  group.memberCount < group.capacity;

/** A capacity above what the platform allows would promise places the platform refuses. */
export const findCapacityProblems = (
  capacity: number | undefined,
  platformCapacity: number,
  path = 'capacity',
): ErrorDetail[] =>
  capacity !== undefined && capacity > platformCapacity
    ? [{ path, message: `at most ${platformCapacity} on this platform` }]
    : [];

export type AlertRecipient = { staffId: string | null; storeId: string | null };

/**
 * A churn alert goes to the guide who owns the member; without one, to the group's store (its manager
 * and guides see store tasks); without that, to the brand's operators (neither set).
 */
export const churnRecipientOf = (input: {
  ownerStaffId: string | null;
  communityStoreId: string | null;
  memberStoreId: string | null;
}): AlertRecipient =>
  input.ownerStaffId
    ? { staffId: input.ownerStaffId, storeId: input.communityStoreId ?? input.memberStoreId }
    : { staffId: null, storeId: input.communityStoreId ?? input.memberStoreId };
