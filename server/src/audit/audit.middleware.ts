import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { AuthContext } from '../access/auth-context.ts';
import type { AppEnv } from '../http/env.ts';
import { recordAudit } from './audit.store.ts';
import { isMutation, type RouteKey, redactSecrets, routeKeyOf, targetTypeOf } from './audit.ts';

/**
 * Who owns the audit trail: this middleware. Every successful (2xx) POST/PUT/PATCH/DELETE under /api/v1 by an
 * authenticated caller becomes one audit row, so a new route is audited without anyone remembering to.
 * Use cases call recordAudit() themselves only where no authenticated HTTP caller exists: login (the caller is
 * not yet signed in), the owner bootstrap and changes made by the worker (actor `system`).
 *
 * It runs around everything: requireAuth may sit on each router, so c.var.auth is read after `await next()`.
 * The row is written after the change has committed; if writing it fails the client still gets its answer
 * (reporting an error for a change that happened would invite a duplicate retry) and the failure is logged.
 */
type RouteRegistry = {
  openAPIRegistry: {
    definitions: readonly { type: string; route?: { method: string; path: string; operationId?: string } }[];
  };
};

const operationIdsOf = (app: RouteRegistry): Map<RouteKey, string> => {
  const ids = new Map<RouteKey, string>();
  for (const definition of app.openAPIRegistry.definitions) {
    const route = definition.type === 'route' ? definition.route : undefined;
    if (route?.operationId) ids.set(routeKeyOf(route.method, route.path), route.operationId);
  }
  return ids;
};

const MAX_DATA_CHARS = 16_384;

const readJson = async (response: Response | Request): Promise<unknown> => {
  if (!response.headers.get('content-type')?.includes('json')) return undefined;
  try {
    return await response.clone().json();
  } catch {
    return undefined;
  }
};

const requestBodyOf = async (c: Context<AppEnv>): Promise<Record<string, unknown>> => {
  if (!c.req.header('content-type')?.includes('json')) return {};
  try {
    // The validator already parsed the body; Hono caches it, so this does not read the stream twice.
    const body: unknown = await c.req.json();
    const data =
      body && typeof body === 'object' && !Array.isArray(body)
        ? (redactSecrets(body) as Record<string, unknown>)
        : { body: redactSecrets(body) };
    // A bulk import should not copy megabytes into every audit row; the action and target still say what happened.
    return JSON.stringify(data).length > MAX_DATA_CHARS ? { truncated: true, keys: Object.keys(data) } : data;
  } catch {
    return {};
  }
};

const idOf = (body: unknown): string | null => {
  if (!body || typeof body !== 'object' || !('id' in body)) return null;
  const { id } = body;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
};

/** For answers without a body (204), the `{id}` in the path names the target. */
const pathIdOf = (c: Context<AppEnv>): string | null => {
  const params: Record<string, string | undefined> = c.req.param();
  return params.id ?? null;
};

/** The client address as the proxy in front of us reports it; informational, not a security decision. */
export const clientIpOf = (c: Context<AppEnv>): string | null =>
  c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || c.req.header('x-real-ip') || null;

/** Mount once, before any router: `app.use('/api/v1/*', auditMutations(app))`. */
export const auditMutations = (app: RouteRegistry) => {
  let operationIds: Map<RouteKey, string> | undefined;
  let definitionCount = -1;
  const operationIdOf = (key: RouteKey): string | undefined => {
    // Routers are mounted after this middleware; read the registry once they are all there.
    if (definitionCount !== app.openAPIRegistry.definitions.length) {
      operationIds = operationIdsOf(app);
      definitionCount = app.openAPIRegistry.definitions.length;
    }
    return operationIds?.get(key);
  };

  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const auth = c.get('auth') as AuthContext | undefined;
    if (!auth || !isMutation(c.req.method) || c.res.status < 200 || c.res.status >= 300) return;
    const routePath = matchedRoutes(c)[c.req.routeIndex]?.path ?? c.req.path;
    const key = routeKeyOf(c.req.method, routePath);
    try {
      await recordAudit(c.var.deps.db, {
        tenantId: auth.tenantId,
        actor: auth.actor,
        action: operationIdOf(key) ?? key,
        targetType: targetTypeOf(c.req.path),
        targetId: idOf(await readJson(c.res)) ?? pathIdOf(c),
        data: await requestBodyOf(c),
        ip: clientIpOf(c),
      });
    } catch (error) {
      c.var.deps.logger.error({ err: error, action: key, tenantId: auth.tenantId }, 'audit record failed');
    }
  });
};
