import type { AuthContext } from '../../access/auth-context.ts';
import { requireRole } from '../../access/roles.ts';
import type { AppDeps } from '../../app/deps.ts';
import { AppError } from '../../errors.ts';
import { findVisibleMember } from '../../members/members.store.ts';
import { getStore } from '../../org/stores.store.ts';
import { recordMemberEvents } from '../../timeline/record-member-event.ts';
import {
  type CouponRow,
  findCoupon,
  findOtherRedemption,
  lockCouponByCode,
  saveCoupon,
} from './coupons.store.ts';
import { decideRedemption, discountFor, normalizeCouponCode } from './coupons.ts';
import { type CouponView, couponViewOf } from './issue-coupon.ts';

export type RedemptionView = CouponView & {
  requestId: string;
  storeId: string;
  orderAmountCents: number | null;
  discountCents: number;
  giftName: string | null;
};

export type RedeemInput = { code: string; storeId: string; requestId: string; orderAmountCents?: number };

/**
 * Redeem a coupon at a store (the POS integration). The coupon row is locked, so two tills racing on one code
 * take turns; the request id makes a retry safe: the same request again changes nothing and gets the first
 * answer. Every refusal (another brand's code, redeemed, expired, voided, wrong store, order too small) is a
 * distinct 4xx and leaves the coupon as it was.
 */
export const redeemCoupon = async (
  deps: AppDeps,
  auth: AuthContext,
  input: RedeemInput,
): Promise<RedemptionView> => {
  // A store the caller cannot see (another brand's, or another store's for a store role) is a 404.
  await getStore(deps.db, auth.tenantId, auth.scope, input.storeId);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const found = await lockCouponByCode(tx, auth.tenantId, normalizeCouponCode(input.code));
    if (!found) throw new AppError('not_found', 'No coupon of this brand has that code');
    const { coupon, template } = found;
    if (
      await findOtherRedemption(tx, {
        tenantId: auth.tenantId,
        requestId: input.requestId,
        couponId: coupon.id,
      })
    ) {
      throw new AppError('conflict', 'This requestId was already used to redeem another coupon');
    }
    const decision = decideRedemption(
      { ...coupon, storeIds: template.storeIds },
      { requestId: input.requestId, storeId: input.storeId, now },
    );
    if (decision.kind === 'refuse') throw new AppError(decision.code, decision.message);
    if (decision.kind === 'replay') return redemptionViewOf(coupon, template);
    const discount = discountFor(template, input.orderAmountCents ?? null);
    if (!discount.isApplicable) {
      if (input.orderAmountCents === undefined) {
        throw new AppError('validation_failed', `Invalid body: orderAmountCents: ${discount.reason}`, [
          { path: 'orderAmountCents', message: discount.reason },
        ]);
      }
      throw new AppError('coupon_not_applicable', `This coupon does not apply: ${discount.reason}`);
    }
    const redeemed = await saveCoupon(tx, coupon.id, {
      status: 'redeemed',
      redemptionRequestId: input.requestId,
      redeemedAt: now,
      redeemedStoreId: input.storeId,
      orderAmountCents: input.orderAmountCents ?? null,
      discountCents: discount.discountCents,
    });
    await recordMemberEvents(tx, [
      {
        tenantId: auth.tenantId,
        memberId: coupon.memberId,
        type: 'coupon.redeemed',
        occurredAt: now,
        data: { couponId: coupon.id, storeId: input.storeId, discountCents: discount.discountCents },
      },
    ]);
    return redemptionViewOf(redeemed, template);
  });
};

const redemptionViewOf = (
  coupon: CouponRow,
  template: Parameters<typeof couponViewOf>[1],
): RedemptionView => ({
  ...couponViewOf(coupon, template),
  requestId: coupon.redemptionRequestId!,
  storeId: coupon.redeemedStoreId!,
  orderAmountCents: coupon.orderAmountCents,
  discountCents: coupon.discountCents ?? 0,
  giftName: template.kind === 'gift' ? template.giftName : null,
});

/** Void an issued coupon (staff): voiding it again is a no-op; a redeemed or expired one cannot be voided. */
export const voidCoupon = async (
  deps: AppDeps,
  auth: AuthContext,
  input: { id: string; reason: string },
): Promise<CouponView> => {
  requireRole(auth, 'owner', 'operator', 'store_manager');
  return deps.db.transaction(async (tx) => {
    const { coupon, template } = await findCoupon(tx, auth.tenantId, input.id);
    await findVisibleMember(tx, { tenantId: auth.tenantId, scope: auth.scope, id: coupon.memberId });
    if (coupon.status === 'voided') return couponViewOf(coupon, template);
    if (coupon.status === 'redeemed') {
      throw new AppError('coupon_already_redeemed', 'A redeemed coupon cannot be voided');
    }
    if (coupon.status === 'expired')
      throw new AppError('coupon_expired', 'An expired coupon cannot be voided');
    const voided = await saveCoupon(tx, coupon.id, {
      status: 'voided',
      voidedAt: deps.now(),
      voidReason: input.reason,
    });
    return couponViewOf(voided, template);
  });
};
