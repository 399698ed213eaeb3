import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { attributeTypes, memberStages } from '../db/schema/index.ts';
import { createRouter } from '../http/app.ts';
import { limitSchema, pageSchema, uuidCursorSchema } from '../http/pagination.ts';
import { defineMemberAttribute, listMemberAttributes } from './attributes.store.ts';
import { memberFilterQuery, toMemberFilter } from './members.schemas.ts';
import { getMember, listMembers } from './members.store.ts';
import { getMemberTimeline } from './timeline.store.ts';
import { updateMember } from './update-member.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['members'] };

export const memberSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    phone: z.string().nullable(),
    storeId: z.uuid().nullable(),
    ownerStaffId: z.uuid().nullable(),
    stage: z.enum(memberStages),
    externalRef: z.string().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string().nullable(),
  })
  .openapi('Member');

const memberDetailSchema = memberSchema
  .extend({
    description: z.string().nullable(),
    identities: z.array(
      z.object({
        id: z.uuid(),
        platformAccountId: z.uuid(),
        platform: z.string(),
        externalId: z.string(),
        displayName: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    tags: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        groupId: z.uuid().nullable(),
        color: z.string().nullable(),
      }),
    ),
    attributes: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .openapi('MemberDetail');

const attributeSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.string(),
    type: z.enum(attributeTypes),
    options: z.array(z.string()),
    sortOrder: z.number(),
  })
  .openapi('MemberAttribute');

const listMembersRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/members',
  operationId: 'listMembers',
  summary: 'Members the caller may see, newest first, filtered by tags, store, stage, joined date and name',
  request: { query: memberFilterQuery.extend({ limit: limitSchema, cursor: uuidCursorSchema }) },
  responses: { 200: jsonResponse('A page of members', pageSchema(memberSchema)) },
});

const getMemberRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/members/{id}',
  operationId: 'getMember',
  request: { params: idParams },
  responses: {
    200: jsonResponse('The member with identities, tags, attributes and stage', memberDetailSchema),
  },
});

const updateMemberRoute = createRoute({
  ...authed,
  method: 'patch',
  path: '/members/{id}',
  operationId: 'updateMember',
  request: {
    params: idParams,
    body: jsonBody(
      z.object({
        name: z.string().trim().min(1).max(100).optional(),
        description: z.string().max(5_000).nullable().optional(),
        phone: z
          .string()
          .trim()
          .regex(/^\+?[0-9][0-9 ()-]{3,24}$/, 'expected a phone number')
          .nullable()
          .optional(),
        storeId: z.uuid().nullable().optional(),
        ownerStaffId: z.uuid().nullable().optional(),
        attributes: z
          .record(z.string(), z.unknown())
          .optional()
          .openapi({ description: 'Values by attribute key, checked against the type; null clears one' }),
      }),
    ),
  },
  responses: { 200: jsonResponse('The updated member', memberDetailSchema) },
});

const timelineRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/members/{id}/timeline',
  operationId: 'getMemberTimeline',
  summary: 'Everything that happened to the member, newest first',
  request: {
    params: idParams,
    query: z.object({
      limit: limitSchema,
      cursor: z
        .string()
        .regex(/^\d{1,18}$/, 'expected nextCursor of the previous page')
        .optional(),
    }),
  },
  responses: {
    200: jsonResponse(
      'A page of timeline entries',
      pageSchema(
        z.object({
          id: z.string(),
          type: z.string(),
          occurredAt: z.string(),
          communityId: z.uuid().nullable(),
          data: z.record(z.string(), z.unknown()),
        }),
      ),
    ),
  },
});

const defineAttributeRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/member-attributes',
  operationId: 'defineMemberAttribute',
  request: {
    body: jsonBody(
      z.object({
        key: z.string().regex(/^[a-z][a-z0-9_]{0,49}$/, 'expected lower-case letters, digits and _'),
        label: z.string().trim().min(1).max(100),
        type: z.enum(attributeTypes),
        options: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
        sortOrder: z.number().int().min(0).optional(),
      }),
    ),
  },
  responses: { 201: jsonResponse('Created', attributeSchema) },
});

const listAttributesRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/member-attributes',
  operationId: 'listMemberAttributes',
  responses: {
    200: jsonResponse('The brand custom member attributes', z.object({ items: z.array(attributeSchema) })),
  },
});

export const membersRouter = createRouter()
  .openapi(listMembersRoute, async (c) => {
    const { tenantId, scope } = c.var.auth;
    const { limit, cursor, ...query } = c.req.valid('query');
    return c.json(
      await listMembers(c.var.deps.db, { tenantId, scope, limit, cursor, ...toMemberFilter(query) }),
      200,
    );
  })
  .openapi(getMemberRoute, async (c) => {
    const { tenantId, scope } = c.var.auth;
    return c.json(await getMember(c.var.deps.db, { tenantId, scope, id: c.req.valid('param').id }), 200);
  })
  .openapi(updateMemberRoute, async (c) => {
    const { tenantId, scope } = c.var.auth;
    const { deps } = c.var;
    const input = {
      tenantId,
      scope,
      id: c.req.valid('param').id,
      patch: c.req.valid('json'),
      now: deps.now(),
    };
    return c.json(await updateMember(deps.db, input), 200);
  })
  .openapi(timelineRoute, async (c) => {
    const { tenantId, scope } = c.var.auth;
    const input = { tenantId, scope, id: c.req.valid('param').id, ...c.req.valid('query') };
    return c.json(await getMemberTimeline(c.var.deps.db, input), 200);
  })
  .openapi(defineAttributeRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const input = { tenantId: c.var.auth.tenantId, ...c.req.valid('json') };
    return c.json(await defineMemberAttribute(c.var.deps.db, input), 201);
  })
  .openapi(listAttributesRoute, async (c) =>
    c.json({ items: await listMemberAttributes(c.var.deps.db, c.var.auth.tenantId) }, 200),
  );
