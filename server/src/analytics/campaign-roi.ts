import { and, desc, eq, sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import { canSeeStore } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import { type CampaignPlan, campaigns, channelCodes } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { loadBrandLoyalty } from '../loyalty/settings/settings.store.ts';
import { rowsOf } from './funnel.store.ts';
import { ACTIVATION_DAYS } from './funnel-sql.ts';

export type RoiTarget = { kind: 'campaign' | 'code'; id: string };

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
const interactionList = sql.raw(`'message.posted', 'checked_in', 'game.played', 'page.visited'`);

/**
 * Return on a campaign or a channel code. Costs: entered costs (campaign_costs) by kind, coupons redeemed at
 * their template's cost, points granted at the brand's point value. Revenue: orders attributed to it (campaign:
 * the member took part within the window; code: last touch) net of refunds. Acquired: members new to the brand
 * through it (campaign: participants created since the campaign started; code: first touch), activated within 7 days.
 */
export const getRoi = async (db: Db, input: { tenantId: string; access: Scope; target: RoiTarget }) => {
  const { tenantId, access, target } = input;
  const isCampaign = target.kind === 'campaign';
  const table = isCampaign ? campaigns : channelCodes;
  const [entity] = await db
    .select({ id: table.id, name: table.name, storeId: table.storeId })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), eq(table.id, target.id)));
  if (!entity || (entity.storeId !== null && !canSeeStore(access, entity.storeId))) {
    throw notFound(isCampaign ? 'Campaign' : 'Channel code');
  }
  const [campaign] = isCampaign
    ? await db.select().from(campaigns).where(eq(campaigns.id, target.id))
    : [undefined];
  const { rules } = await loadBrandLoyalty(db, tenantId);
  const costKey = sql.raw(isCampaign ? 'campaign_id' : 'channel_code_id');
  const entered = rowsOf<{ kind: string; cents: number }>(
    await db.execute(sql`select kind, sum(amount_cents)::float8 as cents from campaign_costs
      where tenant_id = ${tenantId} and ${costKey} = ${target.id} group by kind order by kind`),
  );
  const [derived] = isCampaign
    ? rowsOf<{ coupon_cents: number; coupons: number; points: number }>(
        await db.execute(sql`select
          (select coalesce(sum(t.cost_cents), 0)::float8 from coupons c join coupon_templates t on t.id = c.template_id
            where c.tenant_id = ${tenantId} and c.campaign_id = ${target.id} and c.status = 'redeemed') as coupon_cents,
          (select count(*)::int from coupons c where c.tenant_id = ${tenantId} and c.campaign_id = ${target.id}
            and c.status = 'redeemed') as coupons,
          (select coalesce(sum(p.points), 0)::float8 from points_ledger p where p.tenant_id = ${tenantId}
            and p.campaign_id = ${target.id} and p.kind in ('earn', 'adjust', 'reverse')) as points`),
      )
    : [{ coupon_cents: 0, coupons: 0, points: 0 }];
  const pointsCents = Math.round((derived?.points ?? 0) * rules.points.pointValueCents);
  const orderCond = isCampaign
    ? sql`${target.id}::uuid = any(o.campaign_ids)`
    : sql`o.last_code_id = ${target.id}`;
  const [revenue] = rowsOf<{ orders: number; buyers: number; gmv: number }>(
    await db.execute(sql`select count(*) filter (where o.amount_cents > o.refunded_cents)::int as orders,
        count(distinct o.member_id) filter (where o.amount_cents > o.refunded_cents)::int as buyers,
        coalesce(sum(o.amount_cents - o.refunded_cents), 0)::float8 as gmv
      from orders o where o.tenant_id = ${tenantId} and ${orderCond}`),
  );
  const cohort = isCampaign
    ? sql`select cp.member_id, cp.joined_at as entered_at from campaign_participants cp join members m on m.id = cp.member_id
        join campaigns k on k.id = cp.campaign_id
        where cp.tenant_id = ${tenantId} and cp.campaign_id = ${target.id} and m.created_at >= k.starts_at`
    : sql`select a.member_id, a.first_at as entered_at from member_attributions a
        where a.tenant_id = ${tenantId} and a.first_code_id = ${target.id}`;
  const [members] = rowsOf<{ acquired: number; activated: number }>(
    await db.execute(sql`with c as (${cohort})
      select count(*)::int as acquired, count(*) filter (where exists (select 1 from member_events e
        where e.member_id = c.member_id and e.tenant_id = ${tenantId} and e.type in (${interactionList})
          and e.occurred_at >= c.entered_at
          and e.occurred_at < c.entered_at + ${sql.raw(`interval '${ACTIVATION_DAYS} days'`)}))::int as activated
      from c`),
  );
  const enteredCents = entered.reduce((s, e) => s + e.cents, 0);
  const costCents = enteredCents + (derived?.coupon_cents ?? 0) + pointsCents;
  const gmvCents = revenue?.gmv ?? 0;
  const acquired = members?.acquired ?? 0;
  const activated = members?.activated ?? 0;
  const plan: CampaignPlan = campaign?.plan ?? {};
  const actual = {
    newMembers: acquired,
    activeMembers: activated,
    orders: revenue?.orders ?? 0,
    revenueCents: gmvCents,
    costCents,
  };
  return {
    kind: target.kind,
    id: entity.id,
    name: entity.name,
    costs: {
      entered: entered.map((e) => ({ kind: e.kind, cents: e.cents })),
      couponsRedeemed: derived?.coupons ?? 0,
      couponCents: derived?.coupon_cents ?? 0,
      points: derived?.points ?? 0,
      pointsCents,
      totalCents: costCents,
    },
    revenue: { orders: actual.orders, buyers: revenue?.buyers ?? 0, gmvCents },
    acquired,
    activated,
    roi: ratio(gmvCents - costCents, costCents),
    costPerAcquiredCents: acquired > 0 ? Math.round(costCents / acquired) : null,
    costPerActivatedCents: activated > 0 ? Math.round(costCents / activated) : null,
    plan,
    actual,
  };
};
export type Roi = Awaited<ReturnType<typeof getRoi>>;

/** Every campaign's ROI, newest first (at most 100). */
export const listCampaignRoi = async (db: Db, input: { tenantId: string; access: Scope }): Promise<Roi[]> => {
  const rows = await db
    .select({ id: campaigns.id, storeId: campaigns.storeId })
    .from(campaigns)
    .where(eq(campaigns.tenantId, input.tenantId))
    .orderBy(desc(campaigns.startsAt))
    .limit(100);
  const visible = rows.filter((r) => r.storeId === null || canSeeStore(input.access, r.storeId));
  const out: Roi[] = [];
  for (const r of visible) out.push(await getRoi(db, { ...input, target: { kind: 'campaign', id: r.id } }));
  return out;
};
