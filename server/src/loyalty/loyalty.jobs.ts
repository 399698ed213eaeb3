import { z } from 'zod';
import { tenants } from '../db/schema/index.ts';
import type { JobDefinition } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { deleteOldAcks } from './checkin/checkin.store.ts';
import { expireCoupons } from './coupons/coupons.store.ts';
import { issueMonthlyLevelCoupons } from './levels/monthly-coupons.ts';
import { expireDuePoints } from './points/expire-points.ts';
import { findBalanceMismatches } from './points/points.store.ts';

const maintainData = z.object({ tenantId: z.uuid(), isDailyCheck: z.boolean().default(false) });

/** The sweep's run that also checks balances against the ledger: once a day, at 04:07 in Beijing. */
const dailyCheckHourUtc = 20;

/**
 * One brand's loyalty upkeep: expire due points (FIFO lots) and coupons, hand out monthly level coupons, forget
 * old acknowledgement windows; once a day, check every balance against the sum of its ledger.
 */
export const maintainLoyaltyJob: JobDefinition = {
  name: jobNames.maintainLoyalty,
  policy: 'stately',
  handler: async ({ deps }, data) => {
    const { tenantId, isDailyCheck } = maintainData.parse(data);
    const now = deps.now();
    const points = await expireDuePoints(deps.db, { tenantId, now });
    const expiredCoupons = await expireCoupons(deps.db, tenantId, now);
    const monthly = await issueMonthlyLevelCoupons(deps, { tenantId });
    await deleteOldAcks(deps.db, tenantId, new Date(now.getTime() - 86_400_000));
    if (points.points > 0 || expiredCoupons > 0 || monthly.issued > 0) {
      deps.logger.info({ tenantId, points, expiredCoupons, monthly }, 'loyalty upkeep');
    }
    if (!isDailyCheck) return;
    const mismatches = await findBalanceMismatches(deps.db, tenantId);
    if (mismatches.length > 0) {
      deps.logger.error({ tenantId, mismatches }, 'points balances differ from their ledger');
    }
  },
};

/** Hourly: one upkeep job per brand (expiry cutoffs fall on the brand's midnight, whatever its timezone). */
export const sweepLoyaltyJob: JobDefinition = {
  name: jobNames.sweepLoyalty,
  policy: 'stately',
  cron: '7 * * * *',
  handler: async ({ deps }) => {
    const isDailyCheck = deps.now().getUTCHours() === dailyCheckHourUtc;
    for (const { id } of await deps.db.select({ id: tenants.id }).from(tenants)) {
      await deps.jobs.send(jobNames.maintainLoyalty, { tenantId: id, isDailyCheck }, { singletonKey: id });
    }
  },
};
