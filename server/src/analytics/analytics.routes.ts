import { createRoute, z } from '@hono/zod-openapi';
import { bearer, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import type { Scope } from '../access/auth-context.ts';
import { requireAuth } from '../access/require-auth.ts';
import { requireRole } from '../access/roles.ts';
import { createRouter } from '../http/app.ts';
import { limitSchema, pageSchema, uuidCursorSchema } from '../http/pagination.ts';
import { funnelQuery, funnelSchema, toFunnelRequest, withFunnelQuery } from './analytics.schemas.ts';
import {
  analyticsSettingsSchema,
  loadAnalyticsSettings,
  saveAnalyticsSettings,
} from './analytics-settings.ts';
import { getFunnel } from './get-funnel.ts';
import { funnelFigures, listFunnelMembers } from './list-funnel-members.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['analytics'] };

const routes = {
  funnel: createRoute({
    ...authed,
    method: 'get',
    path: '/analytics/funnel',
    operationId: 'getFunnel',
    summary: 'The AARRR funnel of a brand, store, channel code, community or campaign over a period',
    description:
      'Acquisition: members who entered the scope (brand/store: new members; code: first touch; community: joined the ' +
      'group; campaign: joined it). Activation: an interaction (message, check-in, game, page visit) within 7 days. ' +
      'Retention week n: an interaction 7n..7(n+1) days after entering and still in a group at its end (counted once ' +
      'the week is over). Revenue: orders placed in the period owed to the scope (codes: last touch), net of refunds. ' +
      'Referral: inviters, invitees, valid invites, K-factor = valid invites ÷ inviters.',
    request: { query: funnelQuery },
    responses: {
      200: jsonResponse('The funnel, the previous period, daily trends and cohorts', funnelSchema),
    },
  }),
  members: createRoute({
    ...authed,
    method: 'get',
    path: '/analytics/funnel/members',
    operationId: 'listFunnelMembers',
    summary: 'The members behind one funnel figure (same scope and period)',
    request: {
      query: withFunnelQuery({
        figure: z.enum(funnelFigures).openapi({ param: { name: 'figure', in: 'query' } }),
        limit: limitSchema,
        cursor: uuidCursorSchema,
      }),
    },
    responses: {
      200: jsonResponse(
        'Members',
        pageSchema(z.object({ id: z.uuid(), name: z.string(), storeId: z.uuid().nullable() })),
      ),
    },
  }),
  getSettings: createRoute({
    ...authed,
    method: 'get',
    path: '/analytics/settings',
    operationId: 'getAnalyticsSettings',
    responses: { 200: jsonResponse('Settings', analyticsSettingsSchema) },
  }),
  putSettings: createRoute({
    ...authed,
    method: 'put',
    path: '/analytics/settings',
    operationId: 'updateAnalyticsSettings',
    summary: 'The attribution window (owner, operator)',
    request: { body: jsonBody(analyticsSettingsSchema) },
    responses: { 200: jsonResponse('Settings', analyticsSettingsSchema) },
  }),
};

/** The caller's request for a validated funnel query. */
const funnelRequestOf = (
  v: { auth: { tenantId: string; scope: Scope }; deps: { now: () => Date } },
  query: Parameters<typeof toFunnelRequest>[1],
) => toFunnelRequest({ tenantId: v.auth.tenantId, access: v.auth.scope, now: v.deps.now() }, query);

export const analyticsRouter = createRouter()
  .openapi(routes.funnel, async (c) => {
    const funnel = await getFunnel(c.var.deps.db, funnelRequestOf(c.var, c.req.valid('query')));
    return c.json(funnel, 200);
  })
  .openapi(routes.members, async (c) => {
    const { figure, limit, cursor, ...query } = c.req.valid('query');
    const page = await listFunnelMembers(c.var.deps.db, {
      ...funnelRequestOf(c.var, query),
      figure,
      limit,
      cursor,
    });
    return c.json(page, 200);
  })
  .openapi(routes.getSettings, async (c) => {
    const { timezone: _, ...settings } = await loadAnalyticsSettings(c.var.deps.db, c.var.auth.tenantId);
    return c.json(settings, 200);
  })
  .openapi(routes.putSettings, async (c) => {
    requireRole(c.var.auth, 'owner', 'operator');
    const values = c.req.valid('json');
    await saveAnalyticsSettings(c.var.deps.db, c.var.auth.tenantId, values);
    return c.json(values, 200);
  });
