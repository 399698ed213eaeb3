import { and, eq, sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import { canSeeStore } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import { communities } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { loadAnalyticsSettings } from './analytics-settings.ts';
import { rowsOf, withoutJit } from './funnel.store.ts';
import { addDays } from './funnel-period.ts';

type HealthDay = {
  day: string;
  members: number;
  joins: number;
  leaves: number;
  messages: number;
  active_members: number;
  moderation_actions: number;
};

/**
 * A group's health over local days from..to: members at the end of each day, joins and leaves, messages and
 * active members (the group-activity rollup), moderation actions; and this week's active share of its members.
 */
export const getGroupHealth = async (
  db: Db,
  input: { tenantId: string; access: Scope; communityId: string; from: string; to: string; now: Date },
) => {
  const [community] = await db
    .select()
    .from(communities)
    .where(and(eq(communities.tenantId, input.tenantId), eq(communities.id, input.communityId)));
  if (!community || !canSeeStore(input.access, community.storeId)) throw notFound('Community');
  const { timezone } = await loadAnalyticsSettings(db, input.tenantId);
  const days = rowsOf<HealthDay>(
    await withoutJit(db, (tx) =>
      tx.execute(sql`
      with d as (
        select to_char(g, 'YYYY-MM-DD') as day, (g::timestamp at time zone ${timezone}) as t0,
          ((g + interval '1 day')::timestamp at time zone ${timezone}) as t1
        from generate_series(${input.from}::date, ${input.to}::date, interval '1 day') g
      )
      select d.day,
        (select count(*)::int from community_members cm where cm.community_id = ${community.id}
          and cm.joined_at < d.t1 and (cm.left_at is null or cm.left_at >= d.t1)) as members,
        (select count(*)::int from community_members cm where cm.community_id = ${community.id}
          and cm.joined_at >= d.t0 and cm.joined_at < d.t1) as joins,
        (select count(*)::int from community_members cm where cm.community_id = ${community.id}
          and cm.left_at >= d.t0 and cm.left_at < d.t1) as leaves,
        (select coalesce(sum(a.messages), 0)::int from community_activity_days a
          where a.community_id = ${community.id} and a.day = d.day::date) as messages,
        (select count(*)::int from community_activity_days a
          where a.community_id = ${community.id} and a.day = d.day::date) as active_members,
        (select count(*)::int from moderation_incidents mi where mi.tenant_id = ${input.tenantId}
          and mi.platform_account_id = ${community.platformAccountId} and mi.group_external_id = ${community.externalId}
          and mi.occurred_at >= d.t0 and mi.occurred_at < d.t1) as moderation_actions
      from d order by d.day`),
    ),
  );
  const [today] = rowsOf<{ today: string }>(
    await db.execute(
      sql`select to_char(${input.now.toISOString()}::timestamptz at time zone ${timezone}, 'YYYY-MM-DD') as today`,
    ),
  );
  const weekStart = addDays(today!.today, -6);
  const [week] = rowsOf<{ active: number }>(
    await db.execute(sql`
      select count(distinct a.member_id)::int as active from community_activity_days a
      join community_members cm on cm.community_id = a.community_id and cm.member_id = a.member_id and cm.left_at is null
      where a.community_id = ${community.id} and a.day between ${weekStart}::date and ${today!.today}::date`),
  );
  const activeThisWeek = week?.active ?? 0;
  return {
    communityId: community.id,
    name: community.name,
    from: input.from,
    to: input.to,
    memberCount: community.memberCount,
    activeThisWeek,
    shareActiveThisWeek:
      community.memberCount > 0 ? Math.round((activeThisWeek / community.memberCount) * 10_000) / 10_000 : 0,
    daily: days.map((d) => ({
      day: d.day,
      members: d.members,
      joins: d.joins,
      leaves: d.leaves,
      messages: d.messages,
      activeMembers: d.active_members,
      moderationActions: d.moderation_actions,
    })),
  };
};
export type GroupHealth = Awaited<ReturnType<typeof getGroupHealth>>;
