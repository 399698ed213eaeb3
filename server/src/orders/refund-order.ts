import { and, eq, sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import { canSeeStore } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import { memberEvents, orderRefunds, orders } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import type { RefundInput } from './orders.schemas.ts';
import type { OrderRow } from './orders.store.ts';

/**
 * A full or partial refund, once per refund id: revenue becomes amount − refunded. More than what is left to refund
 * is a conflict; the same refund id again is a no-op (a different amount under the same id, a conflict).
 */
export const refundOrder = async (
  db: Db,
  input: { tenantId: string; scope: Scope; orderId?: string; orderExternalId?: string; refund: RefundInput },
): Promise<{ order: OrderRow; isNew: boolean }> =>
  db.transaction(async (tx) => {
    const { tenantId, refund } = input;
    const [order] = await tx
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.tenantId, tenantId),
          input.orderId ? eq(orders.id, input.orderId) : eq(orders.externalId, input.orderExternalId ?? ''),
        ),
      )
      .for('update');
    if (!order || !canSeeStore(input.scope, order.storeId)) throw notFound('Order');
    const [previous] = await tx
      .select()
      .from(orderRefunds)
      .where(and(eq(orderRefunds.orderId, order.id), eq(orderRefunds.externalId, refund.externalId)));
    if (previous) {
      if (previous.amountCents !== refund.amountCents) {
        throw new AppError(
          'conflict',
          `Refund ${refund.externalId} was already recorded with another amount`,
        );
      }
      return { order, isNew: false };
    }
    if (order.refundedCents + refund.amountCents > order.amountCents) {
      throw new AppError(
        'conflict',
        `amountCents: refunds would exceed the order (${order.amountCents - order.refundedCents} left to refund)`,
      );
    }
    const refundedAt = new Date(refund.refundedAt);
    const [row] = await tx
      .insert(orderRefunds)
      .values({
        tenantId,
        orderId: order.id,
        externalId: refund.externalId,
        amountCents: refund.amountCents,
        refundedAt,
      })
      .returning();
    const [updated] = await tx
      .update(orders)
      .set({ refundedCents: sql`${orders.refundedCents} + ${refund.amountCents}` })
      .where(eq(orders.id, order.id))
      .returning();
    if (order.memberId) {
      await tx
        .insert(memberEvents)
        .values({
          tenantId,
          memberId: order.memberId,
          type: 'order.refunded',
          occurredAt: refundedAt,
          communityId: order.communityId,
          data: {
            orderId: order.id,
            externalId: order.externalId,
            refundExternalId: refund.externalId,
            amountCents: refund.amountCents,
            isFull: updated!.refundedCents === updated!.amountCents,
          },
          dedupeKey: `refund:${row!.id}`,
        })
        .onConflictDoNothing();
    }
    return { order: updated!, isNew: true };
  });
