import { and, desc, eq, sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import { memberEvents } from '../db/schema/index.ts';
import { type Page, pageOf } from '../http/pagination.ts';
import { findVisibleMember } from './members.store.ts';

export type TimelineEntry = {
  id: string;
  type: string;
  occurredAt: string;
  communityId: string | null;
  data: Record<string, unknown>;
};

/** Everything that happened to a member, newest first; the cursor is the last entry's id. */
export const getMemberTimeline = async (
  db: Db,
  options: { tenantId: string; scope: Scope; id: string; limit: number; cursor?: string },
): Promise<Page<TimelineEntry>> => {
  const member = await findVisibleMember(db, options);
  const rows = await db
    .select()
    .from(memberEvents)
    .where(
      and(
        eq(memberEvents.tenantId, options.tenantId),
        eq(memberEvents.memberId, member.id),
        options.cursor
          ? sql`(${memberEvents.occurredAt}, ${memberEvents.id}) < (select occurred_at, id from ${memberEvents} where id = ${Number(options.cursor)} and member_id = ${member.id})`
          : undefined,
      ),
    )
    .orderBy(desc(memberEvents.occurredAt), desc(memberEvents.id))
    .limit(options.limit + 1);
  return pageOf(
    rows,
    options.limit,
    (row) => String(row.id),
    (row) => ({
      id: String(row.id),
      type: row.type,
      occurredAt: row.occurredAt.toISOString(),
      communityId: row.communityId,
      data: row.data,
    }),
  );
};
