import { describe, expect, it } from 'vitest';
import { toEventXml } from './fake/fake-wecom-people.ts';
import { mapWecomEvent } from './wecom-events.ts';
import { readWecomEvent } from './wecom-xml.ts';

const CUSTOMER = 'wmAJ2GCAAAXtWyujaWJHDDGi0mACAAAA';
const CUSTOMER_2 = 'woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA';
const time = 1_900_000_000;

const envelope = (event: string, fields: Record<string, string | number | string[] | undefined>) =>
  toEventXml({
    ToUserName: 'ww1',
    FromUserName: 'sys',
    CreateTime: time,
    MsgType: 'event',
    Event: event,
    ...fields,
  });
const mapped = (event: string, fields: Record<string, string | number | string[] | undefined>) => {
  const read = readWecomEvent(envelope(event, fields));
  if (!read) throw new Error('ignored');
  return mapWecomEvent(read);
};
const contact = (changeType: string, extra: Record<string, string> = {}) =>
  mapped('change_external_contact', {
    ChangeType: changeType,
    UserID: 'zhangsan',
    ExternalUserID: CUSTOMER,
    ...extra,
  });
const chat = (fields: Record<string, string | number | string[] | undefined>) =>
  mapped('change_external_chat', { ChatId: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA', ...fields });

describe('WeCom callbacks as normalized events', () => {
  it('maps add_external_contact to member.added_staff with State and WelcomeCode, and reads the contact back', () => {
    const events = contact('add_external_contact', { State: 'flyer-store-12', WelcomeCode: 'WELCOMECODE' });
    expect(events).toEqual([
      {
        type: 'member.added_staff',
        externalId: `wecom:contact:add_external_contact:zhangsan:${CUSTOMER}:${time}`,
        occurredAt: new Date(time * 1000),
        member: { externalId: CUSTOMER },
        staffExternalId: 'zhangsan',
        entryState: 'flyer-store-12',
        welcomeToken: 'WELCOMECODE',
      },
      expect.objectContaining({
        type: 'platform.changed',
        scope: 'contact',
        memberExternalId: CUSTOMER,
        reason: 'added',
      }),
    ]);
    const [added] = contact('add_external_contact', { State: '', WelcomeCode: '' });
    expect(added).toMatchObject({ entryState: undefined, welcomeToken: undefined });
  });

  it('gives a redelivered callback the same external ids, and another change other ids', () => {
    const first = contact('add_external_contact', { WelcomeCode: 'A' }).map((e) => e.externalId);
    expect(contact('add_external_contact', { WelcomeCode: 'A' }).map((e) => e.externalId)).toEqual(first);
    expect(new Set([...first, ...contact('del_follow_user').map((e) => e.externalId)]).size).toBe(3);
  });

  it('maps the end of a relation by who ended it, edits and failed transfers to a read-back', () => {
    expect(contact('del_external_contact')).toEqual([
      expect.objectContaining({ type: 'member.removed_staff', by: 'staff' }),
    ]);
    expect(contact('del_follow_user')).toEqual([
      expect.objectContaining({ type: 'member.removed_staff', by: 'member' }),
    ]);
    expect(contact('edit_external_contact')).toEqual([
      expect.objectContaining({
        type: 'platform.changed',
        scope: 'contact',
        reason: 'edited',
        staffExternalId: 'zhangsan',
      }),
    ]);
    expect(contact('transfer_fail', { FailReason: 'customer_refused' })).toEqual([
      expect.objectContaining({ scope: 'contact', reason: 'transfer_failed:customer_refused' }),
    ]);
  });

  it('maps group creation to a read-back (the callback has no name) and dismissal to group.dismissed', () => {
    expect(chat({ ChangeType: 'create' })).toEqual([
      expect.objectContaining({
        type: 'platform.changed',
        scope: 'group',
        groupExternalId: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA',
      }),
    ]);
    expect(chat({ ChangeType: 'dismiss' })).toEqual([
      expect.objectContaining({ type: 'group.dismissed', groupExternalId: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA' }),
    ]);
  });

  it('reads MemChangeList as one <Item> or as several', () => {
    const one = chat({
      ChangeType: 'update',
      UpdateDetail: 'add_member',
      JoinScene: 0,
      MemChangeCnt: 1,
      MemChangeList: [CUSTOMER],
    });
    expect(one).toEqual([
      expect.objectContaining({
        type: 'member.joined_group',
        member: { externalId: CUSTOMER },
        via: 'invited',
      }),
    ]);
    const two = chat({
      ChangeType: 'update',
      UpdateDetail: 'add_member',
      JoinScene: 0,
      MemChangeList: [CUSTOMER, CUSTOMER_2],
    });
    expect(two.map((e) => (e.type === 'member.joined_group' ? e.member.externalId : e.type))).toEqual([
      CUSTOMER,
      CUSTOMER_2,
    ]);
    expect(new Set(two.map((e) => e.externalId)).size).toBe(2);
  });

  it('reads the group back for QR-code joins (their state), joins without a list, and staff in the list', () => {
    const qr = chat({
      ChangeType: 'update',
      UpdateDetail: 'add_member',
      JoinScene: 3,
      MemChangeList: [CUSTOMER],
    });
    const bare = chat({ ChangeType: 'update', UpdateDetail: 'add_member', JoinScene: 0 });
    const staff = chat({
      ChangeType: 'update',
      UpdateDetail: 'add_member',
      JoinScene: 0,
      MemChangeList: ['zhangsan'],
    });
    for (const events of [qr, bare, staff]) {
      expect(events).toEqual([
        expect.objectContaining({ type: 'platform.changed', scope: 'group', reason: 'members_joined' }),
      ]);
    }
  });

  it('maps leaves by QuitScene, reading the group back when the list is missing', () => {
    expect(
      chat({ ChangeType: 'update', UpdateDetail: 'del_member', QuitScene: 1, MemChangeList: [CUSTOMER] }),
    ).toEqual([
      expect.objectContaining({
        type: 'member.left_group',
        reason: 'removed',
        member: { externalId: CUSTOMER },
      }),
    ]);
    expect(
      chat({ ChangeType: 'update', UpdateDetail: 'del_member', QuitScene: 0, MemChangeList: [CUSTOMER] }),
    ).toEqual([expect.objectContaining({ type: 'member.left_group', reason: 'left' })]);
    expect(chat({ ChangeType: 'update', UpdateDetail: 'del_member', QuitScene: 0 })).toEqual([
      expect.objectContaining({ type: 'platform.changed', reason: 'members_left' }),
    ]);
    expect(chat({ ChangeType: 'update', UpdateDetail: 'change_name' })).toEqual([
      expect.objectContaining({ type: 'platform.changed', scope: 'group', reason: 'change_name' }),
    ]);
  });

  it('asks for a tag sync on change_external_tag, ignores other messages, refuses malformed events', () => {
    expect(mapped('change_external_tag', { Id: 'etXXX', TagType: 'tag', ChangeType: 'create' })).toEqual([
      expect.objectContaining({ type: 'platform.changed', scope: 'tags', reason: 'tag_create' }),
    ]);
    expect(readWecomEvent(envelope('enter_agent', {}))).toBeNull();
    expect(readWecomEvent(toEventXml({ MsgType: 'text', Content: 'hi' }))).toBeNull();
    expect(() =>
      readWecomEvent(envelope('change_external_contact', { ChangeType: 'add_external_contact' })),
    ).toThrow(/UserID/);
    expect(() => readWecomEvent('not xml at all')).toThrow(/not WeCom XML/);
  });
});
