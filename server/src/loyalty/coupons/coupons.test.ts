import { describe, expect, it } from 'vitest';
import {
  type CouponTerms,
  decideRedemption,
  describeTerms,
  discountFor,
  generateCouponCode,
  normalizeCouponCode,
  validityOf,
} from './coupons.ts';

const terms = (t: Partial<CouponTerms> & Pick<CouponTerms, 'kind'>): CouponTerms => ({
  amountCents: null,
  thresholdCents: null,
  percentOff: null,
  maxDiscountCents: null,
  giftName: null,
  ...t,
});
const tenOff = terms({ kind: 'fixed', amountCents: 1_000 });
const twentyOff49 = terms({ kind: 'threshold', amountCents: 2_000, thresholdCents: 4_900 });
const fifteenPercent = terms({ kind: 'percent', percentOff: 15, maxDiscountCents: 3_000 });
const gift = terms({ kind: 'gift', giftName: 'Hand cream' });

describe('coupon rules', () => {
  it('makes a relative coupon valid for N days from issue, an absolute one until its end', () => {
    const issuedAt = new Date('2025-05-01T10:00:00Z');
    expect(validityOf({ kind: 'relative', validDays: 3 }, issuedAt)).toEqual({
      validFrom: issuedAt,
      validUntil: new Date('2025-05-04T10:00:00Z'),
    });
    const until = new Date('2025-06-01T00:00:00Z');
    expect(validityOf({ kind: 'absolute', validFrom: null, validUntil: until }, issuedAt)).toEqual({
      validFrom: issuedAt,
      validUntil: until,
    });
    // A template whose window has closed issues nothing.
    expect(validityOf({ kind: 'absolute', validFrom: null, validUntil: issuedAt }, issuedAt)).toBeNull();
  });

  it('takes a fixed amount off, never more than the order', () => {
    expect(discountFor(tenOff, 3_000)).toEqual({ isApplicable: true, discountCents: 1_000, giftName: null });
    expect(discountFor(tenOff, 600)).toMatchObject({ discountCents: 600 });
    expect(discountFor(tenOff, null)).toMatchObject({ discountCents: 1_000 });
  });

  it('takes ¥20 off an order of ¥49 or more, and refuses a smaller one', () => {
    expect(discountFor(twentyOff49, 4_900)).toMatchObject({ isApplicable: true, discountCents: 2_000 });
    expect(discountFor(twentyOff49, 4_899)).toEqual({
      isApplicable: false,
      reason: 'the order must reach ¥49',
    });
    expect(discountFor(twentyOff49, null)).toMatchObject({ isApplicable: false });
  });

  it('takes a percentage, rounded down to the cent and capped', () => {
    expect(discountFor(fifteenPercent, 9_999)).toMatchObject({ discountCents: 1_499 });
    expect(discountFor(fifteenPercent, 100_000)).toMatchObject({ discountCents: 3_000 });
    expect(discountFor(terms({ kind: 'percent', percentOff: 15 }), 100_000)).toMatchObject({
      discountCents: 15_000,
    });
  });

  it('hands over a gift with nothing off', () => {
    expect(discountFor(gift, null)).toEqual({ isApplicable: true, discountCents: 0, giftName: 'Hand cream' });
  });

  it('reads as an operator writes it', () => {
    expect(describeTerms(tenOff)).toBe('¥10 off');
    expect(describeTerms(twentyOff49)).toBe('¥20 off ¥49');
    expect(describeTerms(terms({ kind: 'fixed', amountCents: 1_250 }))).toBe('¥12.50 off');
    expect(describeTerms(fifteenPercent)).toBe('15% off');
    expect(describeTerms(gift)).toBe('Gift: Hand cream');
  });

  describe('redemption', () => {
    const now = new Date('2025-05-02T00:00:00Z');
    const coupon = {
      status: 'issued' as const,
      validFrom: new Date('2025-05-01T00:00:00Z'),
      validUntil: new Date('2025-05-04T00:00:00Z'),
      redemptionRequestId: null,
      storeIds: ['store-a'],
    };
    const request = { requestId: 'r1', storeId: 'store-a', now };

    it('redeems a valid coupon at one of its stores', () => {
      expect(decideRedemption(coupon, request)).toEqual({ kind: 'redeem' });
      expect(decideRedemption({ ...coupon, storeIds: [] }, { ...request, storeId: 'anywhere' })).toEqual({
        kind: 'redeem',
      });
    });

    it('answers the same request again as before, and refuses a second redemption', () => {
      const redeemed = { ...coupon, status: 'redeemed' as const, redemptionRequestId: 'r1' };
      expect(decideRedemption(redeemed, request)).toEqual({ kind: 'replay' });
      expect(decideRedemption(redeemed, { ...request, requestId: 'r2' })).toMatchObject({
        kind: 'refuse',
        code: 'coupon_already_redeemed',
      });
    });

    it('refuses an expired, voided, early or wrong-store coupon, each with its own code', () => {
      expect(decideRedemption(coupon, { ...request, now: coupon.validUntil })).toMatchObject({
        code: 'coupon_expired',
      });
      expect(decideRedemption({ ...coupon, status: 'expired' }, request)).toMatchObject({
        code: 'coupon_expired',
      });
      expect(decideRedemption({ ...coupon, status: 'voided' }, request)).toMatchObject({
        code: 'coupon_voided',
      });
      expect(decideRedemption(coupon, { ...request, now: new Date('2025-04-30T00:00:00Z') })).toMatchObject({
        code: 'coupon_not_applicable',
        message: 'This coupon is not valid yet',
      });
      expect(decideRedemption(coupon, { ...request, storeId: 'store-b' })).toMatchObject({
        code: 'coupon_not_applicable',
        message: 'This coupon cannot be redeemed at this store',
      });
    });
  });

  it('draws short, unambiguous codes and reads them back however they were typed', () => {
    const codes = new Set(Array.from({ length: 2_000 }, generateCouponCode));
    expect(codes.size).toBe(2_000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(normalizeCouponCode(' 7kq2m 9xrtb ')).toBe('7KQ2M-9XRTB');
    expect(normalizeCouponCode('7KQ2M-9XRTB')).toBe('7KQ2M-9XRTB');
    expect(normalizeCouponCode('OIL12-34567')).toBe('01112-34567');
  });
});
