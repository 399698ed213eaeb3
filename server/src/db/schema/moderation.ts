import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns.ts';
import { members } from './members.ts';
import { platformAccounts } from './platform.ts';
import { tenants } from './tenants.ts';

/** A brand's moderation settings (checks, thresholds, whitelist, ladder); validated by moderation/settings.ts. */
export const moderationSettings = pgTable('moderation_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One offence: what was detected in which message and what Orchard did about it. A member's offence count is
 * the number of their rows in the window; unique per inbound event so processing again acts once.
 */
export const moderationIncidents = pgTable(
  'moderation_incidents',
  {
    id: id(),
    tenantId: tenantId(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    groupExternalId: text('group_external_id').notNull(),
    messageExternalId: text('message_external_id').notNull(),
    inboundEventId: bigint('inbound_event_id', { mode: 'number' }).notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    offenceNumber: bigint('offence_number', { mode: 'number' }).notNull(),
    /** What Orchard did (warn, delete, mute, remove, ban). */
    actions: jsonb('actions').$type<string[]>().notNull(),
    /** Actions the platform does not allow; staff were alerted to do them by hand. */
    alerted: jsonb('alerted').$type<string[]>().notNull().default([]),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('moderation_incidents_event').on(t.tenantId, t.inboundEventId),
    index('moderation_incidents_member').on(t.tenantId, t.memberId, t.occurredAt),
  ],
);

/** Recent group messages per member, for the flood check; rows older than the flood window are pruned. */
export const moderationRecentMessages = pgTable(
  'moderation_recent_messages',
  {
    tenantId: tenantId(),
    memberId: uuid('member_id').notNull(),
    chatKey: text('chat_key').notNull(),
    inboundEventId: bigint('inbound_event_id', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('moderation_recent_messages_event').on(t.tenantId, t.inboundEventId),
    index('moderation_recent_messages_member').on(t.tenantId, t.memberId, t.chatKey, t.occurredAt),
  ],
);
