import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../../access/access.schemas.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { requireAuth } from '../../access/require-auth.ts';
import type { AppDeps } from '../../app/deps.ts';
import { createRouter } from '../../http/app.ts';
import { pageSchema, paginationQuery } from '../../http/pagination.ts';
import { findVisibleMember } from '../../members/members.store.ts';
import { ledgerEntrySchema, pointsSummarySchema } from '../loyalty.schemas.ts';
import { createMemberLink } from '../me/member-link.ts';
import { adjustMemberPoints, checkPointsBalances, reverseMemberPointsEntry } from './manage-points.ts';
import { pageLedger, summarizeMemberPoints } from './member-points.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['points'] };

/** A member the caller may see (another brand's or store's is a 404). */
const visibleMemberId = async (deps: AppDeps, auth: AuthContext, id: string): Promise<string> =>
  (await findVisibleMember(deps.db, { tenantId: auth.tenantId, scope: auth.scope, id })).id;

const pointsResultSchema = ledgerEntrySchema
  .extend({
    balance: z.number(),
    isNew: z.boolean(),
    levelChange: z
      .object({
        from: z.object({ id: z.uuid(), name: z.string(), rank: z.number() }).nullable(),
        to: z.object({ id: z.uuid(), name: z.string(), rank: z.number() }).nullable(),
        direction: z.enum(['up', 'down']),
      })
      .nullable(),
  })
  .openapi('PointsChange');

const getPointsRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/members/{id}/points',
  operationId: 'getMemberPoints',
  summary: 'A member’s balance, level, next level and next expiry',
  request: { params: idParams },
  responses: { 200: jsonResponse('Points', pointsSummarySchema) },
});

const historyRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/members/{id}/points/history',
  operationId: 'listMemberPointsHistory',
  request: { params: idParams, query: paginationQuery },
  responses: { 200: jsonResponse('Ledger entries, newest first', pageSchema(ledgerEntrySchema)) },
});

const adjustRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/members/{id}/points/adjustments',
  operationId: 'adjustPoints',
  summary: 'Add or take points by hand (owner, operator); the reason is kept in the ledger and the audit log',
  request: {
    params: idParams,
    body: jsonBody(
      z
        .object({
          points: z
            .number()
            .int()
            .min(-10_000_000)
            .max(10_000_000)
            .refine((n) => n !== 0, 'must not be 0'),
          reason: z.string().trim().min(3).max(500),
          source: z.enum(['manual', 'import']).default('manual'),
          idempotencyKey: z.string().min(1).max(200).optional(),
        })
        .openapi('AdjustPointsInput'),
    ),
  },
  responses: { 201: jsonResponse('Adjusted', pointsResultSchema) },
});

const reverseRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/points/entries/{entryId}/reverse',
  operationId: 'reversePointsEntry',
  summary: 'Undo a ledger entry once: refund a spend, or take back what is left of an earning',
  request: {
    params: z.object({
      entryId: z.coerce
        .number()
        .int()
        .min(1)
        .openapi({ param: { name: 'entryId', in: 'path' } }),
    }),
    body: jsonBody(z.object({ reason: z.string().trim().min(3).max(500) })),
  },
  responses: { 201: jsonResponse('Reversed', pointsResultSchema) },
});

const balanceCheckRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/loyalty/balance-check',
  operationId: 'checkPointsBalances',
  summary: 'Members whose balance differs from the sum of their ledger (expected: none)',
  responses: {
    200: jsonResponse(
      'Mismatches',
      z.object({
        items: z.array(z.object({ memberId: z.uuid(), balance: z.number(), ledgerSum: z.number() })),
      }),
    ),
  },
});

const memberLinkRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/members/{id}/member-link',
  operationId: 'createMemberLink',
  summary: 'A signed, expiring link to the member’s own pages (points, mall, coupons, check-in), no login',
  request: {
    params: idParams,
    body: jsonBody(z.object({ days: z.number().int().min(1).max(365).default(30) })),
  },
  responses: {
    201: jsonResponse('Link', z.object({ url: z.string(), token: z.string(), expiresAt: z.string() })),
  },
});

export const pointsRouter = createRouter()
  .openapi(getPointsRoute, async (c) => {
    const { deps, auth } = c.var;
    const memberId = await visibleMemberId(deps, auth, c.req.valid('param').id);
    return c.json(
      await summarizeMemberPoints(deps.db, { tenantId: auth.tenantId, memberId, now: deps.now() }),
      200,
    );
  })
  .openapi(historyRoute, async (c) => {
    const { deps, auth } = c.var;
    const memberId = await visibleMemberId(deps, auth, c.req.valid('param').id);
    return c.json(
      await pageLedger(deps.db, { tenantId: auth.tenantId, memberId, ...c.req.valid('query') }),
      200,
    );
  })
  .openapi(adjustRoute, async (c) =>
    c.json(
      await adjustMemberPoints(c.var.deps, c.var.auth, {
        memberId: c.req.valid('param').id,
        ...c.req.valid('json'),
      }),
      201,
    ),
  )
  .openapi(reverseRoute, async (c) =>
    c.json(
      await reverseMemberPointsEntry(c.var.deps, c.var.auth, {
        entryId: c.req.valid('param').entryId,
        ...c.req.valid('json'),
      }),
      201,
    ),
  )
  .openapi(balanceCheckRoute, async (c) =>
    c.json({ items: await checkPointsBalances(c.var.deps, c.var.auth) }, 200),
  )
  .openapi(memberLinkRoute, async (c) => {
    const { deps, auth } = c.var;
    const memberId = await visibleMemberId(deps, auth, c.req.valid('param').id);
    const link = createMemberLink(deps, {
      tenantId: auth.tenantId,
      memberId,
      days: c.req.valid('json').days,
    });
    return c.json({ ...link, expiresAt: link.expiresAt.toISOString() }, 201);
  });
