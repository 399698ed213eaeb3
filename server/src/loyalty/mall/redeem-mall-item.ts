import type { AppDeps } from '../../app/deps.ts';
import { AppError } from '../../errors.ts';
import { recordMemberEvents } from '../../timeline/record-member-event.ts';
import { issueCoupon, refusalError } from '../coupons/issue-coupon.ts';
import { assertBrandStores } from '../coupons/manage-coupons.ts';
import { findLevel } from '../levels/levels.store.ts';
import { meetsLevel } from '../levels/levels.ts';
import { spendPoints } from '../points/grant-points.ts';
import { findAccountWithLevel } from '../points/points.store.ts';
import { runRewardTx } from '../reward-tx.ts';
import {
  countRedemptions,
  type FulfilmentRow,
  findMallItem,
  findRedemptionByKey,
  insertFulfilment,
  insertRedemption,
  type RedemptionRow,
  takeStock,
} from './mall.store.ts';
import { type FulfilmentRequest, planFulfilment } from './mall.ts';

const soldOut = (name: string) => new AppError('out_of_stock', `${name} is sold out`);

export type MallRedemptionView = {
  id: string;
  itemId: string;
  points: number;
  couponId: string | null;
  fulfilment: { id: string; method: string; storeId: string | null; status: string } | null;
  createdAt: string;
};

const viewOf = (redemption: RedemptionRow, fulfilment: FulfilmentRow | null): MallRedemptionView => ({
  id: redemption.id,
  itemId: redemption.itemId,
  points: redemption.points,
  couponId: redemption.couponId,
  fulfilment: fulfilment
    ? { id: fulfilment.id, method: fulfilment.method, storeId: fulfilment.storeId, status: fulfilment.status }
    : null,
  createdAt: redemption.createdAt.toISOString(),
});

/**
 * A member buys a mall item with points, all in one transaction: points spent (the member's balance row, locked
 * by its guarded UPDATE), per-member limit, stock taken (a guarded UPDATE on the item, last so the hot row is
 * held briefly), the coupon or fulfilment record. Any refusal rolls all of it back. `requestId` (from the
 * member's page) makes a retried tap return the first redemption.
 */
export const redeemMallItem = async (
  deps: AppDeps,
  input: {
    tenantId: string;
    memberId: string;
    itemId: string;
    requestId: string;
    fulfilment?: FulfilmentRequest;
  },
): Promise<{ redemption: MallRedemptionView; isNew: boolean }> => {
  const { tenantId, memberId } = input;
  const key = `mall:${memberId}:${input.requestId}`;
  const replay = await findRedemptionByKey(deps.db, tenantId, key);
  if (replay) return { redemption: viewOf(replay.redemption, replay.fulfilment), isNew: false };
  const item = await findMallItem(deps.db, tenantId, input.itemId);
  if (!item.isActive) throw new AppError('conflict', 'This item is no longer offered');
  // Sold out already: answer without a transaction (the guarded UPDATE below is what decides a race).
  if (item.stock !== null && item.stock <= 0) throw soldOut(item.name);
  const plan = planFulfilment(item, input.fulfilment);
  if (plan.kind === 'invalid') {
    throw new AppError('validation_failed', `Invalid body: ${plan.path}: ${plan.message}`, [
      { path: plan.path, message: plan.message },
    ]);
  }
  if (plan.kind === 'pickup')
    await assertBrandStores(deps.db, tenantId, [plan.storeId], 'fulfilment.storeId');
  if (item.minLevelId) {
    const [required, account] = [
      await findLevel(deps.db, tenantId, item.minLevelId),
      await findAccountWithLevel(deps.db, tenantId, memberId),
    ];
    if (!meetsLevel(account?.level ?? null, required)) {
      throw new AppError('not_eligible', `This item is for ${required.name} members and above`);
    }
  }
  return runRewardTx(deps, tenantId, async (rt) => {
    const spent = await spendPoints(rt, {
      memberId,
      points: item.pointsPrice,
      source: 'mall',
      reason: `Points mall: ${item.name}`,
      idempotencyKey: key,
      data: { itemId: item.id },
    });
    if (!spent.isNew) {
      const first = await findRedemptionByKey(rt.tx, tenantId, key);
      if (!first) throw new AppError('conflict', 'This request is already being processed');
      return { redemption: viewOf(first.redemption, first.fulfilment), isNew: false };
    }
    if (
      item.perMemberLimit !== null &&
      (await countRedemptions(rt.tx, { itemId: item.id, memberId })) >= item.perMemberLimit
    ) {
      throw new AppError('limit_reached', `A member may redeem this item ${item.perMemberLimit} times`);
    }
    if (!(await takeStock(rt.tx, item.id))) throw soldOut(item.name);
    let couponId: string | null = null;
    if (item.kind === 'coupon' && item.couponTemplateId) {
      const issued = await issueCoupon(rt, {
        memberId,
        templateId: item.couponTemplateId,
        source: 'mall',
        idempotencyKey: key,
      });
      if (issued.status === 'refused') throw refusalError(issued);
      couponId = issued.coupon.id;
    }
    const redemption = await insertRedemption(rt.tx, {
      tenantId,
      itemId: item.id,
      memberId,
      points: item.pointsPrice,
      idempotencyKey: key,
      ledgerEntryId: spent.entry.id,
      couponId,
      createdAt: rt.now,
    });
    const fulfilment =
      plan.kind === 'none'
        ? null
        : await insertFulfilment(rt.tx, {
            tenantId,
            redemptionId: redemption.id,
            memberId,
            itemId: item.id,
            method: plan.kind,
            storeId: plan.kind === 'pickup' ? plan.storeId : null,
            address: plan.kind === 'shipping' ? plan.address : null,
            createdAt: rt.now,
          });
    await recordMemberEvents(rt.tx, [
      {
        tenantId,
        memberId,
        type: 'mall.redeemed',
        occurredAt: rt.now,
        data: { itemId: item.id, itemName: item.name, points: item.pointsPrice, redemptionId: redemption.id },
      },
    ]);
    return { redemption: viewOf(redemption, fulfilment), isNew: true };
  });
};
