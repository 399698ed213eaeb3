import { z } from '@hono/zod-openapi';

/**
 * A brand's loyalty rules. Stored as one JSON document per brand and parsed with these defaults, so a brand that
 * never opened the settings still earns 10 points a day for checking in. Pure: no database here.
 */

const reward = {
  points: z.number().int().min(0).max(1_000_000).default(0),
  /** A coupon issued with the reward, if any. */
  couponTemplateId: z.uuid().optional(),
};

export const pointsExpirySchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('never') }),
    z.object({ kind: z.literal('end_of_next_year') }),
    z.object({ kind: z.literal('after_days'), days: z.number().int().min(1).max(3650) }),
  ])
  .openapi('PointsExpiry', {
    description: 'never; end of the year after the one they were earned in (brand timezone); or N days after',
  });
export type PointsExpiry = z.infer<typeof pointsExpirySchema>;

export const loyaltyRulesSchema = z
  .object({
    points: z
      .object({
        perCheckin: z.number().int().min(0).max(100_000).default(10),
        perInvite: z.number().int().min(0).max(100_000).default(50),
        /** Points per whole yuan (100 cents) of an order. */
        perOrderYuan: z.number().min(0).max(1_000).default(1),
        /** What one point is worth to the brand, in cents (ROI). */
        pointValueCents: z.number().min(0).max(10_000).default(1),
        expiry: pointsExpirySchema.default({ kind: 'end_of_next_year' }),
      })
      .prefault({}),
    checkin: z
      .object({
        /** A group message that is exactly one of these (trimmed, any case) checks the member in. */
        keywords: z.array(z.string().trim().min(1).max(20)).max(20).default(['打卡', '签到', 'check in']),
        /** Extra points (and a coupon) on the day a streak reaches `day` consecutive days. */
        streakBonuses: z
          .array(z.object({ day: z.number().int().min(2).max(366), ...reward }))
          .max(20)
          .default([
            { day: 3, points: 5 },
            { day: 7, points: 20 },
            { day: 30, points: 100 },
          ]),
        /** Once in a member's life, when their check-ins (made-up days included) reach `total`. */
        milestones: z
          .array(z.object({ total: z.number().int().min(1).max(100_000), ...reward }))
          .max(20)
          .default([]),
        makeupCardPrice: z.number().int().min(0).max(1_000_000).default(100),
        /** How far back a make-up card reaches. */
        makeupWithinDays: z.number().int().min(1).max(60).default(7),
        ack: z
          .object({
            isEnabled: z.boolean().default(true),
            /** Check-ins within this window share one group message. */
            windowSeconds: z.number().int().min(1).max(60).default(5),
            template: z.string().min(1).max(200).default('✅ {names} checked in today'),
          })
          .prefault({}),
      })
      .prefault({}),
    levels: z
      .object({
        basis: z.enum(['lifetime_points', 'spend']).default('lifetime_points'),
        /** Tell the member in their private chat when their level changes. */
        isAnnounced: z.boolean().default(false),
        template: z.string().min(1).max(300).default('🎉 {name}, you are now {level}!'),
      })
      .prefault({}),
  })
  .openapi('LoyaltyRules');
export type LoyaltyRules = z.infer<typeof loyaltyRulesSchema>;

/** The stored document with defaults filled in; a document that no longer parses falls back to the defaults. */
export const rulesFrom = (stored: unknown): LoyaltyRules => {
  const parsed = loyaltyRulesSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : loyaltyRulesSchema.parse({});
};

/** Fill `{placeholders}` of a message template. */
export const renderTemplate = (template: string, values: Record<string, string | number>): string =>
  template.replaceAll(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
