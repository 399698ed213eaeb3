import type { Middleware } from '../pipeline/middleware.ts';
import { createStaffTask } from '../tasks/create-staff-task.ts';
import { requestPlatformSync } from './platform-sync.store.ts';
import { syncKeyOf } from './platform-sync.ts';

/**
 * `platform.changed` (the platform said something changed but not what) becomes a sync request in the
 * event's transaction; platform-sync.run reads it back later. A failed customer transfer also needs a
 * person: the staff member named in the event gets an alert.
 */
export const requestPlatformSyncs: Middleware = async (ctx, next) => {
  const { event } = ctx;
  if (event.type === 'platform.changed') {
    await requestPlatformSync(ctx.tx, {
      tenantId: ctx.tenantId,
      platformAccountId: ctx.platformAccountId,
      scope: event.scope,
      key: syncKeyOf(event),
      reason: event.reason,
      now: ctx.deps.now(),
    });
    if (event.reason?.startsWith('transfer_failed')) {
      await createStaffTask(ctx.tx, {
        tenantId: ctx.tenantId,
        kind: 'other',
        title: `A customer could not be transferred (${event.reason.slice('transfer_failed:'.length)})`,
        staffId: ctx.staffAccount?.staffId ?? null,
        data: {
          reason: event.reason,
          memberExternalId: event.memberExternalId ?? null,
          staffExternalId: event.staffExternalId ?? null,
          inboundEventId: ctx.inboundEventId,
        },
        dedupeKey: `transfer_failed:${ctx.inboundEventId}`,
      });
    }
  }
  await next();
};
