import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns.ts';
import { members } from './members.ts';
import { staff } from './org.ts';
import { platformAccounts } from './platform.ts';

export type MassSendStatus = 'planned' | 'awaiting_confirmation' | 'completed' | 'failed' | 'expired';
export type MassRecipientStatus =
  | 'planned'
  | 'pending'
  | 'sent'
  | 'not_contact'
  | 'over_quota'
  | 'failed'
  | 'expired';

/**
 * One mass message to many members (or groups) of one platform account. On a platform that needs a
 * person to press send (WeCom), it is one platform task confirmed by `senderExternalId`; elsewhere, one
 * outbound send per recipient. Tracked until every recipient has an outcome (mass-sends/).
 */
export const massSends = pgTable(
  'mass_sends',
  {
    id: id(),
    tenantId: tenantId(),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    recipientKind: text('recipient_kind').$type<'member' | 'group'>().notNull(),
    senderExternalId: text('sender_external_id'),
    /** The Orchard staff member behind the sender, who gets the task to confirm it. */
    staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'set null' }),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<MassSendStatus>().notNull().default('planned'),
    /** The platform's id of the task (WeCom msgid), once created. */
    taskExternalId: text('task_external_id'),
    /** Makes planning the same send twice (a retried request, a re-run job) a no-op. */
    dedupeKey: text('dedupe_key'),
    plannedAt: timestamp('planned_at', { withTimezone: true }).notNull(),
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('mass_sends_dedupe').on(t.tenantId, t.dedupeKey),
    index('mass_sends_tracking').on(t.nextCheckAt).where(sql`status in ('planned', 'awaiting_confirmation')`),
  ],
);

/**
 * Each recipient of a mass send. Rows that are planned, pending or sent count against the platform's
 * per-recipient quota (mass-sends/mass-quota.store.ts), so Orchard never plans a send the platform drops.
 */
export const massSendRecipients = pgTable(
  'mass_send_recipients',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantId(),
    massSendId: uuid('mass_send_id')
      .notNull()
      .references(() => massSends.id, { onDelete: 'cascade' }),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    recipientKind: text('recipient_kind').$type<'member' | 'group'>().notNull(),
    /** The member's identity (or the group's id) on the platform account. */
    recipientExternalId: text('recipient_external_id').notNull(),
    memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
    status: text('status').$type<MassRecipientStatus>().notNull().default('planned'),
    plannedAt: timestamp('planned_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mass_send_recipients_unique').on(t.massSendId, t.recipientExternalId),
    index('mass_send_recipients_quota').on(t.platformAccountId, t.recipientExternalId, t.plannedAt),
  ],
);
