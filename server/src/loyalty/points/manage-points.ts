import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../../access/auth-context.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../../access/roles.ts';
import type { AppDeps } from '../../app/deps.ts';
import { findVisibleMember } from '../../members/members.store.ts';
import { runRewardTx } from '../reward-tx.ts';
import { adjustPoints, type PointsResult, reversePoints } from './grant-points.ts';
import { ledgerEntryViewOf } from './member-points.ts';
import { findBalanceMismatches } from './points.store.ts';

const resultViewOf = (result: PointsResult) => ({
  ...ledgerEntryViewOf(result.entry),
  balance: result.balance,
  isNew: result.isNew,
  levelChange: result.levelChange,
});

/** A manual correction by an owner or operator: a reason is required, and the audit log keeps who and why. */
export const adjustMemberPoints = async (
  deps: AppDeps,
  auth: AuthContext,
  input: {
    memberId: string;
    points: number;
    reason: string;
    source: 'manual' | 'import';
    idempotencyKey?: string;
  },
) => {
  requireRole(auth, ...ORG_ADMIN_ROLES);
  await findVisibleMember(deps.db, { tenantId: auth.tenantId, scope: auth.scope, id: input.memberId });
  const result = await runRewardTx(deps, auth.tenantId, (rt) =>
    adjustPoints(rt, {
      memberId: input.memberId,
      points: input.points,
      reason: input.reason,
      source: input.source,
      idempotencyKey: `adjust:${input.idempotencyKey ?? randomUUID()}`,
      actorStaffId: auth.actor.type === 'staff' ? auth.actor.id : null,
    }),
  );
  return resultViewOf(result);
};

/** Undo one entry (a refund of a spend, or taking back an earning), once. */
export const reverseMemberPointsEntry = async (
  deps: AppDeps,
  auth: AuthContext,
  input: { entryId: number; reason: string },
) => {
  requireRole(auth, ...ORG_ADMIN_ROLES);
  const result = await runRewardTx(deps, auth.tenantId, (rt) =>
    reversePoints(rt, { ...input, actorStaffId: auth.actor.type === 'staff' ? auth.actor.id : null }),
  );
  return resultViewOf(result);
};

/** Every member's balance row against the sum of their ledger; an empty list is the expected answer. */
export const checkPointsBalances = async (deps: AppDeps, auth: AuthContext) => {
  requireRole(auth, ...ORG_ADMIN_ROLES);
  return findBalanceMismatches(deps.db, auth.tenantId);
};
