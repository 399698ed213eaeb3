import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/app.ts';
import { bearer, idParams, jsonBody, jsonResponse, roleSchema } from './access.schemas.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.store.ts';
import { requireAuth } from './require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from './roles.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['api-keys'] };

const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    role: roleSchema,
    storeId: z.uuid().nullable(),
    createdBy: z.uuid().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ApiKey');

const createApiKeyRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/api-keys',
  operationId: 'createApiKey',
  summary: 'Create an API key; the full key is in this response only',
  request: {
    body: jsonBody(
      z.object({
        name: z.string().trim().min(1).max(100),
        role: roleSchema,
        storeId: z.uuid().nullable().optional(),
      }),
    ),
  },
  responses: {
    201: jsonResponse('Created', apiKeySchema.extend({ key: z.string() }).openapi('CreatedApiKey')),
  },
});

const listApiKeysRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/api-keys',
  operationId: 'listApiKeys',
  responses: { 200: jsonResponse('API keys', z.object({ items: z.array(apiKeySchema) })) },
});

const revokeApiKeyRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/api-keys/{id}/revoke',
  operationId: 'revokeApiKey',
  summary: 'Revoke an API key; it stops working at once',
  request: { params: idParams },
  responses: { 200: jsonResponse('Revoked', apiKeySchema) },
});

export const apiKeysRouter = createRouter()
  .openapi(createApiKeyRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    return c.json(await createApiKey(c.var.deps.db, c.var.auth, c.req.valid('json')), 201);
  })
  .openapi(listApiKeysRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    return c.json({ items: await listApiKeys(c.var.deps.db, c.var.auth.tenantId) }, 200);
  })
  .openapi(revokeApiKeyRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const { tenantId } = c.var.auth;
    const key = await revokeApiKey(c.var.deps.db, {
      tenantId,
      id: c.req.valid('param').id,
      now: c.var.deps.now(),
    });
    return c.json(key, 200);
  });
