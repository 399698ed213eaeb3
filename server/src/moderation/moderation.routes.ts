import { createRoute, z } from '@hono/zod-openapi';
import { bearer, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { createRouter } from '../http/app.ts';
import { listIncidents, loadModerationSettings, saveModerationSettings } from './moderation.store.ts';
import { moderationSettingsSchema } from './settings.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['moderation'] };

const incidentSchema = z
  .object({
    id: z.uuid(),
    memberId: z.uuid(),
    groupExternalId: z.string(),
    messageExternalId: z.string(),
    reasons: z.array(z.string()),
    offenceNumber: z.number(),
    actions: z.array(z.string()),
    alerted: z.array(z.string()),
    evidence: z.record(z.string(), z.unknown()),
    occurredAt: z.string(),
  })
  .openapi('ModerationIncident');

const getSettingsRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/moderation/settings',
  operationId: 'getModerationSettings',
  summary: "The brand's group rules, whitelist and escalation ladder (defaults until saved)",
  responses: { 200: jsonResponse('Settings', moderationSettingsSchema) },
});

const updateSettingsRoute = createRoute({
  ...authed,
  method: 'put',
  path: '/moderation/settings',
  operationId: 'updateModerationSettings',
  summary: 'Replace the moderation settings; omitted fields take their defaults',
  request: { body: jsonBody(moderationSettingsSchema) },
  responses: { 200: jsonResponse('Saved', moderationSettingsSchema) },
});

const listIncidentsRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/moderation/incidents',
  operationId: 'listModerationIncidents',
  summary: 'Offences detected, newest first, with what was done and the offending message',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: { 200: jsonResponse('Incidents', z.object({ items: z.array(incidentSchema) })) },
});

export const moderationRouter = createRouter()
  .openapi(getSettingsRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    return c.json(await loadModerationSettings(c.var.deps.db, c.var.auth.tenantId), 200);
  })
  .openapi(updateSettingsRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const settings = c.req.valid('json');
    await saveModerationSettings(c.var.deps.db, c.var.auth.tenantId, settings, c.var.deps.now());
    return c.json(settings, 200);
  })
  .openapi(listIncidentsRoute, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const rows = await listIncidents(c.var.deps.db, c.var.auth.tenantId, c.req.valid('query').limit);
    const items = rows.map(
      ({ tenantId: _t, platformAccountId: _p, inboundEventId: _i, createdAt: _c, ...r }) => ({
        ...r,
        occurredAt: r.occurredAt.toISOString(),
      }),
    );
    return c.json({ items }, 200);
  });
