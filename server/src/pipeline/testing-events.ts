import type { PlatformEvent } from '../platforms/platform.ts';

/** Small factories of normalized events for pipeline tests. */
export const memberAddedStaff = (
  externalId: string,
  member: { externalId: string; name?: string },
  options: { staffExternalId?: string; occurredAt?: Date; welcomeToken?: string } = {},
): PlatformEvent => ({
  type: 'member.added_staff',
  externalId,
  occurredAt: options.occurredAt ?? new Date(),
  member,
  staffExternalId: options.staffExternalId ?? 'staff-1',
  welcomeToken: options.welcomeToken,
});

export const groupMessage = (
  externalId: string,
  member: { externalId: string; name?: string },
  text: string,
  options: { groupExternalId?: string; occurredAt?: Date } = {},
): PlatformEvent => ({
  type: 'message',
  externalId,
  occurredAt: options.occurredAt ?? new Date(),
  member,
  chat: { kind: 'group', groupExternalId: options.groupExternalId ?? 'group-1' },
  messageExternalId: `msg-${externalId}`,
  text,
  attachments: [],
});
