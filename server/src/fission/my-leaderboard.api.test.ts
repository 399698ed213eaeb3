import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMembers, keepSignedIn } from '../loyalty/loyalty.fixtures.ts';
import { callApi } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createBrand } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { type FissionWorld, setUpFission } from './fission.fixtures.ts';

/** The member pages' leaderboard: top N with masked names and no ids, the member's own rank, scoped to them. */
describe('GET /me/fission/{id}/leaderboard', () => {
  let h: Harness;
  let w: FissionWorld;
  let campaignId: string;
  const as: Record<string, { authorization: string }> = {};

  type Inviter = { sandboxId: string; memberId: string };
  const newInviter = async (name: string): Promise<Inviter> => {
    const { sandboxId, memberId } = await w.joinAsInviter(name);
    const link = await w.api('POST', `/api/v1/members/${memberId}/member-link`, {});
    expect(link.status).toBe(201);
    as[name] = { authorization: `Bearer ${link.body.token}` };
    return { sandboxId, memberId };
  };
  const board = (name: string, id = campaignId) =>
    callApi(h, as[name]!, 'GET', `/api/v1/me/fission/${id}/leaderboard`);

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-06-01T02:00:00Z');
    w = await setUpFission(h, { stores: 1 });
    const cleanser = await w.template('Facial cleanser');
    const res = await w.api(
      'POST',
      '/api/v1/fission-campaigns',
      w.campaignBody({
        name: 'Spring invites',
        headline: 'Invite friends',
        tiers: [{ invites: 5, name: 'Facial cleanser', reward: { kind: 'coupon', templateId: cleanser } }],
        leaderboard: { everyMinutes: 60, size: 2 },
      }),
    );
    expect(res.status).toBe(201);
    campaignId = res.body.id;
    // Wang Fang brings 3 friends, Li Lei 2, 张小明 1; Zhao joins and brings nobody; Qian never joins.
    for (const [name, friends] of [
      ['Wang Fang', 3],
      ['Li Lei', 2],
      ['张小明', 1],
      ['Zhao', 0],
    ] as const) {
      const inviter = await newInviter(name);
      expect((await callApi(h, as[name]!, 'POST', `/api/v1/me/fission/${campaignId}/join`)).status).toBe(200);
      await w.bringFriends(await w.stateOf(campaignId, inviter.memberId), friends);
    }
    await newInviter('Qian');
    h.clock.advance(61 * 60_000);
    await w.sweep();
  }, 120_000);
  afterAll(() => h.close());

  it('shows the top N with masked names and no member ids, and the member’s own rank', async () => {
    const top = await board('Wang Fang');
    expect(top.status).toBe(200);
    expect(top.body).toEqual({
      campaignId,
      items: [
        { rank: 1, name: 'W***g', validCount: 3, isMe: true },
        { rank: 2, name: 'L***i', validCount: 2, isMe: false },
      ],
      me: { rank: 1, validCount: 3 },
    });
    expect(JSON.stringify(top.body)).not.toContain('Wang Fang');
    // Outside the top 2, 张小明 still learns her place.
    const third = await board('张小明');
    expect(third.body.items.map((i: { isMe: boolean }) => i.isMe)).toEqual([false, false]);
    expect(third.body.me).toEqual({ rank: 3, validCount: 1 });
    // Joined without a valid invite: no rank yet; not joined: no place at all.
    expect((await board('Zhao')).body.me).toEqual({ rank: null, validCount: 0 });
    const qian = await board('Qian');
    expect(qian.status).toBe(200);
    expect(qian.body.me).toBeNull();
    expect(qian.body.items).toHaveLength(2);
  });

  it('answers only for campaigns the member may see: their brand’s, running or joined', async () => {
    expect((await callApi(h, {}, 'GET', `/api/v1/me/fission/${campaignId}/leaderboard`)).status).toBe(401);
    expect((await board('Qian', 'not-a-uuid')).status).toBe(400);
    expect((await board('Qian', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // A member of another brand cannot read it.
    const other = await createBrand(h.deps);
    await keepSignedIn(h, other.tenant.id);
    const [strangerId] = await insertMembers(h, other.tenant.id, 1);
    const link = await callApi(
      h,
      other.owner.headers,
      'POST',
      `/api/v1/members/${strangerId}/member-link`,
      {},
    );
    expect(link.status).toBe(201);
    as.stranger = { authorization: `Bearer ${link.body.token}` };
    expect((await board('stranger')).status).toBe(404);
    // Once the campaign ends, those who took part still see the final board; others do not.
    expect(
      (await w.api('PATCH', `/api/v1/fission-campaigns/${campaignId}`, { status: 'ended' })).status,
    ).toBe(200);
    expect((await board('Qian')).status).toBe(404);
    const final = await board('Li Lei');
    expect(final.status).toBe(200);
    expect(final.body.me).toEqual({ rank: 2, validCount: 2 });
  });
});
