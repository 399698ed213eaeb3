import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { inboundEvents } from '../db/schema/index.ts';
import { wakeEventProcessor } from '../jobs/job-names.ts';
import type { PlatformEvent } from '../platforms/platform.ts';

export type IngestTarget = { tenantId: string; platformAccountId: string };

/**
 * Store platform events exactly once per (platform account, external id). Returns how many were new;
 * a redelivered event is silently dropped here. Processing happens later, in the worker.
 * Pass `now` (deps.now()) so the event is due on the same clock the processor uses; without it the
 * database's clock stamps it.
 */
export const ingestEvents = async (
  db: Db,
  target: IngestTarget,
  events: PlatformEvent[],
  options: { now?: Date } = {},
): Promise<number> => {
  if (events.length === 0) return 0;
  const now = options.now ? sql`${options.now.toISOString()}::timestamptz` : sql`now()`;
  // One array per column (unnest) rather than a VALUES row per event: a third of the time for big batches.
  const result = await db.execute(sql`
    insert into ${inboundEvents} (tenant_id, platform_account_id, external_id, type, payload, received_at, next_attempt_at)
    select ${target.tenantId}::uuid, ${target.platformAccountId}::uuid, v.external_id, v.type, v.payload::jsonb, ${now}, ${now}
    from unnest(${sql.param(events.map((e) => e.externalId))}::text[], ${sql.param(events.map((e) => e.type))}::text[],
      ${sql.param(events.map((e) => JSON.stringify(e)))}::text[]) as v(external_id, type, payload)
    on conflict (platform_account_id, external_id) do nothing
    returning id`);
  // Both drivers answer raw SQL with { rows }; Db's generic type cannot say so.
  return (result as { rows: unknown[] }).rows.length;
};

/** What a webhook does with parsed events: store them, and wake the processor when any is new. */
export const receiveEvents = async (
  deps: AppDeps,
  target: IngestTarget,
  events: PlatformEvent[],
): Promise<number> => {
  const count = await ingestEvents(deps.db, target, events, { now: deps.now() });
  if (count > 0) await wakeEventProcessor(deps.jobs);
  return count;
};
