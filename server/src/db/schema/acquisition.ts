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
import type { MessageContent } from '../../platforms/platform.ts';
import { createdAt, id, tenantId } from './columns.ts';
import { communitySeries } from './communities.ts';
import { communities, members } from './members.ts';
import { staff, stores } from './org.ts';
import { platformAccounts } from './platform.ts';

export const channelSources = [
  'flyer',
  'store_poster',
  'payment_page',
  'official_account_menu',
  'app_page',
  'moments_ad',
  'partner_merchant',
  'custom',
] as const;
export type ChannelSource = (typeof channelSources)[number];

export const assignmentStrategies = ['round_robin', 'random', 'least_loaded', 'schedule'] as const;
export type AssignmentStrategy = (typeof assignmentStrategies)[number];

/** A schedule window: on these ISO weekdays (1 = Monday), from `from` to `to` (local "HH:MM"), these staff. */
export type ScheduleWindow = { weekdays: number[]; from: string; to: string; staffIds: string[] };

/** A partner merchant of a community alliance: partner codes attribute the members they bring to it. */
export const partners = pgTable(
  'partners',
  {
    id: id(),
    tenantId: tenantId(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    contact: text('contact'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('partners_tenant_name').on(t.tenantId, t.name)],
);

/**
 * A channel code ("live code"): one attributable entry point, leading to staff (1:1) or to a community
 * series (group). Its public link and QR never change; the platform link behind them is chosen per scan.
 */
export const channelCodes = pgTable(
  'channel_codes',
  {
    id: id(),
    tenantId: tenantId(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    source: text('source').$type<ChannelSource>().notNull(),
    /** What made it: 'channel' (an operator) or another feature ('invite': fission's personal codes). */
    purpose: text('purpose').notNull().default('channel'),
    referrerMemberId: uuid('referrer_member_id').references(() => members.id, { onDelete: 'set null' }),
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'restrict' }),
    /** The public link's path token (`/c/<token>`). */
    token: text('token').notNull(),
    /** The attribution state platform links carry (`c_<base36>`, within WeCom's 30 characters). */
    state: text('state').notNull(),
    targetKind: text('target_kind').$type<'staff' | 'group'>().notNull(),
    strategy: text('strategy').$type<AssignmentStrategy>(),
    schedule: jsonb('schedule').$type<ScheduleWindow[]>().notNull().default([]),
    seriesId: uuid('series_id').references(() => communitySeries.id, { onDelete: 'restrict' }),
    tagNames: jsonb('tag_names').$type<string[]>().notNull().default([]),
    /** The welcome of members this code brings (1:1 for staff codes, the group welcome for group codes). */
    welcome: jsonb('welcome').$type<MessageContent>(),
    headline: text('headline'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    totalCap: integer('total_cap'),
    isArchived: boolean('is_archived').notNull().default(false),
    /** Round-robin position, advanced under the row lock at every choice. */
    rrCursor: integer('rr_cursor').notNull().default(0),
    scanCount: integer('scan_count').notNull().default(0),
    arrivalCount: integer('arrival_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('channel_codes_token').on(t.token),
    uniqueIndex('channel_codes_state').on(t.platformAccountId, t.state),
    index('channel_codes_tenant').on(t.tenantId, t.createdAt),
  ],
);

/** The staff a code assigns to, in order, each with an optional daily cap; backups take over when all are capped. */
export const channelCodeStaff = pgTable(
  'channel_code_staff',
  {
    tenantId: tenantId(),
    codeId: uuid('code_id')
      .notNull()
      .references(() => channelCodes.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    isBackup: boolean('is_backup').notNull().default(false),
    dailyCap: integer('daily_cap'),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.codeId, t.staffId] })],
);

/** Platform links made for a code, one per target (a staff account, a set of groups), made on first use. */
export const channelCodeLinks = pgTable(
  'channel_code_links',
  {
    id: id(),
    tenantId: tenantId(),
    codeId: uuid('code_id')
      .notNull()
      .references(() => channelCodes.id, { onDelete: 'cascade' }),
    targetKey: text('target_key').notNull(),
    externalId: text('external_id').notNull(),
    url: text('url').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('channel_code_links_target').on(t.codeId, t.targetKey)],
);

/**
 * Every opening of a code's public link, with the staff or group chosen for it. An unmatched scan holds a
 * place in its staff member's daily cap for a few minutes, until the member arrives (then it is matched).
 */
export const channelCodeScans = pgTable(
  'channel_code_scans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantId(),
    codeId: uuid('code_id')
      .notNull()
      .references(() => channelCodes.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'set null' }),
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'set null' }),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull(),
    memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
  },
  (t) => [index('channel_code_scans_code').on(t.codeId, t.scannedAt)],
);

/** A member arriving through a code (a new contact or a new group join): the base of stats and caps. */
export const channelCodeArrivals = pgTable(
  'channel_code_arrivals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantId(),
    codeId: uuid('code_id')
      .notNull()
      .references(() => channelCodes.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'contact' | 'group'>().notNull(),
    staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'set null' }),
    /** The staff account the member added (contact arrivals), to follow whether the contact lasts. */
    staffExternalId: text('staff_external_id'),
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'set null' }),
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    isNewMember: boolean('is_new_member').notNull(),
    isFirstTouch: boolean('is_first_touch').notNull(),
    isCodeOpen: boolean('is_code_open').notNull(),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
    inboundEventId: bigint('inbound_event_id', { mode: 'number' }),
  },
  (t) => [
    index('channel_code_arrivals_code').on(t.codeId, t.arrivedAt),
    index('channel_code_arrivals_staff').on(t.codeId, t.staffId, t.arrivedAt),
    index('channel_code_arrivals_partner').on(t.partnerId).where(sql`partner_id is not null`),
    uniqueIndex('channel_code_arrivals_event')
      .on(t.tenantId, t.inboundEventId)
      .where(sql`inbound_event_id is not null`),
  ],
);

/** First- and last-touch attribution: the first code that ever brought the member, and the latest. */
export const memberAttributions = pgTable(
  'member_attributions',
  {
    tenantId: tenantId(),
    memberId: uuid('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    firstCodeId: uuid('first_code_id').references(() => channelCodes.id, { onDelete: 'set null' }),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastCodeId: uuid('last_code_id').references(() => channelCodes.id, { onDelete: 'set null' }),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('member_attributions_first').on(t.tenantId, t.firstCodeId),
    index('member_attributions_last').on(t.tenantId, t.lastCodeId),
  ],
);

/**
 * Who has added which staff account: an add is counted (and welcomed) once, a delete ends it, a re-add after
 * a delete is a new add. Keyed by the platform's staff id, since a bot or an unbound account has no staff row.
 */
export const staffContacts = pgTable(
  'staff_contacts',
  {
    tenantId: tenantId(),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    staffExternalId: text('staff_external_id').notNull(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.platformAccountId, t.staffExternalId, t.memberId] }),
    index('staff_contacts_member').on(t.tenantId, t.memberId),
  ],
);
