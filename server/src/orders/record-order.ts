import { and, eq, sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import { canSeeStore } from '../access/scope.ts';
import { loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import type { Db } from '../db/client.ts';
import { memberEvents, type OrderSource, orders, stores } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { OrderInput } from './orders.schemas.ts';
import {
  attributionOf,
  findMemberByRef,
  findOrderByExternalId,
  type OrderAttribution,
  type OrderRow,
} from './orders.store.ts';

const unattributed: OrderAttribution = {
  storeId: null,
  staffId: null,
  communityId: null,
  firstCodeId: null,
  lastCodeId: null,
  campaignIds: [],
};

export type RecordOrderResult = { order: OrderRow; isNew: boolean };

/**
 * Record an order once per external id: the same id again answers the order already recorded (no second revenue).
 * The order is attributed through its member as it stands at the order's time, and goes on the member's timeline;
 * all in one transaction.
 */
export const recordOrder = async (
  db: Db,
  input: { tenantId: string; scope: Scope; order: OrderInput; source: OrderSource; memberId?: string | null },
): Promise<RecordOrderResult> => {
  const { tenantId, order } = input;
  const existing = await findOrderByExternalId(db, tenantId, order.externalId);
  if (existing) {
    if (!canSeeStore(input.scope, existing.storeId))
      throw new AppError('forbidden', 'The order belongs to a store outside your scope');
    return { order: existing, isNew: false };
  }
  const { attributionWindowDays } = await loadAnalyticsSettings(db, tenantId);
  return db.transaction(async (tx) => {
    const orderedAt = new Date(order.orderedAt);
    const memberId =
      input.memberId !== undefined
        ? input.memberId
        : order.member
          ? await findMemberByRef(tx, tenantId, order.member)
          : null;
    const attribution = memberId
      ? await attributionOf(tx, { tenantId, memberId, at: orderedAt, windowDays: attributionWindowDays })
      : unattributed;
    if (order.storeId) {
      const [store] = await tx
        .select({ id: stores.id })
        .from(stores)
        .where(and(eq(stores.tenantId, tenantId), eq(stores.id, order.storeId)));
      if (!store)
        throw new AppError('validation_failed', 'storeId: unknown store', [
          { path: 'storeId', message: 'unknown store' },
        ]);
    }
    const storeId = order.storeId ?? attribution.storeId;
    if (input.scope.kind === 'stores' && !canSeeStore(input.scope, storeId)) {
      throw new AppError('forbidden', 'The order belongs to a store outside your scope');
    }
    const [row] = await tx
      .insert(orders)
      .values({
        tenantId,
        externalId: order.externalId,
        source: input.source,
        memberId,
        ...attribution,
        storeId,
        amountCents: order.amountCents,
        currency: order.currency,
        orderedAt,
        data: {
          ...(order.data ?? {}),
          ...(order.member && !memberId ? { unmatchedMember: order.member } : {}),
        },
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      // Another request recorded the same id meanwhile.
      const raced = await findOrderByExternalId(tx, tenantId, order.externalId);
      return { order: raced!, isNew: false };
    }
    if (memberId) {
      await tx
        .insert(memberEvents)
        .values({
          tenantId,
          memberId,
          type: 'order.placed',
          occurredAt: orderedAt,
          communityId: attribution.communityId,
          data: {
            orderId: row.id,
            externalId: row.externalId,
            amountCents: row.amountCents,
            currency: row.currency,
            storeId,
            campaignIds: attribution.campaignIds,
          },
          dedupeKey: `order:${row.id}`,
        })
        .onConflictDoNothing();
    }
    return { order: row, isNew: true };
  });
};

/** Orders the caller may see, newest first (store-bound staff: their stores' orders only). */
export const visibleOrderFilter = (scope: Scope) =>
  scope.kind === 'brand'
    ? undefined
    : sql`${orders.storeId} = any(${`{${scope.storeIds.join(',')}}`}::uuid[])`;
