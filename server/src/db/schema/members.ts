import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns.ts';
import { staff, stores } from './org.ts';
import { platformAccounts } from './platform.ts';

/** One member per person per brand. */
export const members = pgTable(
  'members',
  {
    id: id(),
    tenantId: tenantId(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    ownerStaffId: uuid('owner_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    phone: text('phone'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  (t) => [index('members_tenant_store').on(t.tenantId, t.storeId)],
);

/** A member's account on one platform account. */
export const memberIdentities = pgTable(
  'member_identities',
  {
    id: id(),
    tenantId: tenantId(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    displayName: text('display_name'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('member_identities_external').on(t.platformAccountId, t.externalId),
    index('member_identities_member').on(t.memberId),
  ],
);

/** A chat group on a platform. The acquisition issue adds positioning, series and roster. */
export const communities = pgTable(
  'communities',
  {
    id: id(),
    tenantId: tenantId(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    platformAccountId: uuid('platform_account_id')
      .notNull()
      .references(() => platformAccounts.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull().default(500),
    status: text('status').$type<'active' | 'dismissed'>().notNull().default('active'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('communities_external').on(t.platformAccountId, t.externalId)],
);
