import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { channelCodes } from './acquisition.ts';
import { createdAt, id, tenantId } from './columns.ts';
import { members } from './members.ts';
import { staff, stores } from './org.ts';

/**
 * Every campaign a brand runs, whatever its kind: the registry that analytics (funnel per campaign, attribution
 * of orders, ROI) reads. A feature keeps its own configuration in its own table keyed by the campaign's id
 * (fission: `fission_campaigns`); what all campaigns share lives here.
 */
export const campaignKinds = [
  'fission',
  'checkin',
  'lottery',
  'game',
  'flash_sale',
  'live',
  'red_packet',
  'custom',
] as const;
export type CampaignKind = (typeof campaignKinds)[number];
export type CampaignStatus = 'draft' | 'active' | 'ended';

/** The plan a campaign is judged against (plan against actual); every figure optional. */
export type CampaignPlan = {
  newMembers?: number;
  activeMembers?: number;
  orders?: number;
  revenueCents?: number;
  costCents?: number;
};

export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    tenantId: tenantId(),
    kind: text('kind').$type<CampaignKind>().notNull(),
    name: text('name').notNull(),
    status: text('status').$type<CampaignStatus>().notNull().default('draft'),
    /** A store's own campaign; null: brand-wide. */
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    plan: jsonb('plan').$type<CampaignPlan>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('campaigns_tenant_starts').on(t.tenantId, t.startsAt)],
);

export type CampaignRole = 'participant' | 'inviter' | 'invitee';

/**
 * Who took part in a campaign and when (an inviter who got a link, an invitee who arrived through one, a member
 * who played). Orders are attributed to the campaigns their member joined within the attribution window.
 */
export const campaignParticipants = pgTable(
  'campaign_participants',
  {
    tenantId: tenantId(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    role: text('role').$type<CampaignRole>().notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.memberId] }),
    index('campaign_participants_member').on(t.tenantId, t.memberId, t.joinedAt),
  ],
);

export const campaignCostKinds = [
  'gift',
  'coupon',
  'red_packet',
  'points',
  'staff_hours',
  'ad_spend',
  'other',
] as const;
export type CampaignCostKind = (typeof campaignCostKinds)[number];

/**
 * Costs entered by hand (staff hours, ad spend per channel code, red packets paid out, gifts bought outside
 * Orchard). Costs Orchard knows itself (coupons redeemed at their cost, points at the brand's point value) are
 * derived from the loyalty tables, which carry the campaign's id, and are not entered here.
 */
export const campaignCosts = pgTable(
  'campaign_costs',
  {
    id: id(),
    tenantId: tenantId(),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    channelCodeId: uuid('channel_code_id').references(() => channelCodes.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<CampaignCostKind>().notNull(),
    /** The cost in cents (for staff hours: hours × the hourly rate given). */
    amountCents: integer('amount_cents').notNull(),
    /** Hours for staff_hours, pieces for gifts; informative. */
    quantity: numeric('quantity', { precision: 12, scale: 2 }),
    note: text('note'),
    incurredOn: date('incurred_on').notNull(),
    enteredByStaffId: uuid('entered_by_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('campaign_costs_campaign').on(t.tenantId, t.campaignId),
    index('campaign_costs_code').on(t.tenantId, t.channelCodeId),
  ],
);
