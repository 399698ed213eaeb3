import { createRoute, z } from '@hono/zod-openapi';
import { bearer, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { notFound } from '../errors.ts';
import { createRouter } from '../http/app.ts';
import { limitSchema, pageSchema } from '../http/pagination.ts';
import { wakeDelivery } from '../jobs/job-names.ts';
import { retryFailedEvent } from '../pipeline/process-events.ts';
import { listInboundEvents, listOutboundMessages, requeueFailedOutbound } from './operations.store.ts';

/** The pipeline and the outbox as an operator sees them: what came in, what went out, what failed; retry. */
const authed = { security: bearer, middleware: [requireAuth], tags: ['operations'] };

const listQuery = <const S extends readonly [string, ...string[]]>(statuses: S, typeName: string) =>
  z.object({
    limit: limitSchema,
    cursor: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: 'nextCursor of the previous page' }),
    status: z.enum(statuses).optional(),
    type: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: `Only this ${typeName}` }),
  });

const numericId = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const inboundEventSchema = z
  .object({
    id: z.number(),
    platformAccountId: z.string(),
    externalId: z.string(),
    type: z.string(),
    status: z.enum(['pending', 'processed', 'failed']),
    attempts: z.number(),
    lastError: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    receivedAt: z.string(),
    nextAttemptAt: z.string(),
    processedAt: z.string().nullable(),
  })
  .openapi('InboundEvent');

const outboundMessageSchema = z
  .object({
    id: z.number(),
    platformAccountId: z.string(),
    kind: z.string(),
    status: z.enum(['pending', 'sending', 'sent', 'failed', 'cancelled']),
    attempts: z.number(),
    lastError: z.string().nullable(),
    externalId: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    sourceEventId: z.number().nullable(),
    createdAt: z.string(),
    nextAttemptAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('OutboundMessage');

const queued = z.object({ id: z.number(), status: z.literal('pending') });

const routes = {
  listEvents: createRoute({
    ...authed,
    method: 'get',
    path: '/events',
    operationId: 'listInboundEvents',
    summary: 'Inbound platform events, newest first',
    request: { query: listQuery(['pending', 'processed', 'failed'], 'event type') },
    responses: { 200: jsonResponse('A page of events', pageSchema(inboundEventSchema)) },
  }),
  retryEvent: createRoute({
    ...authed,
    method: 'post',
    path: '/events/{id}/retry',
    operationId: 'retryInboundEvent',
    summary: 'Give a failed event one more try',
    request: { params: numericId },
    responses: { 200: jsonResponse('The event is pending again', queued) },
  }),
  listOutbound: createRoute({
    ...authed,
    method: 'get',
    path: '/outbound-messages',
    operationId: 'listOutboundMessages',
    summary: 'Outbound messages and actions, newest first',
    request: { query: listQuery(['pending', 'sending', 'sent', 'failed', 'cancelled'], 'kind') },
    responses: { 200: jsonResponse('A page of outbound messages', pageSchema(outboundMessageSchema)) },
  }),
  retryOutbound: createRoute({
    ...authed,
    method: 'post',
    path: '/outbound-messages/{id}/retry',
    operationId: 'retryOutboundMessage',
    summary: 'Send a failed outbound message again',
    request: { params: numericId },
    responses: { 200: jsonResponse('The message is pending again', queued) },
  }),
};

export const operationsRouter = createRouter()
  .openapi(routes.listEvents, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const page = await listInboundEvents(c.var.deps.db, {
      tenantId: c.var.auth.tenantId,
      ...c.req.valid('query'),
    });
    return c.json(page, 200);
  })
  .openapi(routes.retryEvent, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const { id } = c.req.valid('param');
    await retryFailedEvent(c.var.deps, { tenantId: c.var.auth.tenantId, eventId: id });
    return c.json({ id, status: 'pending' as const }, 200);
  })
  .openapi(routes.listOutbound, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const page = await listOutboundMessages(c.var.deps.db, {
      tenantId: c.var.auth.tenantId,
      ...c.req.valid('query'),
    });
    return c.json(page, 200);
  })
  .openapi(routes.retryOutbound, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const { deps } = c.var;
    const { id } = c.req.valid('param');
    const accountId = await requeueFailedOutbound(deps.db, {
      tenantId: c.var.auth.tenantId,
      id,
      now: deps.now(),
    });
    if (!accountId) throw notFound('Failed outbound message');
    await wakeDelivery(deps.jobs, accountId);
    return c.json({ id, status: 'pending' as const }, 200);
  });
