import { PlatformError } from '../platform.ts';
import type {
  ContactSnapshot,
  GroupMemberSnapshot,
  GroupSnapshot,
  Page,
  PlatformTagGroup,
} from '../platform-operations.ts';
import type { WecomClient } from './wecom-client.ts';
import {
  addCorpTag,
  batchGetByUser,
  getCorpTagList,
  getExternalContact,
  getFollowUserList,
  getGroupChat,
  listGroupChats,
  markTag,
  type WecomGroupMember,
  type WecomTagGroup,
} from './wecom-endpoints.ts';
import { wecomErrcodes } from './wecom-errors.ts';

/** What Orchard reads back from WeCom: groups and their members, customers, corp tags. */

const at = (seconds: number) => new Date(seconds * 1000);

/** groupchat/get's join_scene: 1 invited directly, 2 by an invitation link, 3 by the group QR code. */
const viaOf = (joinScene: number): GroupMemberSnapshot['via'] =>
  joinScene === 1 ? 'invited' : joinScene === 2 || joinScene === 3 ? 'link' : 'unknown';

const toMember = (m: WecomGroupMember): GroupMemberSnapshot => ({
  externalId: m.userid,
  name: m.name,
  isStaff: m.type === 1,
  joinedAt: at(m.join_time),
  via: viaOf(m.join_scene),
  entryState: m.state || undefined,
  inviterExternalId: m.invitor?.userid,
});

export const fetchWecomGroup = async (client: WecomClient, chatId: string): Promise<GroupSnapshot> => {
  try {
    const { group_chat: g } = await client.call(getGroupChat, { chat_id: chatId, need_name: 1 });
    return {
      groupExternalId: g.chat_id,
      name: g.name,
      ownerExternalId: g.owner,
      createdAt: at(g.create_time),
      status: 'active',
      members: g.member_list.map(toMember),
    };
  } catch (error) {
    if (error instanceof PlatformError && error.options.platformCode === wecomErrcodes.groupDismissed) {
      return { groupExternalId: chatId, name: '', createdAt: new Date(0), status: 'dismissed', members: [] };
    }
    throw error;
  }
};

export const listWecomGroups = async (client: WecomClient, cursor?: string): Promise<Page<string>> => {
  const page = await client.call(listGroupChats, { status_filter: 0, limit: 1000, cursor });
  return { items: page.group_chat_list.map((g) => g.chat_id), nextCursor: page.next_cursor || undefined };
};

export const listWecomStaff = async (client: WecomClient): Promise<string[]> =>
  (await client.call(getFollowUserList, {})).follow_user;

/** A page of the customers of up to 100 staff members; one customer's relations are gathered per page. */
export const listWecomContacts = async (
  client: WecomClient,
  input: { staffExternalIds: string[]; cursor?: string },
): Promise<Page<ContactSnapshot>> => {
  const page = await client.call(batchGetByUser, {
    userid_list: input.staffExternalIds,
    cursor: input.cursor,
    limit: 100,
  });
  const byId = new Map<string, ContactSnapshot>();
  for (const { external_contact: c, follow_info: f } of page.external_contact_list) {
    const snapshot = byId.get(c.external_userid) ?? {
      externalId: c.external_userid,
      name: c.name,
      relations: [],
    };
    snapshot.relations.push({
      staffExternalId: f.userid,
      addedAt: at(f.createtime),
      entryState: f.state || undefined,
      platformTagIds: f.tag_id,
    });
    byId.set(c.external_userid, snapshot);
  }
  return { items: [...byId.values()], nextCursor: page.next_cursor || undefined };
};

export const fetchWecomContact = async (
  client: WecomClient,
  externalId: string,
): Promise<ContactSnapshot> => {
  const answer = await client.call(getExternalContact, { external_userid: externalId });
  return {
    externalId: answer.external_contact.external_userid,
    name: answer.external_contact.name,
    relations: answer.follow_user.map((f) => ({
      staffExternalId: f.userid,
      addedAt: at(f.createtime),
      entryState: f.state || undefined,
      // type 1 is a corp tag (the ones Orchard syncs); 2 is a staff member's personal tag.
      platformTagIds: f.tags.flatMap((t) => (t.type === 1 && t.tag_id ? [t.tag_id] : [])),
    })),
  };
};

const toTagGroup = (g: WecomTagGroup): PlatformTagGroup => ({
  externalId: g.group_id,
  name: g.group_name,
  tags: g.tag.filter((t) => !t.deleted).map((t) => ({ externalId: t.id, name: t.name })),
});

export const listWecomTags = async (client: WecomClient): Promise<PlatformTagGroup[]> =>
  (await client.call(getCorpTagList, {})).tag_group.filter((g) => !g.deleted).map(toTagGroup);

export const createWecomTags = async (
  client: WecomClient,
  input: { groupName: string; names: string[] },
): Promise<PlatformTagGroup> =>
  toTagGroup(
    (
      await client.call(addCorpTag, {
        group_name: input.groupName,
        tag: input.names.map((name) => ({ name })),
      })
    ).tag_group,
  );

export const markWecomTags = async (
  client: WecomClient,
  input: { staffExternalId: string; memberExternalId: string; add: string[]; remove: string[] },
): Promise<void> => {
  await client.call(markTag, {
    userid: input.staffExternalId,
    external_userid: input.memberExternalId,
    ...(input.add.length > 0 ? { add_tag: input.add } : {}),
    ...(input.remove.length > 0 ? { remove_tag: input.remove } : {}),
  });
};
