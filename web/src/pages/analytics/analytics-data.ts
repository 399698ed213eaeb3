import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useSyncExternalStore } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { operations } from '../../api/schema.d.ts';
import type { Schemas } from '../../api/types.ts';

export type Funnel = Schemas['Funnel'];
export type FunnelFiguresData = Schemas['FunnelFigures'];
export type FunnelQuery = NonNullable<operations['getFunnel']['parameters']['query']>;
export type FunnelScopeKind = FunnelQuery['scope'] & string;
export type FunnelFigure = NonNullable<operations['listFunnelMembers']['parameters']['query']>['figure'];

/** A period of local days, both ends included, as the API takes it. */
export type Period = { from: string; to: string };
export type PeriodChoice = { kind: '7' | '30' } | { kind: 'custom'; from: Dayjs; to: Dayjs };

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * The brand's time zone, learnt from the funnel's answers and remembered: days are the brand's local days (a
 * console in UTC looking at a brand in Shanghai must ask for Shanghai's today, not its own).
 */
const zoneKey = 'orchard.timezone';
const zoneListeners = new Set<() => void>();
export const brandZone = (): string | undefined => localStorage.getItem(zoneKey) ?? undefined;
export const learnBrandZone = (zone: string): void => {
  if (zone === brandZone()) return;
  localStorage.setItem(zoneKey, zone);
  for (const listener of zoneListeners) listener();
};
const subscribeZone = (listener: () => void) => {
  zoneListeners.add(listener);
  return () => zoneListeners.delete(listener);
};

/** Today in a time zone (the browser's when unknown), as a local calendar day. */
export const todayIn = (zone: string | undefined): Dayjs => {
  if (!zone) return dayjs().startOf('day');
  try {
    return dayjs(new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date()));
  } catch {
    return dayjs().startOf('day');
  }
};

/** "Last 7 days" is today and the six days before it. */
export const periodOf = (choice: PeriodChoice, today: Dayjs = todayIn(brandZone())): Period =>
  choice.kind === 'custom'
    ? { from: day(choice.from), to: day(choice.to) }
    : { from: day(today.subtract(Number(choice.kind) - 1, 'day')), to: day(today) };

/** The period of a choice in the brand's days; follows the zone once the first funnel answer tells it. */
export const usePeriod = (choice: PeriodChoice): Period => {
  const zone = useSyncExternalStore(subscribeZone, brandZone);
  return useMemo(() => periodOf(choice, todayIn(zone)), [choice, zone]);
};

/** The funnel of a scope: the brand (no id) or a store, code, community or campaign. */
export type Scope = { kind: 'brand' } | { kind: Exclude<FunnelScopeKind, 'brand'>; id: string };

export const scopeQuery = (scope: Scope) =>
  scope.kind === 'brand' ? { scope: 'brand' as const } : { scope: scope.kind, scopeId: scope.id };

export const funnelQuery = (scope: Scope, period: Period) =>
  queryOptions({
    queryKey: ['getFunnel', scope, period],
    queryFn: async () => {
      const funnel = await unwrap(
        api.GET('/api/v1/analytics/funnel', { params: { query: { ...scopeQuery(scope), ...period } } }),
      );
      learnBrandZone(funnel.timezone);
      return funnel;
    },
    placeholderData: keepPreviousData,
  });

/** Cents as money: ¥1,234.50. */
export const money = (cents: number, currency = 'CNY'): string =>
  `${currency === 'CNY' ? '¥' : `${currency} `}${(cents / 100).toLocaleString(undefined, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })}`;

/** A ratio 0..1 as a percentage with one decimal. */
export const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;

/**
 * The change from the previous period in percent, or undefined when there is nothing to compare with
 * (the previous figure was 0).
 */
export const changePercent = (current: number, previous: number): number | undefined =>
  previous === 0 ? undefined : Math.round(((current - previous) / previous) * 1000) / 10;

/** Days from..to (inclusive) with zeros where the server listed none. */
export const fillDaily = (from: string, to: string, daily: Funnel['daily']): Funnel['daily'] => {
  const known = new Map(daily.map((d) => [d.day, d]));
  const days: Funnel['daily'] = [];
  for (let d = dayjs(from); !d.isAfter(dayjs(to), 'day') && days.length <= 366; d = d.add(1, 'day')) {
    const key = day(d);
    days.push(known.get(key) ?? { day: key, newMembers: 0, activated: 0, orders: 0, buyers: 0, gmvCents: 0 });
  }
  return days;
};
