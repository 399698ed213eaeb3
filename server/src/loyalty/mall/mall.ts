import type { FulfilmentMethod, MallItemKind } from '../../db/schema/index.ts';
import { type LevelRule, meetsLevel } from '../levels/levels.ts';

/** Points-mall rules, pure: who may take an item and how a physical one reaches them. */

export type FulfilmentRequest = { method?: FulfilmentMethod; storeId?: string; address?: string };
export type FulfilmentPlan =
  | { kind: 'none' }
  | { kind: 'pickup'; storeId: string }
  | { kind: 'shipping'; address: string }
  | { kind: 'invalid'; path: string; message: string };

/** A physical item needs a way to the member the item offers: a store to pick it up at, or an address. */
export const planFulfilment = (
  item: { kind: MallItemKind; fulfilmentMethods: readonly FulfilmentMethod[] },
  request: FulfilmentRequest | undefined,
): FulfilmentPlan => {
  if (item.kind !== 'physical') return { kind: 'none' };
  const method =
    request?.method ?? (item.fulfilmentMethods.length === 1 ? item.fulfilmentMethods[0] : undefined);
  if (!method || !item.fulfilmentMethods.includes(method)) {
    return {
      kind: 'invalid',
      path: 'fulfilment.method',
      message: `choose one of: ${item.fulfilmentMethods.join(', ') || 'none offered'}`,
    };
  }
  if (method === 'pickup') {
    return request?.storeId
      ? { kind: 'pickup', storeId: request.storeId }
      : {
          kind: 'invalid',
          path: 'fulfilment.storeId',
          message: 'a store to pick the item up at is required',
        };
  }
  const address = request?.address?.trim();
  return address
    ? { kind: 'shipping', address }
    : { kind: 'invalid', path: 'fulfilment.address', message: 'a shipping address is required' };
};

export type Availability =
  | { isAvailable: true }
  | { isAvailable: false; reason: 'inactive' | 'sold_out' | 'level' };

/** Whether a member may see an item as redeemable (points and per-member limits are checked on redemption). */
export const availabilityOf = (
  item: { isActive: boolean; stock: number | null },
  levels: { member: Pick<LevelRule, 'rank'> | null; required: Pick<LevelRule, 'rank'> | null },
): Availability => {
  if (!item.isActive) return { isAvailable: false, reason: 'inactive' };
  if (item.stock !== null && item.stock <= 0) return { isAvailable: false, reason: 'sold_out' };
  if (!meetsLevel(levels.member, levels.required)) return { isAvailable: false, reason: 'level' };
  return { isAvailable: true };
};
