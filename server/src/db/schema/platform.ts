import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantIdUnchecked } from './columns.ts';
import { staff } from './org.ts';

export const platformKinds = ['sandbox', 'wecom', 'telegram'] as const;
export type PlatformKind = (typeof platformKinds)[number];

/** A connected platform account: a sandbox, a WeCom self-built app or a Telegram bot. */
export const platformAccounts = pgTable('platform_accounts', {
  id: id(),
  tenantId: tenantId(),
  platform: text('platform').$type<PlatformKind>().notNull(),
  name: text('name').notNull(),
  /** Non-secret settings (corp id, bot username, rate limits). */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  /** Secrets (app secret, bot token, webhook secret), encrypted at rest; never returned by the API. */
  secretsEncrypted: text('secrets_encrypted'),
  status: text('status').$type<'active' | 'disabled'>().notNull().default('active'),
  createdAt: createdAt(),
});

/** A staff member's account on a platform (a WeCom userid, a sandbox staff user). */
export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: id(),
    tenantId: tenantId(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    displayName: text('display_name'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_accounts_external').on(t.platformAccountId, t.externalId)],
);

export type InboundStatus = 'pending' | 'processed' | 'failed';

/** A platform event as received: stored before it is processed, unique per (account, external id). */
export const inboundEvents = pgTable(
  'inbound_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantIdUnchecked(),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<InboundStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('inbound_events_external').on(t.platformAccountId, t.externalId),
    // The processor claims pending events by id; indexing only pending ids keeps that O(batch) however
    // many processed events the table holds (next_attempt_at is checked on the few rows read).
    index('inbound_events_pending').on(t.id).where(sql`status = 'pending'`),
  ],
);

export type OutboundStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

/** An outbound action (message, welcome, moderation…) is a row with an idempotency key before it is a request. */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantIdUnchecked(),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    /** The kind of action; the payload's shape follows it (see outbox/outbox.ts). */
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<OutboundStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    externalId: text('external_id'),
    lastError: text('last_error'),
    sourceEventId: bigint('source_event_id', { mode: 'number' }),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbound_messages_idempotency').on(t.platformAccountId, t.idempotencyKey),
    index('outbound_messages_due')
      .on(t.platformAccountId, t.nextAttemptAt, t.id)
      .where(sql`status in ('pending', 'sending')`),
  ],
);
