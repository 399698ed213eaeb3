import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns.ts';
import { platformAccounts } from './platform.ts';
import { tags } from './profiles.ts';

export const syncScopes = ['group', 'contact', 'tags', 'member_tags', 'contacts', 'groups'] as const;
export type SyncScope = (typeof syncScopes)[number];

/**
 * Something Orchard must read back from (or write to) a platform, recorded where the need arises (a
 * pipeline handler, an API call) and done by a job, since neither may wait on the network. One row per
 * (account, scope, key): asking again while it waits changes nothing but its reason.
 */
export const platformSyncRequests = pgTable(
  'platform_sync_requests',
  {
    id: id(),
    tenantId: tenantId(),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    scope: text('scope').$type<SyncScope>().notNull(),
    /** The group's or customer's platform id, the member's Orchard id (member_tags), or '' for the account. */
    key: text('key').notNull(),
    reason: text('reason'),
    status: text('status').$type<'pending' | 'done' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Bumped by every request: a run marks done only the version it started from. */
    version: integer('version').notNull().default(1),
    lastError: text('last_error'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('platform_sync_requests_key').on(t.platformAccountId, t.scope, t.key),
    index('platform_sync_requests_due').on(t.status, t.nextAttemptAt),
  ],
);

/** A platform's tag (a WeCom corp tag) and the Orchard tag it is. */
export const platformTags = pgTable(
  'platform_tags',
  {
    tenantId: tenantId(),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.platformAccountId, t.externalId] }),
    index('platform_tags_tag').on(t.tagId),
  ],
);
