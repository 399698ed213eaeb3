import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { coupons, members, stores, tenants } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';

type Me = { tenantId: string; memberId: string };

/** Who the member page is for: the member's name and home store, the brand's name, and its stores. */
export const loadMemberProfile = async (db: Db, me: Me) => {
  const [row] = await db
    .select({ name: members.name, storeId: members.storeId, brandName: tenants.name })
    .from(members)
    .innerJoin(tenants, eq(tenants.id, members.tenantId))
    .where(and(eq(members.tenantId, me.tenantId), eq(members.id, me.memberId)));
  if (!row) throw notFound('Member');
  const storeRows = await db
    .select({ id: stores.id, name: stores.name, address: stores.address })
    .from(stores)
    .where(eq(stores.tenantId, me.tenantId))
    .orderBy(asc(stores.code))
    .limit(500);
  // The member's own store first: the natural place to pick a gift up.
  const ordered = [
    ...storeRows.filter((s) => s.id === row.storeId),
    ...storeRows.filter((s) => s.id !== row.storeId),
  ];
  return {
    member: { id: me.memberId, name: row.name, storeId: row.storeId },
    brand: { name: row.brandName },
    stores: ordered,
  };
};

/** The redemption code of one of the member's own coupons; another member's coupon is not found. */
export const findMyCouponCode = async (db: Db, me: Me & { couponId: string }): Promise<string> => {
  const [row] = await db
    .select({ code: coupons.code })
    .from(coupons)
    .where(
      and(eq(coupons.tenantId, me.tenantId), eq(coupons.memberId, me.memberId), eq(coupons.id, me.couponId)),
    );
  if (!row) throw notFound('Coupon');
  return row.code;
};
