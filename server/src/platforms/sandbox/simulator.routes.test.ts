import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundEvents, staffAccounts } from '../../db/schema/index.ts';
import { createBrand } from '../../testing/fixtures.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { callApi, type SandboxSetup, setUpSandbox } from './sandbox.fixtures.ts';

describe('sandbox simulator', () => {
  let h: Harness;
  let sb: SandboxSetup;
  beforeAll(async () => {
    h = await createHarness();
    sb = await setUpSandbox(h);
  });
  afterAll(async () => {
    await h.close();
  });

  const eventsOf = async (accountId = sb.accountId) =>
    (
      await h.deps.db
        .select()
        .from(inboundEvents)
        .where(eq(inboundEvents.platformAccountId, accountId))
        .orderBy(asc(inboundEvents.id))
    ).map((row) => row.payload as Record<string, unknown> & { type: string });

  it('documents every simulator operation in the OpenAPI document', async () => {
    const doc = (await (await h.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    for (const id of [
      'sandboxCreateMember',
      'sandboxOpenLink',
      'sandboxPostMessage',
      'sandboxLeaveGroup',
      'sandboxListGroupMessages',
      'sandboxListPrivateMessages',
      'sandboxCreateStaffAccount',
      'sandboxCreateGroup',
      'sandboxListGroups',
      'sandboxListLinks',
      'sandboxCreateLink',
      'createPlatformAccount',
      'listPlatformAccounts',
      'getPlatformAccount',
      'receiveWebhook',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('links a sandbox staff account to Orchard staff', async () => {
    const staffId = await sb.createStaffAccount('Guide Wang');
    const [row] = await h.deps.db.select().from(staffAccounts).where(eq(staffAccounts.externalId, staffId));
    expect(row).toMatchObject({ staffId: sb.brand.owner.staff.id, platformAccountId: sb.accountId });
    const list = await sb.get('/api/v1/sandbox/staff-accounts');
    expect(list.body.items).toContainEqual({
      id: staffId,
      name: 'Guide Wang',
      staffId: sb.brand.owner.staff.id,
    });
  });

  it('contact link: the member adds the staff account, the chat opens and member.added_staff is stored', async () => {
    const staffId = await sb.createStaffAccount();
    const memberId = await sb.createMember('Lin');
    const link = await sb.api('POST', '/api/v1/sandbox/links', {
      kind: 'contact',
      state: 'store-07',
      staffIds: [staffId],
    });
    expect(link.status).toBe(200);
    expect(link.body.url).toBe(`sandbox://link/${link.body.token}`);
    h.jobs.sent.length = 0;

    const opened = await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: link.body.url });
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({ addedStaff: { staffId } });
    expect(h.jobs.sent).toEqual([{ name: 'events.process', data: {}, options: { singletonKey: 'events' } }]);

    const event = (await eventsOf()).findLast((e) => e.type === 'member.added_staff');
    expect(event).toMatchObject({
      member: { externalId: memberId, name: 'Lin' },
      staffExternalId: staffId,
      entryState: 'store-07',
    });
    expect(event?.welcomeToken).toMatch(/^wc-/);
    expect(event?.externalId).toMatch(/^sbx-/);
    expect(new Date(event?.occurredAt as string).getTime()).toBe(h.clock.now.getTime());

    const said = await sb.api('POST', '/api/v1/sandbox/messages', {
      memberId,
      staffId,
      text: 'Is the shop open?',
    });
    expect(said.status).toBe(200);
    expect((await eventsOf()).at(-1)).toMatchObject({
      type: 'message',
      chat: { kind: 'private', staffExternalId: staffId },
      text: 'Is the shop open?',
    });
    const chat = await sb.get(`/api/v1/sandbox/members/${memberId}/messages`);
    expect(chat.body.items).toMatchObject([
      { chat: 'private', senderKind: 'system', text: 'Lin added Guide Wang' },
      { chat: 'private', senderKind: 'member', senderName: 'Lin', text: 'Is the shop open?' },
    ]);
    const links = await sb.get('/api/v1/sandbox/links');
    expect(links.body.items.find((l: { id: string }) => l.id === link.body.id).openCount).toBe(1);
  });

  it('group link with auto-create fills groups A(2), B(2), C(1) and reports each new group', async () => {
    const a = await sb.api('POST', '/api/v1/sandbox/groups', { name: 'Tasting A', capacity: 2 });
    const link = await sb.api('POST', '/api/v1/sandbox/links', {
      kind: 'group',
      state: 'spring',
      groupIds: [a.body.id],
      autoCreateGroup: { nameTemplate: 'Tasting' },
    });
    const before = (await eventsOf()).length;
    const outcomes = [];
    for (const name of ['m1', 'm2', 'm3', 'm4', 'm5']) {
      const memberId = await sb.createMember(name);
      outcomes.push(
        (await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: link.body.token })).body,
      );
    }
    expect(outcomes.map((o) => o.joinedGroup.name)).toEqual([
      'Tasting A',
      'Tasting A',
      'Tasting B',
      'Tasting B',
      'Tasting C',
    ]);
    expect(outcomes.map((o) => o.createdGroup)).toEqual([false, false, true, false, true]);

    const groups = (await sb.get('/api/v1/sandbox/groups')).body.items.filter((g: { name: string }) =>
      g.name.startsWith('Tasting'),
    );
    expect(
      groups.map((g: { name: string; memberCount: number; capacity: number }) => [
        g.name,
        g.memberCount,
        g.capacity,
      ]),
    ).toEqual([
      ['Tasting A', 2, 2],
      ['Tasting B', 2, 2],
      ['Tasting C', 1, 2],
    ]);

    const events = (await eventsOf()).slice(before);
    expect(events.map((e) => e.type)).toEqual([
      'member.joined_group',
      'member.joined_group',
      'group.created',
      'member.joined_group',
      'member.joined_group',
      'group.created',
      'member.joined_group',
    ]);
    expect(events.filter((e) => e.type === 'group.created').map((e) => e.name)).toEqual([
      'Tasting B',
      'Tasting C',
    ]);
    expect(events.at(-1)).toMatchObject({ entryState: 'spring', via: 'link', groupExternalId: groups[2].id });
    const links = await sb.get('/api/v1/sandbox/links');
    expect(links.body.items.find((l: { id: string }) => l.id === link.body.id).groupIds).toHaveLength(3);
  });

  it('members opening one link at the same moment never overfill a group', async () => {
    const first = await sb.api('POST', '/api/v1/sandbox/groups', { name: 'Rush A', capacity: 2 });
    const link = await sb.api('POST', '/api/v1/sandbox/links', {
      kind: 'group',
      groupIds: [first.body.id],
      autoCreateGroup: { nameTemplate: 'Rush' },
    });
    const members = await Promise.all(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((n) => sb.createMember(n)));
    const results = await Promise.all(
      members.map((memberId) =>
        sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: link.body.token }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const groups = (await sb.get('/api/v1/sandbox/groups')).body.items.filter((g: { name: string }) =>
      g.name.startsWith('Rush'),
    );
    expect(groups.map((g: { name: string; memberCount: number }) => [g.name, g.memberCount])).toEqual([
      ['Rush A', 2],
      ['Rush B', 2],
      ['Rush C', 2],
    ]);
  });

  it('a full group without auto-create refuses the member', async () => {
    const g = await sb.api('POST', '/api/v1/sandbox/groups', { name: 'Tiny', capacity: 1 });
    const link = await sb.api('POST', '/api/v1/sandbox/links', { kind: 'group', groupIds: [g.body.id] });
    await sb.api('POST', '/api/v1/sandbox/links/open', {
      memberId: await sb.createMember('first'),
      link: link.body.token,
    });
    const res = await sb.api('POST', '/api/v1/sandbox/links/open', {
      memberId: await sb.createMember('second'),
      link: link.body.token,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('Group full');
  });

  it('posting, rolling dice and leaving raise message, dice and member.left_group', async () => {
    const g = await sb.api('POST', '/api/v1/sandbox/groups', { name: 'Chat' });
    const link = await sb.api('POST', '/api/v1/sandbox/links', { kind: 'group', groupIds: [g.body.id] });
    const memberId = await sb.createMember('Zhao');
    await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: link.body.token });
    const before = (await eventsOf()).length;

    const text = await sb.api('POST', '/api/v1/sandbox/messages', {
      memberId,
      groupId: g.body.id,
      text: 'hi all',
    });
    expect(text.status).toBe(200);
    const dice = await sb.api('POST', '/api/v1/sandbox/messages', {
      memberId,
      groupId: g.body.id,
      dice: true,
    });
    expect(dice.body.diceValue).toBeGreaterThanOrEqual(1);
    expect(dice.body.diceValue).toBeLessThanOrEqual(6);
    const left = await sb.api('POST', '/api/v1/sandbox/groups/leave', { memberId, groupId: g.body.id });
    expect(left.status).toBe(200);

    const events = (await eventsOf()).slice(before);
    expect(events).toMatchObject([
      {
        type: 'message',
        text: 'hi all',
        messageExternalId: text.body.messageId,
        chat: { kind: 'group', groupExternalId: g.body.id },
      },
      { type: 'dice', emoji: '🎲', value: dice.body.diceValue, member: { externalId: memberId } },
      { type: 'member.left_group', reason: 'left', groupExternalId: g.body.id },
    ]);

    const shown = await sb.get(`/api/v1/sandbox/groups/${g.body.id}/messages`);
    expect(
      shown.body.items.map((m: { kind: string; senderName: string | null; text: string }) => [
        m.kind,
        m.senderName,
        m.text,
      ]),
    ).toEqual([
      ['system', null, 'Zhao joined the group'],
      ['text', 'Zhao', 'hi all'],
      ['dice', 'Zhao', '🎲'],
      ['system', null, 'Zhao left the group'],
    ]);
    const again = await sb.api('POST', '/api/v1/sandbox/messages', {
      memberId,
      groupId: g.body.id,
      text: 'still here?',
    });
    expect(again.status).toBe(409);
  });

  it('validates the request: both or neither of groupId and staffId is a 400', async () => {
    const memberId = await sb.createMember('x');
    const res = await sb.api('POST', '/api/v1/sandbox/messages', { memberId, text: 'hi' });
    expect(res.status).toBe(400);
  });

  it("answers 404 for another brand's account or member and 400 for a non-sandbox account", async () => {
    const other = await createBrand(h.deps);
    const foreign = await callApi(h, other.owner.headers, 'POST', '/api/v1/sandbox/members', {
      platformAccountId: sb.accountId,
      name: 'intruder',
    });
    expect(foreign.status).toBe(404);
    const otherSandbox = await setUpSandbox(h);
    const theirMember = await otherSandbox.createMember('theirs');
    const res = await sb.api('POST', '/api/v1/sandbox/groups/leave', { memberId: theirMember, groupId: 'x' });
    expect(res.status).toBe(404);

    const wecom = await callApi(h, sb.headers, 'POST', '/api/v1/platform-accounts', {
      platform: 'wecom',
      name: 'W',
    });
    const notSandbox = await callApi(h, sb.headers, 'POST', '/api/v1/sandbox/members', {
      platformAccountId: wecom.body.id,
      name: 'n',
    });
    expect(notSandbox.status).toBe(400);
    expect(
      (await callApi(h, sb.headers, 'GET', `/api/v1/sandbox/groups?platformAccountId=${wecom.body.id}`))
        .status,
    ).toBe(400);
  });
});
