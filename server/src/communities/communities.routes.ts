import { createRoute } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { createRouter } from '../http/app.ts';
import { pageSchema } from '../http/pagination.ts';
import * as s from './communities.schemas.ts';
import { detailOf, findVisibleCommunity, listCommunities } from './communities.store.ts';
import { createCommunity } from './create-community.ts';
import { createCommunitySeries } from './create-series.ts';
import { findVisibleSeries, listSeries, seriesDetailOf } from './series.store.ts';
import { setCommunityRoster, updateCommunity } from './update-community.ts';

/** Any staff member manages the groups of their stores; owners and operators those of the whole brand. */
const authed = { security: bearer, middleware: [requireAuth], tags: ['communities'] };

const routes = {
  create: createRoute({
    ...authed,
    method: 'post',
    path: '/communities',
    operationId: 'createCommunity',
    summary: 'Create a group on the platform, or link an existing one, under a store',
    request: { body: jsonBody(s.createCommunityInput) },
    responses: { 201: jsonResponse('The community', s.communityDetailSchema) },
  }),
  list: createRoute({
    ...authed,
    method: 'get',
    path: '/communities',
    operationId: 'listCommunities',
    summary: 'Communities the caller may see, newest first',
    request: { query: s.listCommunitiesQuery },
    responses: { 200: jsonResponse('A page of communities', pageSchema(s.communitySchema)) },
  }),
  get: createRoute({
    ...authed,
    method: 'get',
    path: '/communities/{id}',
    operationId: 'getCommunity',
    request: { params: idParams },
    responses: { 200: jsonResponse('The community with its roster', s.communityDetailSchema) },
  }),
  update: createRoute({
    ...authed,
    method: 'patch',
    path: '/communities/{id}',
    operationId: 'updateCommunity',
    request: { params: idParams, body: jsonBody(s.updateCommunityInput) },
    responses: { 200: jsonResponse('The community', s.communityDetailSchema) },
  }),
  setRoster: createRoute({
    ...authed,
    method: 'put',
    path: '/communities/{id}/roster',
    operationId: 'setCommunityRoster',
    summary: "Replace the group's persona roster",
    request: { params: idParams, body: jsonBody(s.rosterInput) },
    responses: { 200: jsonResponse('The community', s.communityDetailSchema) },
  }),
  createSeries: createRoute({
    ...authed,
    method: 'post',
    path: '/community-series',
    operationId: 'createCommunitySeries',
    summary: 'Create a series of groups ("<template> A, B…") and open its first group',
    request: { body: jsonBody(s.createSeriesInput) },
    responses: { 201: jsonResponse('The series with its groups', s.seriesDetailSchema) },
  }),
  listSeries: createRoute({
    ...authed,
    method: 'get',
    path: '/community-series',
    operationId: 'listCommunitySeries',
    request: { query: s.listSeriesQuery },
    responses: { 200: jsonResponse('A page of series', pageSchema(s.seriesSchema)) },
  }),
  getSeries: createRoute({
    ...authed,
    method: 'get',
    path: '/community-series/{id}',
    operationId: 'getCommunitySeries',
    request: { params: idParams },
    responses: { 200: jsonResponse('The series with its groups', s.seriesDetailSchema) },
  }),
};

export const communitiesRouter = createRouter()
  .openapi(routes.create, async (c) =>
    c.json(await createCommunity(c.var.deps, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(routes.list, async (c) => {
    const { tenantId, scope } = c.var.auth;
    return c.json(await listCommunities(c.var.deps.db, { tenantId, scope, ...c.req.valid('query') }), 200);
  })
  .openapi(routes.get, async (c) => {
    const { tenantId, scope } = c.var.auth;
    const { db } = c.var.deps;
    return c.json(
      await detailOf(db, await findVisibleCommunity(db, { tenantId, scope, ...c.req.valid('param') })),
      200,
    );
  })
  .openapi(routes.update, async (c) =>
    c.json(await updateCommunity(c.var.deps, c.var.auth, c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(routes.setRoster, async (c) =>
    c.json(
      await setCommunityRoster(c.var.deps, c.var.auth, c.req.valid('param').id, c.req.valid('json').roster),
      200,
    ),
  )
  .openapi(routes.createSeries, async (c) =>
    c.json(await createCommunitySeries(c.var.deps, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(routes.listSeries, async (c) => {
    const { tenantId, scope } = c.var.auth;
    return c.json(await listSeries(c.var.deps.db, { tenantId, scope, ...c.req.valid('query') }), 200);
  })
  .openapi(routes.getSeries, async (c) => {
    const { tenantId, scope } = c.var.auth;
    const { db } = c.var.deps;
    return c.json(
      await seriesDetailOf(db, await findVisibleSeries(db, { tenantId, scope, ...c.req.valid('param') })),
      200,
    );
  });
