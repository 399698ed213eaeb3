import type { Scope } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import { formatCsvRow } from '../members/csv.ts';
import { toFunnelRequest } from './analytics.schemas.ts';
import { listCampaignRoi } from './campaign-roi.ts';
import type { FunnelScopeKind } from './funnel-sql.ts';
import { getFunnel } from './get-funnel.ts';
import { getLeaderboard } from './leaderboards.ts';

export const reportKinds = ['funnel', 'roi', 'stores', 'guides'] as const;
export type ReportKind = (typeof reportKinds)[number];

const BOM = '\uFEFF';
const csvOf = (rows: (string | number | null)[][]) => BOM + rows.map(formatCsvRow).join('\r\n') + '\r\n';

/** One report as CSV (UTF-8 with BOM, so spreadsheet apps read Chinese names right). */
export const exportReportCsv = async (
  db: Db,
  input: {
    tenantId: string;
    access: Scope;
    now: Date;
    query: { report: ReportKind; scope: FunnelScopeKind; scopeId?: string; from: string; to: string };
  },
): Promise<string> => {
  const { tenantId, access, query } = input;
  if (query.report === 'funnel') {
    const f = await getFunnel(db, toFunnelRequest({ tenantId, access, now: input.now }, query));
    const line = (name: string, cur: number, prev: number) => [name, cur, prev];
    const c = f.current;
    const p = f.previous;
    return csvOf([
      ['figure', `${f.from}..${f.to}`, `${p.from}..${p.to}`],
      line('new_members', c.acquisition.newMembers, p.acquisition.newMembers),
      line('activated', c.activation.activated, p.activation.activated),
      line('activation_rate', c.activation.rate, p.activation.rate),
      line('retained_w1', c.retention.w1.retained, p.retention.w1.retained),
      line('retained_w2', c.retention.w2.retained, p.retention.w2.retained),
      line('retained_w4', c.retention.w4.retained, p.retention.w4.retained),
      line('buyers', c.revenue.buyers, p.revenue.buyers),
      line('orders', c.revenue.orders, p.revenue.orders),
      line('gmv_cents', c.revenue.gmvCents, p.revenue.gmvCents),
      line('refunded_cents', c.revenue.refundedCents, p.revenue.refundedCents),
      line('arpu_cents', c.revenue.arpuCents, p.revenue.arpuCents),
      line('conversion_rate', c.revenue.conversionRate, p.revenue.conversionRate),
      line('inviters', c.referral.inviters, p.referral.inviters),
      line('valid_invites', c.referral.validInvites, p.referral.validInvites),
      line('k_factor', c.referral.kFactor, p.referral.kFactor),
    ]);
  }
  if (query.report === 'roi') {
    const items = await listCampaignRoi(db, { tenantId, access });
    return csvOf([
      [
        'campaign',
        'cost_cents',
        'gmv_cents',
        'roi',
        'acquired',
        'activated',
        'cost_per_acquired_cents',
        'plan_revenue_cents',
      ],
      ...items.map((r) => [
        r.name,
        r.costs.totalCents,
        r.revenue.gmvCents,
        r.roi,
        r.acquired,
        r.activated,
        r.costPerAcquiredCents,
        r.plan.revenueCents ?? null,
      ]),
    ]);
  }
  const rows = await getLeaderboard(db, {
    tenantId,
    access,
    by: query.report === 'stores' ? 'store' : 'guide',
    from: query.from,
    to: query.to,
  });
  return csvOf([
    ['rank', 'name', 'new_members', 'buyers', 'orders', 'gmv_cents', 'active_members'],
    ...rows.map((r, i) => [i + 1, r.name, r.newMembers, r.buyers, r.orders, r.gmvCents, r.activeMembers]),
  ]);
};
