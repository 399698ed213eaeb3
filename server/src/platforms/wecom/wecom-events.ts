import type { PlatformEvent } from '../platform.ts';
import type { WecomChatEvent, WecomContactEvent, WecomEvent, WecomTagEvent } from './wecom-xml.ts';

/**
 * WeCom callbacks as Orchard's normalized events. Pure. Every event's external id is built from what the
 * callback says (type, ids, CreateTime), never from the ciphertext, so WeCom's retries of the same
 * callback (re-encrypted, with a new nonce) are stored once.
 *
 * WeCom callbacks carry ids, not details. Where Orchard needs more (a customer's name, who is in a group,
 * what a tag is called) the mapping adds a `platform.changed` event and a job reads it back
 * (platform-sync/); no network call happens while a callback is being answered.
 */

/**
 * External contacts' ids look like `wm…`/`wo…` (32 characters); staff userids are chosen by the company.
 * A MemChangeList id of another shape may be a staff member, which only groupchat/get can tell.
 */
const EXTERNAL_USERID = /^w[mo][A-Za-z0-9_-]{16,}$/;
export const isExternalUserId = (id: string): boolean => EXTERNAL_USERID.test(id);

const at = (seconds: number) => new Date(seconds * 1000);

const changed = (
  externalId: string,
  occurredAt: Date,
  fields: Omit<Extract<PlatformEvent, { type: 'platform.changed' }>, 'type' | 'externalId' | 'occurredAt'>,
): PlatformEvent => ({ type: 'platform.changed', externalId, occurredAt, ...fields });

const mapContactEvent = (event: WecomContactEvent): PlatformEvent[] => {
  const occurredAt = at(event.CreateTime);
  const key = `wecom:contact:${event.ChangeType}:${event.UserID}:${event.ExternalUserID}:${event.CreateTime}`;
  const member = { externalId: event.ExternalUserID };
  const readBack = (reason: string) =>
    changed(`${key}:sync`, occurredAt, {
      scope: 'contact',
      memberExternalId: event.ExternalUserID,
      staffExternalId: event.UserID,
      reason,
    });
  switch (event.ChangeType) {
    // add_half_external_contact: the customer added a staff member who accepts without verification.
    case 'add_external_contact':
    case 'add_half_external_contact':
      return [
        {
          type: 'member.added_staff',
          externalId: key,
          occurredAt,
          member,
          staffExternalId: event.UserID,
          entryState: event.State || undefined,
          welcomeToken: event.WelcomeCode || undefined,
        },
        // The callback has no name; the contact is read back for it (and for its corp tags).
        readBack('added'),
      ];
    case 'edit_external_contact':
      return [readBack('edited')];
    // The staff member deleted the customer, or the customer deleted the staff member.
    case 'del_external_contact':
    case 'del_follow_user': {
      const by = event.ChangeType === 'del_follow_user' ? ('member' as const) : ('staff' as const);
      return [
        {
          type: 'member.removed_staff',
          externalId: key,
          occurredAt,
          member,
          staffExternalId: event.UserID,
          by,
        },
      ];
    }
    case 'transfer_fail':
      return [readBack(`transfer_failed:${event.FailReason ?? 'unknown'}`)];
    default:
      return [];
  }
};

const joinVia = (joinScene: string | undefined) => (joinScene === '0' ? 'invited' : 'unknown');

const mapChatEvent = (event: WecomChatEvent): PlatformEvent[] => {
  const occurredAt = at(event.CreateTime);
  const key = `wecom:chat:${event.ChangeType}:${event.UpdateDetail ?? ''}:${event.ChatId}:${event.CreateTime}`;
  const readBack = (reason: string) =>
    changed(`${key}:sync`, occurredAt, { scope: 'group', groupExternalId: event.ChatId, reason });
  if (event.ChangeType === 'create') return [readBack('created')];
  if (event.ChangeType === 'dismiss') {
    return [{ type: 'group.dismissed', externalId: key, occurredAt, groupExternalId: event.ChatId }];
  }
  if (event.ChangeType !== 'update') return [];
  const ids = event.MemChangeList ?? [];
  const customers = ids.filter(isExternalUserId);
  if (event.UpdateDetail === 'add_member') {
    // A QR-code join (scene 3) may come through a join way whose `state` only groupchat/get reports.
    if (event.JoinScene === '3' || customers.length === 0 || customers.length < ids.length) {
      return [readBack('members_joined')];
    }
    return customers.map((id) => ({
      type: 'member.joined_group' as const,
      externalId: `${key}:${id}`,
      occurredAt,
      member: { externalId: id },
      groupExternalId: event.ChatId,
      via: joinVia(event.JoinScene),
    }));
  }
  if (event.UpdateDetail === 'del_member') {
    const leaves = customers.map((id) => ({
      type: 'member.left_group' as const,
      externalId: `${key}:${id}`,
      occurredAt,
      member: { externalId: id },
      groupExternalId: event.ChatId,
      reason: event.QuitScene === '1' ? ('removed' as const) : ('left' as const),
    }));
    const isComplete = customers.length === ids.length && ids.length > 0;
    return isComplete
      ? leaves
      : [...leaves, readBack(event.QuitScene === '1' ? 'members_removed' : 'members_left')];
  }
  // change_owner, change_name, change_notice: read the group back.
  return [readBack(event.UpdateDetail ?? 'updated')];
};

const mapTagEvent = (event: WecomTagEvent): PlatformEvent[] => [
  changed(
    `wecom:tag:${event.ChangeType}:${event.TagType}:${event.Id}:${event.CreateTime}`,
    at(event.CreateTime),
    {
      scope: 'tags',
      reason: `${event.TagType}_${event.ChangeType}`,
    },
  ),
];

export const mapWecomEvent = (event: WecomEvent): PlatformEvent[] => {
  switch (event.Event) {
    case 'change_external_contact':
      return mapContactEvent(event);
    case 'change_external_chat':
      return mapChatEvent(event);
    case 'change_external_tag':
      return mapTagEvent(event);
  }
};
