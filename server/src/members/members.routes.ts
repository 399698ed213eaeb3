import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { createRouter } from '../http/app.ts';
import { limitSchema, pageSchema, uuidCursorSchema } from '../http/pagination.ts';
import { getMember, listMembers } from './members.store.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['members'] };

export const memberSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    phone: z.string().nullable(),
    storeId: z.uuid().nullable(),
    ownerStaffId: z.uuid().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string().nullable(),
  })
  .openapi('Member');

const memberDetailSchema = memberSchema
  .extend({
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
  })
  .openapi('MemberDetail');

const listMembersRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/members',
  operationId: 'listMembers',
  summary: 'Members the caller may see, newest first',
  request: {
    query: z.object({
      limit: limitSchema,
      cursor: uuidCursorSchema,
      storeId: z.uuid().optional(),
      q: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: 'Name contains (case-insensitive)' }),
    }),
  },
  responses: { 200: jsonResponse('A page of members', pageSchema(memberSchema)) },
});

const getMemberRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/members/{id}',
  operationId: 'getMember',
  request: { params: idParams },
  responses: { 200: jsonResponse('The member with their platform identities', memberDetailSchema) },
});

export const membersRouter = createRouter()
  .openapi(listMembersRoute, async (c) => {
    const { tenantId, scope } = c.var.auth;
    return c.json(await listMembers(c.var.deps.db, { tenantId, scope, ...c.req.valid('query') }), 200);
  })
  .openapi(getMemberRoute, async (c) => {
    const { tenantId, scope } = c.var.auth;
    return c.json(await getMember(c.var.deps.db, { tenantId, scope, id: c.req.valid('param').id }), 200);
  });
