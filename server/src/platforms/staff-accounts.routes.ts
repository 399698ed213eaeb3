import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { notFound } from '../errors.ts';
import { createRouter } from '../http/app.ts';
import { getPlatformAccount } from './platform-accounts.store.ts';
import { linkStaffAccount, listStaffAccounts, unlinkStaffAccount } from './staff-accounts.store.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['platform accounts'] };

const staffAccountSchema = z
  .object({
    id: z.uuid(),
    staffId: z.uuid(),
    externalId: z.string(),
    displayName: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('StaffAccount');

const linkRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/platform-accounts/{id}/staff-accounts',
  operationId: 'linkStaffAccount',
  summary: 'Link a platform user (a WeCom userid) to an Orchard staff member',
  request: {
    params: idParams,
    body: jsonBody(
      z.object({
        staffId: z.uuid(),
        externalId: z.string().trim().min(1).max(64),
        displayName: z.string().trim().min(1).max(100).optional(),
      }),
    ),
  },
  responses: { 201: jsonResponse('Linked', staffAccountSchema) },
});

const listRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/platform-accounts/{id}/staff-accounts',
  operationId: 'listStaffAccounts',
  request: { params: idParams },
  responses: { 200: jsonResponse('Linked staff accounts', z.object({ items: z.array(staffAccountSchema) })) },
});

const unlinkRoute = createRoute({
  ...authed,
  method: 'delete',
  path: '/staff-accounts/{id}',
  operationId: 'unlinkStaffAccount',
  request: { params: idParams },
  responses: { 204: { description: 'Unlinked' } },
});

export const staffAccountsRouter = createRouter()
  .openapi(linkRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const { deps, auth } = c.var;
    const { id } = c.req.valid('param');
    if (!(await getPlatformAccount(deps.db, auth.tenantId, id))) throw notFound('Platform account');
    const view = await linkStaffAccount(deps.db, {
      ...c.req.valid('json'),
      tenantId: auth.tenantId,
      platformAccountId: id,
      now: deps.now(),
    });
    return c.json(view, 201);
  })
  .openapi(listRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const { deps, auth } = c.var;
    const { id } = c.req.valid('param');
    if (!(await getPlatformAccount(deps.db, auth.tenantId, id))) throw notFound('Platform account');
    return c.json({ items: await listStaffAccounts(deps.db, auth.tenantId, id) }, 200);
  })
  .openapi(unlinkRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    await unlinkStaffAccount(c.var.deps.db, c.var.auth.tenantId, c.req.valid('param').id);
    return c.body(null, 204);
  });
