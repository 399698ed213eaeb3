import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/logger.ts';
import type { PlatformAdapter } from '../platform.ts';
import type { AdapterContext } from '../registry.ts';
import { type FakeWecom, startFakeWecom } from './fake/fake-wecom-server.ts';
import { createWecomAdapterFactory } from './wecom-adapter.ts';
import { createApiLimiter } from './wecom-api-limiter.ts';

describe('WeCom adapter operations against the fake WeCom', () => {
  const clock = { now: new Date('2030-05-01T02:00:00Z') };
  let fake: FakeWecom;
  let adapter: PlatformAdapter;

  beforeAll(async () => {
    fake = await startFakeWecom({ now: () => clock.now });
    fake.people.addStaff('zhangsan');
    fake.people.addStaff('lisi');
    const context: AdapterContext = {
      account: {
        id: '00000000-0000-4000-8000-000000000001',
        tenantId: '00000000-0000-4000-8000-000000000002',
        platform: 'wecom',
        name: 'WeCom',
        settings: { corpId: fake.app.corpId, agentId: fake.app.agentId, apiBaseUrl: fake.url },
        secretsEncrypted: null,
        status: 'active',
        createdAt: clock.now,
      },
      secrets: {
        secret: fake.app.secret,
        callbackToken: fake.app.callbackToken,
        encodingAesKey: fake.app.encodingAesKey,
      },
      // The WeCom adapter keeps no state in Orchard's database.
      db: {} as AdapterContext['db'],
      logger: silentLogger,
      now: () => clock.now,
    };
    adapter = createWecomAdapterFactory({ limiter: createApiLimiter() })(context);
  });
  afterAll(() => fake.close());

  it('sends to a group through its owner, as a mass-send task, and reports it per recipient', async () => {
    fake.people.createGroup({ chatId: 'wrGroupA', name: 'Happy Moms A', owner: 'lisi' });
    const { externalId } = await adapter.send(
      { kind: 'group', groupExternalId: 'wrGroupA' },
      { text: 'Live tonight at 8' },
    );
    expect(fake.state.massTasks.get(externalId)).toMatchObject({
      sender: 'lisi',
      chatType: 'group',
      recipients: [{ chatId: 'wrGroupA', status: 0 }],
    });
    expect(
      await adapter.fetchMassSendReport!({ taskExternalId: externalId, senderExternalId: 'lisi' }),
    ).toEqual({
      isConfirmed: false,
      recipients: [{ kind: 'group', externalId: 'wrGroupA', status: 'pending' }],
    });
    fake.people.confirmMassSend(externalId);
    expect(
      await adapter.fetchMassSendReport!({ taskExternalId: externalId, senderExternalId: 'lisi' }),
    ).toEqual({
      isConfirmed: true,
      recipients: [
        {
          kind: 'group',
          externalId: 'wrGroupA',
          status: 'sent',
          sentAt: new Date(Math.floor(clock.now.getTime() / 1000) * 1000),
        },
      ],
    });
    await expect(
      adapter.send({ kind: 'member', memberExternalId: 'wmX' }, { text: 'hi' }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      isTemporary: false,
    });
  });

  it('refuses content WeCom cannot take, before calling it', async () => {
    const calls = fake.callsTo('externalcontact/add_msg_template');
    const send = (attachments: Parameters<PlatformAdapter['send']>[1]['attachments']) =>
      adapter.send(
        { kind: 'member', memberExternalId: 'wmX', staffExternalId: 'zhangsan' },
        { text: 'x', attachments },
      );
    await expect(send([{ type: 'coupon', templateId: 'c1' }])).rejects.toMatchObject({
      code: 'not_supported',
      isTemporary: false,
    });
    await expect(send([{ type: 'miniprogram', appId: 'wx1', page: 'p', title: 't' }])).rejects.toMatchObject({
      code: 'not_supported',
    });
    await expect(
      send(Array.from({ length: 10 }, () => ({ type: 'image' as const, url: 'https://x/1.png' }))),
    ).rejects.toThrow(/at most 9/);
    await expect(
      adapter.send({ kind: 'member', memberExternalId: 'wmX', staffExternalId: 'zhangsan' }, {}),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(fake.callsTo('externalcontact/add_msg_template')).toBe(calls);
  });

  it('creates entry links within WeCom’s limits', async () => {
    const contact = await adapter.createEntryLink!({
      kind: 'contact',
      state: 'a'.repeat(30),
      staffExternalIds: ['zhangsan', 'lisi'],
    });
    expect(fake.state.contactWays.at(-1)).toMatchObject({
      configId: contact.externalId,
      users: ['zhangsan', 'lisi'],
    });
    await expect(
      adapter.createEntryLink!({ kind: 'contact', state: 'a'.repeat(31), staffExternalIds: ['zhangsan'] }),
    ).rejects.toThrow(/30/);
    await expect(
      adapter.createEntryLink!({
        kind: 'group',
        state: 's',
        groupExternalIds: ['1', '2', '3', '4', '5', '6'],
      }),
    ).rejects.toThrow(/1 to 5/);
  });

  it('sets a group welcome template and posts moments, polling until WeCom has made them', async () => {
    const template = await adapter.setGroupWelcome!({
      text: 'Welcome %NICKNAME%! Rules are in the announcement.',
      attachments: [{ type: 'link', url: 'https://shop.example/rules', title: 'Group rules' }],
    });
    expect(fake.state.groupWelcomeTemplates).toEqual([
      { templateId: template.externalId, text: 'Welcome %NICKNAME%! Rules are in the announcement.' },
    ]);
    await expect(
      adapter.setGroupWelcome!({
        text: 'x',
        attachments: [
          { type: 'image', url: 'a' },
          { type: 'image', url: 'b' },
        ],
      }),
    ).rejects.toThrow(/one attachment/);

    const moment = await adapter.postMoment!({
      text: 'New arrivals',
      senderExternalIds: ['zhangsan', 'ghost'],
    });
    expect(await adapter.fetchMomentResult!(moment.externalId)).toEqual({ status: 'processing' });
    expect(await adapter.fetchMomentResult!(moment.externalId)).toEqual({
      status: 'created',
      momentExternalId: expect.stringMatching(/^moment/),
      invalidSenderExternalIds: ['ghost'],
    });
  });

  it('reads groups, customers and tags, and a dismissed group as dismissed', async () => {
    fake.people.customerAddsStaff({
      userid: 'zhangsan',
      externalUserId: 'wmReader000000000000000000001',
      name: 'Reader',
      state: 'qr-1',
    });
    fake.people.customersJoinGroup({
      chatId: 'wrGroupA',
      customers: [{ externalUserId: 'wmReader000000000000000000001', name: 'Reader' }],
      joinScene: 3,
      state: 'qr-1',
      hasList: true,
    });
    const group = await adapter.fetchGroup!('wrGroupA');
    expect(group.members.map((m) => [m.externalId, m.isStaff, m.via, m.entryState])).toEqual([
      ['lisi', true, 'invited', undefined],
      ['wmReader000000000000000000001', false, 'link', 'qr-1'],
    ]);
    expect((await adapter.listGroups!()).items).toContain('wrGroupA');
    expect(await adapter.listStaffExternalIds!()).toEqual(['zhangsan', 'lisi']);
    const contacts = await adapter.listContacts!({ staffExternalIds: ['zhangsan'] });
    expect(contacts.items).toEqual([
      {
        externalId: 'wmReader000000000000000000001',
        name: 'Reader',
        relations: [expect.objectContaining({ staffExternalId: 'zhangsan', entryState: 'qr-1' })],
      },
    ]);
    const created = await adapter.createPlatformTags!({ groupName: 'Level', names: ['VIP', 'New'] });
    expect(
      (await adapter.listPlatformTags!()).find((g) => g.name === 'Level')?.tags.map((t) => t.name),
    ).toEqual(['VIP', 'New']);
    await adapter.markPlatformTags!({
      staffExternalId: 'zhangsan',
      memberExternalId: 'wmReader000000000000000000001',
      add: [created.tags[0]!.externalId],
      remove: [],
    });
    expect(
      (await adapter.fetchContact!('wmReader000000000000000000001')).relations[0]?.platformTagIds,
    ).toEqual([created.tags[0]!.externalId]);
    fake.people.dismissGroup('wrGroupA');
    expect(await adapter.fetchGroup!('wrGroupA')).toMatchObject({ status: 'dismissed', members: [] });
  });
});
