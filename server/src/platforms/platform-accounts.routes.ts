import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { createRouter } from '../http/app.ts';
import {
  createdPlatformAccountSchema,
  createPlatformAccountInput,
  platformAccountSchema,
} from './platform-accounts.schemas.ts';
import {
  createPlatformAccount,
  getPlatformAccountView,
  listPlatformAccountViews,
} from './platform-accounts.service.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['platform accounts'] };

const createRouteDef = createRoute({
  ...authed,
  method: 'post',
  path: '/platform-accounts',
  operationId: 'createPlatformAccount',
  summary: 'Connect a platform account (sandbox, WeCom app, Telegram bot); secrets are sealed at rest',
  request: { body: jsonBody(createPlatformAccountInput) },
  responses: {
    201: jsonResponse(
      'Created; a generated sandbox webhookSecret is shown once',
      createdPlatformAccountSchema,
    ),
  },
});

const listRouteDef = createRoute({
  ...authed,
  method: 'get',
  path: '/platform-accounts',
  operationId: 'listPlatformAccounts',
  responses: { 200: jsonResponse('Platform accounts', z.object({ items: z.array(platformAccountSchema) })) },
});

const getRouteDef = createRoute({
  ...authed,
  method: 'get',
  path: '/platform-accounts/{id}',
  operationId: 'getPlatformAccount',
  request: { params: idParams },
  responses: { 200: jsonResponse('The platform account', platformAccountSchema) },
});

/** Platform accounts carry credentials: only owners and operators see or connect them. */
export const platformAccountsRouter = createRouter()
  .openapi(createRouteDef, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    return c.json(await createPlatformAccount(c.var.deps, c.var.auth, c.req.valid('json')), 201);
  })
  .openapi(listRouteDef, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    return c.json({ items: await listPlatformAccountViews(c.var.deps, c.var.auth) }, 200);
  })
  .openapi(getRouteDef, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    return c.json(await getPlatformAccountView(c.var.deps, c.var.auth, c.req.valid('param').id), 200);
  });
