import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantId } from './columns.ts';
import { platformAccounts } from './platform.ts';

/**
 * Where the worker's pull of a polling account stands (Telegram getUpdates: the next offset). Written in the
 * transaction that stores the pulled events, so a crash in between pulls the same updates again.
 */
export const platformPollCursors = pgTable('platform_poll_cursors', {
  platformAccountId: uuid('platform_account_id')
    .primaryKey()
    .references(() => platformAccounts.id, { onDelete: 'cascade' }),
  tenantId: tenantId(),
  cursor: text('cursor'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
