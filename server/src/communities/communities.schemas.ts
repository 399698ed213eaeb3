import { z } from '@hono/zod-openapi';
import { communityTypes, demandPatterns, rosterRoles, seriesNumberings } from '../db/schema/index.ts';
import { limitSchema, uuidCursorSchema } from '../http/pagination.ts';

const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const rosterEntrySchema = z
  .object({ staffId: z.uuid(), role: z.enum(rosterRoles) })
  .openapi('CommunityRosterEntry');

const positioning = {
  type: z.enum(communityTypes).nullable().optional(),
  demandPattern: z.enum(demandPatterns).nullable().optional(),
  targetPersona: text(500),
  goal: text(500),
  rules: text(5000),
  announcement: text(5000),
};
const name = z.string().trim().min(1).max(100);
const capacity = z.number().int().min(2).max(100_000);

export const createCommunityInput = z
  .object({
    platformAccountId: z.uuid(),
    storeId: z.uuid().nullable().optional(),
    name,
    capacity: capacity.optional(),
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'An existing group on the platform; without it the platform creates one' }),
    roster: z.array(rosterEntrySchema).max(50).optional(),
    ...positioning,
  })
  .openapi('CreateCommunityInput');

export const updateCommunityInput = z
  .object({
    name: name.optional(),
    storeId: z.uuid().nullable().optional(),
    capacity: capacity.optional(),
    ...positioning,
  })
  .openapi('UpdateCommunityInput');

export const rosterInput = z
  .object({ roster: z.array(rosterEntrySchema).max(50) })
  .openapi('CommunityRosterInput');

export const createSeriesInput = z
  .object({
    platformAccountId: z.uuid(),
    storeId: z.uuid().nullable().optional(),
    nameTemplate: name.openapi({ example: 'Beauty Institute' }),
    numbering: z.enum(seriesNumberings).default('letter'),
    capacity: capacity.optional(),
    roster: z.array(rosterEntrySchema).max(50).optional(),
    ...positioning,
  })
  .openapi('CreateCommunitySeriesInput');

export const communitySchema = z
  .object({
    id: z.uuid(),
    storeId: z.uuid().nullable(),
    platformAccountId: z.uuid(),
    externalId: z.string(),
    name: z.string(),
    capacity: z.number(),
    status: z.enum(['active', 'dismissed']),
    type: z.enum(communityTypes).nullable(),
    demandPattern: z.enum(demandPatterns).nullable(),
    targetPersona: z.string().nullable(),
    goal: z.string().nullable(),
    rules: z.string().nullable(),
    announcement: z.string().nullable(),
    seriesId: z.uuid().nullable(),
    seriesIndex: z.number().nullable(),
    memberCount: z.number(),
    leftCount: z.number().openapi({ description: 'Departures seen: the churn count of the group' }),
    hasRoom: z.boolean(),
    dismissedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Community');

export const communityDetailSchema = communitySchema
  .extend({ roster: z.array(rosterEntrySchema) })
  .openapi('CommunityDetail');

export const seriesSchema = z
  .object({
    id: z.uuid(),
    storeId: z.uuid().nullable(),
    platformAccountId: z.uuid(),
    nameTemplate: z.string(),
    numbering: z.enum(seriesNumberings),
    capacity: z.number(),
    type: z.enum(communityTypes).nullable(),
    demandPattern: z.enum(demandPatterns).nullable(),
    targetPersona: z.string().nullable(),
    goal: z.string().nullable(),
    rules: z.string().nullable(),
    announcement: z.string().nullable(),
    roster: z.array(rosterEntrySchema),
    pendingIndex: z.number().nullable().openapi({ description: 'The next group, waiting to be opened' }),
    createdAt: z.string(),
  })
  .openapi('CommunitySeries');

export const seriesDetailSchema = seriesSchema
  .extend({ groups: z.array(communitySchema) })
  .openapi('CommunitySeriesDetail');

export const listCommunitiesQuery = z.object({
  limit: limitSchema,
  cursor: uuidCursorSchema,
  storeId: z.uuid().optional(),
  seriesId: z.uuid().optional(),
  status: z.enum(['active', 'dismissed']).optional(),
});

export const listSeriesQuery = z.object({
  limit: limitSchema,
  cursor: uuidCursorSchema,
  storeId: z.uuid().optional(),
});
