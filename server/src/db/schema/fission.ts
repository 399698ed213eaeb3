import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { channelCodes } from './acquisition.ts';
import { campaigns } from './campaigns.ts';
import { createdAt, id, tenantId } from './columns.ts';
import { communities, members } from './members.ts';
import { staff } from './org.ts';
import { platformAccounts } from './platform.ts';

/** What a fission reward gives: a coupon of a template, or points. */
export type FissionReward = { kind: 'coupon'; templateId: string } | { kind: 'points'; points: number };

/** Where invitees go: the groups of some community series, or 1:1 contact with staff members. */
export type FissionTarget = { kind: 'group'; seriesIds: string[] } | { kind: 'staff'; staffIds: string[] };

/**
 * A fission (referral) campaign's own configuration, keyed by its `campaigns` row (kind 'fission'), where
 * name, status and window live for analytics.
 */
export const fissionCampaigns = pgTable('fission_campaigns', {
  campaignId: uuid('campaign_id')
    .primaryKey()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  tenantId: tenantId(),
  platformAccountId: uuid('platform_account_id')
    .notNull()
    .references(() => platformAccounts.id, { onDelete: 'cascade' }),
  target: jsonb('target').$type<FissionTarget>().notNull(),
  headline: text('headline').notNull(),
  /** Points per valid invite (0: none). */
  pointsPerInvite: integer('points_per_invite').notNull().default(0),
  inviteeReward: jsonb('invitee_reward').$type<FissionReward>(),
  /** An invite counts once the invitee stayed this long. */
  stayMinutes: integer('stay_minutes').notNull().default(1440),
  /** K: more invites than this within an hour put the inviter's rewards on hold for approval. */
  maxInvitesPerHour: integer('max_invites_per_hour').notNull().default(30),
  /** N: at most one progress message per inviter per this many minutes. */
  progressIntervalMinutes: integer('progress_interval_minutes').notNull().default(60),
  /** The leaderboard is posted to the target groups every this many minutes (null: never). */
  leaderboardEveryMinutes: integer('leaderboard_every_minutes'),
  leaderboardSize: integer('leaderboard_size').notNull().default(10),
  leaderboardPostedAt: timestamp('leaderboard_posted_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A reward tier: `invites` valid invites earn `reward`, at most `budget` times in the campaign. */
export const fissionTiers = pgTable(
  'fission_tiers',
  {
    tenantId: tenantId(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    tierIndex: integer('tier_index').notNull(),
    invites: integer('invites').notNull(),
    name: text('name').notNull(),
    reward: jsonb('reward').$type<FissionReward>().notNull(),
    budget: integer('budget'),
    /** Rewards given or held (a held reward keeps its place in the budget until rejected). */
    grantedCount: integer('granted_count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.tierIndex] })],
);

/** A member taking part as an inviter: their personal invite code, valid invites so far, hold and pacing. */
export const fissionInviters = pgTable(
  'fission_inviters',
  {
    tenantId: tenantId(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    channelCodeId: uuid('channel_code_id').references(() => channelCodes.id, { onDelete: 'set null' }),
    validCount: integer('valid_count').notNull().default(0),
    /** Set when the inviter brought more than K invitees within an hour: their rewards wait for staff. */
    isOnHold: boolean('is_on_hold').notNull().default(false),
    progressSentAt: timestamp('progress_sent_at', { withTimezone: true }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.memberId] }),
    uniqueIndex('fission_inviters_code').on(t.channelCodeId),
    index('fission_inviters_rank').on(t.campaignId, t.validCount),
  ],
);

export type FissionInviteStatus = 'pending' | 'valid' | 'void';
export type FissionVoidReason = 'self' | 'known' | 'duplicate' | 'left' | 'campaign_over';

/** One arrival through an inviter's link; counts once the invitee stayed the campaign's stay window. */
export const fissionInvites = pgTable(
  'fission_invites',
  {
    id: id(),
    tenantId: tenantId(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    inviterMemberId: uuid('inviter_member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    inviteeMemberId: uuid('invitee_member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'set null' }),
    /** The arrival's inbound event: a redelivered or re-run event records nothing new. */
    inboundEventId: bigint('inbound_event_id', { mode: 'number' }).notNull(),
    status: text('status').$type<FissionInviteStatus>().notNull(),
    voidReason: text('void_reason').$type<FissionVoidReason>(),
    /** 1 for an invitee of a first-generation inviter; an invitee's own invitees are one deeper. */
    depth: integer('depth').notNull().default(1),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    /** The invitee left after the invite counted: kept (no clawback), but marked. */
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('fission_invites_event').on(t.campaignId, t.inboundEventId),
    // An invitee counts for one inviter per campaign; void attempts (self, duplicates) are kept beside it.
    uniqueIndex('fission_invites_invitee').on(t.campaignId, t.inviteeMemberId).where(sql`status <> 'void'`),
    index('fission_invites_due').on(t.status, t.dueAt),
    index('fission_invites_inviter').on(t.campaignId, t.inviterMemberId, t.invitedAt),
  ],
);

export type FissionRewardKind = 'tier' | 'invitee' | 'invite_points';
export type FissionRewardStatus = 'issued' | 'held' | 'rejected' | 'refused';

/** Every reward a campaign gave, held or refused: exactly one row per idempotency key. */
export const fissionRewards = pgTable(
  'fission_rewards',
  {
    id: id(),
    tenantId: tenantId(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<FissionRewardKind>().notNull(),
    tierIndex: integer('tier_index'),
    inviteId: uuid('invite_id').references(() => fissionInvites.id, { onDelete: 'set null' }),
    reward: jsonb('reward').$type<FissionReward>().notNull(),
    status: text('status').$type<FissionRewardStatus>().notNull(),
    /** `fission:<campaign>:<member>:tier:<n>`, `…:invitee`, `…:invite:<inviteId>`. */
    idempotencyKey: text('idempotency_key').notNull(),
    couponId: uuid('coupon_id'),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }),
    note: text('note'),
    decidedByStaffId: uuid('decided_by_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('fission_rewards_key').on(t.tenantId, t.idempotencyKey),
    index('fission_rewards_status').on(t.tenantId, t.campaignId, t.status),
  ],
);
