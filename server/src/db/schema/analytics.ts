import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
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
import { createdAt, id, tenantId } from './columns.ts';
import { communities, members } from './members.ts';
import { staff, stores } from './org.ts';

export const orderSources = ['api', 'csv', 'webhook', 'platform'] as const;
export type OrderSource = (typeof orderSources)[number];

/**
 * An order from a POS or e-commerce system, unique per brand by the integrator's order id (sending it again is a
 * no-op), attributed when recorded: to its member, and through the member to the first- and last-touch channel
 * codes, the store, the guide who owns the member, the group they are in and the campaigns they joined within the
 * brand's attribution window. Refunds lower `refunded_cents`; revenue is amount − refunded.
 */
export const orders = pgTable(
  'orders',
  {
    id: id(),
    tenantId: tenantId(),
    externalId: text('external_id').notNull(),
    source: text('source').$type<OrderSource>().notNull(),
    memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'set null' }),
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'set null' }),
    firstCodeId: uuid('first_code_id').references(() => channelCodes.id, { onDelete: 'set null' }),
    lastCodeId: uuid('last_code_id').references(() => channelCodes.id, { onDelete: 'set null' }),
    campaignIds: uuid('campaign_ids').array().notNull().default(sql`'{}'::uuid[]`),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    refundedCents: bigint('refunded_cents', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull().default('CNY'),
    orderedAt: timestamp('ordered_at', { withTimezone: true }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('orders_external').on(t.tenantId, t.externalId),
    index('orders_tenant_time').on(t.tenantId, t.orderedAt),
    index('orders_member').on(t.memberId, t.orderedAt),
  ],
);

/** A full or partial refund, unique per order by the integrator's refund id. */
export const orderRefunds = pgTable(
  'order_refunds',
  {
    id: id(),
    tenantId: tenantId(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    refundedAt: timestamp('refunded_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('order_refunds_external').on(t.orderId, t.externalId),
    index('order_refunds_tenant_time').on(t.tenantId, t.refundedAt),
  ],
);

/**
 * The funnel's rollup: per member, what the event log says about their first weeks (activation within 7 days of
 * joining, retention in weeks 1, 2 and 4). Kept by the analytics job; a member's facts are final once their
 * fourth week has ended, and the funnel computes live any member whose facts are missing or not yet final.
 */
export const memberFunnelFacts = pgTable(
  'member_funnel_facts',
  {
    tenantId: tenantId(),
    memberId: uuid('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    isRetainedW1: boolean('is_retained_w1').notNull(),
    isRetainedW2: boolean('is_retained_w2').notNull(),
    isRetainedW4: boolean('is_retained_w4').notNull(),
    /** The clock of the computation: facts cover the event log up to here. */
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('member_funnel_facts_pending').on(t.tenantId, t.computedAt),
    // A period's facts in the order of members_tenant_created (tenant, created_at, id): the funnel merges the two.
    index('member_funnel_facts_joined').on(t.tenantId, t.joinedAt, t.memberId),
  ],
);

/**
 * The funnel's cohort rollup: per brand, local join day (in `funnel_cohort_rollups.timezone`) and member store, the
 * counts as of the rebuild (new, activated, due and retained in weeks 1, 2 and 4). It covers every day before
 * `funnel_cohort_rollups.covers_before` (days without members have no row); rebuilt by the analytics job after the
 * member facts, so a period reads ~30 rows per scope and only the undecided days member by member.
 */
export const funnelCohortDays = pgTable(
  'funnel_cohort_days',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    newMembers: integer('new_members').notNull(),
    activated: integer('activated').notNull(),
    dueW1: integer('due_w1').notNull(),
    retainedW1: integer('retained_w1').notNull(),
    dueW2: integer('due_w2').notNull(),
    retainedW2: integer('retained_w2').notNull(),
    dueW4: integer('due_w4').notNull(),
    retainedW4: integer('retained_w4').notNull(),
  },
  (t) => [index('funnel_cohort_days_day').on(t.tenantId, t.day)],
);

/** What `funnel_cohort_days` covers for a brand: local days before `covers_before`, cut in `timezone`. */
export const funnelCohortRollups = pgTable(
  'funnel_cohort_rollups',
  {
    tenantId: tenantId(),
    timezone: text('timezone').notNull(),
    coversBefore: date('covers_before', { mode: 'string' }).notNull(),
    /** The clock of the rebuild: the rows' counts are as of this instant. */
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);

/**
 * Group activity per member per local day (messages posted in this group): messages per day and active members of
 * a group read this rollup, not the raw events. `last_event_id` makes processing an event again count it once.
 */
export const communityActivityDays = pgTable(
  'community_activity_days',
  {
    tenantId: tenantId(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    messages: integer('messages').notNull().default(0),
    lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.day, t.memberId] }),
    index('community_activity_days_tenant').on(t.tenantId, t.day),
  ],
);
