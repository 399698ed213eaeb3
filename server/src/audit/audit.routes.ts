import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth } from '../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../access/roles.ts';
import { createRouter } from '../http/app.ts';
import { limitSchema, pageSchema, uuidCursorSchema } from '../http/pagination.ts';
import { listAuditLog } from './audit.store.ts';

const auditEntrySchema = z
  .object({
    id: z.uuid(),
    actor: z.object({ type: z.enum(['staff', 'api_key', 'system']), id: z.string().nullable() }),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('AuditEntry');

const listAuditLogRoute = createRoute({
  method: 'get',
  path: '/audit-log',
  operationId: 'listAuditLog',
  tags: ['audit'],
  summary: 'Changes made in this brand, newest first',
  security: [{ bearer: [] }],
  middleware: [requireAuth],
  request: {
    query: z.object({
      limit: limitSchema,
      cursor: uuidCursorSchema,
      action: z.string().min(1).max(200).optional(),
      actorId: z.uuid().optional(),
    }),
  },
  responses: {
    200: {
      description: 'A page of audit entries',
      content: { 'application/json': { schema: pageSchema(auditEntrySchema) } },
    },
  },
});

export const auditRouter = createRouter().openapi(listAuditLogRoute, async (c) => {
  requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
  const page = await listAuditLog(c.var.deps.db, { tenantId: c.var.auth.tenantId, ...c.req.valid('query') });
  return c.json(page, 200);
});
