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
  uuid,
} from 'drizzle-orm/pg-core';
import type { MessageContent } from '../../platforms/platform.ts';
import { channelCodes } from './acquisition.ts';
import { createdAt, id, tenantId } from './columns.ts';
import { communities, members } from './members.ts';

export const welcomeScopes = ['brand', 'series', 'community'] as const;
export type WelcomeScope = (typeof welcomeScopes)[number];

/**
 * Welcome messages at three levels: the brand default (scope 'brand', no scope id), a community series and
 * one community. A channel code's own welcome lives on the code. Null content means "not set here".
 */
export const welcomeMessages = pgTable(
  'welcome_messages',
  {
    id: id(),
    tenantId: tenantId(),
    scope: text('scope').$type<WelcomeScope>().notNull(),
    scopeId: uuid('scope_id'),
    /** Sent 1:1 when a member adds a staff account (brand level only: codes override it). */
    private: jsonb('private').$type<MessageContent>(),
    /** Posted in the group when members join (`%NICKNAME%` names them). */
    group: jsonb('group').$type<MessageContent>(),
    /** Joins within this many seconds share one group welcome (brand level). */
    groupBatchSeconds: integer('group_batch_seconds'),
    /** At most this many newcomers named in one group welcome (brand level). */
    groupBatchMaxNames: integer('group_batch_max_names'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('welcome_messages_scope').on(t.tenantId, t.scope, t.scopeId).nullsNotDistinct()],
);

/**
 * Newcomers waiting for their group welcome. The flush job names a batch of them in one message and deletes them
 * in the same transaction as the message's outbox row (keyed by the batch), so a re-run welcomes nobody twice.
 */
export const groupWelcomeQueue = pgTable(
  'group_welcome_queue',
  {
    tenantId: tenantId(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    name: text('name').notNull(),
    /** The join event: newcomers are named in the order they joined. */
    inboundEventId: bigint('inbound_event_id', { mode: 'number' }),
    /** The code that brought them while it was open: its own welcome applies. */
    channelCodeId: uuid('channel_code_id').references(() => channelCodes.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.memberId, t.joinedAt] }),
    index('group_welcome_queue_joined').on(t.tenantId, t.joinedAt),
  ],
);
