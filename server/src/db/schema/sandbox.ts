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
import { createdAt, id, tenantId, tenantIdUnchecked } from './columns.ts';
import { platformAccounts } from './platform.ts';

/**
 * The sandbox platform's own storage: a complete chat platform inside Orchard's database.
 * Orchard's features never read these tables; only the sandbox adapter and simulator do.
 */
const accountId = () =>
  uuid('platform_account_id')
    .notNull()
    .references(() => platformAccounts.id, { onDelete: 'cascade' });

export const sandboxUsers = pgTable(
  'sandbox_users',
  {
    id: id(),
    tenantId: tenantId(),
    platformAccountId: accountId(),
    kind: text('kind').$type<'member' | 'staff'>().notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sandbox_users_account').on(t.platformAccountId, t.kind)],
);

export const sandboxGroups = pgTable('sandbox_groups', {
  id: id(),
  tenantId: tenantId(),
  platformAccountId: accountId(),
  name: text('name').notNull(),
  capacity: integer('capacity').notNull().default(500),
  ownerUserId: uuid('owner_user_id').references(() => sandboxUsers.id, { onDelete: 'set null' }),
  dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const sandboxGroupMembers = pgTable(
  'sandbox_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => sandboxGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => sandboxUsers.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    mutedUntil: timestamp('muted_until', { withTimezone: true }),
    isBanned: boolean('is_banned').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] })],
);

/** An entry link: leads to a staff account (contact) or into a group, and carries a state for attribution. */
export const sandboxLinks = pgTable(
  'sandbox_links',
  {
    id: id(),
    tenantId: tenantId(),
    platformAccountId: accountId(),
    token: text('token').notNull(),
    kind: text('kind').$type<'contact' | 'group'>().notNull(),
    state: text('state'),
    staffUserIds: uuid('staff_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    groupIds: uuid('group_ids').array().notNull().default(sql`'{}'::uuid[]`),
    autoCreateGroup: boolean('auto_create_group').notNull().default(false),
    groupNameTemplate: text('group_name_template'),
    openCount: integer('open_count').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sandbox_links_token').on(t.token)],
);

/** A member has added a staff account (a private chat exists between them). */
export const sandboxContacts = pgTable(
  'sandbox_contacts',
  {
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => sandboxUsers.id, { onDelete: 'cascade' }),
    memberUserId: uuid('member_user_id')
      .notNull()
      .references(() => sandboxUsers.id, { onDelete: 'cascade' }),
    state: text('state'),
    welcomeCode: text('welcome_code'),
    welcomeUsedAt: timestamp('welcome_used_at', { withTimezone: true }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.staffUserId, t.memberUserId] })],
);

export const sandboxMessages = pgTable(
  'sandbox_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // No foreign keys to the brand and account: every message belongs to a group or a member, whose own
    // keys cascade from the account (see tenantIdUnchecked).
    tenantId: tenantIdUnchecked(),
    platformAccountId: uuid('platform_account_id').notNull(),
    chatKind: text('chat_kind').$type<'group' | 'private'>().notNull(),
    groupId: uuid('group_id').references(() => sandboxGroups.id, { onDelete: 'cascade' }),
    /** For private chats: the member and the staff account the chat is between. */
    memberUserId: uuid('member_user_id').references(() => sandboxUsers.id, { onDelete: 'cascade' }),
    staffUserId: uuid('staff_user_id').references(() => sandboxUsers.id, { onDelete: 'cascade' }),
    senderKind: text('sender_kind').$type<'member' | 'staff' | 'bot' | 'system'>().notNull(),
    senderUserId: uuid('sender_user_id').references(() => sandboxUsers.id, { onDelete: 'set null' }),
    kind: text('kind').$type<'text' | 'dice' | 'welcome' | 'system'>().notNull(),
    text: text('text'),
    attachments: jsonb('attachments').$type<unknown[]>().notNull().default([]),
    diceValue: integer('dice_value'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // Partial: a group message has no member chat and a private one no group, so neither index holds the other's.
    index('sandbox_messages_group').on(t.groupId, t.id).where(sql`group_id is not null`),
    index('sandbox_messages_private').on(t.memberUserId, t.id).where(sql`member_user_id is not null`),
  ],
);
