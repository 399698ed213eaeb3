import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberEvents, orders } from '../db/schema/index.ts';
import { type LoyaltyWorld, setUpLoyaltyWorld } from '../loyalty/loyalty.fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';

describe('orders a platform reports', () => {
  let h: Harness;
  let w: LoyaltyWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await setUpLoyaltyWorld(h);
  });
  afterAll(() => h.close());

  it('are recorded once per order id, attributed to the member, on their timeline', async () => {
    const sandboxId = await w.join('Li Na');
    await w.run();
    const memberId = await w.memberIdOf(sandboxId);
    const order = {
      type: 'order',
      externalId: 'evt-order-1',
      occurredAt: h.clock.now.toISOString(),
      member: { externalId: sandboxId },
      orderExternalId: 'SHOP-77',
      amountCents: 5_000,
    };
    await w.deliver([order]);
    await w.deliver([{ ...order, externalId: 'evt-order-1-again' }]);
    await w.run();
    const rows = await h.deps.db.select().from(orders).where(eq(orders.memberId, memberId));
    expect(rows.map((r) => [r.externalId, r.source, r.amountCents])).toEqual([
      ['SHOP-77', 'platform', 5_000],
    ]);
    // The member joined the group before ordering: the order is owed to it.
    expect(rows[0]!.communityId).not.toBeNull();
    const placed = await h.deps.db.select().from(memberEvents).where(eq(memberEvents.memberId, memberId));
    expect(placed.filter((e) => e.type === 'order.placed')).toHaveLength(1);
  });
});
