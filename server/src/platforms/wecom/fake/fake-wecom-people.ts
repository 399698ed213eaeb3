import { randomBytes } from 'node:crypto';
import { sealCallback } from '../wecom-crypto.ts';
import type { FakeApp } from './fake-wecom-server.ts';
import { confirmMassTask, type FakeState, nextId, WELCOME_CODE_TTL_MS } from './fake-wecom-state.ts';

/**
 * People in the fake WeCom: staff, customers adding them, groups changing. Each action changes the
 * fake's state and returns the callback WeCom would deliver, encrypted and signed as WeCom does it,
 * ready to POST to Orchard's webhook (`/webhooks/{accountId}?{query}` with `body`).
 */

export type FakeDelivery = { query: string; body: string; xml: string };

type XmlValue = string | number | string[] | undefined;

const cdata = (value: string) => `<![CDATA[${value}]]>`;

/** An event's XML as WeCom writes it; a list becomes `<Item>`s (MemChangeList). */
export const toEventXml = (fields: Record<string, XmlValue>): string =>
  `<xml>${Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => {
      if (Array.isArray(value))
        return `<${name}>${value.map((v) => `<Item>${cdata(v)}</Item>`).join('')}</${name}>`;
      return `<${name}>${typeof value === 'number' ? value : cdata(String(value))}</${name}>`;
    })
    .join('')}</xml>`;

export const createFakePeople = (options: { app: FakeApp; state: FakeState; now: () => Date }) => {
  const { app, state } = options;
  const keys = { token: app.callbackToken, encodingAesKey: app.encodingAesKey, receiveId: app.corpId };
  const nowMs = () => options.now().getTime();

  const seal = (xml: string): FakeDelivery => {
    const sealed = sealCallback(keys, xml, {
      timestamp: Math.floor(nowMs() / 1000),
      nonce: String(randomBytes(4).readUInt32BE(0)),
    });
    const body = `<xml><ToUserName>${cdata(app.corpId)}</ToUserName><AgentID>${cdata(String(app.agentId))}</AgentID><Encrypt>${cdata(sealed.encrypt)}</Encrypt></xml>`;
    return { query: new URLSearchParams(sealed.query).toString(), body, xml };
  };

  const event = (name: string, fields: Record<string, XmlValue>): FakeDelivery =>
    seal(
      toEventXml({
        ToUserName: app.corpId,
        FromUserName: 'sys',
        CreateTime: Math.floor(nowMs() / 1000),
        MsgType: 'event',
        Event: name,
        ...fields,
      }),
    );

  // One id is a single <Item>, several are a list of them; older callbacks carried no list at all.
  const memChange = (ids: string[], hasList: boolean): Record<string, XmlValue> =>
    hasList ? { MemChangeCnt: ids.length, MemChangeList: ids } : {};

  return {
    /** The GET WeCom sends when an admin saves the callback URL; Orchard must answer with `echo`. */
    urlVerification: (echo = String(Date.now())): string => {
      const sealed = sealCallback(keys, echo, { timestamp: Math.floor(nowMs() / 1000), nonce: '12345' });
      return new URLSearchParams({ ...sealed.query, echostr: sealed.encrypt }).toString();
    },
    /** Any event XML, sealed (for malformed or unusual payloads). */
    seal,
    addStaff: (userid: string, name = userid) => {
      state.staff.set(userid, { name });
    },
    /** A customer scans a contact way: the relation exists, a WelcomeCode is valid for 20 s. */
    customerAddsStaff: (input: { userid: string; externalUserId: string; name: string; state?: string }) => {
      const contact = state.contacts.get(input.externalUserId) ?? {
        externalUserId: input.externalUserId,
        name: input.name,
        follows: new Map(),
        massReceivedAtMs: [],
      };
      contact.follows.set(input.userid, { createdAtMs: nowMs(), state: input.state, tagIds: new Set() });
      state.contacts.set(input.externalUserId, contact);
      const welcomeCode = nextId(state, 'wc');
      state.welcomeCodes.set(welcomeCode, {
        userid: input.userid,
        externalUserId: input.externalUserId,
        expiresAtMs: nowMs() + WELCOME_CODE_TTL_MS,
        isUsed: false,
      });
      const delivery = event('change_external_contact', {
        ChangeType: 'add_external_contact',
        UserID: input.userid,
        ExternalUserID: input.externalUserId,
        State: input.state,
        WelcomeCode: welcomeCode,
      });
      return { welcomeCode, delivery };
    },
    /** The customer deletes the staff member (del_follow_user) or the staff member the customer (del_external_contact). */
    relationEnds: (input: { userid: string; externalUserId: string; by: 'customer' | 'staff' }) => {
      state.contacts.get(input.externalUserId)?.follows.delete(input.userid);
      return event('change_external_contact', {
        ChangeType: input.by === 'customer' ? 'del_follow_user' : 'del_external_contact',
        UserID: input.userid,
        ExternalUserID: input.externalUserId,
      });
    },
    /** A change WeCom reports on a relation: the staff member edited the customer, or a transfer failed. */
    contactChanged: (input: {
      userid: string;
      externalUserId: string;
      changeType: 'edit_external_contact' | 'transfer_fail';
      failReason?: string;
    }) =>
      event('change_external_contact', {
        ChangeType: input.changeType,
        UserID: input.userid,
        ExternalUserID: input.externalUserId,
        FailReason: input.failReason,
      }),
    createGroup: (input: { chatId: string; name: string; owner: string }) => {
      state.groups.set(input.chatId, {
        ...input,
        createdAtMs: nowMs(),
        status: 'active',
        members: [{ userid: input.owner, type: 1, joinTimeMs: nowMs(), joinScene: 1 }],
        massReceivedAtMs: [],
      });
      return event('change_external_chat', { ChatId: input.chatId, ChangeType: 'create' });
    },
    /** Customers join a group; `hasList` false imitates callbacks without MemChangeList. */
    customersJoinGroup: (input: {
      chatId: string;
      customers: { externalUserId: string; name?: string }[];
      joinScene: 0 | 3;
      state?: string;
      hasList: boolean;
    }) => {
      const group = state.groups.get(input.chatId)!;
      for (const c of input.customers) {
        group.members.push({
          userid: c.externalUserId,
          type: 2,
          joinTimeMs: nowMs(),
          joinScene: input.joinScene === 3 ? 3 : 1,
          name: c.name,
          state: input.state,
        });
      }
      const ids = input.customers.map((c) => c.externalUserId);
      return event('change_external_chat', {
        ChatId: input.chatId,
        ChangeType: 'update',
        UpdateDetail: 'add_member',
        JoinScene: input.joinScene,
        ...memChange(ids, input.hasList),
      });
    },
    customersLeaveGroup: (input: {
      chatId: string;
      externalUserIds: string[];
      quitScene: 0 | 1;
      hasList: boolean;
    }) => {
      const group = state.groups.get(input.chatId)!;
      group.members = group.members.filter((m) => !input.externalUserIds.includes(m.userid));
      return event('change_external_chat', {
        ChatId: input.chatId,
        ChangeType: 'update',
        UpdateDetail: 'del_member',
        QuitScene: input.quitScene,
        ...memChange(input.externalUserIds, input.hasList),
      });
    },
    dismissGroup: (chatId: string) => {
      state.groups.get(chatId)!.status = 'dismissed';
      return event('change_external_chat', { ChatId: chatId, ChangeType: 'dismiss' });
    },
    /** An admin edits corp tags in the WeCom console. */
    tagsChanged: (input: {
      id: string;
      tagType: 'tag' | 'tag_group';
      changeType: 'create' | 'update' | 'delete';
    }) =>
      event('change_external_tag', { Id: input.id, TagType: input.tagType, ChangeType: input.changeType }),
    /** The staff member presses "send" on a mass-send task in their WeCom client. */
    confirmMassSend: (msgid: string) => {
      const task = state.massTasks.get(msgid);
      if (!task) throw new Error(`No mass-send task ${msgid}`);
      confirmMassTask(state, task, nowMs());
    },
  };
};

export type FakePeople = ReturnType<typeof createFakePeople>;
