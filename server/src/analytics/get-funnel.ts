import type { Db } from '../db/client.ts';
import { loadAnalyticsSettings } from './analytics-settings.ts';
import {
  type CohortDay,
  cohortByDay,
  type FunnelWindow,
  populationAt,
  referralFigures,
  revenueByDay,
  withoutJit,
} from './funnel.store.ts';
import { addDays, checkFunnelScope, daysBetween, instantsOf, weekOf } from './funnel-period.ts';
import type { FunnelRequest } from './funnel-sql.ts';

const rate = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;

const sumDays = (rows: CohortDay[]) => {
  const total = {
    new_members: 0,
    activated: 0,
    due_w1: 0,
    retained_w1: 0,
    due_w2: 0,
    retained_w2: 0,
    due_w4: 0,
    retained_w4: 0,
    converted: 0,
  };
  for (const r of rows) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  return total;
};

const retention = (t: ReturnType<typeof sumDays>, n: 1 | 2 | 4) => {
  const eligible = t[`due_w${n}`];
  const retained = t[`retained_w${n}`];
  return { eligible, retained, rate: rate(retained, eligible) };
};

export type FunnelFigures = Awaited<ReturnType<typeof figuresOf>>['figures'];

/** `populationKnown`: the members in the scope at the period's end when the caller already knows it. */
const figuresOf = async (db: Db, w: FunnelWindow, populationKnown?: number) => {
  const days = await cohortByDay(db, w);
  const revenue = await revenueByDay(db, w);
  const population = populationKnown ?? (await populationAt(db, w));
  const referral = await referralFigures(db, w);
  const t = sumDays(days);
  const total = revenue.find((r) => r.day === null) ?? {
    orders: 0,
    buyers: 0,
    gross_cents: 0,
    refunded_cents: 0,
  };
  const gmvCents = total.gross_cents - total.refunded_cents;
  const figures = {
    acquisition: { newMembers: t.new_members },
    activation: { activated: t.activated, rate: rate(t.activated, t.new_members) },
    retention: { w1: retention(t, 1), w2: retention(t, 2), w4: retention(t, 4) },
    revenue: {
      buyers: total.buyers,
      orders: total.orders,
      grossCents: total.gross_cents,
      refundedCents: total.refunded_cents,
      gmvCents,
      population,
      arpuCents: population > 0 ? Math.round(gmvCents / population) : 0,
      converted: t.converted,
      conversionRate: rate(t.converted, t.new_members),
    },
    referral: {
      inviters: referral.inviters,
      invitees: referral.invitees,
      validInvites: referral.valid_invites,
      kFactor: rate(referral.valid_invites, referral.inviters),
    },
  };
  return { figures, days, revenue };
};

/**
 * The AARRR funnel of a scope over local days from..to, with the previous period of the same length, daily trends
 * and the retention cohorts by join week. `useFacts: false` computes everything from the event log (tests compare).
 */
export const getFunnel = async (outer: Db, input: FunnelRequest & { useFacts?: boolean }) => {
  const { tenantId, access, scope, from, to } = input;
  return withoutJit(outer, async (db) => {
    await checkFunnelScope(db, { tenantId, access, scope });
    const { timezone } = await loadAnalyticsSettings(db, tenantId);
    const length = daysBetween(from, to);
    const windowOf = async (f: string, t: string): Promise<FunnelWindow> => ({
      tenantId,
      access,
      scope,
      timezone,
      now: input.now.toISOString(),
      useFacts: input.useFacts ?? true,
      ...(await instantsOf(db, { from: f, to: t, timezone })),
    });
    const current = await figuresOf(db, await windowOf(from, to));
    const previousFrom = addDays(from, -length);
    const previousTo = addDays(from, -1);
    // Brand and store: the members before this period are those at its end less the new ones (same filters).
    const populationBefore =
      scope.kind === 'brand' || scope.kind === 'store'
        ? current.figures.revenue.population - current.figures.acquisition.newMembers
        : undefined;
    const previous = await figuresOf(db, await windowOf(previousFrom, previousTo), populationBefore);

    const cohortOf = new Map(current.days.map((d) => [d.day, d]));
    const revenueOf = new Map(current.revenue.filter((r) => r.day !== null).map((r) => [r.day!, r]));
    const daily = Array.from({ length }, (_, i) => {
      const day = addDays(from, i);
      const c = cohortOf.get(day);
      const r = revenueOf.get(day);
      return {
        day,
        newMembers: c?.new_members ?? 0,
        activated: c?.activated ?? 0,
        orders: r?.orders ?? 0,
        buyers: r?.buyers ?? 0,
        gmvCents: r ? r.gross_cents - r.refunded_cents : 0,
      };
    });
    const weeks = new Map<string, CohortDay[]>();
    for (const d of current.days) weeks.set(weekOf(d.day), [...(weeks.get(weekOf(d.day)) ?? []), d]);
    const cohorts = [...weeks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, rows]) => {
        const t = sumDays(rows);
        return {
          week,
          size: t.new_members,
          activated: t.activated,
          w1: retention(t, 1),
          w2: retention(t, 2),
          w4: retention(t, 4),
        };
      });
    return {
      scope,
      from,
      to,
      timezone,
      current: current.figures,
      previous: { from: previousFrom, to: previousTo, ...previous.figures },
      daily,
      cohorts,
    };
  });
};
export type Funnel = Awaited<ReturnType<typeof getFunnel>>;
