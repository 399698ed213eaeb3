import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { notFound } from '../errors.ts';
import { createRouter } from '../http/app.ts';
import { getPlatformAccount } from '../platforms/platform-accounts.store.ts';
import { requestPlatformSync } from './platform-sync.store.ts';

const syncRoute = createRoute({
  security: bearer,
  middleware: [requireAuth],
  tags: ['platform accounts'],
  method: 'post',
  path: '/platform-accounts/{id}/sync',
  operationId: 'syncPlatformAccount',
  summary: "Read the platform's customers, groups or tags into Orchard (a background job)",
  request: {
    params: idParams,
    body: jsonBody(
      z.object({
        scope: z.enum(['contacts', 'groups', 'tags']).openapi({
          description:
            'contacts: every customer of every staff member; groups: every customer group; tags: corp tags',
        }),
      }),
    ),
  },
  responses: {
    202: jsonResponse(
      'Requested; the sync job runs within a minute',
      z.object({ scope: z.string(), status: z.literal('requested') }),
    ),
  },
});

export const platformSyncRouter = createRouter().openapi(syncRoute, async (c) => {
  requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
  const { deps, auth } = c.var;
  const { id } = c.req.valid('param');
  const { scope } = c.req.valid('json');
  if (!(await getPlatformAccount(deps.db, auth.tenantId, id))) throw notFound('Platform account');
  await requestPlatformSync(deps.db, {
    tenantId: auth.tenantId,
    platformAccountId: id,
    scope,
    reason: 'api',
    now: deps.now(),
  });
  return c.json({ scope, status: 'requested' as const }, 202);
});
