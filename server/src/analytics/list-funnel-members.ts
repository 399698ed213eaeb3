import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type Page, pageOf } from '../http/pagination.ts';
import { loadAnalyticsSettings } from './analytics-settings.ts';
import { cohortFlagsSql, type FunnelWindow, rowsOf, withoutJit } from './funnel.store.ts';
import { checkFunnelScope, instantsOf } from './funnel-period.ts';
import { accessFilter, type FunnelRequest, memberInScope, orderAccess, orderInScope } from './funnel-sql.ts';

export const funnelFigures = [
  'newMembers',
  'activated',
  'retainedW1',
  'retainedW2',
  'retainedW4',
  'converted',
  'buyers',
  'inviters',
  'invitees',
] as const;
export type FunnelFigure = (typeof funnelFigures)[number];

const cohortFlag: Partial<Record<FunnelFigure, string>> = {
  newMembers: 'true',
  activated: 'is_activated',
  retainedW1: 'is_retained_w1',
  retainedW2: 'is_retained_w2',
  retainedW4: 'is_retained_w4',
  converted: 'is_converted',
};

const membersBehind = (w: FunnelWindow, figure: FunnelFigure): SQL => {
  const flag = cohortFlag[figure];
  if (flag) return sql`select member_id from (${cohortFlagsSql(w)}) flags where ${sql.raw(flag)}`;
  if (figure === 'buyers') {
    return sql`select o.member_id from orders o where o.tenant_id = ${w.tenantId}
      and o.ordered_at >= ${w.t0}::timestamptz and o.ordered_at < ${w.t1}::timestamptz and o.member_id is not null
      and o.amount_cents > o.refunded_cents and ${orderInScope(w.scope)} and ${orderAccess(w.access)}`;
  }
  const campaign = w.scope.kind === 'campaign' ? w.scope.id : null;
  return sql`select cp.member_id from campaign_participants cp join members m on m.id = cp.member_id
    where cp.tenant_id = ${w.tenantId} and cp.role = ${figure === 'inviters' ? 'inviter' : 'invitee'}
      and cp.joined_at >= ${w.t0}::timestamptz and cp.joined_at < ${w.t1}::timestamptz
      and ${campaign ? sql`cp.campaign_id = ${campaign}` : memberInScope(w.scope)} and ${accessFilter(w.access)}`;
};

export type FunnelMember = { id: string; name: string; storeId: string | null };

/** The members behind one funnel figure (same scope and period as the funnel), by id, a page at a time. */
export const listFunnelMembers = async (
  db: Db,
  input: FunnelRequest & { figure: FunnelFigure; limit: number; cursor?: string },
): Promise<Page<FunnelMember>> => {
  const { tenantId, access, scope } = input;
  await checkFunnelScope(db, { tenantId, access, scope });
  const { timezone } = await loadAnalyticsSettings(db, tenantId);
  const w: FunnelWindow = {
    tenantId,
    access,
    scope,
    timezone,
    now: input.now.toISOString(),
    useFacts: true,
    ...(await instantsOf(db, { from: input.from, to: input.to, timezone })),
  };
  const rows = rowsOf<{ id: string; name: string; store_id: string | null }>(
    await withoutJit(db, (tx) =>
      tx.execute(sql`
      select m.id, m.name, m.store_id from members m
      where m.tenant_id = ${tenantId} and m.id in (${membersBehind(w, input.figure)})
        ${input.cursor ? sql`and m.id > ${input.cursor}::uuid` : sql``}
      order by m.id limit ${input.limit + 1}`),
    ),
  );
  return pageOf(
    rows,
    input.limit,
    (r) => r.id,
    (r) => ({ id: r.id, name: r.name, storeId: r.store_id }),
  );
};
