import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../app/deps.ts';
import { coupons, loyaltyLevels, pointsAccounts } from '../../db/schema/index.ts';
import { issueCoupon } from '../coupons/issue-coupon.ts';
import { monthKeyOf } from '../points/points.ts';
import { runRewardTx } from '../reward-tx.ts';
import { loadBrandLoyalty } from '../settings/settings.store.ts';

const batchSize = 200;

/**
 * The monthly coupon of each level, to every member at that level who has not had this month's (key
 * `level-coupon:<member>:<YYYY-MM>`, brand timezone): running again, or twice at once, issues nothing new.
 */
export const issueMonthlyLevelCoupons = async (
  deps: AppDeps,
  input: { tenantId: string },
): Promise<{ issued: number }> => {
  const { db } = deps;
  const brand = await loadBrandLoyalty(db, input.tenantId);
  const month = monthKeyOf(deps.now(), brand.timeZone);
  const levels = await db
    .select({ id: loyaltyLevels.id, templateId: loyaltyLevels.monthlyCouponTemplateId })
    .from(loyaltyLevels)
    .where(and(eq(loyaltyLevels.tenantId, input.tenantId), isNotNull(loyaltyLevels.monthlyCouponTemplateId)));
  let issued = 0;
  for (const level of levels) {
    for (;;) {
      const awaiting = await db
        .select({ memberId: pointsAccounts.memberId })
        .from(pointsAccounts)
        .where(
          and(
            eq(pointsAccounts.tenantId, input.tenantId),
            eq(pointsAccounts.levelId, level.id),
            sql`not exists (select 1 from ${coupons} c where c.tenant_id = ${input.tenantId}
              and c.idempotency_key = 'level-coupon:' || ${pointsAccounts.memberId} || ${`:${month}`})`,
          ),
        )
        .limit(batchSize);
      if (awaiting.length === 0) break;
      const issuedNow = await runRewardTx(deps, input.tenantId, async (rt) => {
        let count = 0;
        for (const { memberId } of awaiting) {
          const result = await issueCoupon(rt, {
            memberId,
            templateId: level.templateId!,
            source: 'level',
            idempotencyKey: `level-coupon:${memberId}:${month}`,
          });
          if (result.status === 'issued') count++;
        }
        return count;
      });
      issued += issuedNow;
      // Refused (stock gone, template retired): the rest would be refused too; try again next run.
      if (issuedNow === 0 || awaiting.length < batchSize) break;
    }
  }
  return { issued };
};
