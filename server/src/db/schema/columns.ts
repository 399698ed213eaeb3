import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants.ts';

/** Every tenant-owned table starts with these: its id and the brand it belongs to (the future sharding key). */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });
/**
 * The brand column without its foreign key, for the hot append-only tables (inbound events, outbound
 * messages, sandbox messages) whose rows already belong to a parent that belongs to the brand (a platform
 * account, a sandbox group) and go with it: each foreign key is a lookup and a row lock per inserted row
 * (~3.7 µs of PostgreSQL per key on these machines, BENCHMARKS.md), and these tables take several rows
 * per event. Every query still filters on it.
 */
export const tenantIdUnchecked = () => uuid('tenant_id').notNull();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
