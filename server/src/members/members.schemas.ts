import { z } from '@hono/zod-openapi';
import { memberStages } from '../db/schema/index.ts';
import type { MemberFilter } from './member-filter.ts';

/** A day (`2025-11-01`, midnight UTC) or an instant with its offset. */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const q = z.string().trim().min(1).max(100).openapi({ description: 'Name contains (case-insensitive)' });

const filterFields = {
  storeId: z.uuid().optional(),
  stage: z.enum(memberStages).optional(),
  joinedFrom: instant.optional().openapi({ description: 'Joined at or after' }),
  joinedTo: instant.optional().openapi({ description: 'Joined before' }),
  q: q.optional(),
  channelCodeId: z.uuid().optional().openapi({ description: 'Members attributed to this channel code' }),
  touch: z.enum(['first', 'last', 'any']).optional().openapi({
    description: 'With channelCodeId: first-touch, last-touch or either attribution (default any)',
  }),
};

const tagList = z.array(z.uuid()).min(1).max(50);

/** The filter as JSON (bulk tagging). */
export const memberFilterInput = z
  .object({
    ...filterFields,
    tags: z.object({ all: tagList.optional(), any: tagList.optional(), none: tagList.optional() }).optional(),
  })
  .openapi('MemberFilter');

const uuidPattern = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const tagIdsParam = (description: string) =>
  z
    .string()
    .regex(new RegExp(`^${uuidPattern}(,${uuidPattern}){0,49}$`), 'expected up to 50 comma-separated tag ids')
    .optional()
    .openapi({ description });

/** The filter as query parameters (list and export): tag ids comma-separated. */
export const memberFilterQuery = z.object({
  ...filterFields,
  tagsAll: tagIdsParam('Members with every one of these tags'),
  tagsAny: tagIdsParam('Members with at least one of these tags'),
  tagsNone: tagIdsParam('Members with none of these tags'),
});

const dateOf = (value: string | undefined) =>
  value === undefined ? undefined : new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
const idsOf = (value: string | undefined) =>
  value ? value.split(',').map((id) => id.toLowerCase()) : undefined;

type FilterFields = {
  storeId?: string;
  stage?: MemberFilter['stage'];
  joinedFrom?: string;
  joinedTo?: string;
  q?: string;
  channelCodeId?: string;
  touch?: 'first' | 'last' | 'any';
};

export const toMemberFilter = (
  input: FilterFields & {
    tags?: MemberFilter['tags'];
    tagsAll?: string;
    tagsAny?: string;
    tagsNone?: string;
  },
): MemberFilter => ({
  storeId: input.storeId,
  stage: input.stage,
  joinedFrom: dateOf(input.joinedFrom),
  joinedTo: dateOf(input.joinedTo),
  q: input.q,
  channelCode: input.channelCodeId ? { id: input.channelCodeId, touch: input.touch ?? 'any' } : undefined,
  tags: input.tags ?? { all: idsOf(input.tagsAll), any: idsOf(input.tagsAny), none: idsOf(input.tagsNone) },
});
