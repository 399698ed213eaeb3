import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns.ts';
import { type CommunityType, communitySeries, type DemandPattern } from './communities.ts';
import { staff, stores } from './org.ts';
import { platformAccounts } from './platform.ts';

export const memberStages = ['new', 'active', 'silent', 'churned', 'core'] as const;
export type MemberStage = (typeof memberStages)[number];

/** One member per person per brand. */
export const members = pgTable(
  'members',
  {
    id: id(),
    tenantId: tenantId(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    ownerStaffId: uuid('owner_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    phone: text('phone'),
    /** Free text staff keep about the person. */
    description: text('description'),
    /** The integrator's id for the person (POS, e-commerce), unique per brand; CSV import matches on it. */
    externalRef: text('external_ref'),
    /** Lifecycle stage derived from behaviour (members/stage.ts), refreshed by a job. */
    stage: text('stage').$type<MemberStage>().notNull().default('new'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  (t) => [
    index('members_tenant_store').on(t.tenantId, t.storeId),
    // "Members a guide owns": least-loaded staff assignment and the guide's own customer list.
    index('members_tenant_owner').on(t.tenantId, t.ownerStaffId),
    // Keyset pagination of the members list (newest first) walks this index.
    index('members_tenant_created').on(t.tenantId, t.createdAt, t.id),
    uniqueIndex('members_tenant_external_ref')
      .on(t.tenantId, t.externalRef)
      .where(sql`external_ref is not null`),
  ],
);

/** A member's account on one platform account. */
export const memberIdentities = pgTable(
  'member_identities',
  {
    id: id(),
    tenantId: tenantId(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    displayName: text('display_name'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('member_identities_external').on(t.platformAccountId, t.externalId),
    index('member_identities_member').on(t.memberId),
  ],
);

/** A chat group on a platform. The acquisition issue adds positioning, series and roster. */
export const communities = pgTable(
  'communities',
  {
    id: id(),
    tenantId: tenantId(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull().default(500),
    status: text('status').$type<'active' | 'dismissed'>().notNull().default('active'),
    // Positioning and roll-over (communities/): the rest of the community's plan.
    type: text('type').$type<CommunityType>(),
    demandPattern: text('demand_pattern').$type<DemandPattern>(),
    targetPersona: text('target_persona'),
    goal: text('goal'),
    rules: text('rules'),
    announcement: text('announcement'),
    seriesId: uuid('series_id').references((): AnyPgColumn => communitySeries.id, { onDelete: 'set null' }),
    /** The group's place in its series: 1 is "A" (or "1"). */
    seriesIndex: integer('series_index'),
    /** Members in the group now, kept by the membership handler (one change per join or leave). */
    memberCount: integer('member_count').notNull().default(0),
    /** Departures seen (left, removed, dismissed): the group's churn count. */
    leftCount: integer('left_count').notNull().default(0),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('communities_external').on(t.platformAccountId, t.externalId),
    uniqueIndex('communities_series_index').on(t.seriesId, t.seriesIndex),
    index('communities_tenant_store').on(t.tenantId, t.storeId),
  ],
);
