import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { createRouter } from '../http/app.ts';
import { checkPlatformAccount } from './check-platform-account.ts';

const connectionReportSchema = z
  .object({
    platformAccountId: z.uuid(),
    isOk: z.boolean(),
    checks: z.array(z.object({ name: z.string(), isOk: z.boolean(), detail: z.string() })),
  })
  .openapi('ConnectionReport');

const checkRoute = createRoute({
  security: bearer,
  middleware: [requireAuth],
  tags: ['platform accounts'],
  method: 'post',
  path: '/platform-accounts/{id}/check',
  operationId: 'checkPlatformAccount',
  summary: "Call the platform with the account's credentials and report what works",
  request: { params: idParams },
  responses: { 200: jsonResponse('What works and what does not', connectionReportSchema) },
});

export const platformConnectionRouter = createRouter().openapi(checkRoute, async (c) => {
  requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
  return c.json(await checkPlatformAccount(c.var.deps, c.var.auth, c.req.valid('param').id), 200);
});
