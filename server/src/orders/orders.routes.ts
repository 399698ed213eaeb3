import { createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq } from 'drizzle-orm';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { requireRole } from '../access/roles.ts';
import { orders } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { createRouter } from '../http/app.ts';
import { olderThanCursor, pageOf, pageSchema, uuidPaginationQuery } from '../http/pagination.ts';
import { importOrders } from './import-orders.ts';
import { orderInputSchema, orderSchema, refundInputSchema } from './orders.schemas.ts';
import { viewOfOrder } from './orders.store.ts';
import {
  ORDER_SIGNATURE_HEADER,
  ORDER_TIMESTAMP_HEADER,
  orderWebhookSecretOf,
  receiveOrderWebhook,
} from './orders-webhook.ts';
import { recordOrder, visibleOrderFilter } from './record-order.ts';
import { refundOrder } from './refund-order.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['orders'] };
const MAX_CSV_BYTES = 10 * 1024 * 1024;

const routes = {
  create: createRoute({
    ...authed,
    method: 'post',
    path: '/orders',
    operationId: 'createOrder',
    summary: 'Record an order (idempotent by externalId: the same id again answers the recorded order, 200)',
    request: { body: jsonBody(orderInputSchema) },
    responses: {
      201: jsonResponse('Recorded and attributed', orderSchema),
      200: jsonResponse('Already recorded under this externalId', orderSchema),
    },
  }),
  list: createRoute({
    ...authed,
    method: 'get',
    path: '/orders',
    operationId: 'listOrders',
    request: {
      query: uuidPaginationQuery.extend({
        memberId: z.uuid().optional(),
        /** The store that sold it (the console's store switcher); staff still see only their stores. */
        storeId: z.uuid().optional(),
      }),
    },
    responses: { 200: jsonResponse('Orders, newest first', pageSchema(orderSchema)) },
  }),
  refund: createRoute({
    ...authed,
    method: 'post',
    path: '/orders/{id}/refunds',
    operationId: 'refundOrder',
    summary: 'A full or partial refund, once per refund externalId; revenue becomes amount − refunded',
    request: { params: idParams, body: jsonBody(refundInputSchema) },
    responses: {
      201: jsonResponse('Refunded', orderSchema),
      200: jsonResponse('This refund was already recorded', orderSchema),
    },
  }),
  import: createRoute({
    ...authed,
    method: 'post',
    path: '/orders/import',
    operationId: 'importOrders',
    summary: 'Import orders from CSV; every row is checked first and one broken row imports nothing',
    description:
      'Columns: external_id, amount (yuan, e.g. 129.90), ordered_at (ISO 8601 with offset) required; currency, ' +
      'store (store code), member_code (the member’s external id), phone. Send text/csv.',
    request: { body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
    responses: { 200: jsonResponse('Imported', z.object({ created: z.number(), existing: z.number() })) },
  }),
  secret: createRoute({
    ...authed,
    method: 'get',
    path: '/orders/webhook-secret',
    operationId: 'getOrderWebhookSecret',
    summary: 'The secret a POS signs order webhooks with (owner, operator)',
    responses: {
      200: jsonResponse(
        'Secret and URL',
        z.object({
          secret: z.string(),
          url: z.string(),
          signatureHeader: z.string(),
          timestampHeader: z.string(),
        }),
      ),
    },
  }),
};

export const ordersRouter = createRouter()
  .openapi(routes.create, async (c) => {
    const { tenantId, scope } = c.var.auth;
    const result = await recordOrder(c.var.deps.db, {
      tenantId,
      scope,
      order: c.req.valid('json'),
      source: 'api',
    });
    return result.isNew ? c.json(viewOfOrder(result.order), 201) : c.json(viewOfOrder(result.order), 200);
  })
  .openapi(routes.list, async (c) => {
    const { tenantId, scope } = c.var.auth;
    const { limit, cursor, memberId, storeId } = c.req.valid('query');
    const rows = await c.var.deps.db
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.tenantId, tenantId),
          visibleOrderFilter(scope),
          memberId ? eq(orders.memberId, memberId) : undefined,
          storeId ? eq(orders.storeId, storeId) : undefined,
          cursor ? olderThanCursor(orders, cursor) : undefined,
        ),
      )
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(limit + 1);
    return c.json(
      pageOf(rows, limit, (r) => r.id, viewOfOrder),
      200,
    );
  })
  .openapi(routes.refund, async (c) => {
    const { tenantId, scope } = c.var.auth;
    const result = await refundOrder(c.var.deps.db, {
      tenantId,
      scope,
      orderId: c.req.valid('param').id,
      refund: c.req.valid('json'),
    });
    return result.isNew ? c.json(viewOfOrder(result.order), 201) : c.json(viewOfOrder(result.order), 200);
  })
  .openapi(routes.import, async (c) => {
    if (!(c.req.header('content-type') ?? '').includes('text/csv'))
      throw new AppError('bad_request', 'Send text/csv');
    const csv = await c.req.text();
    if (csv.length > MAX_CSV_BYTES) throw new AppError('bad_request', 'The CSV is larger than 10 MB');
    return c.json(await importOrders(c.var.deps.db, { auth: c.var.auth, csv }), 200);
  })
  .openapi(routes.secret, async (c) => {
    requireRole(c.var.auth, 'owner', 'operator');
    const { tenantId } = c.var.auth;
    return c.json(
      {
        secret: orderWebhookSecretOf(c.var.deps, tenantId),
        url: `/webhooks/orders/${tenantId}`,
        signatureHeader: ORDER_SIGNATURE_HEADER,
        timestampHeader: ORDER_TIMESTAMP_HEADER,
      },
      200,
    );
  });

const webhookRoute = createRoute({
  method: 'post',
  path: '/webhooks/orders/{tenantId}',
  operationId: 'receiveOrderWebhook',
  tags: ['webhooks'],
  summary:
    'Orders and refunds from a POS or shop, signed with the brand’s secret (HMAC-SHA256 of timestamp.body)',
  request: { params: z.object({ tenantId: z.uuid().openapi({ param: { name: 'tenantId', in: 'path' } }) }) },
  responses: {
    200: jsonResponse(
      'Recorded (isNew false: a redelivery)',
      z.object({ orderId: z.uuid(), isNew: z.boolean() }),
    ),
    401: { description: 'Signature missing, stale or wrong' },
  },
});

/** Mounted at the root with the platform webhooks: no bearer token, the signature authenticates. */
export const ordersWebhookRouter = createRouter().openapi(webhookRoute, async (c) => {
  const result = await receiveOrderWebhook(c.var.deps, {
    tenantId: c.req.valid('param').tenantId,
    body: await c.req.text(),
    signature: c.req.header(ORDER_SIGNATURE_HEADER) ?? null,
    timestamp: c.req.header(ORDER_TIMESTAMP_HEADER) ?? null,
  });
  return c.json(result, 200);
});
