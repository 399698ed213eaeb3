import type { Middleware } from '../pipeline/middleware.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';

/**
 * A customer added a staff account: the member's timeline gets 'staff.added' with the entry state the
 * platform reported (WeCom `State`, a Telegram /start payload), so attribution survives even before a
 * channel code claims it. Idempotent per event (the timeline's dedupe key). Removals are recorded by the
 * communities handler.
 */
export const recordStaffContacts: Middleware = async (ctx, next) => {
  const { event } = ctx;
  if (event.type === 'member.added_staff' && ctx.member) {
    await recordMemberEvents(ctx.tx, [
      {
        tenantId: ctx.tenantId,
        memberId: ctx.member.id,
        type: 'staff.added',
        occurredAt: event.occurredAt,
        data: {
          staffExternalId: event.staffExternalId,
          staffId: ctx.staffAccount?.staffId ?? null,
          entryState: event.entryState ?? null,
          hasWelcomeToken: event.welcomeToken !== undefined,
        },
        sourceEventId: ctx.inboundEventId,
      },
    ]);
  }
  await next();
};
