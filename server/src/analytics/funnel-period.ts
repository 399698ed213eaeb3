import { and, eq, sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import { canSeeStore } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import { campaigns, channelCodes, communities, stores } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { rowsOf } from './funnel.store.ts';
import type { FunnelScope } from './funnel-sql.ts';

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' plus n days (calendar arithmetic, no time zone involved). */
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** The Monday of the day's week. */
export const weekOf = (day: string): string => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
};

/** Local days from..to (the brand's zone) as the instants [t0, t1). */
export const instantsOf = async (
  db: Db,
  input: { from: string; to: string; timezone: string },
): Promise<{ t0: string; t1: string }> => {
  const [row] = rowsOf<{ t0: Date | string; t1: Date | string }>(
    await db.execute(sql`select (${input.from}::date::timestamp at time zone ${input.timezone}) as t0,
      ((${input.to}::date + 1)::timestamp at time zone ${input.timezone}) as t1`),
  );
  return { t0: new Date(row!.t0).toISOString(), t1: new Date(row!.t1).toISOString() };
};

/**
 * The scope's entity must be the brand's and, for store-bound staff, visible: a store of theirs; a code, group or
 * campaign of one of their stores or brand-wide (its members are then narrowed to their stores anyway).
 */
export const checkFunnelScope = async (
  db: Db,
  input: { tenantId: string; access: Scope; scope: FunnelScope },
) => {
  const { tenantId, access, scope } = input;
  if (scope.kind === 'brand') return;
  const table = { store: stores, code: channelCodes, community: communities, campaign: campaigns }[
    scope.kind
  ];
  const [row] = await db
    .select({
      id: table.id,
      storeId: scope.kind === 'store' ? stores.id : (table as typeof campaigns).storeId,
    })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), eq(table.id, scope.id)));
  if (!row)
    throw notFound(
      scope.kind === 'code' ? 'Channel code' : scope.kind[0]!.toUpperCase() + scope.kind.slice(1),
    );
  const isVisible =
    scope.kind === 'store'
      ? canSeeStore(access, row.id)
      : row.storeId === null || canSeeStore(access, row.storeId);
  if (!isVisible) throw notFound(scope.kind);
};
