import type { Middleware } from '../pipeline/middleware.ts';
import { recordOrder } from './record-order.ts';

/**
 * Orders a platform reports (a shop inside the platform) become orders like any other: recorded once per order id
 * (processing the event again changes nothing), attributed through the member the pipeline resolved.
 */
export const recordPlatformOrders: Middleware = async (ctx, next) => {
  const { event } = ctx;
  if (event.type === 'order' && ctx.member && event.amountCents > 0) {
    await recordOrder(ctx.tx, {
      tenantId: ctx.tenantId,
      scope: { kind: 'brand' },
      source: 'platform',
      memberId: ctx.member.id,
      order: {
        externalId: event.orderExternalId,
        amountCents: event.amountCents,
        currency: event.currency,
        orderedAt: event.occurredAt.toISOString(),
      },
    });
  }
  await next();
};
