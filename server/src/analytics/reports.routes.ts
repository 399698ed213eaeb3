import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { campaignCostKinds } from '../db/schema/index.ts';
import { createRouter } from '../http/app.ts';
import { periodQuery, withFunnelQuery } from './analytics.schemas.ts';
import { getRoi, listCampaignRoi } from './campaign-roi.ts';
import { exportReportCsv, reportKinds } from './export-report.ts';
import { getGroupHealth } from './group-health.ts';
import { getLeaderboard } from './leaderboards.ts';
import { listCampaignCosts, recordCampaignCost } from './record-campaign-cost.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['analytics'] };

const costInput = z
  .object({
    campaignId: z.uuid().optional(),
    channelCodeId: z.uuid().optional(),
    kind: z.enum(campaignCostKinds),
    amountCents: z.number().int().min(0).max(10_000_000_00),
    quantity: z.number().min(0).max(1_000_000).optional(),
    note: z.string().trim().max(500).optional(),
    incurredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  })
  .refine((c) => c.campaignId || c.channelCodeId, {
    message: 'campaignId or channelCodeId is required',
    path: ['campaignId'],
  })
  .openapi('CampaignCostInput');

const costSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid().nullable(),
    channelCodeId: z.uuid().nullable(),
    kind: z.string(),
    amountCents: z.number(),
    note: z.string().nullable(),
    incurredOn: z.string(),
  })
  .openapi('CampaignCost');

const roiSchema = z
  .object({
    kind: z.enum(['campaign', 'code']),
    id: z.uuid(),
    name: z.string(),
    costs: z.object({
      entered: z.array(z.object({ kind: z.string(), cents: z.number() })),
      couponsRedeemed: z.number(),
      couponCents: z.number(),
      points: z.number(),
      pointsCents: z.number(),
      totalCents: z.number(),
    }),
    revenue: z.object({ orders: z.number(), buyers: z.number(), gmvCents: z.number() }),
    acquired: z.number(),
    activated: z.number(),
    roi: z.number().nullable(),
    costPerAcquiredCents: z.number().nullable(),
    costPerActivatedCents: z.number().nullable(),
    plan: z.record(z.string(), z.number()),
    actual: z.record(z.string(), z.number()),
  })
  .openapi('Roi');

const leaderboardSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    storeId: z.uuid().nullable(),
    newMembers: z.number(),
    buyers: z.number(),
    orders: z.number(),
    gmvCents: z.number(),
    activeMembers: z.number(),
  })
  .openapi('LeaderboardRow');

const healthSchema = z
  .object({
    communityId: z.uuid(),
    name: z.string(),
    from: z.string(),
    to: z.string(),
    memberCount: z.number(),
    activeThisWeek: z.number(),
    shareActiveThisWeek: z.number(),
    daily: z.array(
      z.object({
        day: z.string(),
        members: z.number(),
        joins: z.number(),
        leaves: z.number(),
        messages: z.number(),
        activeMembers: z.number(),
        moderationActions: z.number(),
      }),
    ),
  })
  .openapi('GroupHealth');

const toCostView = (r: Awaited<ReturnType<typeof recordCampaignCost>>) => ({
  id: r.id,
  campaignId: r.campaignId,
  channelCodeId: r.channelCodeId,
  kind: r.kind,
  amountCents: r.amountCents,
  note: r.note,
  incurredOn: r.incurredOn,
});

const routes = {
  createCost: createRoute({
    ...authed,
    method: 'post',
    path: '/analytics/campaign-costs',
    operationId: 'createCampaignCost',
    summary: 'Enter a cost (staff hours, ad spend, red packets, gifts) for a campaign and/or a channel code',
    request: { body: jsonBody(costInput) },
    responses: { 201: jsonResponse('The cost', costSchema) },
  }),
  listCosts: createRoute({
    ...authed,
    method: 'get',
    path: '/analytics/campaign-costs',
    operationId: 'listCampaignCosts',
    request: { query: z.object({ campaignId: z.uuid().optional(), channelCodeId: z.uuid().optional() }) },
    responses: { 200: jsonResponse('Costs', z.object({ items: z.array(costSchema) })) },
  }),
  campaignRoi: createRoute({
    ...authed,
    method: 'get',
    path: '/analytics/campaigns/{id}/roi',
    operationId: 'getCampaignRoi',
    summary: 'Costs, attributed revenue, ROI, cost per acquired/activated member, plan against actual',
    request: { params: idParams },
    responses: { 200: jsonResponse('ROI', roiSchema) },
  }),
  codeRoi: createRoute({
    ...authed,
    method: 'get',
    path: '/analytics/codes/{id}/roi',
    operationId: 'getChannelCodeRoi',
    request: { params: idParams },
    responses: { 200: jsonResponse('ROI', roiSchema) },
  }),
  listRoi: createRoute({
    ...authed,
    method: 'get',
    path: '/analytics/campaigns/roi',
    operationId: 'listCampaignRoi',
    responses: { 200: jsonResponse('Every campaign’s ROI', z.object({ items: z.array(roiSchema) })) },
  }),
  health: createRoute({
    ...authed,
    method: 'get',
    path: '/analytics/communities/{id}/health',
    operationId: 'getGroupHealth',
    request: { params: idParams, query: periodQuery },
    responses: { 200: jsonResponse('Group health', healthSchema) },
  }),
  leaderboard: createRoute({
    ...authed,
    method: 'get',
    path: '/analytics/leaderboards',
    operationId: 'getLeaderboard',
    request: {
      query: periodQuery.safeExtend({
        by: z.enum(['store', 'guide']).openapi({ param: { name: 'by', in: 'query' } }),
      }),
    },
    responses: { 200: jsonResponse('Ranked by GMV', z.object({ items: z.array(leaderboardSchema) })) },
  }),
  export: createRoute({
    ...authed,
    method: 'get',
    path: '/analytics/export',
    operationId: 'exportAnalyticsCsv',
    summary: 'The funnel, campaign ROI or a leaderboard as CSV',
    request: {
      query: withFunnelQuery({
        report: z.enum(reportKinds).openapi({ param: { name: 'report', in: 'query' } }),
      }),
    },
    responses: {
      200: { description: 'CSV, UTF-8 with BOM', content: { 'text/csv': { schema: z.string() } } },
    },
  }),
};

export const analyticsReportsRouter = createRouter()
  .openapi(routes.createCost, async (c) => {
    const row = await recordCampaignCost(c.var.deps.db, {
      auth: c.var.auth,
      cost: c.req.valid('json'),
      now: c.var.deps.now(),
    });
    return c.json(toCostView(row), 201);
  })
  .openapi(routes.listCosts, async (c) => {
    const rows = await listCampaignCosts(c.var.deps.db, {
      tenantId: c.var.auth.tenantId,
      ...c.req.valid('query'),
    });
    return c.json({ items: rows.map(toCostView) }, 200);
  })
  .openapi(routes.listRoi, async (c) => {
    const { tenantId, scope: access } = c.var.auth;
    return c.json({ items: await listCampaignRoi(c.var.deps.db, { tenantId, access }) }, 200);
  })
  .openapi(routes.campaignRoi, async (c) => {
    const { tenantId, scope: access } = c.var.auth;
    const roi = await getRoi(c.var.deps.db, {
      tenantId,
      access,
      target: { kind: 'campaign', id: c.req.valid('param').id },
    });
    return c.json(roi, 200);
  })
  .openapi(routes.codeRoi, async (c) => {
    const { tenantId, scope: access } = c.var.auth;
    const roi = await getRoi(c.var.deps.db, {
      tenantId,
      access,
      target: { kind: 'code', id: c.req.valid('param').id },
    });
    return c.json(roi, 200);
  })
  .openapi(routes.health, async (c) => {
    const { tenantId, scope: access } = c.var.auth;
    const health = await getGroupHealth(c.var.deps.db, {
      tenantId,
      access,
      communityId: c.req.valid('param').id,
      ...c.req.valid('query'),
      now: c.var.deps.now(),
    });
    return c.json(health, 200);
  })
  .openapi(routes.leaderboard, async (c) => {
    const { tenantId, scope: access } = c.var.auth;
    return c.json(
      { items: await getLeaderboard(c.var.deps.db, { tenantId, access, ...c.req.valid('query') }) },
      200,
    );
  })
  .openapi(routes.export, async (c) => {
    const { tenantId, scope: access } = c.var.auth;
    const q = c.req.valid('query');
    const csv = await exportReportCsv(c.var.deps.db, { tenantId, access, query: q, now: c.var.deps.now() });
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${q.report}-${q.from}-${q.to}.csv"`,
    });
  });
