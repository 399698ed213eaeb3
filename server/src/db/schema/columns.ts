import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants.ts';

/** Every tenant-owned table starts with these: its id and the brand it belongs to (the future sharding key). */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
