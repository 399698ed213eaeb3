import { z } from '@hono/zod-openapi';
import { limitSchema, uuidCursorSchema } from '../http/pagination.ts';

export const rewardInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('coupon'), templateId: z.uuid() }),
    z.object({ kind: z.literal('points'), points: z.number().int().min(1).max(1_000_000) }),
  ])
  .openapi('FissionReward', { description: 'A coupon of a template, or points' });

export const targetInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('group'), seriesIds: z.array(z.uuid()).min(1).max(100) }),
    z.object({ kind: z.literal('staff'), staffIds: z.array(z.uuid()).min(1).max(50) }),
  ])
  .openapi('FissionTarget', {
    description:
      'Where invitees go: the groups of community series (each inviter is sent to the series of their own group) ' +
      'or 1:1 contact with staff members',
  });

const tierInput = z.object({
  invites: z.number().int().min(1).max(100_000),
  name: z.string().trim().min(1).max(80).openapi({ example: 'Facial cleanser' }),
  reward: rewardInput,
  budget: z.number().int().min(1).max(10_000_000).nullable().default(null).openapi({
    description: 'At most this many rewards of the tier in the campaign (null: no limit)',
  }),
});

const leaderboardInput = z.object({
  everyMinutes: z.number().int().min(5).max(10_080),
  size: z.number().int().min(1).max(50).default(10),
});

export const createFissionCampaignInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    headline: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .openapi({ example: 'Invite 5 friends, get a facial cleanser' }),
    platformAccountId: z.uuid(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }).nullable().default(null),
    status: z.enum(['draft', 'active']).default('active'),
    storeId: z.uuid().nullable().default(null).openapi({
      description: 'A store’s own campaign (required for a store manager: one of theirs); null: brand-wide',
    }),
    target: targetInput,
    tiers: z.array(tierInput).min(1).max(10),
    pointsPerInvite: z.number().int().min(0).max(100_000).default(0),
    inviteeReward: rewardInput.nullable().default(null),
    stayMinutes: z.number().int().min(0).max(43_200).default(1440),
    maxInvitesPerHour: z.number().int().min(1).max(100_000).default(30),
    progressIntervalMinutes: z.number().int().min(0).max(10_080).default(60),
    leaderboard: leaderboardInput.nullable().default(null),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<number>();
    for (const [index, tier] of input.tiers.entries()) {
      if (seen.has(tier.invites)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', index, 'invites'],
          message: 'two tiers at this count',
        });
      }
      seen.add(tier.invites);
    }
    if (input.endsAt && new Date(input.endsAt).getTime() <= new Date(input.startsAt).getTime()) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    }
  })
  .openapi('CreateFissionCampaignInput');
export type CreateFissionCampaignInput = z.infer<typeof createFissionCampaignInput>;

export const updateFissionCampaignInput = z
  .object({
    status: z.enum(['draft', 'active', 'ended']),
    name: z.string().trim().min(1).max(100),
    headline: z.string().trim().min(1).max(80),
    endsAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .partial()
  .openapi('UpdateFissionCampaignInput');
export type UpdateFissionCampaignInput = z.infer<typeof updateFissionCampaignInput>;

const tierView = z.object({
  tierIndex: z.number().int(),
  invites: z.number().int(),
  name: z.string(),
  reward: rewardInput,
  budget: z.number().int().nullable(),
  grantedCount: z.number().int(),
});

export const fissionCampaignSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    headline: z.string(),
    status: z.enum(['draft', 'active', 'ended']),
    platformAccountId: z.uuid(),
    storeId: z.uuid().nullable().openapi({ description: 'The store that owns it; null: brand-wide' }),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    target: targetInput,
    tiers: z.array(tierView),
    pointsPerInvite: z.number().int(),
    inviteeReward: rewardInput.nullable(),
    stayMinutes: z.number().int(),
    maxInvitesPerHour: z.number().int(),
    progressIntervalMinutes: z.number().int(),
    leaderboard: z.object({ everyMinutes: z.number().int(), size: z.number().int() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('FissionCampaign');
export type FissionCampaignView = z.infer<typeof fissionCampaignSchema>;

export const campaignStatsSchema = z.object({
  inviters: z.number().int(),
  validInvites: z.number().int(),
  pendingInvites: z.number().int(),
  rewardsIssued: z.number().int(),
  rewardsHeld: z.number().int().openapi({ description: 'Rewards waiting in the approvals queue' }),
});
export type CampaignStats = z.infer<typeof campaignStatsSchema>;

export const fissionCampaignListItemSchema = fissionCampaignSchema
  .extend({ stats: campaignStatsSchema })
  .openapi('FissionCampaignListItem');

/** One inviter in the campaign's list of inviters (the console's progress table). */
export const fissionInviterSchema = z
  .object({
    memberId: z.uuid(),
    name: z.string(),
    validCount: z.number().int(),
    pendingCount: z.number().int(),
    voidCount: z.number().int(),
    isOnHold: z.boolean(),
    joinedAt: z.string(),
  })
  .openapi('FissionInviter');

export const tierProgressSchema = z.object({
  tierIndex: z.number().int(),
  invites: z.number().int(),
  name: z.string(),
  status: z.enum(['locked', 'issued', 'held', 'rejected', 'refused']),
});

export const fissionProgressSchema = z
  .object({
    campaignId: z.uuid(),
    memberId: z.uuid(),
    name: z.string(),
    link: z.string().nullable(),
    validCount: z.number().int(),
    pendingCount: z.number().int(),
    voidCount: z.number().int(),
    isOnHold: z.boolean(),
    nextTier: z
      .object({ invites: z.number().int(), name: z.string(), remaining: z.number().int() })
      .nullable(),
    tiers: z.array(tierProgressSchema),
    text: z.string().openapi({ example: '3 of 5 — 2 more for your gift (Facial cleanser)' }),
  })
  .openapi('FissionProgress');
export type FissionProgressView = z.infer<typeof fissionProgressSchema>;

export const leaderboardSchema = z
  .object({
    campaignId: z.uuid(),
    items: z.array(
      z.object({
        rank: z.number().int(),
        memberId: z.uuid(),
        name: z.string(),
        validCount: z.number().int(),
      }),
    ),
  })
  .openapi('FissionLeaderboard');

export const inviteTreeSchema = z
  .object({
    campaignId: z.uuid(),
    inviters: z.number().int(),
    invites: z.object({ pending: z.number().int(), valid: z.number().int(), void: z.number().int() }),
    kFactor: z.number().openapi({ description: 'Valid invitees per inviter with a link' }),
    maxDepth: z.number().int(),
    edges: z.array(
      z.object({
        inviterMemberId: z.uuid(),
        inviteeMemberId: z.uuid(),
        status: z.enum(['pending', 'valid', 'void']),
        voidReason: z.string().nullable(),
        inviterName: z.string(),
        inviteeName: z.string(),
        depth: z.number().int(),
        invitedAt: z.string(),
        leftAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('FissionInviteTree');

export const fissionRewardSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    memberId: z.uuid(),
    kind: z.enum(['tier', 'invitee', 'invite_points']),
    tierIndex: z.number().int().nullable(),
    reward: rewardInput,
    status: z.enum(['issued', 'held', 'rejected', 'refused']),
    couponId: z.uuid().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi('FissionRewardRecord');

export const enrollInput = z
  .object({ memberIds: z.array(z.uuid()).min(1).max(500) })
  .openapi('EnrollFissionInvitersInput');

export const rejectInput = z
  .object({ note: z.string().trim().min(1).max(500) })
  .openapi('RejectFissionRewardInput');

export const fissionRewardListItemSchema = fissionRewardSchema
  .extend({ memberName: z.string() })
  .openapi('FissionRewardListItem');

export const rewardsQuery = z.object({
  limit: limitSchema,
  cursor: uuidCursorSchema,
  status: z
    .enum(['issued', 'held', 'rejected', 'refused'])
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
});

export const leaderboardQuery = z.object({
  size: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(10)
    .openapi({ param: { name: 'size', in: 'query' } }),
});

export const memberParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  memberId: z.uuid().openapi({ param: { name: 'memberId', in: 'path' } }),
});
