import type { FakeHandler } from './fake-wecom-api.ts';
import { type FakeContact, nextId } from './fake-wecom-state.ts';

/** The fake's directory APIs: customers, customer groups and corp tags. */

const fail = (errcode: number, errmsg = 'fake error') => ({ errcode, errmsg });
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const seconds = (ms: number) => Math.floor(ms / 1000);

const contactView = (contact: FakeContact) => ({
  external_userid: contact.externalUserId,
  name: contact.name,
  type: 1,
});

export const fakeDirectoryHandlers: Record<string, FakeHandler> = {
  'externalcontact/get': (state, { query }) => {
    const contact = state.contacts.get(query.get('external_userid') ?? '');
    if (!contact) return fail(84061, 'not external contact');
    return {
      external_contact: contactView(contact),
      follow_user: [...contact.follows].map(([userid, follow]) => ({
        userid,
        createtime: seconds(follow.createdAtMs),
        ...(follow.state ? { state: follow.state } : {}),
        tags: [...follow.tagIds].map((tagId) => ({ tag_id: tagId, type: 1 })),
      })),
    };
  },

  'externalcontact/batch/get_by_user': (state, { body }) => {
    const users = strings(body.userid_list);
    if (users.length === 0 || users.length > 100) return fail(40058, 'userid_list must hold 1 to 100 users');
    const all = [...state.contacts.values()].flatMap((contact) =>
      [...contact.follows]
        .filter(([userid]) => users.includes(userid))
        .map(([userid, follow]) => ({
          external_contact: contactView(contact),
          follow_info: {
            userid,
            createtime: seconds(follow.createdAtMs),
            ...(follow.state ? { state: follow.state } : {}),
            tag_id: [...follow.tagIds],
          },
        })),
    );
    const offset = Number(body.cursor ?? 0) || 0;
    const limit = Math.min(Number(body.limit ?? 50) || 50, 100);
    return {
      external_contact_list: all.slice(offset, offset + limit),
      next_cursor: offset + limit < all.length ? String(offset + limit) : '',
    };
  },

  'externalcontact/groupchat/list': (state, { body }) => {
    const all = [...state.groups.values()].map((g) => ({ chat_id: g.chatId, status: 0 }));
    const offset = Number(body.cursor ?? 0) || 0;
    const limit = Math.min(Number(body.limit ?? 100) || 100, 1000);
    return {
      group_chat_list: all.slice(offset, offset + limit),
      next_cursor: offset + limit < all.length ? String(offset + limit) : '',
    };
  },

  'externalcontact/groupchat/get': (state, { body }) => {
    const group = state.groups.get(String(body.chat_id));
    if (!group) return fail(40050, 'chat not found');
    if (group.status === 'dismissed') return fail(49008, 'group dismissed');
    return {
      group_chat: {
        chat_id: group.chatId,
        name: group.name,
        owner: group.owner,
        create_time: seconds(group.createdAtMs),
        member_list: group.members.map((m) => ({
          userid: m.userid,
          type: m.type,
          join_time: seconds(m.joinTimeMs),
          join_scene: m.joinScene,
          ...(m.invitor ? { invitor: { userid: m.invitor } } : {}),
          ...(body.need_name === 1 && m.name ? { name: m.name } : {}),
          ...(m.state ? { state: m.state } : {}),
        })),
      },
    };
  },

  'externalcontact/get_corp_tag_list': (state) => ({
    tag_group: state.tagGroups.map((g) => ({
      group_id: g.groupId,
      group_name: g.name,
      tag: g.tags.map((t) => ({ id: t.id, name: t.name })),
    })),
  }),

  'externalcontact/add_corp_tag': (state, { body }) => {
    const names = (Array.isArray(body.tag) ? body.tag : []).map((t) =>
      String((t as { name?: unknown }).name),
    );
    if (names.length === 0) return fail(40058, 'tag is empty');
    let group = body.group_id
      ? state.tagGroups.find((g) => g.groupId === body.group_id)
      : state.tagGroups.find((g) => g.name === body.group_name);
    if (!group && body.group_id) return fail(40068, 'invalid group_id');
    if (!group) {
      group = { groupId: nextId(state, 'etg'), name: String(body.group_name ?? 'default'), tags: [] };
      state.tagGroups.push(group);
    }
    if (names.some((name) => group.tags.some((t) => t.name === name))) return fail(40071, 'tag name exists');
    const added = names.map((name) => ({ id: nextId(state, 'et'), name }));
    group.tags.push(...added);
    return { tag_group: { group_id: group.groupId, group_name: group.name, tag: added } };
  },

  'externalcontact/mark_tag': (state, { body }) => {
    const follow = state.contacts.get(String(body.external_userid))?.follows.get(String(body.userid));
    if (!follow) return fail(84061, 'not external contact');
    const known = new Set(state.tagGroups.flatMap((g) => g.tags.map((t) => t.id)));
    const add = strings(body.add_tag);
    const remove = strings(body.remove_tag);
    if ([...add, ...remove].some((id) => !known.has(id))) return fail(40068, 'invalid tagid');
    for (const id of add) follow.tagIds.add(id);
    for (const id of remove) follow.tagIds.delete(id);
    return {};
  },
};
