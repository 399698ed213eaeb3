import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import type { AuthContext } from '../access/auth-context.ts';
import { requireAuth } from '../access/require-auth.ts';
import { requireRole } from '../access/roles.ts';
import { welcomeContentInput } from '../acquisition/acquisition.schemas.ts';
import type { AppDeps } from '../app/deps.ts';
import { findVisibleCommunity } from '../communities/communities.store.ts';
import { findVisibleSeries } from '../communities/series.store.ts';
import type { WelcomeScope } from '../db/schema/index.ts';
import { createRouter } from '../http/app.ts';
import { attachmentSchema } from '../platforms/platform.ts';
import { queueGroupWelcomeTemplates } from './group-welcome-template.ts';
import { brandWelcomeOf, findWelcome, saveWelcome } from './welcome.store.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['welcome'] };

const contentView = z
  .object({ text: z.string().optional(), attachments: z.array(attachmentSchema).optional() })
  .nullable();

const brandInput = z
  .object({
    private: welcomeContentInput.nullable().openapi({
      description:
        '1:1 welcome when a member adds a staff account ({nickname}, {staff}, {store}); codes override it',
    }),
    group: welcomeContentInput.nullable().openapi({
      description:
        'Group welcome (%NICKNAME% names the newcomers, {group}, {store}); series and communities override it',
    }),
    groupBatchSeconds: z.number().int().min(0).max(60),
    groupBatchMaxNames: z.number().int().min(1).max(50),
  })
  .partial()
  .openapi('UpdateWelcomeSettingsInput', { description: 'Fields left out keep their value' });

const brandSchema = z
  .object({
    private: contentView,
    group: contentView,
    groupBatchSeconds: z.number(),
    groupBatchMaxNames: z.number(),
  })
  .openapi('WelcomeSettings');

const groupInput = z.object({ group: welcomeContentInput.nullable() }).openapi('GroupWelcomeInput');
const groupSchema = z.object({ group: contentView }).openapi('GroupWelcome');

const levelPath = (level: 'community' | 'series') =>
  level === 'community' ? '/communities/{id}/welcome' : '/community-series/{id}/welcome';
const levelName = (level: 'community' | 'series') => (level === 'community' ? 'Community' : 'Series');

const getLevelRoute = (level: 'community' | 'series') =>
  createRoute({
    ...authed,
    method: 'get',
    path: levelPath(level),
    operationId: `get${levelName(level)}Welcome`,
    summary: `The ${level}'s own group welcome (null: it uses the next level's)`,
    request: { params: idParams },
    responses: { 200: jsonResponse('The group welcome', groupSchema) },
  });

const putLevelRoute = (level: 'community' | 'series') =>
  createRoute({
    ...authed,
    method: 'put',
    path: levelPath(level),
    operationId: `update${levelName(level)}Welcome`,
    summary: `Set (or clear with null) the ${level}'s group welcome`,
    request: { params: idParams, body: jsonBody(groupInput) },
    responses: { 200: jsonResponse('The group welcome', groupSchema) },
  });

const routes = {
  get: createRoute({
    ...authed,
    method: 'get',
    path: '/welcome-settings',
    operationId: 'getWelcomeSettings',
    summary: "The brand's default welcomes and group batching",
    responses: { 200: jsonResponse('Settings', brandSchema) },
  }),
  update: createRoute({
    ...authed,
    method: 'patch',
    path: '/welcome-settings',
    operationId: 'updateWelcomeSettings',
    request: { body: jsonBody(brandInput) },
    responses: { 200: jsonResponse('Settings', brandSchema) },
  }),
  getCommunity: getLevelRoute('community'),
  updateCommunity: putLevelRoute('community'),
  getSeries: getLevelRoute('series'),
  updateSeries: putLevelRoute('series'),
};

/** The community or series, if the caller may see it (404 otherwise). */
const findLevel = async (deps: AppDeps, auth: AuthContext, scope: WelcomeScope, id: string) => {
  const find = scope === 'community' ? findVisibleCommunity : findVisibleSeries;
  return (await find(deps.db, { tenantId: auth.tenantId, scope: auth.scope, id })).id;
};

const groupOf = async (deps: AppDeps, tenantId: string, scope: WelcomeScope, scopeId: string) => ({
  group: (await findWelcome(deps.db, { tenantId, scope, scopeId }))?.group ?? null,
});

const levelHandlers = (scope: 'community' | 'series') => ({
  get: async (deps: AppDeps, auth: AuthContext, id: string) =>
    groupOf(deps, auth.tenantId, scope, await findLevel(deps, auth, scope, id)),
  put: async (deps: AppDeps, auth: AuthContext, id: string, group: z.infer<typeof groupInput>['group']) => {
    requireRole(auth, 'owner', 'operator', 'store_manager');
    const scopeId = await findLevel(deps, auth, scope, id);
    await saveWelcome(deps.db, {
      tenantId: auth.tenantId,
      scope,
      scopeId,
      changes: { group },
      now: deps.now(),
    });
    await queueGroupWelcomeTemplates(deps, { tenantId: auth.tenantId, scope, scopeId, group });
    return groupOf(deps, auth.tenantId, scope, scopeId);
  },
});
const community = levelHandlers('community');
const series = levelHandlers('series');

export const welcomeRouter = createRouter()
  .openapi(routes.get, async (c) => {
    const row = await findWelcome(c.var.deps.db, {
      tenantId: c.var.auth.tenantId,
      scope: 'brand',
      scopeId: null,
    });
    return c.json(brandWelcomeOf(row), 200);
  })
  .openapi(routes.update, async (c) => {
    const { deps, auth } = c.var;
    requireRole(auth, 'owner', 'operator');
    const changes = c.req.valid('json');
    const row = await saveWelcome(deps.db, {
      tenantId: auth.tenantId,
      scope: 'brand',
      scopeId: null,
      changes,
      now: deps.now(),
    });
    if (changes.group !== undefined) {
      await queueGroupWelcomeTemplates(deps, {
        tenantId: auth.tenantId,
        scope: 'brand',
        scopeId: null,
        group: row.group,
      });
    }
    return c.json(brandWelcomeOf(row), 200);
  })
  .openapi(routes.getCommunity, async (c) =>
    c.json(await community.get(c.var.deps, c.var.auth, c.req.valid('param').id), 200),
  )
  .openapi(routes.updateCommunity, async (c) =>
    c.json(
      await community.put(c.var.deps, c.var.auth, c.req.valid('param').id, c.req.valid('json').group),
      200,
    ),
  )
  .openapi(routes.getSeries, async (c) =>
    c.json(await series.get(c.var.deps, c.var.auth, c.req.valid('param').id), 200),
  )
  .openapi(routes.updateSeries, async (c) =>
    c.json(await series.put(c.var.deps, c.var.auth, c.req.valid('param').id, c.req.valid('json').group), 200),
  );
