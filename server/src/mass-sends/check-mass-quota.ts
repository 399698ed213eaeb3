import type { AppDeps } from '../app/deps.ts';
import { findIdentityOnAccount } from '../members/identities.store.ts';
import { countQuotaUsage } from './mass-sends.store.ts';
import { massQuotaRuleOf, quotaWindowOf } from './mass-sends.ts';

export type MassQuotaAnswer = {
  canReceive: boolean;
  /** Mass messages sent or planned for the member in the current window. */
  used: number;
  /** Null when the platform sets no cap. */
  limit: number | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  /** Why not, when the member cannot receive one. */
  reason?: 'quota_reached' | 'not_on_account';
};

/**
 * "Can member X receive a mass message now on account Y?" — what features ask before they plan one. It
 * counts what Orchard sent and planned in the platform's quota window (WeCom: per customer, per month in
 * China time), so a send the platform would drop is never planned.
 */
export const checkMassQuota = async (
  deps: Pick<AppDeps, 'db' | 'platforms' | 'now'>,
  input: { tenantId: string; platformAccountId: string; memberId: string; at?: Date },
): Promise<MassQuotaAnswer> => {
  const adapter = await deps.platforms.adapterFor(input.tenantId, input.platformAccountId);
  const externalId = await findIdentityOnAccount(deps.db, input);
  const rule = massQuotaRuleOf(adapter.capabilities);
  const window = rule ? quotaWindowOf(rule, input.at ?? deps.now()) : null;
  const base = {
    limit: window?.limit ?? null,
    windowStart: window?.start ?? null,
    windowEnd: window?.end ?? null,
  };
  if (!externalId) return { canReceive: false, used: 0, reason: 'not_on_account', ...base };
  if (!window) return { canReceive: true, used: 0, ...base };
  const used =
    (
      await countQuotaUsage(deps.db, {
        platformAccountId: input.platformAccountId,
        externalIds: [externalId],
        window,
      })
    ).get(externalId) ?? 0;
  return used < window.limit
    ? { canReceive: true, used, ...base }
    : { canReceive: false, used, reason: 'quota_reached', ...base };
};
