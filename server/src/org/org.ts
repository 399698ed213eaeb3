import { isStoreRole } from '../access/roles.ts';
import type { RoleGrant } from '../access/scope.ts';
import type { RoleName } from '../db/schema/index.ts';
import { AppError, type ErrorDetail } from '../errors.ts';

/** Pure rules of the organisation: which role grants are well-formed. No database here. */
export type GrantInput = { role: RoleName; storeId?: string | null };

/**
 * Store roles need a store of this brand; brand roles (owner, operator) must not name one.
 * `knownStoreIds` are the ids among the input that exist in the caller's brand.
 */
export const findGrantProblems = (
  grants: GrantInput[],
  knownStoreIds: Set<string>,
  path = 'roles',
): ErrorDetail[] =>
  grants.flatMap((grant, index): ErrorDetail[] => {
    const at = `${path}.${index}.storeId`;
    if (isStoreRole(grant.role) && !grant.storeId)
      return [{ path: at, message: `required for ${grant.role}` }];
    if (!isStoreRole(grant.role) && grant.storeId)
      return [{ path: at, message: `must be empty for ${grant.role}` }];
    if (grant.storeId && !knownStoreIds.has(grant.storeId))
      return [{ path: at, message: 'no such store in this brand' }];
    return [];
  });

const keyOf = (grant: RoleGrant) => `${grant.role}:${grant.storeId ?? ''}`;

/** The same grant twice is one grant. */
export const normalizeGrants = (grants: GrantInput[]): RoleGrant[] => {
  const seen = new Map<string, RoleGrant>();
  for (const grant of grants) {
    const storeId = isStoreRole(grant.role) ? (grant.storeId ?? null) : null;
    const normalized = { role: grant.role, storeId };
    seen.set(keyOf(normalized), normalized);
  }
  return [...seen.values()];
};

/** The roles granted or taken away between two sets of grants. */
export const changedRoles = (before: RoleGrant[], after: RoleGrant[]): RoleName[] => {
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  const changed = [
    ...before.filter((g) => !afterKeys.has(keyOf(g))),
    ...after.filter((g) => !beforeKeys.has(keyOf(g))),
  ];
  return [...new Set(changed.map((g) => g.role))];
};

/** A 400 naming the failing fields, shaped like the router's own validation errors. */
export const invalidInput = (details: ErrorDetail[]): AppError =>
  new AppError(
    'validation_failed',
    `Invalid json: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
    details,
  );
