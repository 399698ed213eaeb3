import type { Db } from '../db/client.ts';
import { couponTemplates, loyaltyLevels, mallItems } from '../db/schema/index.ts';

/**
 * The demo brand's loyalty programme (seed 003's welcome coupons, three levels, a small points mall), in the
 * caller's transaction. The brand's rules stay the defaults: 10 points a check-in, streak bonuses on days 3, 7, 30.
 */
export const seedDemoLoyalty = async (tx: Db, input: { tenantId: string; pickupStoreIds: string[] }) => {
  const { tenantId } = input;
  const [noThreshold, twentyOff] = await tx
    .insert(couponTemplates)
    .values([
      {
        tenantId,
        name: '¥10 no threshold',
        kind: 'fixed',
        amountCents: 1_000,
        costCents: 1_000,
        validityKind: 'relative',
        validDays: 3,
      },
      {
        tenantId,
        name: '¥20 off ¥49',
        kind: 'threshold',
        amountCents: 2_000,
        thresholdCents: 4_900,
        costCents: 2_000,
        validityKind: 'relative',
        validDays: 7,
      },
    ])
    .returning({ id: couponTemplates.id });
  const [, blossom] = await tx
    .insert(loyaltyLevels)
    .values([
      { tenantId, name: 'Sprout', rank: 1, threshold: 0 },
      {
        tenantId,
        name: 'Blossom',
        rank: 2,
        threshold: 500,
        pointsMultiplierPercent: 120,
        monthlyCouponTemplateId: noThreshold!.id,
      },
      {
        tenantId,
        name: 'Fruit',
        rank: 3,
        threshold: 2_000,
        pointsMultiplierPercent: 150,
        hasMemberOnlyAccess: true,
      },
    ])
    .returning({ id: loyaltyLevels.id });
  await tx.insert(mallItems).values([
    {
      tenantId,
      name: '¥20 off ¥49 coupon',
      kind: 'coupon',
      pointsPrice: 100,
      couponTemplateId: twentyOff!.id,
    },
    {
      tenantId,
      name: 'Canvas tote bag',
      kind: 'physical',
      pointsPrice: 300,
      stock: 50,
      perMemberLimit: 1,
      fulfilmentMethods: input.pickupStoreIds.length > 0 ? ['pickup'] : ['shipping'],
    },
    {
      tenantId,
      name: 'Baby care masterclass seat',
      kind: 'virtual',
      pointsPrice: 500,
      stock: 20,
      minLevelId: blossom!.id,
    },
  ]);
};
