import type { GroupWithCount, SandboxLink } from './sandbox.store.ts';
import { linkUrlOf } from './sandbox.ts';
import type { SandboxMessageView } from './sandbox-messages.store.ts';

/** How the simulator shows sandbox rows: ids as strings, times as ISO strings. */
export const groupViewOf = (g: GroupWithCount) => ({
  id: g.id,
  name: g.name,
  capacity: g.capacity,
  memberCount: g.memberCount,
  ownerId: g.ownerUserId,
  isDismissed: g.isDismissed,
  createdAt: g.createdAt.toISOString(),
});

export const linkViewOf = (l: SandboxLink) => ({
  id: l.id,
  token: l.token,
  url: linkUrlOf(l.token),
  kind: l.kind,
  state: l.state,
  staffIds: l.staffUserIds,
  groupIds: l.groupIds,
  autoCreateGroup: l.autoCreateGroup,
  groupNameTemplate: l.groupNameTemplate,
  openCount: l.openCount,
  createdAt: l.createdAt.toISOString(),
});

/** Deleted messages stay in the list, flagged, so that an operator can see what moderation removed. */
export const messageViewOf = (m: SandboxMessageView) => ({
  id: String(m.id),
  chat: m.chatKind,
  groupId: m.groupId,
  memberId: m.memberUserId,
  staffId: m.staffUserId,
  senderKind: m.senderKind,
  senderId: m.senderId,
  senderName: m.senderName,
  kind: m.kind,
  text: m.text,
  attachments: m.attachments,
  diceValue: m.diceValue,
  isDeleted: m.deletedAt !== null,
  createdAt: m.createdAt.toISOString(),
});

export const messagePageOf = (rows: SandboxMessageView[], limit: number) => ({
  items: rows.map(messageViewOf),
  nextCursor: rows.length === limit ? String(rows.at(-1)!.id) : null,
});
