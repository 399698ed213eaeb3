import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../../access/access.schemas.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { requireAuth } from '../../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../../access/roles.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/app.ts';
import { isUniqueViolation } from '../../org/unique-violation.ts';
import { findTemplate } from '../coupons/coupons.store.ts';
import {
  findLevel,
  insertLevel,
  type LevelRow,
  listLevelRows,
  type NewLevel,
  saveLevel,
} from './levels.store.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['levels'] };

const fields = {
  name: z.string().trim().min(1).max(50),
  rank: z.number().int().min(0).max(100).openapi({ description: 'Higher is better; unique per brand' }),
  threshold: z
    .number()
    .int()
    .min(0)
    .max(1e12)
    .openapi({ description: 'Lifetime points, or lifetime spend in cents, per the brand’s level basis' }),
  pointsMultiplierPercent: z.number().int().min(0).max(1000).openapi({ description: '150 earns ×1.5' }),
  monthlyCouponTemplateId: z.uuid().nullable(),
  hasMemberOnlyAccess: z.boolean(),
};
const createInput = z
  .object({
    ...fields,
    pointsMultiplierPercent: fields.pointsMultiplierPercent.default(100),
    monthlyCouponTemplateId: fields.monthlyCouponTemplateId.default(null),
    hasMemberOnlyAccess: fields.hasMemberOnlyAccess.default(false),
  })
  .openapi('CreateLevelInput');
const updateInput = z.object(fields).partial().openapi('UpdateLevelInput');

const levelSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    rank: z.number(),
    threshold: z.number(),
    pointsMultiplierPercent: z.number(),
    monthlyCouponTemplateId: z.uuid().nullable(),
    hasMemberOnlyAccess: z.boolean(),
  })
  .openapi('Level');

const viewOf = (row: LevelRow) => ({
  id: row.id,
  name: row.name,
  rank: row.rank,
  threshold: row.threshold,
  pointsMultiplierPercent: row.pointsMultiplierPercent,
  monthlyCouponTemplateId: row.monthlyCouponTemplateId,
  hasMemberOnlyAccess: row.hasMemberOnlyAccess,
});

/** Owners and operators define levels; the coupon a level hands out monthly must be the brand's. */
const writeLevel = async (
  db: Db,
  auth: AuthContext,
  write: () => Promise<LevelRow>,
  values: Partial<NewLevel>,
) => {
  requireRole(auth, ...ORG_ADMIN_ROLES);
  if (values.monthlyCouponTemplateId) await findTemplate(db, auth.tenantId, values.monthlyCouponTemplateId);
  try {
    return viewOf(await write());
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', `Another level already has rank ${values.rank}`);
    throw error;
  }
};

const createRoute_ = createRoute({
  ...authed,
  method: 'post',
  path: '/loyalty/levels',
  operationId: 'createLevel',
  summary: 'Add a member level (e.g. Sprout, Blossom, Fruit) with its threshold and benefits',
  request: { body: jsonBody(createInput) },
  responses: { 201: jsonResponse('Created', levelSchema) },
});

const listRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/loyalty/levels',
  operationId: 'listLevels',
  responses: { 200: jsonResponse('Levels, lowest rank first', z.object({ items: z.array(levelSchema) })) },
});

const updateRoute = createRoute({
  ...authed,
  method: 'patch',
  path: '/loyalty/levels/{id}',
  operationId: 'updateLevel',
  summary: 'Change a level (members move on their next points change, or with the nightly job)',
  request: { params: idParams, body: jsonBody(updateInput) },
  responses: { 200: jsonResponse('Updated', levelSchema) },
});

export const levelsRouter = createRouter()
  .openapi(createRoute_, async (c) => {
    const { deps, auth } = c.var;
    const input = c.req.valid('json');
    return c.json(
      await writeLevel(deps.db, auth, () => insertLevel(deps.db, auth.tenantId, input), input),
      201,
    );
  })
  .openapi(listRoute, async (c) =>
    c.json({ items: (await listLevelRows(c.var.deps.db, c.var.auth.tenantId)).map(viewOf) }, 200),
  )
  .openapi(updateRoute, async (c) => {
    const { deps, auth } = c.var;
    const input = c.req.valid('json');
    const { id } = c.req.valid('param');
    await findLevel(deps.db, auth.tenantId, id);
    return c.json(
      await writeLevel(deps.db, auth, () => saveLevel(deps.db, auth.tenantId, id, input), input),
      200,
    );
  });
