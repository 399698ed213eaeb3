import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns.ts';
import { members } from './members.ts';
import { staff, stores } from './org.ts';

/** Brand-wide tag groups and tags, with colours and order (WeCom corp tags map onto these). */
export const tagGroups = pgTable(
  'tag_groups',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    color: text('color'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tag_groups_tenant_name').on(t.tenantId, t.name)],
);

export const tags = pgTable(
  'tags',
  {
    id: id(),
    tenantId: tenantId(),
    groupId: uuid('group_id').references(() => tagGroups.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    color: text('color'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [unique('tags_tenant_group_name').on(t.tenantId, t.groupId, t.name).nullsNotDistinct()],
);

export const memberTags = pgTable(
  'member_tags',
  {
    tenantId: tenantId(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    /** What applied it: a channel code, a keyword rule, a staff member, an import… */
    source: text('source').notNull().default('manual'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.tagId] }), index('member_tags_tag').on(t.tagId, t.memberId)],
);

/**
 * The member's timeline and the event log analytics read: everything that happened to a member
 * (joined via a code, left a group, tagged, rewarded, ordered…), append-only.
 */
export const memberEvents = pgTable(
  'member_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantId(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    communityId: uuid('community_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** The inbound event that caused it. */
    sourceEventId: bigint('source_event_id', { mode: 'number' }),
    /** Unique per brand when set (derived from the cause), so processing an event again records it once. */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
  },
  (t) => [
    index('member_events_member').on(t.memberId, t.occurredAt),
    index('member_events_tenant_type_time').on(t.tenantId, t.type, t.occurredAt),
    // The funnel's valid invites by index only (fission's data is three ids: campaign, invite, inviter).
    index('member_events_invites')
      .on(t.tenantId, t.occurredAt, t.memberId, t.data)
      .where(sql`type = 'fission.invite_valid'`),
    uniqueIndex('member_events_dedupe').on(t.tenantId, t.dedupeKey).where(sql`dedupe_key is not null`),
  ],
);

export type StaffTaskKind = 'create_group' | 'moderation_alert' | 'churn_alert' | 'send_message' | 'other';

/**
 * Work for a person: where a platform needs a human (create a group, press send) or something needs attention
 * (a moderation alert with its evidence, a churned customer). Addressed to a staff member or to a store.
 */
export const staffTasks = pgTable(
  'staff_tasks',
  {
    id: id(),
    tenantId: tenantId(),
    staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'set null' }),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    kind: text('kind').$type<StaffTaskKind>().notNull(),
    title: text('title').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<'open' | 'done' | 'dismissed'>().notNull().default('open'),
    /** Makes creating the same task twice (an event processed again) a no-op. */
    dedupeKey: text('dedupe_key'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('staff_tasks_open').on(t.tenantId, t.status, t.createdAt),
    uniqueIndex('staff_tasks_dedupe').on(t.tenantId, t.dedupeKey),
  ],
);
