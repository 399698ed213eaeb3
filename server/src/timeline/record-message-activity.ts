import { sql } from 'drizzle-orm';
import type { Middleware } from '../pipeline/middleware.ts';

/**
 * Messages on the timeline without one row per message: ONE `message.posted` entry per member per local day
 * (the brand's time zone), whose data counts that day's messages (`{ day, count, lastAt }`), upserted by its
 * dedupe key in one statement. Activity days, lifecycle stages and analytics read days, not single messages.
 */
export const recordMessageActivity: Middleware = async (ctx, next) => {
  const { event } = ctx;
  if ((event.type === 'message' || event.type === 'dice') && ctx.member) {
    const at = event.occurredAt.toISOString();
    await ctx.tx.execute(sql`
      insert into member_events (tenant_id, member_id, type, occurred_at, data, source_event_id, dedupe_key)
      select ${ctx.tenantId}::uuid, ${ctx.member.id}::uuid, 'message.posted', ${at}::timestamptz,
        jsonb_build_object('day', d.day, 'count', 1, 'lastAt', ${at}::text), ${ctx.inboundEventId}::bigint,
        'activity:' || ${ctx.member.id}::text || ':' || d.day
      from (
        select to_char(${at}::timestamptz at time zone coalesce(
          (select timezone from tenants where id = ${ctx.tenantId}::uuid), 'UTC'), 'YYYY-MM-DD') as day
      ) d
      on conflict (tenant_id, dedupe_key) where dedupe_key is not null
      do update set data = member_events.data
        || jsonb_build_object('count', coalesce((member_events.data->>'count')::int, 0) + 1, 'lastAt', ${at}::text)`);
  }
  await next();
};
