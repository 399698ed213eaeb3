import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../../access/access.schemas.ts';
import { requireAuth } from '../../access/require-auth.ts';
import { couponStatuses } from '../../db/schema/index.ts';
import { createRouter } from '../../http/app.ts';
import { limitSchema, pageSchema, uuidCursorSchema } from '../../http/pagination.ts';
import {
  couponSchema,
  couponTemplateSchema,
  createCouponTemplateInput,
  issueCouponInput,
  redeemCouponInput,
  redemptionSchema,
  voidCouponInput,
} from './coupons.schemas.ts';
import { listIssuedCoupons } from './list-coupons.ts';
import {
  createCouponTemplate,
  issueCouponByStaff,
  listCouponTemplates,
  listMemberCoupons,
} from './manage-coupons.ts';
import { redeemCoupon, voidCoupon } from './redeem-coupon.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['coupons'] };

const createTemplateRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/coupon-templates',
  operationId: 'createCouponTemplate',
  summary:
    'Create a coupon template: ¥10 off, ¥20 off ¥49, 15% off, or a gift; stock, limits, validity, stores',
  request: { body: jsonBody(createCouponTemplateInput) },
  responses: { 201: jsonResponse('Created', couponTemplateSchema) },
});

const listTemplatesRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/coupon-templates',
  operationId: 'listCouponTemplates',
  responses: { 200: jsonResponse('Templates', z.object({ items: z.array(couponTemplateSchema) })) },
});

const issueRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/coupons',
  operationId: 'issueCoupon',
  summary: 'Issue a coupon to a member (201), or return the one issued under the same idempotency key (200)',
  request: { body: jsonBody(issueCouponInput) },
  responses: {
    201: jsonResponse('Issued', couponSchema),
    200: jsonResponse('Issued before under this idempotency key', couponSchema),
  },
});

const redeemRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/coupons/redeem',
  operationId: 'redeemCoupon',
  summary: 'Redeem a coupon by its code at a store (POS); the same requestId again returns the first answer',
  description:
    'Refusals: 404 not_found (no coupon of this brand has the code), 409 coupon_already_redeemed, 409 ' +
    'coupon_expired, 409 coupon_voided, 422 coupon_not_applicable (wrong store, not valid yet, order too small).',
  request: { body: jsonBody(redeemCouponInput) },
  responses: { 200: jsonResponse('Redeemed', redemptionSchema) },
});

const voidRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/coupons/{id}/void',
  operationId: 'voidCoupon',
  request: { params: idParams, body: jsonBody(voidCouponInput) },
  responses: { 200: jsonResponse('Voided', couponSchema) },
});

const listMemberCouponsRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/members/{id}/coupons',
  operationId: 'listMemberCoupons',
  request: {
    params: idParams,
    query: z.object({
      status: z
        .enum(couponStatuses)
        .optional()
        .openapi({ param: { name: 'status', in: 'query' } }),
    }),
  },
  responses: { 200: jsonResponse('Coupons', z.object({ items: z.array(couponSchema) })) },
});

const listCouponsRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/coupons',
  operationId: 'listCoupons',
  summary: 'Issued coupons, newest first, with their member (store roles: their stores’ members)',
  request: {
    query: z.object({
      limit: limitSchema,
      cursor: uuidCursorSchema,
      status: z
        .enum(couponStatuses)
        .optional()
        .openapi({ param: { name: 'status', in: 'query' } }),
      templateId: z
        .uuid()
        .optional()
        .openapi({ param: { name: 'templateId', in: 'query' } }),
    }),
  },
  responses: {
    200: jsonResponse(
      'A page of coupons',
      pageSchema(couponSchema.extend({ memberName: z.string() }).openapi('IssuedCoupon')),
    ),
  },
});

export const couponsRouter = createRouter()
  .openapi(createTemplateRoute, async (c) =>
    c.json(await createCouponTemplate(c.var.deps.db, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(listTemplatesRoute, async (c) =>
    c.json({ items: await listCouponTemplates(c.var.deps.db, c.var.auth) }, 200),
  )
  .openapi(issueRoute, async (c) => {
    const { coupon, isNew } = await issueCouponByStaff(c.var.deps, c.var.auth, c.req.valid('json'));
    return isNew ? c.json(coupon, 201) : c.json(coupon, 200);
  })
  .openapi(redeemRoute, async (c) =>
    c.json(await redeemCoupon(c.var.deps, c.var.auth, c.req.valid('json')), 200),
  )
  .openapi(voidRoute, async (c) => {
    const coupon = await voidCoupon(c.var.deps, c.var.auth, {
      id: c.req.valid('param').id,
      reason: c.req.valid('json').reason,
    });
    return c.json(coupon, 200);
  })
  .openapi(listMemberCouponsRoute, async (c) => {
    const items = await listMemberCoupons(c.var.deps.db, c.var.auth, {
      memberId: c.req.valid('param').id,
      status: c.req.valid('query').status,
    });
    return c.json({ items }, 200);
  })
  .openapi(listCouponsRoute, async (c) =>
    c.json(await listIssuedCoupons(c.var.deps.db, c.var.auth, c.req.valid('query')), 200),
  );
