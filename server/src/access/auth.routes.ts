import { createRoute, z } from '@hono/zod-openapi';
import { clientIpOf } from '../audit/audit.middleware.ts';
import { createRouter } from '../http/app.ts';
import {
  bearer,
  jsonBody,
  jsonResponse,
  roleSchema,
  scopeSchema,
  tenantSummarySchema,
} from './access.schemas.ts';
import { getMe } from './get-me.ts';
import { loginWithPassword, logoutSession } from './login.ts';
import { requireAuth } from './require-auth.ts';

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  operationId: 'login',
  tags: ['auth'],
  summary: 'Sign in with email and password; returns a bearer session token',
  request: {
    body: jsonBody(
      z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) }),
    ),
  },
  responses: {
    200: jsonResponse(
      'Signed in',
      z
        .object({
          token: z.string(),
          expiresAt: z.string(),
          staff: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
          tenant: tenantSummarySchema,
          roles: z.array(roleSchema),
          scope: scopeSchema,
        })
        .openapi('LoginResult'),
    ),
    401: { description: 'Wrong email or password' },
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  operationId: 'logout',
  tags: ['auth'],
  summary: 'End the current session',
  security: bearer,
  middleware: [requireAuth],
  responses: { 204: { description: 'Signed out' } },
});

const getMeRoute = createRoute({
  method: 'get',
  path: '/me',
  operationId: 'getMe',
  tags: ['auth'],
  summary: 'The caller (staff member or API key), its brand, roles and scope',
  security: bearer,
  middleware: [requireAuth],
  responses: {
    200: jsonResponse(
      'The caller',
      z
        .object({
          caller: z.union([
            z.object({
              type: z.literal('staff'),
              id: z.uuid(),
              name: z.string(),
              email: z.string().nullable(),
            }),
            z.object({ type: z.literal('api_key'), id: z.uuid(), name: z.string(), prefix: z.string() }),
          ]),
          tenant: tenantSummarySchema,
          roles: z.array(roleSchema),
          scope: scopeSchema,
        })
        .openapi('Me'),
    ),
  },
});

export const authRouter = createRouter()
  .openapi(loginRoute, async (c) => {
    const result = await loginWithPassword(c.var.deps, { ...c.req.valid('json'), ip: clientIpOf(c) });
    return c.json(result, 200);
  })
  .openapi(logoutRoute, async (c) => {
    const { actor } = c.var.auth;
    // An API key has no session to end; it is revoked instead.
    if (actor.type === 'staff') {
      const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
      await logoutSession(c.var.deps, { staffId: actor.id, token });
    }
    return c.body(null, 204);
  })
  .openapi(getMeRoute, async (c) => c.json(await getMe(c.var.deps, c.var.auth), 200));
