import { and, asc, count, desc, eq, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type CouponStatus, coupons, couponTemplates } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';

export type TemplateRow = typeof couponTemplates.$inferSelect;
export type NewTemplate = Omit<
  typeof couponTemplates.$inferInsert,
  'id' | 'tenantId' | 'createdAt' | 'issuedCount'
>;
export type CouponRow = typeof coupons.$inferSelect;
export type NewCoupon = Omit<typeof coupons.$inferInsert, 'id' | 'createdAt' | 'code'>;

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export const insertTemplate = async (db: Db, tenantId: string, values: NewTemplate) => {
  const [row] = await db
    .insert(couponTemplates)
    .values({ ...values, tenantId })
    .returning();
  return row!;
};

export const listTemplateRows = (db: Db, tenantId: string) =>
  db
    .select()
    .from(couponTemplates)
    .where(eq(couponTemplates.tenantId, tenantId))
    .orderBy(desc(couponTemplates.createdAt));

export const findTemplate = async (db: Db, tenantId: string, id: string): Promise<TemplateRow> => {
  const [row] = isUuid(id)
    ? await db
        .select()
        .from(couponTemplates)
        .where(and(eq(couponTemplates.tenantId, tenantId), eq(couponTemplates.id, id)))
    : [];
  if (!row) throw notFound('Coupon template');
  return row;
};

/**
 * The template row, locked until the transaction ends: issuing from one template is serialized on it, which is
 * what keeps its stock and per-member limits exact under concurrency. Null for an unknown (or malformed) id.
 */
export const lockTemplate = async (db: Db, tenantId: string, id: string): Promise<TemplateRow | null> => {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(couponTemplates)
    .where(and(eq(couponTemplates.tenantId, tenantId), eq(couponTemplates.id, id)))
    .for('update');
  return row ?? null;
};

export const countIssued = async (
  db: Db,
  input: { templateId: string; memberId: string },
): Promise<number> => {
  const [row] = await db
    .select({ n: count() })
    .from(coupons)
    .where(and(eq(coupons.templateId, input.templateId), eq(coupons.memberId, input.memberId)));
  return row?.n ?? 0;
};

export const findCouponByKey = async (db: Db, tenantId: string, idempotencyKey: string) => {
  const [row] = await db
    .select()
    .from(coupons)
    .where(and(eq(coupons.tenantId, tenantId), eq(coupons.idempotencyKey, idempotencyKey)));
  return row ?? null;
};

/** Insert with a fresh code; null when the idempotency key or (very rarely) the code was taken. */
export const insertCoupon = async (db: Db, values: NewCoupon & { code: string }) => {
  const [row] = await db.insert(coupons).values(values).onConflictDoNothing().returning();
  return row ?? null;
};

export const incrementIssued = async (db: Db, templateId: string): Promise<void> => {
  await db
    .update(couponTemplates)
    .set({ issuedCount: sql`${couponTemplates.issuedCount} + 1` })
    .where(eq(couponTemplates.id, templateId));
};

/** The coupon with this code and its template, locked: concurrent redemptions of one code take turns. */
export const lockCouponByCode = async (db: Db, tenantId: string, code: string) => {
  const [row] = await db
    .select({ coupon: coupons, template: couponTemplates })
    .from(coupons)
    .innerJoin(couponTemplates, eq(couponTemplates.id, coupons.templateId))
    .where(and(eq(coupons.tenantId, tenantId), eq(coupons.code, code)))
    .for('update', { of: coupons });
  return row ?? null;
};

/** Another coupon already redeemed under this POS request id, if any. */
export const findOtherRedemption = async (
  db: Db,
  input: { tenantId: string; requestId: string; couponId: string },
) => {
  const [row] = await db
    .select({ id: coupons.id })
    .from(coupons)
    .where(
      and(
        eq(coupons.tenantId, input.tenantId),
        eq(coupons.redemptionRequestId, input.requestId),
        ne(coupons.id, input.couponId),
      ),
    );
  return row ?? null;
};

export const saveCoupon = async (db: Db, id: string, values: Partial<Omit<CouponRow, 'id' | 'tenantId'>>) => {
  const [row] = await db.update(coupons).set(values).where(eq(coupons.id, id)).returning();
  return row!;
};

export const findCoupon = async (db: Db, tenantId: string, id: string) => {
  const [row] = isUuid(id)
    ? await db
        .select({ coupon: coupons, template: couponTemplates })
        .from(coupons)
        .innerJoin(couponTemplates, eq(couponTemplates.id, coupons.templateId))
        .where(and(eq(coupons.tenantId, tenantId), eq(coupons.id, id)))
        .for('update', { of: coupons })
    : [];
  if (!row) throw notFound('Coupon');
  return row;
};

export const listCouponsOfMember = (
  db: Db,
  input: { tenantId: string; memberId: string; status?: CouponStatus },
) =>
  db
    .select({ coupon: coupons, template: couponTemplates })
    .from(coupons)
    .innerJoin(couponTemplates, eq(couponTemplates.id, coupons.templateId))
    .where(
      and(
        eq(coupons.tenantId, input.tenantId),
        eq(coupons.memberId, input.memberId),
        input.status ? eq(coupons.status, input.status) : undefined,
      ),
    )
    .orderBy(asc(coupons.status), desc(coupons.issuedAt))
    .limit(200);

/** Issued coupons past their validity become 'expired' (redemption checks the date itself, too). */
export const expireCoupons = async (db: Db, tenantId: string, now: Date): Promise<number> => {
  const rows = await db
    .update(coupons)
    .set({ status: 'expired' })
    .where(and(eq(coupons.tenantId, tenantId), eq(coupons.status, 'issued'), lte(coupons.validUntil, now)))
    .returning({ id: coupons.id });
  return rows.length;
};
