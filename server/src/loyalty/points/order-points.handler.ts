import type { Middleware } from '../../pipeline/middleware.ts';
import { rewardTxOfEvent } from '../reward-tx.ts';
import { loadBrandLoyalty } from '../settings/settings.store.ts';
import { grantPoints } from './grant-points.ts';
import { pointsForOrder } from './points.ts';

/**
 * Points for orders the platform reports: the brand's points per yuan, times the member's level multiplier, and
 * the amount added to the member's spend (the spend level basis). Keyed by the order, so it pays once.
 */
export const earnOrderPoints: Middleware = async (ctx, next) => {
  const { event } = ctx;
  if (event.type === 'order' && ctx.member && event.amountCents > 0) {
    const brand = await loadBrandLoyalty(ctx.tx, ctx.tenantId);
    await grantPoints(rewardTxOfEvent(ctx), {
      memberId: ctx.member.id,
      points: pointsForOrder(event.amountCents, brand.rules.points.perOrderYuan),
      source: 'order',
      reason: `Order ${event.orderExternalId}`,
      idempotencyKey: `order:${ctx.platformAccountId}:${event.orderExternalId}`,
      spendCents: event.amountCents,
      data: {
        orderExternalId: event.orderExternalId,
        amountCents: event.amountCents,
        currency: event.currency,
      },
    });
  }
  await next();
};
