import type { PlatformEvent } from '../platforms/platform.ts';
import type { Middleware } from './middleware.ts';
import type { ParticipantRef, Participants } from './participants.store.ts';

/** The staff account an event names: the one added or removed, or the staff side of a private chat. */
export const staffExternalIdOf = (event: PlatformEvent): string | undefined => {
  switch (event.type) {
    case 'member.added_staff':
    case 'member.removed_staff':
    case 'platform.changed':
      return event.staffExternalId;
    case 'message':
    case 'dice':
      return event.chat.kind === 'private' ? event.chat.staffExternalId : undefined;
    default:
      return undefined;
  }
};

export const participantRefOf = (
  target: { tenantId: string; platformAccountId: string },
  event: PlatformEvent,
): ParticipantRef => ({
  tenantId: target.tenantId,
  platformAccountId: target.platformAccountId,
  member: 'member' in event ? event.member : undefined,
  staffExternalId: staffExternalIdOf(event),
  occurredAt: event.occurredAt,
});

/**
 * The first built-in middleware: puts the event's member, identity and staff account on the context.
 * The upserts themselves ran once for the whole batch (resolveParticipants) to save round trips.
 */
export const attachParticipants =
  (participants: Participants): Middleware =>
  async (ctx, next) => {
    if ('member' in ctx.event) {
      const found = participants.memberOf(ctx.platformAccountId, ctx.event.member.externalId);
      if (!found) throw new Error(`Member ${ctx.event.member.externalId} was not resolved`);
      ctx.member = found.member;
      ctx.identity = found.identity;
    }
    const staffExternalId = staffExternalIdOf(ctx.event);
    if (staffExternalId) ctx.staffAccount = participants.staffOf(ctx.platformAccountId, staffExternalId);
    await next();
  };
