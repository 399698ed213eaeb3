import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MessageContent } from '../../platforms/platform.ts';
import { createdAt, id, tenantId } from './columns.ts';
import { stores } from './org.ts';

export const keywordMatchModes = ['exact', 'contains', 'starts_with', 'regex'] as const;
export type KeywordMatchMode = (typeof keywordMatchModes)[number];
export const keywordScopeKinds = ['all', 'series', 'store', 'community', 'private'] as const;
export type KeywordScopeKind = (typeof keywordScopeKinds)[number];

/** Keyword auto-reply rules: when a message matches, the bot answers in the same chat and may tag the member. */
export const keywordRules = pgTable(
  'keyword_rules',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    matchMode: text('match_mode').$type<KeywordMatchMode>().notNull(),
    pattern: text('pattern').notNull(),
    scopeKind: text('scope_kind').$type<KeywordScopeKind>().notNull(),
    /** The series, store or community the scope names; null for 'all' and 'private'. */
    scopeId: text('scope_id'),
    /** The store the rule belongs to (store scope, or the community's store), for store managers' scope. */
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'cascade' }),
    reply: jsonb('reply').$type<MessageContent>().notNull(),
    tagNames: jsonb('tag_names').$type<string[]>().notNull().default([]),
    cooldownSeconds: integer('cooldown_seconds').notNull().default(0),
    priority: integer('priority').notNull().default(0),
    isEnabled: boolean('is_enabled').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('keyword_rules_tenant').on(t.tenantId, t.priority).where(sql`is_enabled`)],
);

/** When a rule last answered in a chat; the cooldown is decided by one conditional upsert on this row. */
export const keywordCooldowns = pgTable(
  'keyword_cooldowns',
  {
    tenantId: tenantId(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => keywordRules.id, { onDelete: 'cascade' }),
    /** `g:<platform account>:<group external id>` or `p:<platform account>:<member external id>`. */
    chatKey: text('chat_key').notNull(),
    lastRepliedAt: timestamp('last_replied_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.chatKey] })],
);
