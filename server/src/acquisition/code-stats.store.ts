import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { CodeStats } from './acquisition.schemas.ts';
import type { ChannelCodeRow } from './channel-codes.store.ts';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

type DayRow = { day: string; arrivals: number; new_members: number; still_in: number; left: number };

/**
 * A code's figures over local days `from`..`to` (the brand's time zone): scans per day, and per arrival day the
 * arrivals, new members, and what became of them since (still in the group or still a contact, or left: left the
 * group, was removed, or deleted the staff account). `left` is the code's churn count.
 */
export const getCodeStats = async (
  db: Db,
  input: { code: ChannelCodeRow; timezone: string; from: string; to: string },
): Promise<CodeStats> => {
  const { code, timezone, from, to } = input;
  const localDay = (column: string) =>
    sql`to_char(${sql.raw(column)} at time zone ${timezone}, 'YYYY-MM-DD')`;
  // The coarse UTC bounds let the (code, time) index narrow the rows before the local day decides.
  const inRange = (column: string) =>
    sql`${sql.raw(column)} >= ${from}::date - 1 and ${sql.raw(column)} < ${to}::date + 2
      and ${localDay(column)} between ${from} and ${to}`;
  const scans = rowsOf<{ day: string; scans: number }>(
    await db.execute(sql`
      select ${localDay('scanned_at')} as day, count(*)::int as scans
      from channel_code_scans
      where tenant_id = ${code.tenantId} and code_id = ${code.id} and ${inRange('scanned_at')}
      group by 1`),
  );
  const arrivals = rowsOf<DayRow>(
    await db.execute(sql`
      with arr as (
        select a.arrived_at, a.is_new_member,
          case when a.kind = 'group' then cm.left_at else sc.removed_at end as ended_at
        from channel_code_arrivals a
        left join community_members cm
          on a.kind = 'group' and cm.community_id = a.community_id and cm.member_id = a.member_id
        left join staff_contacts sc
          on a.kind = 'contact' and sc.platform_account_id = ${code.platformAccountId}
            and sc.staff_external_id = a.staff_external_id and sc.member_id = a.member_id
        where a.tenant_id = ${code.tenantId} and a.code_id = ${code.id} and ${inRange('a.arrived_at')}
      )
      select ${localDay('arrived_at')} as day, count(*)::int as arrivals,
        count(*) filter (where is_new_member)::int as new_members,
        count(*) filter (where ended_at is null)::int as still_in,
        count(*) filter (where ended_at is not null)::int as left
      from arr group by 1`),
  );
  const byStaff = rowsOf<{ staff_id: string | null; arrivals: number }>(
    await db.execute(sql`
      select staff_id, count(*)::int as arrivals from channel_code_arrivals
      where tenant_id = ${code.tenantId} and code_id = ${code.id} and ${inRange('arrived_at')}
      group by staff_id order by 2 desc, 1`),
  );
  const days = new Map<string, CodeStats['byDay'][number]>();
  const dayOf = (date: string) => {
    const existing = days.get(date);
    if (existing) return existing;
    const created = { date, scans: 0, arrivals: 0, newMembers: 0, stillIn: 0, left: 0 };
    days.set(date, created);
    return created;
  };
  for (const row of scans) dayOf(row.day).scans = row.scans;
  for (const row of arrivals) {
    Object.assign(dayOf(row.day), {
      arrivals: row.arrivals,
      newMembers: row.new_members,
      stillIn: row.still_in,
      left: row.left,
    });
  }
  const byDay = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  const sum = (key: 'scans' | 'arrivals' | 'newMembers' | 'stillIn' | 'left') =>
    byDay.reduce((n, d) => n + d[key], 0);
  return {
    channelCodeId: code.id,
    from,
    to,
    totals: {
      scans: sum('scans'),
      arrivals: sum('arrivals'),
      newMembers: sum('newMembers'),
      stillIn: sum('stillIn'),
      left: sum('left'),
    },
    byDay,
    byStaff: byStaff.map((r) => ({ staffId: r.staff_id, arrivals: r.arrivals })),
  };
};
