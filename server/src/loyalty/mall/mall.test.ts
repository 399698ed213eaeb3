import { describe, expect, it } from 'vitest';
import { availabilityOf, planFulfilment } from './mall.ts';

describe('points mall rules', () => {
  const mug = { kind: 'physical' as const, fulfilmentMethods: ['pickup' as const, 'shipping' as const] };

  it('needs a way for a physical item to reach the member', () => {
    expect(planFulfilment(mug, { method: 'pickup', storeId: 's1' })).toEqual({
      kind: 'pickup',
      storeId: 's1',
    });
    expect(planFulfilment(mug, { method: 'shipping', address: ' 1 Fruit Rd ' })).toEqual({
      kind: 'shipping',
      address: '1 Fruit Rd',
    });
    expect(planFulfilment(mug, undefined)).toMatchObject({ kind: 'invalid', path: 'fulfilment.method' });
    expect(planFulfilment(mug, { method: 'pickup' })).toMatchObject({
      kind: 'invalid',
      path: 'fulfilment.storeId',
    });
    expect(
      planFulfilment({ ...mug, fulfilmentMethods: ['pickup'] }, { method: 'shipping', address: 'x' }),
    ).toMatchObject({ kind: 'invalid', path: 'fulfilment.method' });
    // One way offered: it is the way.
    expect(planFulfilment({ ...mug, fulfilmentMethods: ['pickup'] }, { storeId: 's1' })).toEqual({
      kind: 'pickup',
      storeId: 's1',
    });
  });

  it('needs nothing for coupons and virtual items', () => {
    expect(planFulfilment({ kind: 'coupon', fulfilmentMethods: [] }, undefined)).toEqual({ kind: 'none' });
    expect(planFulfilment({ kind: 'virtual', fulfilmentMethods: [] }, undefined)).toEqual({ kind: 'none' });
  });

  it('shows why an item cannot be taken', () => {
    const item = { isActive: true, stock: 3 };
    const levels = { member: { rank: 1 }, required: null };
    expect(availabilityOf(item, levels)).toEqual({ isAvailable: true });
    expect(availabilityOf({ ...item, stock: null }, levels)).toEqual({ isAvailable: true });
    expect(availabilityOf({ ...item, stock: 0 }, levels)).toEqual({ isAvailable: false, reason: 'sold_out' });
    expect(availabilityOf({ ...item, isActive: false }, levels)).toEqual({
      isAvailable: false,
      reason: 'inactive',
    });
    expect(availabilityOf(item, { member: { rank: 1 }, required: { rank: 2 } })).toEqual({
      isAvailable: false,
      reason: 'level',
    });
  });
});
