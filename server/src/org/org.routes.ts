import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { createRouter } from '../http/app.ts';
import { regionInput, regionSchema, storeInput, storeSchema } from './org.schemas.ts';
import { createRegion, listRegions } from './regions.store.ts';
import { createStore, getStore, listStores, updateStore } from './stores.store.ts';

const authed = { security: bearer, middleware: [requireAuth] };

const createRegionRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/regions',
  operationId: 'createRegion',
  tags: ['org'],
  request: { body: jsonBody(regionInput) },
  responses: { 201: jsonResponse('Created', regionSchema) },
});

const listRegionsRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/regions',
  operationId: 'listRegions',
  tags: ['org'],
  responses: { 200: jsonResponse('Regions', z.object({ items: z.array(regionSchema) })) },
});

const createStoreRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/stores',
  operationId: 'createStore',
  tags: ['org'],
  request: { body: jsonBody(storeInput) },
  responses: { 201: jsonResponse('Created', storeSchema) },
});

const listStoresRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/stores',
  operationId: 'listStores',
  tags: ['org'],
  summary: 'Stores the caller may see (all of the brand, or its own stores)',
  responses: { 200: jsonResponse('Stores', z.object({ items: z.array(storeSchema) })) },
});

const getStoreRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/stores/{id}',
  operationId: 'getStore',
  tags: ['org'],
  request: { params: idParams },
  responses: { 200: jsonResponse('The store', storeSchema) },
});

const updateStoreRoute = createRoute({
  ...authed,
  method: 'patch',
  path: '/stores/{id}',
  operationId: 'updateStore',
  tags: ['org'],
  request: { params: idParams, body: jsonBody(storeInput.partial()) },
  responses: { 200: jsonResponse('Updated', storeSchema) },
});

export const orgRouter = createRouter()
  .openapi(createRegionRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const region = await createRegion(c.var.deps.db, {
      tenantId: c.var.auth.tenantId,
      ...c.req.valid('json'),
    });
    return c.json(region, 201);
  })
  .openapi(listRegionsRoute, async (c) =>
    c.json({ items: await listRegions(c.var.deps.db, c.var.auth.tenantId) }, 200),
  )
  .openapi(createStoreRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    return c.json(await createStore(c.var.deps.db, c.var.auth.tenantId, c.req.valid('json')), 201);
  })
  .openapi(listStoresRoute, async (c) => {
    const { tenantId, scope } = c.var.auth;
    return c.json({ items: await listStores(c.var.deps.db, tenantId, scope) }, 200);
  })
  .openapi(getStoreRoute, async (c) => {
    const { tenantId, scope } = c.var.auth;
    return c.json(await getStore(c.var.deps.db, tenantId, scope, c.req.valid('param').id), 200);
  })
  .openapi(updateStoreRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const store = await updateStore(
      c.var.deps.db,
      c.var.auth.tenantId,
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(store, 200);
  });
