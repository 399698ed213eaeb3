import type { AuthContext } from '../access/auth-context.ts';
import type { AppDeps } from '../app/deps.ts';
import type { CommunityType, DemandPattern } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { isUniqueViolation } from '../org/unique-violation.ts';
import {
  type CommunityDetail,
  detailOf,
  insertCommunity,
  type RosterEntry,
  replaceRoster,
} from './communities.store.ts';
import { checkPlacement, throwIfProblems } from './community-guards.ts';
import { canOpenGroups, openGroupForCaller } from './open-platform-group.ts';

export type Positioning = {
  type?: CommunityType | null;
  demandPattern?: DemandPattern | null;
  targetPersona?: string | null;
  goal?: string | null;
  rules?: string | null;
  announcement?: string | null;
};

export type CreateCommunityInput = Positioning & {
  platformAccountId: string;
  storeId?: string | null;
  name: string;
  capacity?: number;
  /** Link a group that already exists on the platform instead of creating one. */
  externalId?: string;
  roster?: RosterEntry[];
};

/** A group under a store: linked to an existing platform group, or created on a platform that can. */
export const createCommunity = async (
  deps: AppDeps,
  auth: AuthContext,
  input: CreateCommunityInput,
): Promise<CommunityDetail> => {
  const { tenantId } = auth;
  // The adapter loads before any transaction opens (on PGlite a query outside it would wait forever).
  const { adapter, capacity } = await checkPlacement(deps, auth, input);
  if (!input.externalId && !canOpenGroups(adapter)) {
    throwIfProblems([{ path: 'externalId', message: 'required: this platform cannot create groups' }]);
  }
  const externalId =
    input.externalId ?? (await openGroupForCaller(deps, adapter, { name: input.name, capacity }));
  const { roster, ...fields } = input;
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await insertCommunity(tx, {
        ...fields,
        tenantId,
        storeId: input.storeId ?? null,
        externalId,
        capacity,
        createdAt: deps.now(),
      });
      await replaceRoster(tx, tenantId, row.id, roster ?? []);
      return detailOf(tx, row);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', `Group ${externalId} is already a community`);
    throw error;
  }
};
