import { z } from '@hono/zod-openapi';
import { assignmentStrategies, channelSources } from '../db/schema/index.ts';
import { limitSchema, uuidCursorSchema } from '../http/pagination.ts';
import { attachmentSchema } from '../platforms/platform.ts';

/** A message with placeholders ({nickname}, {store}, {staff}, {code}; %NICKNAME% in groups) and attachments. */
export const welcomeContentInput = z
  .object({
    text: z.string().trim().min(1).max(4000).optional(),
    attachments: z.array(attachmentSchema).max(9).optional(),
  })
  .refine((w) => w.text !== undefined || (w.attachments?.length ?? 0) > 0, {
    message: 'a welcome needs text or attachments',
    path: ['text'],
  })
  .openapi('WelcomeContent');

const windowInput = z.object({
  weekdays: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .max(7)
    .openapi({ description: 'ISO weekdays, 1 = Monday' }),
  from: z.string().openapi({ example: '09:00' }),
  to: z.string().openapi({ example: '18:00', description: 'Exclusive; 24:00 ends the day' }),
  staffIds: z.array(z.uuid()).min(1).max(50),
});

const cap = z.number().int().min(1).max(100_000);

const staffTarget = z.object({
  kind: z.literal('staff'),
  strategy: z.enum(assignmentStrategies),
  staff: z
    .array(z.object({ staffId: z.uuid(), dailyCap: cap.nullable().optional() }))
    .min(1)
    .max(50),
  /** The cap of every listed staff member who has none of their own. */
  dailyCap: cap.nullable().optional(),
  backupStaffIds: z.array(z.uuid()).max(10).default([]),
  schedule: z.array(windowInput).max(50).default([]),
});

const groupTarget = z.object({ kind: z.literal('group'), seriesId: z.uuid() });

export const codeTargetInput = z
  .discriminatedUnion('kind', [staffTarget, groupTarget])
  .superRefine((target, ctx) => {
    if (target.kind !== 'staff') return;
    if (target.strategy === 'schedule' && target.schedule.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['schedule'], message: 'the schedule strategy needs windows' });
    }
    if (target.strategy !== 'schedule' && target.schedule.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['schedule'], message: 'only for the schedule strategy' });
    }
    const seen = new Set<string>();
    for (const [index, id] of [...target.staff.map((s) => s.staffId), ...target.backupStaffIds].entries()) {
      if (seen.has(id)) {
        const path =
          index < target.staff.length
            ? ['staff', index, 'staffId']
            : ['backupStaffIds', index - target.staff.length];
        ctx.addIssue({ code: 'custom', path, message: 'listed twice' });
      }
      seen.add(id);
    }
  })
  .openapi('ChannelCodeTarget', {
    description: 'Staff (1:1 contact, assigned by a strategy) or a community series (group, filled in order)',
  });
export type CodeTargetInput = z.infer<typeof codeTargetInput>;

const editable = {
  name: z.string().trim().min(1).max(100),
  storeId: z.uuid().nullable(),
  partnerId: z.uuid().nullable(),
  target: codeTargetInput,
  tagNames: z.array(z.string().trim().min(1).max(50)).max(20),
  welcome: welcomeContentInput.nullable(),
  headline: z.string().trim().min(1).max(80).nullable(),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  totalCap: z.number().int().min(1).max(10_000_000).nullable(),
};

export const createChannelCodeInput = z
  .object({
    ...editable,
    source: z.enum(channelSources),
    platformAccountId: z.uuid(),
    storeId: editable.storeId.optional(),
    partnerId: editable.partnerId.optional(),
    tagNames: editable.tagNames.default([]),
    welcome: editable.welcome.optional(),
    headline: editable.headline.optional(),
    expiresAt: editable.expiresAt.optional(),
    totalCap: editable.totalCap.optional(),
  })
  .openapi('CreateChannelCodeInput');
export type CreateChannelCodeInput = z.input<typeof createChannelCodeInput>;

export const updateChannelCodeInput = z
  .object({ ...editable, isArchived: z.boolean() })
  .partial()
  .openapi('UpdateChannelCodeInput');
export type UpdateChannelCodeInput = z.infer<typeof updateChannelCodeInput>;

export const listChannelCodesQuery = z.object({
  limit: limitSchema,
  cursor: uuidCursorSchema,
  source: z.enum(channelSources).optional(),
  storeId: z.uuid().optional(),
  purpose: z.string().trim().min(1).max(40).optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

const targetView = z.union([
  z.object({
    kind: z.literal('staff'),
    strategy: z.enum(assignmentStrategies),
    staff: z.array(z.object({ staffId: z.uuid(), dailyCap: z.number().nullable() })),
    backupStaffIds: z.array(z.uuid()),
    schedule: z.array(windowInput),
  }),
  z.object({ kind: z.literal('group'), seriesId: z.uuid() }),
]);

export const channelCodeSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    source: z.enum(channelSources),
    purpose: z.string(),
    referrerMemberId: z.uuid().nullable(),
    platformAccountId: z.uuid(),
    storeId: z.uuid().nullable(),
    partnerId: z.uuid().nullable(),
    target: targetView,
    tagNames: z.array(z.string()),
    welcome: z
      .object({ text: z.string().optional(), attachments: z.array(attachmentSchema).optional() })
      .nullable(),
    headline: z.string().nullable(),
    expiresAt: z.string().nullable(),
    totalCap: z.number().nullable(),
    status: z.enum(['active', 'expired', 'full', 'archived']),
    link: z.string().openapi({ description: 'The public link the QR encodes; it never changes' }),
    state: z.string().openapi({ description: 'The attribution state platform links carry' }),
    scanCount: z.number(),
    arrivalCount: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ChannelCode');
export type ChannelCodeView = z.infer<typeof channelCodeSchema>;

export const imageQuery = z.object({ format: z.enum(['png', 'svg']).default('png') });

export const statsQuery = z.object({
  from: z.iso.date().optional().openapi({ description: 'First local day (default: 29 days before to)' }),
  to: z.iso.date().optional().openapi({ description: 'Last local day, inclusive (default: today)' }),
});

const dayStats = z.object({
  date: z.string(),
  scans: z.number(),
  arrivals: z.number(),
  newMembers: z.number(),
  stillIn: z.number(),
  left: z.number(),
});

export const codeStatsSchema = z
  .object({
    channelCodeId: z.uuid(),
    from: z.string(),
    to: z.string(),
    totals: dayStats.omit({ date: true }),
    byDay: z.array(dayStats).openapi({
      description: 'Per local day: scans that day, and the arrivals of that day with what became of them',
    }),
    byStaff: z.array(z.object({ staffId: z.uuid().nullable(), arrivals: z.number() })),
  })
  .openapi('ChannelCodeStats');
export type CodeStats = z.infer<typeof codeStatsSchema>;
