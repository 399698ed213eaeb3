import { integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns.ts';
import { members } from './members.ts';

export const attributeTypes = ['text', 'number', 'date', 'choice'] as const;
export type AttributeType = (typeof attributeTypes)[number];

/** A brand's custom member field (e.g. "baby's birthday", "skin type"), typed so values can be checked. */
export const memberAttributeDefs = pgTable(
  'member_attribute_defs',
  {
    id: id(),
    tenantId: tenantId(),
    /** Stable machine name used in the API and CSV (`baby_birthday`). */
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type').$type<AttributeType>().notNull(),
    /** The allowed values of a `choice` attribute, in display order. */
    options: jsonb('options').$type<string[]>().notNull().default([]),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('member_attribute_defs_tenant_key').on(t.tenantId, t.key)],
);

/** One member's value of one attribute, already validated against its type (number, ISO date, text, option). */
export const memberAttributeValues = pgTable(
  'member_attribute_values',
  {
    tenantId: tenantId(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    attributeId: uuid('attribute_id')
      .notNull()
      .references(() => memberAttributeDefs.id, { onDelete: 'cascade' }),
    value: jsonb('value').$type<string | number>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.attributeId] })],
);
