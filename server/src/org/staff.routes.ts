import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { createRouter } from '../http/app.ts';
import { needsStaffAccount } from '../platforms/platform.ts';
import { createStaff } from './create-staff.ts';
import { createStaffInput, setStaffRolesInput, staffSchema, updateStaffInput } from './org.schemas.ts';
import { setStaffRoles } from './set-staff-roles.ts';
import { getStaff, listStaff } from './staff.store.ts';
import { updateStaff } from './update-staff.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['staff'] };
/** Store managers may read the staff of their own stores; managing staff is for owners and operators. */
const STAFF_READERS = [...ORG_ADMIN_ROLES, 'store_manager' as const];

const createStaffRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/staff',
  operationId: 'createStaff',
  summary: 'Add a staff member, optionally with a password and role grants',
  request: { body: jsonBody(createStaffInput) },
  responses: { 201: jsonResponse('Created', staffSchema) },
});

const listStaffRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/staff',
  operationId: 'listStaff',
  request: {
    query: z.object({
      storeId: z.uuid().optional(),
      assignableOn: z
        .uuid()
        .optional()
        .openapi({
          description:
            'Only the staff a channel code on this platform account may assign: those with a staff account there, ' +
            'or everyone where members reach staff through the bot (Telegram). Another brand’s account is a 404.',
        }),
    }),
  },
  responses: { 200: jsonResponse('Staff', z.object({ items: z.array(staffSchema) })) },
});

const getStaffRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/staff/{id}',
  operationId: 'getStaff',
  request: { params: idParams },
  responses: { 200: jsonResponse('The staff member', staffSchema) },
});

const updateStaffRoute = createRoute({
  ...authed,
  method: 'patch',
  path: '/staff/{id}',
  operationId: 'updateStaff',
  summary: 'Edit a staff member; isActive=false deactivates and signs them out',
  request: { params: idParams, body: jsonBody(updateStaffInput) },
  responses: { 200: jsonResponse('Updated', staffSchema) },
});

const setStaffRolesRoute = createRoute({
  ...authed,
  method: 'put',
  path: '/staff/{id}/roles',
  operationId: 'setStaffRoles',
  summary: "Replace a staff member's role grants",
  request: { params: idParams, body: jsonBody(setStaffRolesInput) },
  responses: { 200: jsonResponse('Updated', staffSchema) },
});

export const staffRouter = createRouter()
  .openapi(createStaffRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    return c.json(await createStaff(c.var.deps.db, c.var.auth, c.req.valid('json')), 201);
  })
  .openapi(listStaffRoute, async (c) => {
    const { tenantId, scope } = c.var.auth;
    requireRole(c.var.auth, ...STAFF_READERS);
    const { storeId, assignableOn } = c.req.valid('query');
    const adapter = assignableOn && (await c.var.deps.platforms.adapterFor(tenantId, assignableOn));
    const withAccountOn = adapter && needsStaffAccount(adapter.capabilities) ? assignableOn : undefined;
    return c.json(
      { items: await listStaff(c.var.deps.db, { tenantId, scope, storeId, withAccountOn }) },
      200,
    );
  })
  .openapi(getStaffRoute, async (c) => {
    const { tenantId, scope } = c.var.auth;
    requireRole(c.var.auth, ...STAFF_READERS);
    return c.json(await getStaff(c.var.deps.db, tenantId, scope, c.req.valid('param').id), 200);
  })
  .openapi(updateStaffRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    return c.json(
      await updateStaff(c.var.deps.db, c.var.auth, c.req.valid('param').id, c.req.valid('json')),
      200,
    );
  })
  .openapi(setStaffRolesRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const staff = await setStaffRoles(
      c.var.deps.db,
      c.var.auth,
      c.req.valid('param').id,
      c.req.valid('json').roles,
    );
    return c.json(staff, 200);
  });
