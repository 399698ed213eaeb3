import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOwner } from '../access/bootstrap-owner.ts';
import {
  channelCodeStaff,
  channelCodes,
  communities,
  couponTemplates,
  inboundEvents,
  loyaltyLevels,
  mallItems,
  sandboxGroups,
  staff,
  stores,
  tenants,
  welcomeMessages,
} from '../db/schema/index.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { demoBrand } from './demo-brand.ts';
import { seedDemo } from './seed-demo.ts';

describe('seedDemo', () => {
  let h: Harness;
  let tenantId: string;
  beforeAll(async () => {
    h = await createHarness();
    ({ tenantId } = await ensureOwner(h.deps, {}));
  });
  afterAll(async () => {
    await h.close();
  });

  it('creates the demo brand once', async () => {
    expect(await seedDemo(h.deps, { tenantId })).toEqual({ created: true });
    expect(await seedDemo(h.deps, { tenantId })).toEqual({ created: false });

    const [tenant] = await h.deps.db.select().from(tenants).where(eq(tenants.id, tenantId));
    expect(tenant?.name).toBe(demoBrand.name);
    const storeRows = await h.deps.db.select().from(stores).where(eq(stores.tenantId, tenantId));
    expect(storeRows.map((s) => s.code).sort()).toEqual(['JA', 'PD', 'XH']);
    // owner + operator + a manager and a guide per store
    const staffRows = await h.deps.db.select().from(staff).where(eq(staff.tenantId, tenantId));
    expect(staffRows).toHaveLength(2 + 2 * demoBrand.stores.length);
    const groups = await h.deps.db.select().from(sandboxGroups).where(eq(sandboxGroups.tenantId, tenantId));
    const groupCommunities = await h.deps.db
      .select()
      .from(communities)
      .where(eq(communities.tenantId, tenantId));
    expect(groupCommunities.map((c) => c.externalId).sort()).toEqual(groups.map((g) => g.id).sort());
  });

  it('leaves one member.added_staff event per demo member, attributed to the store poster', async () => {
    const events = await h.deps.db
      .select()
      .from(inboundEvents)
      .where(and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.type, 'member.added_staff')));
    expect(events).toHaveLength(demoBrand.members.length);
    expect(events.every((e) => e.payload.entryState === 'store-poster')).toBe(true);
    expect(h.jobs.sent.some((j) => j.name === 'events.process')).toBe(true);
  });

  it('makes a store-poster channel code over the three guides, and the brand welcomes', async () => {
    const codes = await h.deps.db.select().from(channelCodes).where(eq(channelCodes.tenantId, tenantId));
    expect(codes).toMatchObject([
      { source: 'store_poster', targetKind: 'staff', strategy: 'round_robin', tagNames: ['store-poster'] },
    ]);
    const team = await h.deps.db
      .select()
      .from(channelCodeStaff)
      .where(eq(channelCodeStaff.codeId, codes[0]!.id));
    expect(team.map((t) => t.dailyCap)).toEqual([50, 50, 50]);
    const [welcome] = await h.deps.db
      .select()
      .from(welcomeMessages)
      .where(eq(welcomeMessages.tenantId, tenantId));
    expect(welcome).toMatchObject({
      scope: 'brand',
      private: demoBrand.welcome.private,
      group: demoBrand.welcome.group,
    });
  });

  it('gives the demo brand levels, seed 003’s coupons and a points mall', async () => {
    const levels = await h.deps.db.select().from(loyaltyLevels).where(eq(loyaltyLevels.tenantId, tenantId));
    expect(levels.map((l) => l.name).sort()).toEqual(['Blossom', 'Fruit', 'Sprout']);
    const templates = await h.deps.db
      .select()
      .from(couponTemplates)
      .where(eq(couponTemplates.tenantId, tenantId));
    expect(templates.map((t) => t.name).sort()).toEqual(['¥10 no threshold', '¥20 off ¥49']);
    const items = await h.deps.db.select().from(mallItems).where(eq(mallItems.tenantId, tenantId));
    expect(items.map((i) => i.kind).sort()).toEqual(['coupon', 'physical', 'virtual']);
  });
});
