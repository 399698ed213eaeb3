import {
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
import { createdAt, id, tenantId } from './columns.ts';
import { communities, members } from './members.ts';
import { staff, stores } from './org.ts';
import { platformAccounts } from './platform.ts';

export const communityTypes = ['welfare', 'sales', 'sharing', 'enablement'] as const;
export type CommunityType = (typeof communityTypes)[number];

export const demandPatterns = ['high_frequency_rigid', 'low_frequency_rigid', 'niche'] as const;
export type DemandPattern = (typeof demandPatterns)[number];

export const rosterRoles = ['owner', 'admin', 'welfare_officer', 'consultant', 'helper'] as const;
export type RosterRole = (typeof rosterRoles)[number];

export const seriesNumberings = ['letter', 'number'] as const;
export type SeriesNumbering = (typeof seriesNumberings)[number];

export type CommunityLeaveReason = 'left' | 'removed' | 'dismissed';

/**
 * A naming scheme for groups opened one after another ("Beauty Institute A, B, C…"): the template the next
 * group copies (store, positioning, capacity) and the group index waiting to be created by the rollover job.
 */
export const communitySeries = pgTable(
  'community_series',
  {
    id: id(),
    tenantId: tenantId(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    nameTemplate: text('name_template').notNull(),
    numbering: text('numbering').$type<SeriesNumbering>().notNull().default('letter'),
    capacity: integer('capacity').notNull().default(500),
    type: text('type').$type<CommunityType>(),
    demandPattern: text('demand_pattern').$type<DemandPattern>(),
    targetPersona: text('target_persona'),
    goal: text('goal'),
    rules: text('rules'),
    announcement: text('announcement'),
    /** The staff every group of the series gets (staff ids; not enforced as keys since it is a template). */
    roster: jsonb('roster').$type<{ staffId: string; role: RosterRole }[]>().notNull().default([]),
    /** Set when every group is full and the platform can open the next one; the rollover job clears it. */
    pendingIndex: integer('pending_index'),
    pendingSince: timestamp('pending_since', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('community_series_name').on(t.tenantId, t.platformAccountId, t.nameTemplate),
    index('community_series_pending').on(t.pendingIndex),
  ],
);

/** Staff with a part in a group: owner, admins, welfare officer, consultant, helper accounts. */
export const communityRoster = pgTable(
  'community_roster',
  {
    tenantId: tenantId(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    role: text('role').$type<RosterRole>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.staffId, t.role] })],
);

/** Who is (or was) in a group; one row per member and group, re-joins reuse it. */
export const communityMembers = pgTable(
  'community_members',
  {
    tenantId: tenantId(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** Null for a member seen leaving whose join Orchard never saw. */
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    via: text('via'),
    entryState: text('entry_state'),
    leftAt: timestamp('left_at', { withTimezone: true }),
    leftReason: text('left_reason').$type<CommunityLeaveReason>(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.memberId] }),
    index('community_members_member').on(t.tenantId, t.memberId),
  ],
);
