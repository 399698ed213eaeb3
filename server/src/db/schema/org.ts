import {
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns.ts';

export const roleNames = ['owner', 'operator', 'store_manager', 'guide'] as const;
export type RoleName = (typeof roleNames)[number];

export const regions = pgTable(
  'regions',
  { id: id(), tenantId: tenantId(), name: text('name').notNull(), createdAt: createdAt() },
  (t) => [uniqueIndex('regions_tenant_name').on(t.tenantId, t.name)],
);

export const stores = pgTable(
  'stores',
  {
    id: id(),
    tenantId: tenantId(),
    regionId: uuid('region_id').references(() => regions.id, { onDelete: 'set null' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('stores_tenant_code').on(t.tenantId, t.code)],
);

export const staff = pgTable(
  'staff',
  {
    id: id(),
    tenantId: tenantId(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash'),
    isActive: boolean('is_active').notNull().default(true),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_email').on(t.email), index('staff_tenant_store').on(t.tenantId, t.storeId)],
);

/** A role granted to a staff member, brand-wide (store_id null) or for one store. */
export const staffRoles = pgTable(
  'staff_roles',
  {
    id: id(),
    tenantId: tenantId(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    role: text('role').$type<RoleName>().notNull(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [unique('staff_roles_unique').on(t.staffId, t.role, t.storeId).nullsNotDistinct()],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tenantId: tenantId(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_staff').on(t.staffId)],
);

/** Keys for integrations. Only a hash of the secret is kept; the prefix finds the row. */
export const apiKeys = pgTable('api_keys', {
  id: id(),
  tenantId: tenantId(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull().unique(),
  secretHash: text('secret_hash').notNull(),
  role: text('role').$type<RoleName>().notNull(),
  storeId: uuid('store_id').references(() => stores.id, { onDelete: 'cascade' }),
  createdBy: uuid('created_by').references(() => staff.id, { onDelete: 'set null' }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    tenantId: tenantId(),
    actorType: text('actor_type').$type<'staff' | 'api_key' | 'system'>().notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_tenant_time').on(t.tenantId, t.createdAt)],
);
