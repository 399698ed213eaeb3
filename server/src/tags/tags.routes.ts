import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { createRouter } from '../http/app.ts';
import { memberFilterInput, toMemberFilter } from '../members/members.schemas.ts';
import { bulkTagMembers } from './bulk-tag-members.ts';
import { createTag, createTagGroup, deleteTag, listTags, updateTag } from './tags.store.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['tags'] };

const name = z.string().trim().min(1).max(50);
const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #1f9d55')
  .nullable()
  .optional();
const sortOrder = z.number().int().min(0).max(1_000_000).optional();

const tagSchema = z
  .object({
    id: z.uuid(),
    groupId: z.uuid().nullable(),
    name: z.string(),
    color: z.string().nullable(),
    sortOrder: z.number(),
  })
  .openapi('Tag');
const tagGroupSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    color: z.string().nullable(),
    sortOrder: z.number(),
    tags: z.array(tagSchema),
  })
  .openapi('TagGroup');

const createTagGroupRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/tag-groups',
  operationId: 'createTagGroup',
  request: { body: jsonBody(z.object({ name, color, sortOrder })) },
  responses: { 201: jsonResponse('Created', tagGroupSchema) },
});

const listTagsRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/tags',
  operationId: 'listTags',
  summary: 'Every tag of the brand: groups in order with their tags, then ungrouped tags',
  responses: {
    200: jsonResponse('Tags', z.object({ groups: z.array(tagGroupSchema), ungrouped: z.array(tagSchema) })),
  },
});

const createTagRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/tags',
  operationId: 'createTag',
  request: { body: jsonBody(z.object({ name, groupId: z.uuid().nullable().optional(), color, sortOrder })) },
  responses: { 201: jsonResponse('Created', tagSchema) },
});

const updateTagRoute = createRoute({
  ...authed,
  method: 'patch',
  path: '/tags/{id}',
  operationId: 'updateTag',
  request: {
    params: idParams,
    body: jsonBody(
      z.object({ name: name.optional(), groupId: z.uuid().nullable().optional(), color, sortOrder }),
    ),
  },
  responses: { 200: jsonResponse('Updated', tagSchema) },
});

const deleteTagRoute = createRoute({
  ...authed,
  method: 'delete',
  path: '/tags/{id}',
  operationId: 'deleteTag',
  summary: 'Delete a tag; it comes off every member',
  request: { params: idParams },
  responses: { 204: { description: 'Deleted' } },
});

const ids = z.array(z.uuid()).max(100);
const tagMembersRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/members/tags',
  operationId: 'tagMembers',
  summary: 'Add and remove tags on many members at once (listed ids or a filter), all or nothing',
  request: {
    body: jsonBody(
      z
        .object({
          memberIds: z.array(z.uuid()).min(1).max(10_000).optional(),
          filter: memberFilterInput.optional(),
          add: ids.default([]),
          remove: ids.default([]),
        })
        .refine((b) => (b.memberIds === undefined) !== (b.filter === undefined), {
          message: 'give either memberIds or filter',
          path: ['memberIds'],
        })
        .refine((b) => b.add.length + b.remove.length > 0, {
          message: 'nothing to add or remove',
          path: ['add'],
        }),
    ),
  },
  responses: {
    200: jsonResponse(
      'How many members were selected and how many tags were added and removed',
      z.object({ members: z.number(), added: z.number(), removed: z.number() }),
    ),
  },
});

export const tagsRouter = createRouter()
  .openapi(createTagGroupRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    return c.json(
      await createTagGroup(c.var.deps.db, { tenantId: c.var.auth.tenantId, ...c.req.valid('json') }),
      201,
    );
  })
  .openapi(listTagsRoute, async (c) => c.json(await listTags(c.var.deps.db, c.var.auth.tenantId), 200))
  .openapi(createTagRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    return c.json(
      await createTag(c.var.deps.db, { tenantId: c.var.auth.tenantId, ...c.req.valid('json') }),
      201,
    );
  })
  .openapi(updateTagRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const { tenantId } = c.var.auth;
    return c.json(
      await updateTag(c.var.deps.db, { tenantId, id: c.req.valid('param').id, patch: c.req.valid('json') }),
      200,
    );
  })
  .openapi(deleteTagRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    await deleteTag(c.var.deps.db, { tenantId: c.var.auth.tenantId, id: c.req.valid('param').id });
    return c.body(null, 204);
  })
  .openapi(tagMembersRoute, async (c) => {
    const { memberIds, filter, add, remove } = c.req.valid('json');
    const target = memberIds ? { memberIds } : { filter: toMemberFilter(filter ?? {}) };
    const result = await bulkTagMembers(c.var.deps.db, {
      auth: c.var.auth,
      target,
      add,
      remove,
      now: c.var.deps.now(),
    });
    return c.json(result, 200);
  });
