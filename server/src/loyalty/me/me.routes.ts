import { createRoute, z } from '@hono/zod-openapi';
import { idParams, jsonBody, jsonResponse } from '../../access/access.schemas.ts';
import { renderQrSvg } from '../../acquisition/code-images.ts';
import { createRouter } from '../../http/app.ts';
import { pageSchema, paginationQuery } from '../../http/pagination.ts';
import { couponSchema } from '../coupons/coupons.schemas.ts';
import { listCouponsOfMember } from '../coupons/coupons.store.ts';
import { couponViewOf } from '../coupons/issue-coupon.ts';
import { listLevelRows } from '../levels/levels.store.ts';
import { ledgerEntrySchema, pointsSummarySchema } from '../loyalty.schemas.ts';
import { mallItemSchema, mallRedemptionSchema, redeemMallItemInput } from '../mall/mall.schemas.ts';
import { listMallItemRows } from '../mall/mall.store.ts';
import { availabilityOf } from '../mall/mall.ts';
import { mallItemViewOf } from '../mall/manage-mall.ts';
import { redeemMallItem } from '../mall/redeem-mall-item.ts';
import { pageLedger, summarizeMemberPoints } from '../points/member-points.ts';
import { findMyCouponCode, loadMemberProfile } from './me.store.ts';
import { memberLinkSecurity, requireMember } from './require-member.ts';

const mine = { security: memberLinkSecurity, tags: ['member pages'] };

const myProfileRoute = createRoute({
  ...mine,
  method: 'get',
  path: '/me/profile',
  operationId: 'getMyProfile',
  summary: 'Who the member page is for: the member, the brand, and the stores (the member’s own first)',
  responses: {
    200: jsonResponse(
      'Profile',
      z
        .object({
          member: z.object({ id: z.uuid(), name: z.string(), storeId: z.uuid().nullable() }),
          brand: z.object({ name: z.string() }),
          stores: z.array(z.object({ id: z.uuid(), name: z.string(), address: z.string().nullable() })),
        })
        .openapi('MemberProfile'),
    ),
  },
});

const myPointsRoute = createRoute({
  ...mine,
  method: 'get',
  path: '/me/points',
  operationId: 'getMyPoints',
  summary: 'The member’s balance, level, next level and next expiry',
  responses: { 200: jsonResponse('Points', pointsSummarySchema) },
});

const myHistoryRoute = createRoute({
  ...mine,
  method: 'get',
  path: '/me/points/history',
  operationId: 'listMyPointsHistory',
  request: { query: paginationQuery },
  responses: { 200: jsonResponse('Ledger entries, newest first', pageSchema(ledgerEntrySchema)) },
});

const myMallRoute = createRoute({
  ...mine,
  method: 'get',
  path: '/me/mall/items',
  operationId: 'listMyMallItems',
  summary: 'The points mall as this member sees it: what they may redeem, and why not otherwise',
  responses: {
    200: jsonResponse(
      'Items',
      z.object({
        items: z.array(
          mallItemSchema.extend({
            isAvailable: z.boolean(),
            unavailableReason: z.enum(['inactive', 'sold_out', 'level']).nullable(),
          }),
        ),
      }),
    ),
  },
});

const redeemRoute = createRoute({
  ...mine,
  method: 'post',
  path: '/me/mall/items/{id}/redeem',
  operationId: 'redeemMallItem',
  summary: 'Spend points on a mall item (201), or get the redemption made under the same requestId (200)',
  description:
    'Refusals: 409 insufficient_points, 409 out_of_stock, 409 limit_reached, 403 not_eligible (level too low).',
  request: { params: idParams, body: jsonBody(redeemMallItemInput) },
  responses: {
    201: jsonResponse('Redeemed', mallRedemptionSchema),
    200: jsonResponse('Redeemed before under this requestId', mallRedemptionSchema),
  },
});

const myCouponsRoute = createRoute({
  ...mine,
  method: 'get',
  path: '/me/coupons',
  operationId: 'listMyCoupons',
  summary: 'The member’s coupons with their redemption codes',
  responses: { 200: jsonResponse('Coupons', z.object({ items: z.array(couponSchema) })) },
});

const myCouponQrRoute = createRoute({
  ...mine,
  method: 'get',
  path: '/me/coupons/{id}/qr',
  operationId: 'getMyCouponQr',
  summary: 'The coupon’s redemption code as a QR code (SVG) for the cashier to scan',
  request: { params: idParams },
  responses: {
    200: { description: 'The QR image', content: { 'image/svg+xml': { schema: z.string() } } },
  },
});

export const meRouter = createRouter()
  .openapi(myProfileRoute, async (c) => {
    const me = await requireMember(c);
    return c.json(await loadMemberProfile(c.var.deps.db, me), 200);
  })
  .openapi(myPointsRoute, async (c) => {
    const me = await requireMember(c);
    return c.json(await summarizeMemberPoints(c.var.deps.db, { ...me, now: c.var.deps.now() }), 200);
  })
  .openapi(myHistoryRoute, async (c) => {
    const me = await requireMember(c);
    return c.json(await pageLedger(c.var.deps.db, { ...me, ...c.req.valid('query') }), 200);
  })
  .openapi(myMallRoute, async (c) => {
    const me = await requireMember(c);
    const { db } = c.var.deps;
    const [summary, levels, rows] = [
      await summarizeMemberPoints(db, { ...me, now: c.var.deps.now() }),
      await listLevelRows(db, me.tenantId),
      await listMallItemRows(db, me.tenantId, { isActiveOnly: true }),
    ];
    const items = rows.map((row) => {
      const availability = availabilityOf(row, {
        member: summary.level,
        required: levels.find((l) => l.id === row.minLevelId) ?? null,
      });
      return {
        ...mallItemViewOf(row),
        isAvailable: availability.isAvailable,
        unavailableReason: availability.isAvailable ? null : availability.reason,
      };
    });
    return c.json({ items }, 200);
  })
  .openapi(redeemRoute, async (c) => {
    const me = await requireMember(c);
    const { redemption, isNew } = await redeemMallItem(c.var.deps, {
      ...me,
      itemId: c.req.valid('param').id,
      ...c.req.valid('json'),
    });
    return isNew ? c.json(redemption, 201) : c.json(redemption, 200);
  })
  .openapi(myCouponsRoute, async (c) => {
    const me = await requireMember(c);
    const rows = await listCouponsOfMember(c.var.deps.db, me);
    return c.json({ items: rows.map((r) => couponViewOf(r.coupon, r.template)) }, 200);
  })
  .openapi(myCouponQrRoute, async (c) => {
    const me = await requireMember(c);
    const code = await findMyCouponCode(c.var.deps.db, { ...me, couponId: c.req.valid('param').id });
    // Private to the member: never kept by a shared cache.
    return c.body(await renderQrSvg(code), 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'private, max-age=3600',
    });
  });
