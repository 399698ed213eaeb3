import { z } from '@hono/zod-openapi';
import { fulfilmentMethods, mallItemKinds } from '../../db/schema/index.ts';

const itemFields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).nullable(),
  imageUrl: z.url().max(2000).nullable(),
  kind: z
    .enum(mallItemKinds)
    .openapi({ description: 'physical gift, coupon, or virtual (nothing to hand over)' }),
  pointsPrice: z.number().int().min(1).max(100_000_000),
  stock: z.number().int().min(0).max(100_000_000).nullable().openapi({ description: 'null: unlimited' }),
  perMemberLimit: z.number().int().min(1).max(1000).nullable(),
  minLevelId: z.uuid().nullable().openapi({ description: 'Only members at this level or above' }),
  couponTemplateId: z.uuid().nullable(),
  fulfilmentMethods: z.array(z.enum(fulfilmentMethods)).max(2),
  isActive: z.boolean(),
};

export const createMallItemInput = z
  .object({
    ...itemFields,
    description: itemFields.description.default(null),
    imageUrl: itemFields.imageUrl.default(null),
    stock: itemFields.stock.default(null),
    perMemberLimit: itemFields.perMemberLimit.default(null),
    minLevelId: itemFields.minLevelId.default(null),
    couponTemplateId: itemFields.couponTemplateId.default(null),
    fulfilmentMethods: itemFields.fulfilmentMethods.default([]),
    isActive: itemFields.isActive.default(true),
  })
  .superRefine((item, ctx) => {
    if (item.kind === 'coupon' && !item.couponTemplateId) {
      ctx.addIssue({ code: 'custom', path: ['couponTemplateId'], message: 'required for a coupon item' });
    }
    if (item.kind === 'physical' && item.fulfilmentMethods.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['fulfilmentMethods'],
        message: 'a physical item needs pickup or shipping',
      });
    }
  })
  .openapi('CreateMallItemInput');
export type CreateMallItemInput = z.infer<typeof createMallItemInput>;

export const updateMallItemInput = z
  .object({
    name: itemFields.name,
    description: itemFields.description,
    imageUrl: itemFields.imageUrl,
    pointsPrice: itemFields.pointsPrice,
    stock: itemFields.stock,
    perMemberLimit: itemFields.perMemberLimit,
    minLevelId: itemFields.minLevelId,
    isActive: itemFields.isActive,
  })
  .partial()
  .openapi('UpdateMallItemInput');
export type UpdateMallItemInput = z.infer<typeof updateMallItemInput>;

export const mallItemSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    imageUrl: z.string().nullable(),
    kind: z.enum(mallItemKinds),
    pointsPrice: z.number(),
    stock: z.number().nullable(),
    redeemedCount: z.number(),
    perMemberLimit: z.number().nullable(),
    minLevelId: z.uuid().nullable(),
    couponTemplateId: z.uuid().nullable(),
    fulfilmentMethods: z.array(z.enum(fulfilmentMethods)),
    isActive: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('MallItem');

export const fulfilmentSchema = z
  .object({
    id: z.uuid(),
    redemptionId: z.uuid(),
    memberId: z.uuid(),
    itemId: z.uuid(),
    method: z.enum(fulfilmentMethods),
    storeId: z.uuid().nullable(),
    address: z.string().nullable(),
    status: z.enum(['pending', 'done']),
    completedAt: z.string().nullable(),
    completedBy: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .openapi('Fulfilment');

export const redeemMallItemInput = z
  .object({
    requestId: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: 'Sending the same request again returns the first redemption' }),
    fulfilment: z
      .object({
        method: z.enum(fulfilmentMethods).optional(),
        storeId: z.uuid().optional(),
        address: z.string().trim().min(1).max(500).optional(),
      })
      .optional(),
  })
  .openapi('RedeemMallItemInput');

export const mallRedemptionSchema = z
  .object({
    id: z.uuid(),
    itemId: z.uuid(),
    points: z.number(),
    couponId: z.uuid().nullable(),
    fulfilment: z
      .object({ id: z.uuid(), method: z.string(), storeId: z.uuid().nullable(), status: z.string() })
      .nullable(),
    createdAt: z.string(),
  })
  .openapi('MallRedemption');
