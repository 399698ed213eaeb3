import { sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import { loadAnalyticsSettings } from './analytics-settings.ts';
import { rowsOf, withoutJit } from './funnel.store.ts';
import { instantsOf } from './funnel-period.ts';

export type LeaderboardRow = {
  id: string;
  name: string;
  storeId: string | null;
  newMembers: number;
  buyers: number;
  orders: number;
  gmvCents: number;
  activeMembers: number;
};

/**
 * Stores or guides over local days from..to: the members they brought (stores: new members of the store; guides:
 * new members they own), orders and GMV net of refunds owed to them, and members active in their groups. Ranked
 * by GMV, then new members. Store-bound staff see their stores (and those stores' guides) only.
 */
export const getLeaderboard = async (
  db: Db,
  input: { tenantId: string; access: Scope; by: 'store' | 'guide'; from: string; to: string },
): Promise<LeaderboardRow[]> => {
  const { tenantId, access } = input;
  const { timezone } = await loadAnalyticsSettings(db, tenantId);
  const { t0, t1 } = await instantsOf(db, { from: input.from, to: input.to, timezone });
  const visible = (col: string) =>
    access.kind === 'brand'
      ? sql`true`
      : sql`${sql.raw(col)} = any(${`{${access.storeIds.join(',')}}`}::uuid[])`;
  const range = (col: string) =>
    sql`${sql.raw(col)} >= ${t0}::timestamptz and ${sql.raw(col)} < ${t1}::timestamptz`;
  const isStore = input.by === 'store';
  const entities = isStore
    ? sql`select s.id, s.name, s.id as store_id from stores s where s.tenant_id = ${tenantId} and ${visible('s.id')}`
    : sql`select st.id, st.name, st.store_id from staff st where st.tenant_id = ${tenantId} and ${visible('st.store_id')}`;
  const memberKey = sql.raw(isStore ? 'm.store_id' : 'm.owner_staff_id');
  const orderKey = sql.raw(isStore ? 'o.store_id' : 'o.staff_id');
  const rows = rowsOf<{
    id: string;
    name: string;
    store_id: string | null;
    new_members: number;
    buyers: number;
    orders: number;
    gmv_cents: number;
    active_members: number;
  }>(
    await withoutJit(db, (tx) =>
      tx.execute(sql`
      with e as (${entities}),
      nm as (select ${memberKey} as k, count(*)::int as n from members m
        where m.tenant_id = ${tenantId} and ${range('m.created_at')} group by 1),
      od as (select ${orderKey} as k, count(*) filter (where o.amount_cents > o.refunded_cents)::int as orders,
          count(distinct o.member_id) filter (where o.amount_cents > o.refunded_cents)::int as buyers,
          sum(o.amount_cents - o.refunded_cents)::float8 as gmv
        from orders o where o.tenant_id = ${tenantId} and ${range('o.ordered_at')} group by 1),
      act as (select ${isStore ? sql`c.store_id` : sql`m.owner_staff_id`} as k, count(distinct a.member_id)::int as n
        from community_activity_days a join communities c on c.id = a.community_id
        ${isStore ? sql`` : sql`join members m on m.id = a.member_id`}
        where a.tenant_id = ${tenantId} and a.day between ${input.from}::date and ${input.to}::date group by 1)
      select e.id, e.name, e.store_id, coalesce(nm.n, 0) as new_members, coalesce(od.buyers, 0) as buyers,
        coalesce(od.orders, 0) as orders, coalesce(od.gmv, 0)::float8 as gmv_cents, coalesce(act.n, 0) as active_members
      from e left join nm on nm.k = e.id left join od on od.k = e.id left join act on act.k = e.id
      order by gmv_cents desc, new_members desc, e.name limit 500`),
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    storeId: r.store_id,
    newMembers: r.new_members,
    buyers: r.buyers,
    orders: r.orders,
    gmvCents: r.gmv_cents,
    activeMembers: r.active_members,
  }));
};
