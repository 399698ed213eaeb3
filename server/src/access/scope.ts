import type { RoleName } from '../db/schema/index.ts';
import type { Scope } from './auth-context.ts';

export type RoleGrant = { role: RoleName; storeId: string | null };

/** Owners and operators see the whole brand; store managers and guides only the stores they are granted. */
export const scopeOf = (grants: RoleGrant[]): Scope => {
  const brandWide = grants.some((g) => g.role === 'owner' || g.role === 'operator');
  if (brandWide) return { kind: 'brand' };
  const storeIds = [...new Set(grants.flatMap((g) => (g.storeId ? [g.storeId] : [])))];
  return { kind: 'stores', storeIds };
};

export const canSeeStore = (scope: Scope, storeId: string | null): boolean =>
  scope.kind === 'brand' || (storeId !== null && scope.storeIds.includes(storeId));
