import { z } from '@hono/zod-openapi';
import { couponKinds, couponSources, couponStatuses } from '../../db/schema/index.ts';

const cents = z.number().int().min(0).max(100_000_000);

export const createCouponTemplateInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    kind: z.enum(couponKinds).openapi({
      description:
        'fixed: amount off, no threshold; threshold: amount off above an order amount; percent; gift',
    }),
    amountCents: cents.min(1).optional(),
    thresholdCents: cents.min(1).optional(),
    percentOff: z.number().int().min(1).max(99).optional(),
    maxDiscountCents: cents.min(1).optional(),
    giftName: z.string().trim().min(1).max(100).optional(),
    costCents: cents.default(0).openapi({ description: 'What one redeemed coupon costs the brand (ROI)' }),
    validity: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('absolute'),
        validFrom: z.iso.datetime().optional(),
        validUntil: z.iso.datetime(),
      }),
      z.object({ kind: z.literal('relative'), days: z.number().int().min(1).max(3650) }),
    ]),
    totalStock: z.number().int().min(0).max(100_000_000).nullable().default(null),
    perMemberLimit: z.number().int().min(1).max(1000).nullable().default(null),
    storeIds: z
      .array(z.uuid())
      .max(500)
      .default([])
      .openapi({ description: 'Where it applies; empty: every store' }),
  })
  .superRefine((t, ctx) => {
    const need = (field: keyof typeof t, why: string) => {
      if (t[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: why });
    };
    if (t.kind === 'fixed' || t.kind === 'threshold') need('amountCents', `required for a ${t.kind} coupon`);
    if (t.kind === 'threshold') need('thresholdCents', 'required for a threshold coupon');
    if (t.kind === 'percent') need('percentOff', 'required for a percent coupon');
    if (t.kind === 'gift') need('giftName', 'required for a gift coupon');
  })
  .openapi('CreateCouponTemplateInput');
export type CreateCouponTemplateInput = z.infer<typeof createCouponTemplateInput>;

export const couponTemplateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(couponKinds),
    description: z.string(),
    amountCents: z.number().nullable(),
    thresholdCents: z.number().nullable(),
    percentOff: z.number().nullable(),
    maxDiscountCents: z.number().nullable(),
    giftName: z.string().nullable(),
    costCents: z.number(),
    validity: z.object({
      kind: z.enum(['absolute', 'relative']),
      validFrom: z.string().nullable(),
      validUntil: z.string().nullable(),
      days: z.number().nullable(),
    }),
    totalStock: z.number().nullable(),
    issuedCount: z.number(),
    perMemberLimit: z.number().nullable(),
    storeIds: z.array(z.uuid()),
    isActive: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('CouponTemplate');

export const couponSchema = z
  .object({
    id: z.uuid(),
    templateId: z.uuid(),
    templateName: z.string(),
    description: z.string(),
    memberId: z.uuid(),
    code: z.string().openapi({ description: 'What the cashier types: 10 characters, e.g. 7KQ2M-9XRTB' }),
    status: z.enum(couponStatuses),
    source: z.enum(couponSources),
    validFrom: z.string(),
    validUntil: z.string(),
    issuedAt: z.string(),
    redeemedAt: z.string().nullable(),
    redeemedStoreId: z.uuid().nullable(),
    discountCents: z.number().nullable(),
  })
  .openapi('Coupon');

export const issueCouponInput = z
  .object({
    templateId: z.uuid(),
    memberId: z.uuid(),
    source: z.enum(['staff', 'api', 'campaign', 'reward']).optional().openapi({
      description: 'staff for a signed-in staff member, api for an API key, unless given',
    }),
    idempotencyKey: z.string().min(1).max(200).optional().openapi({
      description: 'The same key again returns the first coupon instead of issuing another',
    }),
  })
  .openapi('IssueCouponInput');

export const redeemCouponInput = z
  .object({
    code: z.string().trim().min(1).max(40),
    storeId: z.uuid(),
    requestId: z.string().min(1).max(200).openapi({
      description: 'The till’s id for this redemption: sending it again returns the first answer',
    }),
    orderAmountCents: z.number().int().min(0).max(100_000_000).optional(),
  })
  .openapi('RedeemCouponInput');

export const redemptionSchema = couponSchema
  .extend({
    requestId: z.string(),
    storeId: z.uuid(),
    orderAmountCents: z.number().nullable(),
    discountCents: z.number(),
    giftName: z.string().nullable(),
  })
  .openapi('CouponRedemption');

export const voidCouponInput = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .openapi('VoidCouponInput');
