import { type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import {
  ACTIVATION_DAYS,
  accessFilter,
  activatedLiveSql,
  cohortSql,
  type FunnelScope,
  firstInteractionSql,
  isWeekDue,
  memberInScope,
  orderAccess,
  orderInScope,
  retainedLiveSql,
  weekEnd,
} from './funnel-sql.ts';

export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Run the funnel's reads in one transaction with JIT off. The per-member subplans that the rollup makes unnecessary
 * still count in the plan's cost estimate, which crosses PostgreSQL's JIT threshold: compiling then took ~1 s of a
 * query that executes in milliseconds (bench/funnel, 1 M events).
 */
export const withoutJit = <T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> =>
  db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return work(tx);
  });

export type FunnelWindow = {
  tenantId: string;
  access: Scope;
  scope: FunnelScope;
  /** [t0, t1) as ISO instants (the local days of the period). */
  t0: string;
  t1: string;
  timezone: string;
  now: string;
  /** Read the per-member rollup where it is final; false computes every member from the event log. */
  useFacts: boolean;
};

const localDay = (expr: SQL, timezone: string) =>
  sql`to_char(${expr} at time zone ${timezone}, 'YYYY-MM-DD')`;

/** Per cohort member: activated, and per retention week whether it is due and retained; converted (bought since). */
type Range = { t0: string; t1: string };

/** `parts`: only the cohort members who entered in these parts of the window (conversion still runs to w.t1). */
export const cohortFlagsSql = (w: FunnelWindow, parts: Range[] = [w]): SQL => {
  const entered = {
    t0: parts.reduce((a, p) => (p.t0 < a ? p.t0 : a), w.t1),
    t1: parts.reduce((a, p) => (p.t1 > a ? p.t1 : a), w.t0),
  };
  const inParts = sql.join(
    parts.map((p) => sql`(c.entered_at >= ${p.t0}::timestamptz and c.entered_at < ${p.t1}::timestamptz)`),
    sql` or `,
  );
  const { tenantId } = w;
  const week = (n: 1 | 2 | 4) => sql`
    ${isWeekDue(n, w.now)} as is_due_w${sql.raw(String(n))},
    case when not ${isWeekDue(n, w.now)} then false
      when f.computed_at >= ${weekEnd(n)} then f.is_retained_w${sql.raw(String(n))}
      else ${retainedLiveSql(tenantId, n)} end as is_retained_w${sql.raw(String(n))}`;
  return sql`
    with c as (${cohortSql({ ...w, t0: entered.t0, t1: entered.t1 })}),
    -- Converted: an order from entering to the period's end; every entry is inside the period, so the member's
    -- latest order of the period decides (one pass over the period's orders instead of a probe per member).
    buys as (select o.member_id, max(o.ordered_at) as last_at from orders o
      where o.tenant_id = ${tenantId} and o.ordered_at >= ${w.t0}::timestamptz and o.ordered_at < ${w.t1}::timestamptz
        and o.member_id is not null and o.amount_cents > o.refunded_cents
      group by o.member_id)
    select c.member_id, c.entered_at,
      case when f.activated_at is not null then true
        when f.computed_at >= c.entered_at + ${sql.raw(`interval '${ACTIVATION_DAYS} days'`)} then false
        else ${activatedLiveSql(tenantId)} end as is_activated,
      ${week(1)}, ${week(2)}, ${week(4)},
      coalesce(b.last_at >= c.entered_at, false) as is_converted
    -- The facts' own range (implied by joined_at = entered_at) lets the join read the period's facts by
    -- (tenant_id, joined_at) instead of every fact of the brand.
    from c left join member_funnel_facts f
      on ${w.useFacts ? sql`true` : sql`false`} and f.member_id = c.member_id and f.joined_at = c.entered_at
        and f.tenant_id = ${tenantId} and f.joined_at >= ${entered.t0}::timestamptz
        and f.joined_at < ${entered.t1}::timestamptz
    left join buys b on b.member_id = c.member_id
    ${parts.length > 1 ? sql`where ${inParts}` : sql``}`;
};

export type CohortDay = {
  day: string;
  new_members: number;
  activated: number;
  due_w1: number;
  retained_w1: number;
  due_w2: number;
  retained_w2: number;
  due_w4: number;
  retained_w4: number;
  converted: number;
};

/**
 * The cohort per local join day, member by member (facts where decisive, the event log otherwise); `parts`: only the
 * members who entered in these parts of the window, and conversion counted elsewhere (`converted` 0: the orders
 * join is then left out of the plan).
 */
const cohortByDayPerMember = async (db: Db, w: FunnelWindow, parts?: Range[]): Promise<CohortDay[]> =>
  rowsOf<CohortDay>(
    await db.execute(sql`
      select to_char(day, 'YYYY-MM-DD') as day, new_members, activated, due_w1, retained_w1, due_w2, retained_w2,
        due_w4, retained_w4, converted
      from (select (entered_at at time zone ${w.timezone})::date as day, count(*)::int as new_members,
        count(*) filter (where is_activated)::int as activated,
        count(*) filter (where is_due_w1)::int as due_w1, count(*) filter (where is_retained_w1)::int as retained_w1,
        count(*) filter (where is_due_w2)::int as due_w2, count(*) filter (where is_retained_w2)::int as retained_w2,
        count(*) filter (where is_due_w4)::int as due_w4, count(*) filter (where is_retained_w4)::int as retained_w4,
        ${parts ? sql`0` : sql`count(*) filter (where is_converted)::int`} as converted
      from (${cohortFlagsSql(w, parts)}) flags group by 1) days order by 1`),
  );

/**
 * Where the cohort rollup (`funnel_cohort_days`) answers for this window: brand and store scopes (their entry is the
 * member's creation), a rollup cut in the brand's current time zone and computed at or before `now`.
 */
const rollupOf = async (db: Db, w: FunnelWindow) => {
  if (!w.useFacts || (w.scope.kind !== 'brand' && w.scope.kind !== 'store')) return null;
  const [state] = rowsOf<{ covers_until: Date | string; computed_at: Date | string }>(
    await db.execute(sql`
      select (covers_before::timestamp at time zone timezone) as covers_until, computed_at from funnel_cohort_rollups
      where tenant_id = ${w.tenantId} and timezone = ${w.timezone} and computed_at <= ${w.now}::timestamptz`),
  );
  if (!state) return null;
  const until = new Date(state.covers_until).toISOString();
  if (until <= w.t0) return null;
  return { until: until < w.t1 ? until : w.t1, computedAt: new Date(state.computed_at).toISOString() };
};

const weekShift = (n: RetentionWeekNumber) => sql.raw(`interval '${7 * (n + 1)} days'`);
type RetentionWeekNumber = 1 | 2 | 4;

/**
 * Per local join day: new members, activated, per retention week whether due and retained, converted. Days the
 * rollup decided come from `funnel_cohort_days` (their counts as of the rebuild, still true now: activation windows
 * closed, and no member's retention week ended between the rebuild and now), conversion for them from the period's
 * orders (it depends on the period's end); the other days member by member. The two agree by construction (tests
 * compare them).
 */
export const cohortByDay = async (db: Db, w: FunnelWindow): Promise<CohortDay[]> => {
  const rollup = await rollupOf(db, w);
  if (!rollup) return cohortByDayPerMember(db, w);
  const storeScope = w.scope.kind === 'store' ? sql`r.store_id = ${w.scope.id}` : sql`true`;
  const access =
    w.access.kind === 'brand'
      ? sql`true`
      : sql`r.store_id = any(${`{${w.access.storeIds.join(',')}}`}::uuid[])`;
  const dayStart = sql`(r.day::timestamp at time zone ${w.timezone})`;
  const dayEnd = sql`((r.day + 1)::timestamp at time zone ${w.timezone})`;
  // A week some member of the day ended between the rebuild and now: the row's count is out of date.
  const weekMoved = (n: RetentionWeekNumber) =>
    sql`(${dayStart} + ${weekShift(n)} <= ${w.now}::timestamptz and ${dayEnd} + ${weekShift(n)} > ${rollup.computedAt}::timestamptz)`;
  const rolled = rowsOf<
    CohortDay & { is_current: boolean; day_start: Date | string; day_end: Date | string }
  >(
    await db.execute(sql`
      select to_char(r.day, 'YYYY-MM-DD') as day, ${dayStart} as day_start, ${dayEnd} as day_end,
        not (${weekMoved(1)} or ${weekMoved(2)} or ${weekMoved(4)}) as is_current,
        sum(r.new_members)::int as new_members, sum(r.activated)::int as activated,
        sum(r.due_w1)::int as due_w1, sum(r.retained_w1)::int as retained_w1,
        sum(r.due_w2)::int as due_w2, sum(r.retained_w2)::int as retained_w2,
        sum(r.due_w4)::int as due_w4, sum(r.retained_w4)::int as retained_w4, 0 as converted
      from funnel_cohort_days r
      where r.tenant_id = ${w.tenantId} and r.day >= (${w.t0}::timestamptz at time zone ${w.timezone})::date
        and ${dayStart} < ${rollup.until}::timestamptz and ${storeScope} and ${access}
      group by r.day`),
  );
  // Converted (an order from joining to the period's end), every day, from the period's orders: a member lookup each.
  const converted = rowsOf<{ day: string; converted: number }>(
    await db.execute(sql`
      select to_char((m.created_at at time zone ${w.timezone})::date, 'YYYY-MM-DD') as day,
        count(distinct m.id)::int as converted
      from orders o join members m on m.id = o.member_id
      where o.tenant_id = ${w.tenantId} and o.ordered_at >= ${w.t0}::timestamptz and o.ordered_at < ${w.t1}::timestamptz
        and o.amount_cents > o.refunded_cents and m.tenant_id = ${w.tenantId} and m.created_at >= ${w.t0}::timestamptz
        and m.created_at < ${w.t1}::timestamptz and o.ordered_at >= m.created_at
        and ${memberInScope(w.scope)} and ${accessFilter(w.access)}
      group by 1`),
  );
  const convertedOf = new Map(converted.map((c) => [c.day, c.converted]));
  // The days not decided by the rollup, member by member in one query.
  const live: Range[] = rolled
    .filter((r) => !r.is_current)
    .map((r) => ({ t0: new Date(r.day_start).toISOString(), t1: new Date(r.day_end).toISOString() }));
  if (rollup.until < w.t1) live.push({ t0: rollup.until, t1: w.t1 });
  const days: CohortDay[] = [
    ...rolled.filter((r) => r.is_current).map(({ is_current, day_start, day_end, ...row }) => row),
    ...(live.length > 0 ? await cohortByDayPerMember(db, w, live) : []),
  ].map((d) => ({ ...d, converted: convertedOf.get(d.day) ?? 0 }));
  return days.sort((a, b) => a.day.localeCompare(b.day));
};

export type RevenueRow = {
  day: string | null;
  orders: number;
  buyers: number;
  gross_cents: number;
  refunded_cents: number;
};

/** Orders placed in the period and owed to the scope, per local day and in total (the null day). */
export const revenueByDay = async (db: Db, w: FunnelWindow): Promise<RevenueRow[]> =>
  rowsOf<RevenueRow>(
    await db.execute(sql`
      select ${localDay(sql`o.ordered_at`, w.timezone)} as day,
        count(*) filter (where o.amount_cents > o.refunded_cents)::int as orders,
        count(distinct o.member_id) filter (where o.amount_cents > o.refunded_cents)::int as buyers,
        coalesce(sum(o.amount_cents), 0)::float8 as gross_cents,
        coalesce(sum(o.refunded_cents), 0)::float8 as refunded_cents
      from orders o
      where o.tenant_id = ${w.tenantId} and o.ordered_at >= ${w.t0}::timestamptz and o.ordered_at < ${w.t1}::timestamptz
        and ${orderInScope(w.scope)} and ${orderAccess(w.access)}
      group by grouping sets ((1), ())`),
  );

/** Members in the scope when the period ends: ARPU's denominator. */
export const populationAt = async (db: Db, w: FunnelWindow): Promise<number> => {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from members m
      where m.tenant_id = ${w.tenantId} and m.created_at < ${w.t1}::timestamptz
        and ${memberInScope(w.scope)} and ${accessFilter(w.access)}`),
  );
  return row?.n ?? 0;
};

export type ReferralRow = { inviters: number; invitees: number; valid_invites: number };

/**
 * Invitations in the period: inviters and invitees (campaign_participants), valid invites (`fission.invite_valid` on
 * the invitee's timeline, naming `inviterMemberId` and `campaignId`; the scope applies to the inviter).
 */
export const referralFigures = async (db: Db, w: FunnelWindow): Promise<ReferralRow> => {
  const campaign = w.scope.kind === 'campaign' ? w.scope.id : null;
  const inScope = sql`${memberInScope(campaign ? { kind: 'brand' } : w.scope)} and ${accessFilter(w.access)}`;
  // Every participant is a member (the foreign key cascades): no member to read when neither scope nor access filters.
  const everyone = (campaign !== null || w.scope.kind === 'brand') && w.access.kind === 'brand';
  const participants = everyone
    ? sql`campaign_participants cp`
    : sql`campaign_participants cp join members m on m.id = cp.member_id`;
  const [row] = rowsOf<ReferralRow>(
    await db.execute(sql`
      select
        (select count(distinct cp.member_id)::int from ${participants}
          where cp.tenant_id = ${w.tenantId} and cp.role = 'inviter' and cp.joined_at >= ${w.t0}::timestamptz
            and cp.joined_at < ${w.t1}::timestamptz and ${campaign ? sql`cp.campaign_id = ${campaign}` : sql`true`}
            and ${everyone ? sql`true` : inScope}) as inviters,
        (select count(distinct cp.member_id)::int from ${participants}
          where cp.tenant_id = ${w.tenantId} and cp.role = 'invitee' and cp.joined_at >= ${w.t0}::timestamptz
            and cp.joined_at < ${w.t1}::timestamptz and ${campaign ? sql`cp.campaign_id = ${campaign}` : sql`true`}
            and ${everyone ? sql`true` : inScope}) as invitees,
        (select count(*)::int from member_events e
          join members m on m.id = coalesce((e.data->>'inviterMemberId')::uuid, e.member_id)
          where e.tenant_id = ${w.tenantId} and e.type = 'fission.invite_valid' and e.occurred_at >= ${w.t0}::timestamptz
            and e.occurred_at < ${w.t1}::timestamptz
            and ${campaign ? sql`e.data->>'campaignId' = ${campaign}` : sql`true`} and ${inScope}) as valid_invites`),
  );
  return row ?? { inviters: 0, invitees: 0, valid_invites: 0 };
};

/** The rollup job: (re)compute the facts of members whose facts are missing or not final yet, a batch at a time. */
export const refreshFunnelFacts = async (
  db: Db,
  input: { tenantId: string; now: Date; limit: number },
): Promise<number> => {
  const now = input.now.toISOString();
  const { tenantId } = input;
  const week = (n: 1 | 2 | 4) =>
    sql`case when ${isWeekDue(n, now)} then ${retainedLiveSql(tenantId, n)} else false end`;
  const result = await db.execute(sql`
    insert into member_funnel_facts
      (tenant_id, member_id, joined_at, activated_at, is_retained_w1, is_retained_w2, is_retained_w4, computed_at)
    select ${tenantId}::uuid, c.member_id, c.entered_at, ${firstInteractionSql(tenantId)}, ${week(1)}, ${week(2)},
      ${week(4)}, ${now}::timestamptz
    from (
      select m.id as member_id, m.created_at as entered_at from members m
      left join member_funnel_facts f on f.member_id = m.id
      where m.tenant_id = ${tenantId} and m.created_at <= ${now}::timestamptz
        and (f.member_id is null or (f.computed_at < m.created_at + interval '35 days'
          and f.computed_at < ${now}::timestamptz) or f.joined_at <> m.created_at)
      order by m.created_at limit ${input.limit}
    ) c
    on conflict (member_id) do update set joined_at = excluded.joined_at, activated_at = excluded.activated_at,
      is_retained_w1 = excluded.is_retained_w1, is_retained_w2 = excluded.is_retained_w2,
      is_retained_w4 = excluded.is_retained_w4, computed_at = excluded.computed_at`);
  const done =
    (result as { rowCount?: number | null }).rowCount ??
    (result as { affectedRows?: number }).affectedRows ??
    0;
  // The last batch: every member is up to date, so the settled days can be rolled up.
  if (done < input.limit) await rebuildFunnelCohorts(db, { tenantId, now: input.now });
  return done;
};

/** A member's facts are final 35 days after joining (the end of retention week 4; see refreshFunnelFacts). */
const FINAL_AFTER = sql.raw(`interval '35 days'`);

/**
 * Rebuild a brand's cohort rollup from the member facts the refresh has just brought up to date: per local day (the
 * brand's time zone) and store, the counts as of `now`, for every day before the first one that is not decided: one
 * whose members may still activate (it ended less than 7 days ago) or whose facts are not all up to date. A reader
 * recomputes live the few days whose retention weeks ended since. Members who later change store or are erased count
 * in the old row until the next rebuild (hourly, with the facts).
 */
export const rebuildFunnelCohorts = async (db: Db, input: { tenantId: string; now: Date }) => {
  const { tenantId } = input;
  const now = input.now.toISOString();
  const [tenant] = rowsOf<{ timezone: string }>(
    await db.execute(sql`select timezone from tenants where id = ${tenantId}`),
  );
  if (!tenant) return;
  const tz = tenant.timezone;
  const due = (n: RetentionWeekNumber) => sql`m.created_at + ${weekShift(n)} <= ${now}::timestamptz`;
  await db.transaction(async (tx) => {
    const [cut] = rowsOf<{ day: string }>(
      await tx.execute(sql`
        with latest as (select ((${now}::timestamptz - ${sql.raw(`interval '${ACTIVATION_DAYS} days'`)}) at time zone ${tz})::date as day)
        select to_char(least((select day from latest), (
          select min((m.created_at at time zone ${tz})::date) from members m
          left join member_funnel_facts f on f.member_id = m.id
          where m.tenant_id = ${tenantId}
            and m.created_at < ((select day from latest)::timestamp at time zone ${tz})
            and (f.member_id is null or f.joined_at <> m.created_at
              or f.computed_at < least(${now}::timestamptz, m.created_at + ${FINAL_AFTER})))), 'YYYY-MM-DD') as day`),
    );
    const coversBefore = cut!.day;
    await tx.execute(sql`delete from funnel_cohort_days where tenant_id = ${tenantId}`);
    await tx.execute(sql`
      insert into funnel_cohort_days (tenant_id, day, store_id, new_members, activated, due_w1, retained_w1, due_w2,
        retained_w2, due_w4, retained_w4)
      select ${tenantId}::uuid, (m.created_at at time zone ${tz})::date, m.store_id, count(*)::int,
        count(f.activated_at)::int,
        count(*) filter (where ${due(1)})::int, count(*) filter (where ${due(1)} and f.is_retained_w1)::int,
        count(*) filter (where ${due(2)})::int, count(*) filter (where ${due(2)} and f.is_retained_w2)::int,
        count(*) filter (where ${due(4)})::int, count(*) filter (where ${due(4)} and f.is_retained_w4)::int
      from members m join member_funnel_facts f on f.member_id = m.id
      where m.tenant_id = ${tenantId} and m.created_at < (${coversBefore}::date::timestamp at time zone ${tz})
      group by 2, 3`);
    await tx.execute(sql`
      insert into funnel_cohort_rollups (tenant_id, timezone, covers_before, computed_at)
      values (${tenantId}, ${tz}, ${coversBefore}::date, ${now}::timestamptz)
      on conflict (tenant_id) do update set timezone = excluded.timezone, covers_before = excluded.covers_before,
        computed_at = excluded.computed_at`);
  });
};
