import { type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';

/**
 * SQL pieces of the funnel, shared by the live computation, the facts job and the members drill-down, so that a
 * figure means the same wherever it is computed. A "cohort" is who entered the scope in the period, with when.
 */

export const funnelScopeKinds = ['brand', 'store', 'code', 'community', 'campaign'] as const;
export type FunnelScopeKind = (typeof funnelScopeKinds)[number];
export type FunnelScope = { kind: 'brand' } | { kind: Exclude<FunnelScopeKind, 'brand'>; id: string };

/** Whose funnel, of what, over which local days (from..to), as of when: what every funnel read takes. */
export type FunnelRequest = {
  tenantId: string;
  access: Scope;
  scope: FunnelScope;
  from: string;
  to: string;
  now: Date;
};

/** The timeline types that count as a member's own interaction (activation, retention). */
export const interactionTypes = ['message.posted', 'checked_in', 'game.played', 'page.visited'] as const;
const interactionList = sql.raw(interactionTypes.map((t) => `'${t}'`).join(', '));

export const ACTIVATION_DAYS = 7;
export const retentionWeeks = [1, 2, 4] as const;
export type RetentionWeek = (typeof retentionWeeks)[number];

const days = (n: number) => sql.raw(`interval '${n} days'`);

/** Members whose store the caller may see (store-bound staff); `m` is the members alias. */
export const accessFilter = (access: Scope): SQL =>
  access.kind === 'brand' ? sql`true` : sql`m.store_id = any(${`{${access.storeIds.join(',')}}`}::uuid[])`;

/** Who entered the scope in [t0, t1): `member_id`, `entered_at`. Brand and store: new members; code: first touch. */
export const cohortSql = (input: {
  tenantId: string;
  scope: FunnelScope;
  access: Scope;
  t0: string;
  t1: string;
}): SQL => {
  const { tenantId, scope, access, t0, t1 } = input;
  const range = (col: string) =>
    sql`${sql.raw(col)} >= ${t0}::timestamptz and ${sql.raw(col)} < ${t1}::timestamptz`;
  switch (scope.kind) {
    case 'brand':
    case 'store':
      return sql`select m.id as member_id, m.created_at as entered_at from members m
        where m.tenant_id = ${tenantId} and ${range('m.created_at')} and ${accessFilter(access)}
        ${scope.kind === 'store' ? sql`and m.store_id = ${scope.id}` : sql``}`;
    case 'code':
      return sql`select a.member_id, a.first_at as entered_at from member_attributions a join members m on m.id = a.member_id
        where a.tenant_id = ${tenantId} and a.first_code_id = ${scope.id} and ${range('a.first_at')} and ${accessFilter(access)}`;
    case 'community':
      return sql`select cm.member_id, cm.joined_at as entered_at from community_members cm join members m on m.id = cm.member_id
        where cm.tenant_id = ${tenantId} and cm.community_id = ${scope.id} and ${range('cm.joined_at')} and ${accessFilter(access)}`;
    case 'campaign':
      return sql`select cp.member_id, cp.joined_at as entered_at from campaign_participants cp join members m on m.id = cp.member_id
        where cp.tenant_id = ${tenantId} and cp.campaign_id = ${scope.id} and ${range('cp.joined_at')} and ${accessFilter(access)}`;
  }
};

/** A predicate on `m` (members): the member belongs to the scope (for revenue and referral figures). */
export const memberInScope = (scope: FunnelScope): SQL => {
  switch (scope.kind) {
    case 'brand':
      return sql`true`;
    case 'store':
      return sql`m.store_id = ${scope.id}`;
    case 'code':
      return sql`exists (select 1 from member_attributions a where a.member_id = m.id and a.first_code_id = ${scope.id})`;
    case 'community':
      return sql`exists (select 1 from community_members cm where cm.member_id = m.id and cm.community_id = ${scope.id})`;
    case 'campaign':
      return sql`exists (select 1 from campaign_participants cp where cp.member_id = m.id and cp.campaign_id = ${scope.id})`;
  }
};

/** A predicate on `o` (orders): the order is owed to the scope (channel codes: last touch). */
export const orderInScope = (scope: FunnelScope): SQL => {
  switch (scope.kind) {
    case 'brand':
      return sql`true`;
    case 'store':
      return sql`o.store_id = ${scope.id}`;
    case 'code':
      return sql`o.last_code_id = ${scope.id}`;
    case 'community':
      return sql`o.community_id = ${scope.id}`;
    case 'campaign':
      return sql`${scope.id}::uuid = any(o.campaign_ids)`;
  }
};

export const orderAccess = (access: Scope): SQL =>
  access.kind === 'brand' ? sql`true` : sql`o.store_id = any(${`{${access.storeIds.join(',')}}`}::uuid[])`;

/** An interaction of member `c.member_id` in [lo, hi), read from the timeline (the event log). */
const interactedBetween = (tenantId: string, lo: SQL, hi: SQL): SQL =>
  sql`exists (select 1 from member_events e where e.member_id = c.member_id and e.tenant_id = ${tenantId}
    and e.type in (${interactionList}) and e.occurred_at >= ${lo} and e.occurred_at < ${hi})`;

/** The first interaction within ACTIVATION_DAYS of entering (null: not activated). */
export const firstInteractionSql = (tenantId: string): SQL =>
  sql`(select min(e.occurred_at) from member_events e where e.member_id = c.member_id and e.tenant_id = ${tenantId}
    and e.type in (${interactionList}) and e.occurred_at >= c.entered_at
    and e.occurred_at < c.entered_at + ${days(ACTIVATION_DAYS)})`;

export const activatedLiveSql = (tenantId: string): SQL =>
  interactedBetween(tenantId, sql`c.entered_at`, sql`c.entered_at + ${days(ACTIVATION_DAYS)}`);

/** Week n runs from 7n to 7(n+1) days after entering; it is due (final) once it has ended. */
export const weekEnd = (n: RetentionWeek): SQL => sql`c.entered_at + ${days(7 * (n + 1))}`;
export const isWeekDue = (n: RetentionWeek, now: string): SQL => sql`(${weekEnd(n)} <= ${now}::timestamptz)`;

/** Retained in week n: an interaction during the week, and in a group when the week ended. */
export const retainedLiveSql = (tenantId: string, n: RetentionWeek): SQL =>
  sql`(${interactedBetween(tenantId, sql`c.entered_at + ${days(7 * n)}`, weekEnd(n))}
    and exists (select 1 from community_members g where g.tenant_id = ${tenantId} and g.member_id = c.member_id
      and g.joined_at <= ${weekEnd(n)} and (g.left_at is null or g.left_at > ${weekEnd(n)})))`;
