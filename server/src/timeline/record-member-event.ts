import type { Db } from '../db/client.ts';
import { memberEvents } from '../db/schema/index.ts';

/** Timeline entry types; features add theirs here so the timeline and analytics share one vocabulary. */
export type MemberEventType =
  | 'member.created'
  | 'staff.added'
  | 'staff.removed'
  | 'group.joined'
  | 'group.left'
  | 'message.posted'
  | 'tag.added'
  | 'tag.removed'
  | 'keyword.replied'
  | 'moderation.action'
  | 'welcome.sent'
  | 'welcome.skipped'
  | 'channel.arrived'
  | 'member.imported'
  | 'profile.updated'
  | 'stage.changed'
  // Orders (orders/) and interactions analytics reads as activity (analytics/funnel-sql.ts).
  | 'order.placed'
  | 'order.refunded'
  | 'game.played'
  | 'page.visited'
  | 'level.changed'
  | 'checked_in'
  | 'coupon.issued'
  | 'coupon.redeemed'
  | 'mall.redeemed'
  | 'fission.invited'
  | 'fission.invite_valid'
  | 'fission.invite_void'
  | 'fission.reward';

export type MemberEventInput = {
  tenantId: string;
  memberId: string;
  type: MemberEventType;
  occurredAt: Date;
  communityId?: string | null;
  data?: Record<string, unknown>;
  /** The inbound event behind it: recording again for the same event, type and member changes nothing. */
  sourceEventId?: number | null;
  /** Distinguishes several entries of one type for one member from one event (e.g. the tag's id). */
  discriminator?: string;
};

const dedupeKeyOf = (e: MemberEventInput): string | null =>
  e.sourceEventId == null
    ? null
    : [e.sourceEventId, e.type, e.memberId, e.discriminator].filter((p) => p !== undefined).join(':');

/** Append entries to members' timelines (the event log analytics read); idempotent per source event. */
export const recordMemberEvents = async (db: Db, entries: MemberEventInput[]): Promise<void> => {
  if (entries.length === 0) return;
  await db
    .insert(memberEvents)
    .values(
      entries.map((e) => ({
        tenantId: e.tenantId,
        memberId: e.memberId,
        type: e.type,
        occurredAt: e.occurredAt,
        communityId: e.communityId ?? null,
        data: e.data ?? {},
        sourceEventId: e.sourceEventId ?? null,
        dedupeKey: dedupeKeyOf(e),
      })),
    )
    .onConflictDoNothing();
};
