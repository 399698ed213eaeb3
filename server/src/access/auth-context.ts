import type { RoleName } from '../db/schema/index.ts';

/** Which stores' data a caller may see: the whole brand, or only some stores. */
export type Scope = { kind: 'brand' } | { kind: 'stores'; storeIds: string[] };

export type Actor = { type: 'staff'; id: string } | { type: 'api_key'; id: string };

export type AuthContext = {
  tenantId: string;
  actor: Actor;
  roles: RoleName[];
  scope: Scope;
};
