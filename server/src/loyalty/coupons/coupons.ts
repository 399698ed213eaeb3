import { randomInt } from 'node:crypto';
import type { CouponKind, CouponStatus } from '../../db/schema/index.ts';
import type { ErrorCode } from '../../errors.ts';

/** Coupon rules, pure: validity windows, the discount a coupon gives an order, and what a redemption may do. */

export type CouponTerms = {
  kind: CouponKind;
  amountCents: number | null;
  thresholdCents: number | null;
  percentOff: number | null;
  maxDiscountCents: number | null;
  giftName: string | null;
};

export type CouponValidity =
  | { kind: 'absolute'; validFrom: Date | null; validUntil: Date | null }
  | { kind: 'relative'; validDays: number };

/** A coupon issued at `issuedAt` is valid in [validFrom, validUntil); null when the template can no longer issue. */
export const validityOf = (
  validity: CouponValidity,
  issuedAt: Date,
): { validFrom: Date; validUntil: Date } | null => {
  if (validity.kind === 'relative') {
    return {
      validFrom: issuedAt,
      validUntil: new Date(issuedAt.getTime() + validity.validDays * 86_400_000),
    };
  }
  const validUntil = validity.validUntil ?? new Date('9999-12-31T00:00:00Z');
  if (validUntil <= issuedAt) return null;
  return { validFrom: validity.validFrom ?? issuedAt, validUntil };
};

export type Discount =
  | { isApplicable: true; discountCents: number; giftName: string | null }
  | { isApplicable: false; reason: string };

/** What the coupon takes off an order (a gift coupon takes nothing off and hands over its gift). */
export const discountFor = (terms: CouponTerms, orderAmountCents: number | null): Discount => {
  const needsOrder = terms.kind === 'threshold' || terms.kind === 'percent';
  if (needsOrder && orderAmountCents === null) {
    return { isApplicable: false, reason: 'orderAmountCents is required for this coupon' };
  }
  const order = orderAmountCents ?? 0;
  switch (terms.kind) {
    case 'gift':
      return { isApplicable: true, discountCents: 0, giftName: terms.giftName };
    case 'fixed': {
      const amount = terms.amountCents ?? 0;
      return {
        isApplicable: true,
        discountCents: orderAmountCents === null ? amount : Math.min(amount, order),
        giftName: null,
      };
    }
    case 'threshold': {
      const threshold = terms.thresholdCents ?? 0;
      if (order < threshold) {
        return { isApplicable: false, reason: `the order must reach ${formatYuan(threshold)}` };
      }
      return { isApplicable: true, discountCents: Math.min(terms.amountCents ?? 0, order), giftName: null };
    }
    case 'percent': {
      const raw = Math.floor((order * (terms.percentOff ?? 0)) / 100);
      const cap = terms.maxDiscountCents;
      return { isApplicable: true, discountCents: cap === null ? raw : Math.min(raw, cap), giftName: null };
    }
  }
};

export const formatYuan = (cents: number): string =>
  `¥${cents % 100 === 0 ? cents / 100 : (cents / 100).toFixed(2)}`;

/** "¥10 off", "¥20 off ¥49", "15% off", "Gift: hand cream": how a coupon reads in a message. */
export const describeTerms = (terms: CouponTerms): string => {
  switch (terms.kind) {
    case 'fixed':
      return `${formatYuan(terms.amountCents ?? 0)} off`;
    case 'threshold':
      return `${formatYuan(terms.amountCents ?? 0)} off ${formatYuan(terms.thresholdCents ?? 0)}`;
    case 'percent':
      return `${terms.percentOff ?? 0}% off`;
    case 'gift':
      return `Gift: ${terms.giftName ?? ''}`;
  }
};

export type RedemptionState = {
  status: CouponStatus;
  validFrom: Date;
  validUntil: Date;
  redemptionRequestId: string | null;
  storeIds: readonly string[];
};

export type RedemptionDecision =
  | { kind: 'redeem' }
  /** The same request again: answer as the first time, change nothing. */
  | { kind: 'replay' }
  | { kind: 'refuse'; code: ErrorCode; message: string };

/** Whether this request may redeem the coupon; the order of checks decides which refusal the caller sees. */
export const decideRedemption = (
  coupon: RedemptionState,
  request: { requestId: string; storeId: string; now: Date },
): RedemptionDecision => {
  if (coupon.status === 'redeemed') {
    return coupon.redemptionRequestId === request.requestId
      ? { kind: 'replay' }
      : { kind: 'refuse', code: 'coupon_already_redeemed', message: 'This coupon has already been redeemed' };
  }
  if (coupon.status === 'voided') {
    return { kind: 'refuse', code: 'coupon_voided', message: 'This coupon was voided' };
  }
  if (coupon.status === 'expired' || coupon.validUntil <= request.now) {
    return { kind: 'refuse', code: 'coupon_expired', message: 'This coupon has expired' };
  }
  if (coupon.validFrom > request.now) {
    return { kind: 'refuse', code: 'coupon_not_applicable', message: 'This coupon is not valid yet' };
  }
  if (coupon.storeIds.length > 0 && !coupon.storeIds.includes(request.storeId)) {
    return {
      kind: 'refuse',
      code: 'coupon_not_applicable',
      message: 'This coupon cannot be redeemed at this store',
    };
  }
  return { kind: 'redeem' };
};

/**
 * Redemption codes: 10 characters of Crockford's base32 (no I, L, O, U: nothing to misread at a till), about
 * 50 bits, shown as two groups of five. Redeeming one needs the brand's API key as well, so guessing is moot.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const generateCouponCode = (): string => {
  let code = '';
  for (let i = 0; i < 10; i++) code += alphabet[randomInt(alphabet.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
};

/** What a cashier typed, as stored: case, spaces and dashes ignored; O read as 0, I and L as 1. */
export const normalizeCouponCode = (input: string): string => {
  const plain = input.toUpperCase().replaceAll(/[\s-]/g, '').replaceAll('O', '0').replaceAll(/[IL]/g, '1');
  return plain.length === 10 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
};
