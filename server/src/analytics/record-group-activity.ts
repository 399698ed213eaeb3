import { sql } from 'drizzle-orm';
import type { Middleware } from '../pipeline/middleware.ts';

/**
 * A group message counts for its group's day (the brand's time zone) and its author: the group-health rollup. One
 * statement; an event processed again (an id not above the row's last) changes nothing.
 */
export const recordGroupActivity: Middleware = async (ctx, next) => {
  const { event } = ctx;
  if (event.type === 'message' && event.chat.kind === 'group' && ctx.member) {
    await ctx.tx.execute(sql`
      insert into community_activity_days (tenant_id, community_id, member_id, day, messages, last_event_id)
      select c.tenant_id, c.id, ${ctx.member.id}::uuid,
        (${event.occurredAt.toISOString()}::timestamptz at time zone coalesce(t.timezone, 'UTC'))::date, 1,
        ${ctx.inboundEventId}::bigint
      from communities c join tenants t on t.id = c.tenant_id
      where c.tenant_id = ${ctx.tenantId} and c.platform_account_id = ${ctx.platformAccountId}
        and c.external_id = ${event.chat.groupExternalId}
      on conflict (community_id, day, member_id) do update
        set messages = community_activity_days.messages + 1, last_event_id = excluded.last_event_id
        where community_activity_days.last_event_id < excluded.last_event_id`);
  }
  await next();
};
