import { z } from '@hono/zod-openapi';

/** How an order names its member: any one of these; none (a guest) records an unattributed order. */
export const memberRefSchema = z
  .object({
    memberId: z.uuid().optional(),
    /** The integrator's id for the person (members.external_ref): the member code on the POS. */
    memberCode: z.string().trim().min(1).max(200).optional(),
    phone: z.string().trim().min(3).max(30).optional(),
    /** An account on a platform: the platform account and the member's id there. */
    platformAccountId: z.uuid().optional(),
    platformUserId: z.string().min(1).max(200).optional(),
  })
  .refine((m) => (m.platformAccountId === undefined) === (m.platformUserId === undefined), {
    message: 'platformAccountId and platformUserId go together',
    path: ['platformUserId'],
  })
  .openapi('OrderMemberRef');
export type MemberRef = z.infer<typeof memberRefSchema>;

export const orderInputSchema = z
  .object({
    externalId: z.string().trim().min(1).max(200),
    amountCents: z.number().int().min(0).max(100_000_000_000),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'a 3-letter currency code')
      .default('CNY'),
    orderedAt: z.iso.datetime({ offset: true }),
    /** The store that sold it; by default the member's store. */
    storeId: z.uuid().optional(),
    member: memberRefSchema.optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('OrderInput');
export type OrderInput = z.infer<typeof orderInputSchema>;

export const refundInputSchema = z
  .object({
    externalId: z.string().trim().min(1).max(200),
    amountCents: z.number().int().min(1).max(100_000_000_000),
    refundedAt: z.iso.datetime({ offset: true }),
  })
  .openapi('RefundInput');
export type RefundInput = z.infer<typeof refundInputSchema>;

export const orderSchema = z
  .object({
    id: z.uuid(),
    externalId: z.string(),
    source: z.enum(['api', 'csv', 'webhook', 'platform']),
    memberId: z.uuid().nullable(),
    storeId: z.uuid().nullable(),
    staffId: z.uuid().nullable(),
    communityId: z.uuid().nullable(),
    firstCodeId: z.uuid().nullable(),
    lastCodeId: z.uuid().nullable(),
    campaignIds: z.array(z.uuid()),
    amountCents: z.number(),
    refundedCents: z.number(),
    currency: z.string(),
    orderedAt: z.string(),
  })
  .openapi('Order');
export type OrderView = z.infer<typeof orderSchema>;

/** What a POS or shop sends to the signed orders webhook. */
export const orderWebhookSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('order.created'), order: orderInputSchema }),
  z.object({
    type: z.literal('order.refunded'),
    orderExternalId: z.string().min(1).max(200),
    refund: refundInputSchema,
  }),
]);
