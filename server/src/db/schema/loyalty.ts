import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
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
import { campaigns } from './campaigns.ts';
import { createdAt, id, tenantId } from './columns.ts';
import { members } from './members.ts';
import { staff, stores } from './org.ts';
import { platformAccounts } from './platform.ts';

/** A brand's loyalty rules (points, check-in, levels), validated by loyalty/settings/loyalty-settings.ts. */
export const loyaltySettings = pgTable('loyalty_settings', {
  tenantId: tenantId().primaryKey(),
  rules: jsonb('rules').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Member levels (Sprout, Blossom, Fruit…): reached by lifetime points or by spend, each with its benefits. */
export const loyaltyLevels = pgTable(
  'loyalty_levels',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** Higher is better; unique per brand. */
    rank: integer('rank').notNull(),
    /** Lifetime points, or lifetime spend in cents, depending on the brand's level basis. */
    threshold: bigint('threshold', { mode: 'number' }).notNull(),
    /** Earnings are multiplied by this percentage (100 = ×1). */
    pointsMultiplierPercent: integer('points_multiplier_percent').notNull().default(100),
    /** Issued to every member at this level once a month. */
    monthlyCouponTemplateId: uuid('monthly_coupon_template_id'),
    /** Members at this level may join member-only campaigns. */
    hasMemberOnlyAccess: boolean('has_member_only_access').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('loyalty_levels_rank').on(t.tenantId, t.rank)],
);

export const pointsEntryKinds = ['earn', 'spend', 'expire', 'adjust', 'reverse'] as const;
export type PointsEntryKind = (typeof pointsEntryKinds)[number];

/**
 * A member's running loyalty state. `balance` always equals the sum of the member's ledger entries: every ledger
 * insert updates this row in the same transaction, and spends update it with a guarded `balance >= n`, so the row
 * is also the lock that serializes one member's debits.
 */
export const pointsAccounts = pgTable(
  'points_accounts',
  {
    memberId: uuid('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    tenantId: tenantId(),
    balance: integer('balance').notNull().default(0),
    /** Points ever earned (earn and adjust entries, less reversed earnings): the lifetime-points level basis. */
    lifetimePoints: integer('lifetime_points').notNull().default(0),
    /** Order amounts ever recorded, in cents: the spend level basis. */
    spendCents: bigint('spend_cents', { mode: 'number' }).notNull().default(0),
    levelId: uuid('level_id').references(() => loyaltyLevels.id, { onDelete: 'set null' }),
    makeupCards: integer('makeup_cards').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('points_accounts_balance_non_negative', sql`${t.balance} >= 0`),
    check('points_accounts_cards_non_negative', sql`${t.makeupCards} >= 0`),
    index('points_accounts_tenant_level').on(t.tenantId, t.levelId),
  ],
);

/** The append-only points ledger: one row per change, each unique per brand by its idempotency key. */
export const pointsLedger = pgTable(
  'points_ledger',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantId(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<PointsEntryKind>().notNull(),
    /** Signed: credits positive, debits negative. */
    points: integer('points').notNull(),
    reason: text('reason').notNull(),
    /** What caused it: checkin, invite, game, order, manual, import, mall, makeup… */
    source: text('source').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** Credits only: when this lot expires (null: never). Debits consume the oldest lots first. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** The entry a 'reverse' entry undoes. */
    reversesId: bigint('reverses_id', { mode: 'number' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    actorStaffId: uuid('actor_staff_id'),
    sourceEventId: bigint('source_event_id', { mode: 'number' }),
    /** The campaign that gave these points (fission rewards…), for its ROI. */
    campaignId: uuid('campaign_id').references((): AnyPgColumn => campaigns.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('points_ledger_idempotency').on(t.tenantId, t.idempotencyKey),
    index('points_ledger_member').on(t.memberId, t.id),
    index('points_ledger_expiring')
      .on(t.tenantId, t.expiresAt)
      .where(sql`points > 0 and expires_at is not null`),
  ],
);

export const couponKinds = ['fixed', 'threshold', 'percent', 'gift'] as const;
export type CouponKind = (typeof couponKinds)[number];
export const couponSources = ['welcome', 'reward', 'campaign', 'staff', 'api', 'mall', 'level'] as const;
export type CouponSource = (typeof couponSources)[number];
export const couponStatuses = ['issued', 'redeemed', 'voided', 'expired'] as const;
export type CouponStatus = (typeof couponStatuses)[number];

/** What a coupon is worth and when it is valid; coupons are issued from it. */
export const couponTemplates = pgTable(
  'coupon_templates',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    kind: text('kind').$type<CouponKind>().notNull(),
    /** fixed and threshold: the amount off. */
    amountCents: integer('amount_cents'),
    /** threshold: the order amount it needs. */
    thresholdCents: integer('threshold_cents'),
    /** percent: 15 means 15 % off. */
    percentOff: integer('percent_off'),
    /** percent: the largest discount it gives. */
    maxDiscountCents: integer('max_discount_cents'),
    /** gift: the item handed over. */
    giftName: text('gift_name'),
    /** What one redeemed coupon costs the brand (ROI). */
    costCents: integer('cost_cents').notNull().default(0),
    validityKind: text('validity_kind').$type<'absolute' | 'relative'>().notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    validDays: integer('valid_days'),
    /** Null: unlimited. */
    totalStock: integer('total_stock'),
    issuedCount: integer('issued_count').notNull().default(0),
    perMemberLimit: integer('per_member_limit'),
    /** Stores it may be redeemed at; empty: every store. */
    storeIds: jsonb('store_ids').$type<string[]>().notNull().default([]),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('coupon_templates_tenant').on(t.tenantId, t.createdAt),
    check('coupon_templates_stock', sql`${t.totalStock} is null or ${t.issuedCount} <= ${t.totalStock}`),
  ],
);

/** One issued coupon, with the code a cashier types to redeem it. */
export const coupons = pgTable(
  'coupons',
  {
    id: id(),
    tenantId: tenantId(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => couponTemplates.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    status: text('status').$type<CouponStatus>().notNull().default('issued'),
    source: text('source').$type<CouponSource>().notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** The POS's id for the redemption request: the same request again gets the same answer. */
    redemptionRequestId: text('redemption_request_id'),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    redeemedStoreId: uuid('redeemed_store_id').references(() => stores.id, { onDelete: 'set null' }),
    orderAmountCents: integer('order_amount_cents'),
    discountCents: integer('discount_cents'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
    /** The campaign that issued it (a fission tier's gift…), for its ROI. */
    campaignId: uuid('campaign_id').references((): AnyPgColumn => campaigns.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('coupons_code').on(t.tenantId, t.code),
    uniqueIndex('coupons_idempotency').on(t.tenantId, t.idempotencyKey),
    uniqueIndex('coupons_redemption_request')
      .on(t.tenantId, t.redemptionRequestId)
      .where(sql`redemption_request_id is not null`),
    index('coupons_member').on(t.memberId, t.templateId),
    index('coupons_newest').on(t.tenantId, t.createdAt, t.id),
    index('coupons_expiring').on(t.tenantId, t.validUntil).where(sql`status = 'issued'`),
  ],
);

export const mallItemKinds = ['physical', 'coupon', 'virtual'] as const;
export type MallItemKind = (typeof mallItemKinds)[number];

/** Something members buy with points. */
export const mallItems = pgTable(
  'mall_items',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    description: text('description'),
    imageUrl: text('image_url'),
    kind: text('kind').$type<MallItemKind>().notNull(),
    pointsPrice: integer('points_price').notNull(),
    /** Null: unlimited. */
    stock: integer('stock'),
    redeemedCount: integer('redeemed_count').notNull().default(0),
    perMemberLimit: integer('per_member_limit'),
    /** Only members at this level or above may redeem it. */
    minLevelId: uuid('min_level_id').references(() => loyaltyLevels.id, { onDelete: 'set null' }),
    couponTemplateId: uuid('coupon_template_id').references(() => couponTemplates.id),
    /** physical: how members may receive it. */
    fulfilmentMethods: jsonb('fulfilment_methods').$type<FulfilmentMethod[]>().notNull().default([]),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('mall_items_tenant').on(t.tenantId, t.createdAt),
    check('mall_items_stock_non_negative', sql`${t.stock} is null or ${t.stock} >= 0`),
  ],
);

/** One member's purchase in the points mall. */
export const mallRedemptions = pgTable(
  'mall_redemptions',
  {
    id: id(),
    tenantId: tenantId(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => mallItems.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    points: integer('points').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }).notNull(),
    couponId: uuid('coupon_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('mall_redemptions_idempotency').on(t.tenantId, t.idempotencyKey),
    index('mall_redemptions_member').on(t.memberId, t.itemId),
  ],
);

export const fulfilmentMethods = ['pickup', 'shipping'] as const;
export type FulfilmentMethod = (typeof fulfilmentMethods)[number];

/** A physical mall item on its way to the member: picked up in a store or shipped. */
export const fulfilments = pgTable(
  'fulfilments',
  {
    id: id(),
    tenantId: tenantId(),
    redemptionId: uuid('redemption_id')
      .notNull()
      .unique()
      .references(() => mallRedemptions.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => mallItems.id, { onDelete: 'cascade' }),
    method: text('method').$type<FulfilmentMethod>().notNull(),
    /** pickup: the store the member collects at. */
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    /** shipping: where to send it. */
    address: text('address'),
    status: text('status').$type<'pending' | 'done'>().notNull().default('pending'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('fulfilments_open').on(t.tenantId, t.status, t.createdAt)],
);

export const checkinKinds = ['keyword', 'page', 'makeup'] as const;
export type CheckinKind = (typeof checkinKinds)[number];

/** One member's check-in on one calendar day of the brand (its timezone). */
export const checkins = pgTable(
  'checkins',
  {
    tenantId: tenantId(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').$type<CheckinKind>().notNull(),
    /** Consecutive days ending with this one (a make-up card may lengthen later rows' streaks). */
    streak: integer('streak').notNull(),
    points: integer('points').notNull(),
    communityId: uuid('community_id'),
    sourceEventId: bigint('source_event_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.day] })],
);

/**
 * The group acknowledgement of check-ins in one short window: the names gathered so far. Its outbound row is
 * upserted with the list as each check-in arrives and goes out when the window closes.
 */
export const checkinAcks = pgTable(
  'checkin_acks',
  {
    tenantId: tenantId(),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    groupExternalId: text('group_external_id').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    names: jsonb('names').$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.platformAccountId, t.groupExternalId, t.windowStart] })],
);
