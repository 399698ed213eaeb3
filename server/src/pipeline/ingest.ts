import type { Db } from '../db/client.ts';
import { inboundEvents } from '../db/schema/index.ts';
import type { PlatformEvent } from '../platforms/platform.ts';

export type IngestTarget = { tenantId: string; platformAccountId: string };

/**
 * Store platform events exactly once per (platform account, external id). Returns how many were new;
 * a redelivered event is silently dropped here. Processing happens later, in the worker.
 */
export const ingestEvents = async (
  db: Db,
  target: IngestTarget,
  events: PlatformEvent[],
): Promise<number> => {
  if (events.length === 0) return 0;
  const rows = events.map((event) => ({
    tenantId: target.tenantId,
    platformAccountId: target.platformAccountId,
    externalId: event.externalId,
    type: event.type,
    payload: event as unknown as Record<string, unknown>,
  }));
  const inserted = await db
    .insert(inboundEvents)
    .values(rows)
    .onConflictDoNothing({ target: [inboundEvents.platformAccountId, inboundEvents.externalId] })
    .returning({ id: inboundEvents.id });
  return inserted.length;
};
