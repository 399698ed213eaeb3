import type { EventContext, Middleware } from '../pipeline/middleware.ts';
import type { PlatformEvent } from '../platforms/platform.ts';
import { ensureTags, tagMembers } from '../tags/tag-members.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';
import { codeStatusOf } from './acquisition.ts';
import {
  assignOwner,
  attributeMember,
  insertArrival,
  recordContactAdded,
  recordContactRemoved,
} from './arrivals.store.ts';
import { assignStaff } from './assign-staff.ts';
import {
  type ChannelCodeRow,
  findCodeByState,
  findTenantTimezone,
  listCodeStaff,
} from './channel-codes.store.ts';
import { matchScan } from './code-scans.store.ts';

/**
 * Arrivals: a member adds a staff account or joins a group (community tracking ran first and said whether the
 * join is new). The entry state names the channel code; the arrival is attributed (first and last touch), counted,
 * tagged, and the member gets their owner and store. `ctx.arrival` tells later handlers (welcome, fission).
 * Only state transitions count, so a redelivered or re-run event changes nothing.
 */
export const trackArrivals: Middleware = async (ctx, next) => {
  const { event } = ctx;
  if (event.type === 'member.added_staff') await onAddedStaff(ctx, event);
  if (event.type === 'member.joined_group') await onJoinedGroup(ctx, event);
  if (event.type === 'member.removed_staff' && ctx.member) {
    await recordContactRemoved(ctx.tx, {
      tenantId: ctx.tenantId,
      platformAccountId: ctx.platformAccountId,
      staffExternalId: event.staffExternalId,
      memberId: ctx.member.id,
      at: event.occurredAt,
    });
  }
  await next();
};

type EventOf<T extends PlatformEvent['type']> = Extract<PlatformEvent, { type: T }>;

const codeOf = (ctx: EventContext, state: string | undefined) =>
  state
    ? findCodeByState(ctx.tx, { tenantId: ctx.tenantId, platformAccountId: ctx.platformAccountId, state })
    : Promise.resolve(undefined);

const onAddedStaff = async (ctx: EventContext, event: EventOf<'member.added_staff'>) => {
  if (!ctx.member) return;
  const staffId = ctx.staffAccount?.staffId ?? null;
  const isNewContact = await recordContactAdded(ctx.tx, {
    tenantId: ctx.tenantId,
    platformAccountId: ctx.platformAccountId,
    staffExternalId: event.staffExternalId,
    memberId: ctx.member.id,
    staffId,
    at: event.occurredAt,
  });
  if (!isNewContact) return;
  await recordMemberEvents(ctx.tx, [
    {
      tenantId: ctx.tenantId,
      memberId: ctx.member.id,
      type: 'staff.added',
      occurredAt: event.occurredAt,
      data: { staffExternalId: event.staffExternalId, staffId, entryState: event.entryState ?? null },
      sourceEventId: ctx.inboundEventId,
    },
  ]);
  const code = await codeOf(ctx, event.entryState);
  const assignee = code?.targetKind === 'staff' ? await resolveAssignee(ctx, code, staffId) : staffId;
  await arrive(ctx, {
    kind: 'contact',
    code,
    staffId: assignee,
    staffExternalId: event.staffExternalId,
    communityId: null,
    storeId: code?.storeId ?? null,
  });
};

/**
 * Who the member belongs to. Where the link named the staff account (one link per staff member), the staff they
 * added, whose held scan is now used. On a bot platform everyone adds the same bot, so Orchard assigns now.
 */
const resolveAssignee = async (ctx: EventContext, code: ChannelCodeRow, addedStaffId: string | null) => {
  const codeStaff = await listCodeStaff(ctx.tx, ctx.tenantId, [code.id]);
  if (addedStaffId && codeStaff.some((s) => s.staffId === addedStaffId)) {
    await matchScan(ctx.tx, {
      tenantId: ctx.tenantId,
      codeId: code.id,
      staffId: addedStaffId,
      memberId: ctx.member!.id,
      now: ctx.deps.now(),
    });
    return addedStaffId;
  }
  if (ctx.capabilities.entryLinks.contactVia !== 'bot') return addedStaffId;
  const timezone = await findTenantTimezone(ctx.tx, ctx.tenantId);
  const choice = await assignStaff(ctx.tx, { code, now: ctx.event.occurredAt, timezone });
  return choice?.staffId ?? addedStaffId;
};

const onJoinedGroup = async (ctx: EventContext, event: EventOf<'member.joined_group'>) => {
  if (!ctx.member || !ctx.joinedCommunity) return;
  const code = await codeOf(ctx, event.entryState);
  await arrive(ctx, {
    kind: 'group',
    code,
    staffId: null,
    staffExternalId: null,
    communityId: ctx.joinedCommunity.id,
    storeId: code?.storeId ?? ctx.joinedCommunity.storeId,
  });
};

const arrive = async (
  ctx: EventContext,
  detail: {
    kind: 'contact' | 'group';
    code: ChannelCodeRow | undefined;
    staffId: string | null;
    staffExternalId: string | null;
    communityId: string | null;
    storeId: string | null;
  },
) => {
  const member = ctx.member!;
  const { code } = detail;
  const at = ctx.event.occurredAt;
  let isFirstTouch = false;
  let isCodeOpen = false;
  if (code) {
    isCodeOpen = codeStatusOf(code, at) === 'active';
    isFirstTouch = await attributeMember(ctx.tx, {
      tenantId: ctx.tenantId,
      memberId: member.id,
      codeId: code.id,
      at,
    });
    const isCounted = await insertArrival(ctx.tx, {
      tenantId: ctx.tenantId,
      codeId: code.id,
      memberId: member.id,
      kind: detail.kind,
      staffId: detail.staffId,
      staffExternalId: detail.staffExternalId,
      communityId: detail.communityId,
      partnerId: code.partnerId,
      isNewMember: member.isNew && isFirstTouch,
      isFirstTouch,
      isCodeOpen,
      arrivedAt: at,
      inboundEventId: ctx.inboundEventId,
    });
    if (isCounted) await applyCodeEffects(ctx, code, detail, isFirstTouch);
  }
  await assignOwner(ctx.tx, {
    tenantId: ctx.tenantId,
    memberId: member.id,
    staffId: detail.staffId,
    storeId: detail.storeId,
  });
  ctx.arrival = {
    kind: detail.kind,
    channelCodeId: code?.id ?? null,
    isFirstTouch,
    isNewMember: member.isNew && (!code || isFirstTouch),
    isCodeOpen,
    staffId: detail.staffId,
    communityId: detail.communityId,
    purpose: code?.purpose ?? null,
    referrerMemberId: code?.referrerMemberId ?? null,
  };
};

/** The code's tags, and the arrival on the member's timeline. */
const applyCodeEffects = async (
  ctx: EventContext,
  code: ChannelCodeRow,
  detail: { kind: string; staffId: string | null; communityId: string | null },
  isFirstTouch: boolean,
) => {
  const memberId = ctx.member!.id;
  const tagIds = [...(await ensureTags(ctx.tx, ctx.tenantId, code.tagNames)).values()];
  await tagMembers(ctx.tx, {
    tenantId: ctx.tenantId,
    memberIds: [memberId],
    tagIds,
    source: `channel_code:${code.id}`,
    occurredAt: ctx.event.occurredAt,
    sourceEventId: ctx.inboundEventId,
  });
  await recordMemberEvents(ctx.tx, [
    {
      tenantId: ctx.tenantId,
      memberId,
      type: 'channel.arrived',
      occurredAt: ctx.event.occurredAt,
      communityId: detail.communityId,
      data: {
        channelCodeId: code.id,
        source: code.source,
        kind: detail.kind,
        staffId: detail.staffId,
        partnerId: code.partnerId,
        isFirstTouch,
      },
      sourceEventId: ctx.inboundEventId,
    },
  ]);
};
