import { and, desc, eq } from 'drizzle-orm';
import type { AuthContext } from '../../access/auth-context.ts';
import type { Db } from '../../db/client.ts';
import { type CouponStatus, coupons, couponTemplates, members } from '../../db/schema/index.ts';
import { olderThanCursor, type Page, pageOf } from '../../http/pagination.ts';
import { visibleMembers } from '../../members/member-filter.ts';
import { type CouponView, couponViewOf } from './issue-coupon.ts';

export type IssuedCouponView = CouponView & { memberName: string };

/**
 * The coupons a brand issued, newest first (keyset on created_at, id), optionally of one status or template.
 * Store managers and guides see the coupons of the members they may see.
 */
export const listIssuedCoupons = async (
  db: Db,
  auth: Pick<AuthContext, 'tenantId' | 'scope'>,
  query: { limit: number; cursor?: string; status?: CouponStatus; templateId?: string },
): Promise<Page<IssuedCouponView>> => {
  const rows = await db
    .select({ coupon: coupons, template: couponTemplates, memberName: members.name })
    .from(coupons)
    .innerJoin(couponTemplates, eq(couponTemplates.id, coupons.templateId))
    .innerJoin(members, eq(members.id, coupons.memberId))
    .where(
      and(
        eq(coupons.tenantId, auth.tenantId),
        visibleMembers(auth.tenantId, auth.scope),
        query.status ? eq(coupons.status, query.status) : undefined,
        query.templateId ? eq(coupons.templateId, query.templateId) : undefined,
        query.cursor ? olderThanCursor(coupons, query.cursor) : undefined,
      ),
    )
    .orderBy(desc(coupons.createdAt), desc(coupons.id))
    .limit(query.limit + 1);
  return pageOf(
    rows,
    query.limit,
    (row) => row.coupon.id,
    (row) => ({ ...couponViewOf(row.coupon, row.template), memberName: row.memberName }),
  );
};
