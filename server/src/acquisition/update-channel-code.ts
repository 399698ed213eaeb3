import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../access/auth-context.ts';
import type { AppDeps } from '../app/deps.ts';
import { findStoreProblems, throwIfProblems } from '../communities/community-guards.ts';
import { channelCodes } from '../db/schema/index.ts';
import type { UpdateChannelCodeInput } from './acquisition.schemas.ts';
import { findVisibleCode, replaceCodeStaff } from './channel-codes.store.ts';
import { findCapabilityProblems, findPartnerProblems, findTargetProblems } from './code-guards.ts';
import { codeStaffOf, findExpiryProblems, targetColumnsOf } from './create-channel-code.ts';

/**
 * Change a code: the same checks as on create for whatever changes, then the row and its staff in one
 * transaction. Its link, state and QR stay the same: printed posters keep working.
 */
export const updateChannelCode = async (
  deps: AppDeps,
  auth: AuthContext,
  input: { id: string; changes: UpdateChannelCodeInput },
) => {
  const { tenantId, scope } = auth;
  const current = await findVisibleCode(deps.db, { tenantId, scope, id: input.id });
  const { changes } = input;
  const { capabilities } = await deps.platforms.adapterFor(tenantId, current.platformAccountId);
  throwIfProblems([
    ...(changes.storeId !== undefined ? await findStoreProblems(deps.db, auth, changes.storeId) : []),
    ...(changes.partnerId !== undefined
      ? await findPartnerProblems(deps.db, { tenantId, source: current.source, partnerId: changes.partnerId })
      : []),
    ...(changes.target ? findCapabilityProblems(capabilities, changes.target) : []),
    ...(changes.target
      ? await findTargetProblems(deps.db, {
          tenantId,
          scope,
          platformAccountId: current.platformAccountId,
          capabilities,
          target: changes.target,
        })
      : []),
    ...findExpiryProblems(changes.expiresAt, deps.now()),
  ]);
  const { target, expiresAt, tagNames, ...rest } = changes;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(channelCodes)
      .set({
        ...rest,
        ...(target ? targetColumnsOf(target) : {}),
        ...(tagNames ? { tagNames: [...new Set(tagNames)] } : {}),
        ...(expiresAt !== undefined ? { expiresAt: expiresAt ? new Date(expiresAt) : null } : {}),
        updatedAt: deps.now(),
      })
      .where(and(eq(channelCodes.tenantId, tenantId), eq(channelCodes.id, current.id)))
      .returning();
    if (target) await replaceCodeStaff(tx, row!, codeStaffOf(target));
    return row!;
  });
};
