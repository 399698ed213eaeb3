import { createRoute } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { notFound } from '../errors.ts';
import { createRouter } from '../http/app.ts';
import { pageSchema, uuidPaginationQuery } from '../http/pagination.ts';
import { checkMassQuota } from './check-mass-quota.ts';
import {
  createMassSendInput,
  massQuotaSchema,
  massSendPlanSchema,
  massSendSchema,
  quotaQuery,
} from './mass-sends.schemas.ts';
import {
  countRecipientsByStatus,
  findMassSend,
  listMassSends,
  type MassSendRow,
} from './mass-sends.store.ts';
import { planMassSend } from './plan-mass-send.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['mass sends'] };

const createRouteDef = createRoute({
  ...authed,
  method: 'post',
  path: '/mass-sends',
  operationId: 'createMassSend',
  summary: "Plan a mass message within the platform's per-recipient quota (a staff-confirmed task on WeCom)",
  request: { body: jsonBody(createMassSendInput) },
  responses: { 201: jsonResponse('Planned (or nobody could receive it)', massSendPlanSchema) },
});

const quotaRouteDef = createRoute({
  ...authed,
  method: 'get',
  path: '/mass-sends/quota',
  operationId: 'getMassQuota',
  summary: 'Can this member receive a mass message now on this account?',
  request: { query: quotaQuery },
  responses: { 200: jsonResponse('The member’s quota in the current window', massQuotaSchema) },
});

const getRouteDef = createRoute({
  ...authed,
  method: 'get',
  path: '/mass-sends/{id}',
  operationId: 'getMassSend',
  request: { params: idParams },
  responses: { 200: jsonResponse('The mass send and its recipients per status', massSendSchema) },
});

const listRouteDef = createRoute({
  ...authed,
  method: 'get',
  path: '/mass-sends',
  operationId: 'listMassSends',
  summary: 'Mass sends, newest first, each with its status (e.g. awaiting a staff member’s confirmation)',
  request: { query: uuidPaginationQuery },
  responses: { 200: jsonResponse('A page of mass sends', pageSchema(massSendSchema)) },
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

const viewOf = (row: MassSendRow, recipients: Record<string, number>) => ({
  id: row.id,
  platformAccountId: row.platformAccountId,
  recipientKind: row.recipientKind,
  senderExternalId: row.senderExternalId,
  status: row.status,
  taskExternalId: row.taskExternalId,
  plannedAt: row.plannedAt.toISOString(),
  completedAt: iso(row.completedAt),
  recipients,
});

/** Mass sends reach a brand's customers at large: owners and operators plan them. */
export const massSendsRouter = createRouter()
  .openapi(createRouteDef, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const result = await planMassSend(c.var.deps, { ...c.req.valid('json'), tenantId: c.var.auth.tenantId });
    const { massSend, planned, overQuota, unreachable } = result;
    return c.json(
      { id: massSend?.id ?? null, status: massSend?.status ?? null, planned, overQuota, unreachable },
      201,
    );
  })
  .openapi(quotaRouteDef, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const answer = await checkMassQuota(c.var.deps, {
      ...c.req.valid('query'),
      tenantId: c.var.auth.tenantId,
    });
    return c.json({ ...answer, windowStart: iso(answer.windowStart), windowEnd: iso(answer.windowEnd) }, 200);
  })
  .openapi(getRouteDef, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const { tenantId } = c.var.auth;
    const row = await findMassSend(c.var.deps.db, tenantId, c.req.valid('param').id);
    if (!row) throw notFound('Mass send');
    const counts = await countRecipientsByStatus(c.var.deps.db, tenantId, [row.id]);
    return c.json(viewOf(row, counts.get(row.id) ?? {}), 200);
  })
  .openapi(listRouteDef, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const { tenantId } = c.var.auth;
    const page = await listMassSends(c.var.deps.db, { tenantId, ...c.req.valid('query') });
    const counts = await countRecipientsByStatus(
      c.var.deps.db,
      tenantId,
      page.items.map((r) => r.id),
    );
    return c.json(
      { items: page.items.map((row) => viewOf(row, counts.get(row.id) ?? {})), nextCursor: page.nextCursor },
      200,
    );
  });
