import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { stageRules } from './stage.ts';

const days = (n: number) => `${n} days`;

/**
 * Re-derive the lifecycle stage of every member of one brand in one statement: the same rule as `deriveStage`
 * (members/stage.ts), in SQL so a brand of a million members is one pass. Activity days count `message.posted`
 * timeline entries; "left" means every group and staff relation the timeline knows of ended in a leave or removal.
 * Members whose stage changes get a `stage.changed` timeline entry. Returns how many changed.
 */
export const refreshMemberStages = async (
  db: Db,
  input: { tenantId: string; now: Date },
): Promise<number> => {
  const { tenantId, now } = input;
  const at = now.toISOString();
  const result = await db.execute(sql`
    with activity as (
      select member_id, count(distinct date_trunc('day', occurred_at at time zone 'UTC'))::int as active_days
      from member_events
      where tenant_id = ${tenantId} and type = 'message.posted'
        and occurred_at > ${at}::timestamptz - ${days(30)}::interval and occurred_at <= ${at}::timestamptz
      group by member_id
    ), latest as (
      select distinct on (member_id, kind, community_id) member_id, type
      from (
        select member_id, community_id, type, occurred_at, id, split_part(type, '.', 1) as kind
        from member_events
        where tenant_id = ${tenantId} and type in ('group.joined', 'group.left', 'staff.added', 'staff.removed')
      ) e
      order by member_id, kind, community_id, occurred_at desc, id desc
    ), membership as (
      select member_id, bool_or(type in ('group.joined', 'staff.added')) as is_in from latest group by member_id
    ), derived as (
      select m.id, m.stage as old_stage,
        case
          when s.is_in = false then 'churned'
          when m.created_at > ${at}::timestamptz - ${days(stageRules.newForDays)}::interval then 'new'
          when coalesce(a.active_days, 0) >= ${stageRules.coreActiveDays} then 'core'
          when coalesce(m.last_seen_at, m.created_at)
            >= ${at}::timestamptz - ${days(stageRules.activeWithinDays)}::interval then 'active'
          when coalesce(m.last_seen_at, m.created_at)
            >= ${at}::timestamptz - ${days(stageRules.churnAfterDays)}::interval then 'silent'
          else 'churned'
        end as new_stage
      from members m
      left join activity a on a.member_id = m.id
      left join membership s on s.member_id = m.id
      where m.tenant_id = ${tenantId}
    ), changed as (
      update members m set stage = d.new_stage
      from derived d
      where m.id = d.id and m.tenant_id = ${tenantId} and d.old_stage <> d.new_stage
      returning m.id, d.old_stage, d.new_stage
    )
    insert into member_events (tenant_id, member_id, type, occurred_at, data)
    select ${tenantId}, id, 'stage.changed', ${at}::timestamptz, jsonb_build_object('from', old_stage, 'to', new_stage)
    from changed
    returning member_id`);
  return (result as { rows: unknown[] }).rows.length;
};
