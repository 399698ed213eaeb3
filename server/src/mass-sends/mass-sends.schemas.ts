import { z } from '@hono/zod-openapi';
import { attachmentSchema } from '../platforms/platform.ts';
import { MAX_RECIPIENTS } from './plan-mass-send.ts';

const ids = z.array(z.uuid()).min(1).max(MAX_RECIPIENTS);

export const createMassSendInput = z
  .object({
    platformAccountId: z.uuid(),
    recipients: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('members'), memberIds: ids }),
      z.object({ kind: z.literal('groups'), communityIds: ids }),
    ]),
    senderExternalId: z.string().trim().min(1).max(64).optional().openapi({
      description: 'The staff account that sends; required where a person confirms it (WeCom userid)',
    }),
    content: z
      .object({
        text: z.string().trim().min(1).max(4000).optional(),
        attachments: z.array(attachmentSchema).max(9).optional(),
      })
      .refine((c) => c.text !== undefined || (c.attachments?.length ?? 0) > 0, {
        message: 'a message needs text or attachments',
        path: ['text'],
      }),
    dedupeKey: z.string().trim().min(1).max(200).optional(),
  })
  .openapi('CreateMassSend');

export const massSendPlanSchema = z
  .object({
    id: z.uuid().nullable().openapi({ description: 'Null when no recipient could receive it' }),
    status: z.string().nullable(),
    planned: z.array(z.uuid()),
    overQuota: z.array(z.uuid()),
    unreachable: z.array(z.uuid()),
  })
  .openapi('MassSendPlan');

export const massSendSchema = z
  .object({
    id: z.uuid(),
    platformAccountId: z.uuid(),
    recipientKind: z.enum(['member', 'group']),
    senderExternalId: z.string().nullable(),
    status: z.string(),
    taskExternalId: z.string().nullable(),
    plannedAt: z.string(),
    completedAt: z.string().nullable(),
    recipients: z.record(z.string(), z.number()).openapi({ description: 'Recipients per status' }),
  })
  .openapi('MassSend');

export const quotaQuery = z.object({ platformAccountId: z.uuid(), memberId: z.uuid() });

export const massQuotaSchema = z
  .object({
    canReceive: z.boolean(),
    used: z.number(),
    limit: z.number().nullable(),
    windowStart: z.string().nullable(),
    windowEnd: z.string().nullable(),
    reason: z.enum(['quota_reached', 'not_on_account']).optional(),
  })
  .openapi('MassQuota');
