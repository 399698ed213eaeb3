import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeWecom, startFakeWecom } from './fake/fake-wecom-server.ts';
import { createApiLimiter } from './wecom-api-limiter.ts';
import { createWecomClient, type WecomClient } from './wecom-client.ts';
import { addContactWay, getFollowUserList, sendWelcomeMsg } from './wecom-endpoints.ts';

describe('WeCom API client against the fake WeCom', () => {
  const clock = { now: new Date('2030-03-01T08:00:00Z') };
  const now = () => clock.now;
  let fake: FakeWecom;
  let client: WecomClient;

  const newClient = (overrides: { secret?: string } = {}) =>
    createWecomClient({
      baseUrl: fake.url,
      corpId: fake.app.corpId,
      secret: overrides.secret ?? fake.app.secret,
      now,
      limiter: createApiLimiter(),
    });

  beforeAll(async () => {
    fake = await startFakeWecom({ now });
    fake.people.addStaff('zhangsan');
    client = newClient();
  });
  afterAll(() => fake.close());

  it('fetches a token once and reuses it until it is about to expire', async () => {
    const before = fake.callsTo('gettoken');
    expect(await client.call(getFollowUserList, {})).toEqual({ follow_user: ['zhangsan'] });
    await client.call(getFollowUserList, {});
    expect(fake.callsTo('gettoken')).toBe(before + 1);
    // 7200 s tokens are refreshed five minutes early, before WeCom would refuse them.
    clock.now = new Date(clock.now.getTime() + 7_200_000 - 299_000);
    await client.call(getFollowUserList, {});
    expect(fake.callsTo('gettoken')).toBe(before + 2);
  });

  it('refreshes a token that expired mid-run ONCE for 50 concurrent calls, and every call succeeds', async () => {
    await client.call(getFollowUserList, {});
    fake.expireTokens();
    fake.delay('externalcontact/get_follow_user_list', 20);
    const tokensBefore = fake.callsTo('gettoken');
    const callsBefore = fake.callsTo('externalcontact/get_follow_user_list');
    const results = await Promise.all(Array.from({ length: 50 }, () => client.call(getFollowUserList, {})));
    fake.delay('externalcontact/get_follow_user_list', 0);
    expect(results.every((r) => r.follow_user[0] === 'zhangsan')).toBe(true);
    expect(fake.callsTo('gettoken') - tokensBefore).toBe(1);
    // Each call was answered 42001 once and then succeeded with the new token.
    expect(fake.callsTo('externalcontact/get_follow_user_list') - callsBefore).toBe(100);
  });

  it('decides on errcode: 41050 is permanent and named, 45009 temporary with a 60 s wait', async () => {
    const welcome = client.call(sendWelcomeMsg, { welcome_code: 'nope', text: { content: 'hi' } });
    await expect(welcome).rejects.toMatchObject({
      code: 'rejected',
      isTemporary: false,
      options: { platformCode: 41050 },
      message: expect.stringContaining('welcome_code_invalid'),
    });
    fake.failNext('externalcontact/add_contact_way', 45009);
    const way = client.call(addContactWay, { type: 1, scene: 2, user: ['zhangsan'], state: 's' });
    await expect(way).rejects.toMatchObject({
      code: 'rate_limited',
      isTemporary: true,
      options: { retryAfterMs: 60_000, platformCode: 45009 },
    });
    fake.failNext('externalcontact/add_contact_way', -1);
    fake.failNext('externalcontact/add_contact_way', 45033);
    await expect(
      newClient().call(addContactWay, { type: 1, scene: 2, user: ['zhangsan'] }),
    ).rejects.toMatchObject({ code: 'unavailable', isTemporary: true, options: { platformCode: -1 } });
    await expect(
      newClient().call(addContactWay, { type: 1, scene: 2, user: ['zhangsan'] }),
    ).rejects.toMatchObject({ code: 'rate_limited', options: { platformCode: 45033, retryAfterMs: 1_000 } });
  });

  it('holds an API back for the rest of a 45009 block without calling WeCom, other APIs unaffected', async () => {
    const calls = fake.callsTo('externalcontact/add_contact_way');
    const held = client.call(addContactWay, { type: 1, scene: 2, user: ['zhangsan'] });
    await expect(held).rejects.toMatchObject({ code: 'rate_limited', isTemporary: true });
    expect(fake.callsTo('externalcontact/add_contact_way')).toBe(calls);
    await expect(client.call(getFollowUserList, {})).resolves.toBeDefined();
    clock.now = new Date(clock.now.getTime() + 60_000);
    await expect(
      client.call(addContactWay, { type: 1, scene: 2, user: ['zhangsan'] }),
    ).resolves.toMatchObject({
      config_id: expect.any(String),
    });
  });

  it('keeps each API under 10,000 calls a minute per company', () => {
    const limiter = createApiLimiter({ perMinute: 3, perHour: 100 });
    const at = 1_000_000;
    expect([0, 1, 2].map(() => limiter.take('corp', 'api/a', at))).toEqual([0, 0, 0]);
    expect(limiter.take('corp', 'api/a', at)).toBe(20_000);
    expect(limiter.take('corp', 'api/b', at)).toBe(0);
    expect(limiter.take('other-corp', 'api/a', at)).toBe(0);
    expect(limiter.take('corp', 'api/a', at + 20_000)).toBe(0);
  });

  it('reports a wrong secret as a permanent refusal and a dead server as temporary', async () => {
    await expect(newClient({ secret: 'wrong' }).call(getFollowUserList, {})).rejects.toMatchObject({
      code: 'rejected',
      isTemporary: false,
      options: { platformCode: 40001 },
    });
    const offline = createWecomClient({
      baseUrl: 'http://127.0.0.1:9',
      corpId: 'ww1',
      secret: 's',
      now,
      limiter: createApiLimiter(),
    });
    await expect(offline.call(getFollowUserList, {})).rejects.toMatchObject({
      code: 'unavailable',
      isTemporary: true,
    });
  });
});
