import { z } from '@hono/zod-openapi';

export const moderationActionTypes = ['warn', 'delete', 'mute', 'remove', 'ban'] as const;
export type ModerationActionType = (typeof moderationActionTypes)[number];

/** A brand's moderation settings, with defaults that a new brand gets without configuring anything. */
export const moderationSettingsSchema = z
  .object({
    checks: z
      .object({
        /** Any link from anyone; off by default because brands post links themselves. */
        links: z.boolean().default(false),
        qrCodes: z.boolean().default(true),
        blockedWords: z.boolean().default(true),
        flood: z.boolean().default(true),
        /** A link from a member who joined the group within `newcomerWindowMinutes`. */
        newcomerLinks: z.boolean().default(true),
      })
      .prefault({}),
    blockedWords: z.array(z.string().trim().min(1).max(50)).max(500).default([]),
    flood: z
      .object({
        messages: z.number().int().min(2).max(1000).default(8),
        seconds: z.number().int().min(1).max(3600).default(10),
      })
      .prefault({}),
    newcomerWindowMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
    /** The action for the 1st, 2nd, 3rd… offence; offences past the end repeat the last step. */
    ladder: z.array(z.enum(moderationActionTypes)).min(1).max(10).default(['warn', 'remove', 'ban']),
    deleteOffendingMessage: z.boolean().default(true),
    muteMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
    /** Offences older than this no longer count towards the ladder. */
    offenceWindowDays: z.number().int().min(1).max(365).default(30),
    warnText: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .default('%NICKNAME%, please follow the group rules (%REASON%). Repeated offences lead to removal.'),
    whitelist: z
      .object({
        /** Every staff account of the brand is exempt (the brand's own posts are never moderated). */
        allStaff: z.boolean().default(true),
        staffIds: z.array(z.uuid()).max(1000).default([]),
        memberIds: z.array(z.uuid()).max(1000).default([]),
      })
      .prefault({}),
  })
  .openapi('ModerationSettings');

export type ModerationSettings = z.infer<typeof moderationSettingsSchema>;

/** Stored settings were validated when saved; a hand-edited row that no longer parses falls back to defaults. */
export const readModerationSettings = (stored: unknown): ModerationSettings => {
  const parsed = moderationSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : moderationSettingsSchema.parse({});
};
