import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../../access/access.schemas.ts';
import { requireAuth } from '../../access/require-auth.ts';
import { createRouter } from '../../http/app.ts';
import { limitSchema } from '../../http/pagination.ts';
import {
  createMallItemInput,
  fulfilmentSchema,
  mallItemSchema,
  updateMallItemInput,
} from './mall.schemas.ts';
import {
  completeFulfilment,
  createMallItem,
  listFulfilments,
  listMallItems,
  updateMallItem,
} from './manage-mall.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['points mall'] };

const createItemRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/mall/items',
  operationId: 'createMallItem',
  summary: 'Offer an item for points: a physical gift, a coupon, or something virtual',
  request: { body: jsonBody(createMallItemInput) },
  responses: { 201: jsonResponse('Created', mallItemSchema) },
});

const listItemsRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/mall/items',
  operationId: 'listMallItems',
  responses: { 200: jsonResponse('Items', z.object({ items: z.array(mallItemSchema) })) },
});

const updateItemRoute = createRoute({
  ...authed,
  method: 'patch',
  path: '/mall/items/{id}',
  operationId: 'updateMallItem',
  summary: 'Change an item: price, stock (restock), limits, or take it off the shelf',
  request: { params: idParams, body: jsonBody(updateMallItemInput) },
  responses: { 200: jsonResponse('Updated', mallItemSchema) },
});

const listFulfilmentsRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/fulfilments',
  operationId: 'listFulfilments',
  summary: 'Physical mall items to hand over or ship (store roles: pickups at their stores)',
  request: {
    query: z.object({
      status: z
        .enum(['pending', 'done'])
        .optional()
        .openapi({ param: { name: 'status', in: 'query' } }),
      limit: limitSchema,
    }),
  },
  responses: { 200: jsonResponse('Fulfilments', z.object({ items: z.array(fulfilmentSchema) })) },
});

const completeFulfilmentRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/fulfilments/{id}/complete',
  operationId: 'completeFulfilment',
  request: { params: idParams },
  responses: { 200: jsonResponse('Done', fulfilmentSchema) },
});

export const mallRouter = createRouter()
  .openapi(createItemRoute, async (c) =>
    c.json(await createMallItem(c.var.deps.db, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(listItemsRoute, async (c) =>
    c.json({ items: await listMallItems(c.var.deps.db, c.var.auth) }, 200),
  )
  .openapi(updateItemRoute, async (c) =>
    c.json(
      await updateMallItem(c.var.deps.db, c.var.auth, c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .openapi(listFulfilmentsRoute, async (c) =>
    c.json({ items: await listFulfilments(c.var.deps.db, c.var.auth, c.req.valid('query')) }, 200),
  )
  .openapi(completeFulfilmentRoute, async (c) => {
    const done = await completeFulfilment(c.var.deps.db, c.var.auth, {
      id: c.req.valid('param').id,
      now: c.var.deps.now(),
    });
    return c.json(done, 200);
  });
