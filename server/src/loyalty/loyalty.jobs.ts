import { z } from 'zod';
import { tenants } from '../db/schema/index.ts';
import type { JobDefinition } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { deleteOldAcks } from './checkin/checkin.store.ts';
import { expireCoupons } from './coupons/coupons.store.ts';
import { issueMonthlyLevelCoupons } from './levels/monthly-coupons.ts';
import { expireDuePoints } from './points/expire-points.ts';
import { findBalanceMismatches } from './points/points.store.ts';

const tenantData = z.object({ tenantId: z.uuid() });

const fanOut = async (
  deps: Parameters<JobDefinition['handler']>[0]['deps'],
  name: typeof jobNames.maintainLoyalty | typeof jobNames.verifyLoyalty,
) => {
  for (const { id } of await deps.db.select({ id: tenants.id }).from(tenants)) {
    await deps.jobs.send(name, { tenantId: id }, { singletonKey: id });
  }
};

/** One brand's loyalty upkeep: expire due points (FIFO lots) and coupons, hand out monthly level coupons. */
export const maintainLoyaltyJob: JobDefinition = {
  name: jobNames.maintainLoyalty,
  policy: 'stately',
  handler: async ({ deps }, data) => {
    const { tenantId } = tenantData.parse(data);
    const now = deps.now();
    const points = await expireDuePoints(deps.db, { tenantId, now });
    const expiredCoupons = await expireCoupons(deps.db, tenantId, now);
    const monthly = await issueMonthlyLevelCoupons(deps, { tenantId });
    await deleteOldAcks(deps.db, tenantId, new Date(now.getTime() - 86_400_000));
    if (points.points > 0 || expiredCoupons > 0 || monthly.issued > 0) {
      deps.logger.info({ tenantId, points, expiredCoupons, monthly }, 'loyalty upkeep');
    }
  },
};

/** Hourly: one upkeep job per brand (expiry cutoffs fall on the brand's midnight, whatever its timezone). */
export const sweepLoyaltyJob: JobDefinition = {
  name: jobNames.sweepLoyalty,
  policy: 'stately',
  cron: '7 * * * *',
  handler: async ({ deps }) => fanOut(deps, jobNames.maintainLoyalty),
};

/** The ledger's invariant, checked: every balance row equals the sum of its member's ledger. */
export const verifyLoyaltyJob: JobDefinition = {
  name: jobNames.verifyLoyalty,
  policy: 'stately',
  handler: async ({ deps }, data) => {
    const { tenantId } = tenantData.parse(data);
    const mismatches = await findBalanceMismatches(deps.db, tenantId);
    if (mismatches.length > 0) {
      deps.logger.error({ tenantId, mismatches }, 'points balances differ from their ledger');
    }
  },
};

export const sweepLoyaltyVerifyJob: JobDefinition = {
  name: jobNames.sweepLoyaltyVerify,
  policy: 'stately',
  cron: '40 4 * * *',
  handler: async ({ deps }) => fanOut(deps, jobNames.verifyLoyalty),
};
