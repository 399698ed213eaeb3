import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fissionInviters, fissionInvites, members } from '../db/schema/index.ts';
import { insertMembers } from '../loyalty/loyalty.fixtures.ts';
import { callApi } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { type FissionWorld, setUpFission } from './fission.fixtures.ts';

/**
 * The member pages and store-owned campaigns: a store's campaign is listed to, joinable by and readable by the
 * members of that store only (the members its staff see); a brand-wide one by every member of the brand.
 */
describe('member pages: campaigns owned by a store', () => {
  let h: Harness;
  let w: FissionWorld;
  let storeA: string;
  let storeB: string;
  let campaign: { brand: string; a: string };
  /** Members of store A, of store B, and of no store, each with a member link. */
  let member: { a: string; b: string; none: string };
  const tokens: Record<string, { authorization: string }> = {};

  const me = (memberId: string, method: string, path: string) =>
    callApi(h, tokens[memberId]!, method, `/api/v1/me/fission${path}`);
  const listed = async (memberId: string) => {
    const res = await me(memberId, 'GET', '');
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((c) => c.id).sort();
  };
  /** The poster's status (its body is an image, not JSON). */
  const posterStatus = async (memberId: string, campaignId: string) =>
    (await h.app.request(`/api/v1/me/fission/${campaignId}/poster?format=svg`, { headers: tokens[memberId] }))
      .status;
  const linkFor = async (memberId: string) => {
    const link = await w.api('POST', `/api/v1/members/${memberId}/member-link`, {});
    expect(link.status).toBe(201);
    tokens[memberId] = { authorization: `Bearer ${link.body.token}` };
  };
  const moveTo = async (memberId: string, storeId: string | null) =>
    expect((await w.api('PATCH', `/api/v1/members/${memberId}`, { storeId })).status).toBe(200);

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-06-01T02:00:00Z');
    w = await setUpFission(h, { stores: 1 });
    storeA = w.brand.store.id;
    storeB = (await createStore(h.deps, w.tenantId)).id;
    const create = async (name: string, storeId: string | null) => {
      const res = await w.api(
        'POST',
        '/api/v1/fission-campaigns',
        w.campaignBody({
          name,
          headline: 'Invite friends',
          tiers: [{ invites: 2, name: 'Points', reward: { kind: 'points', points: 50 } }],
          storeId,
        }),
      );
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    campaign = { brand: await create('Brand invites', null), a: await create('Store A invites', storeA) };
    const [a] = await insertMembers(h, w.tenantId, 1, storeA);
    const [b] = await insertMembers(h, w.tenantId, 1, storeB);
    const [none] = await insertMembers(h, w.tenantId, 1);
    member = { a: a!, b: b!, none: none! };
    for (const id of Object.values(member)) await linkFor(id);
  }, 120_000);
  afterAll(() => h.close());

  it('lists a store’s campaign to its members only, a brand-wide one to everyone', async () => {
    expect(await listed(member.a)).toEqual([campaign.brand, campaign.a].sort());
    expect(await listed(member.b)).toEqual([campaign.brand]);
    // A member of no store is brand-level: no store's campaign is theirs.
    expect(await listed(member.none)).toEqual([campaign.brand]);
  });

  it('lets only the store’s members join its campaign, on the member pages and through staff', async () => {
    for (const outsider of [member.b, member.none]) {
      const refused = await me(outsider, 'POST', `/${campaign.a}/join`);
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('not_found');
      expect(refused.body.error.message).toMatch(/store/);
    }
    // The owner sees every campaign, but cannot put another store's member in store A's either.
    const enrol = await w.api('POST', `/api/v1/fission-campaigns/${campaign.a}/inviters`, {
      memberIds: [member.b],
    });
    expect(enrol.status).toBe(404);
    const outsiders = await h.deps.db
      .select()
      .from(fissionInviters)
      .where(and(eq(fissionInviters.campaignId, campaign.a), eq(fissionInviters.memberId, member.b)));
    expect(outsiders).toEqual([]);
    // The store's member joins and gets a link; store B's joins the brand-wide campaign.
    const joined = await me(member.a, 'POST', `/${campaign.a}/join`);
    expect(joined.status).toBe(200);
    expect(joined.body.link).toMatch(/\/c\//);
    expect((await me(member.b, 'POST', `/${campaign.brand}/join`)).status).toBe(200);
    const mine = await me(member.a, 'GET', '');
    expect(mine.body.items.find((c: { id: string }) => c.id === campaign.a)).toMatchObject({
      isJoined: true,
    });
  });

  it('shows a store’s poster and leaderboard to its members only, as if the campaign did not exist', async () => {
    expect((await me(member.a, 'GET', `/${campaign.a}/leaderboard`)).status).toBe(200);
    expect(await posterStatus(member.a, campaign.a)).toBe(200);
    const board = await me(member.b, 'GET', `/${campaign.a}/leaderboard`);
    expect(board.status).toBe(404);
    expect(board.body.error.message).toBe('Fission campaign not found');
    expect((await me(member.none, 'GET', `/${campaign.a}/leaderboard`)).status).toBe(404);
    expect((await me(member.b, 'GET', `/${campaign.brand}/leaderboard`)).status).toBe(200);
    // A member who joined and then moved to another store keeps their invites but leaves the store's pages.
    await moveTo(member.a, storeB);
    expect(await listed(member.a)).toEqual([campaign.brand]);
    expect(await posterStatus(member.a, campaign.a)).toBe(404);
    expect((await me(member.a, 'GET', `/${campaign.a}/leaderboard`)).status).toBe(404);
    expect((await me(member.a, 'POST', `/${campaign.a}/join`)).status).toBe(404);
    const [kept] = await h.deps.db
      .select()
      .from(fissionInviters)
      .where(and(eq(fissionInviters.campaignId, campaign.a), eq(fissionInviters.memberId, member.a)));
    expect(kept?.channelCodeId).not.toBeNull();
    // Back in store A, it is theirs again, with the same link.
    await moveTo(member.a, storeA);
    expect(await listed(member.a)).toEqual([campaign.brand, campaign.a].sort());
    expect(await posterStatus(member.a, campaign.a)).toBe(200);
  });

  it('makes a store campaign’s invitees members of that store, who may invite in turn', async () => {
    // Both friends join the same group, of a brand-wide series: only the inviter's link differs.
    const arrive = async (person: string, inviterId: string, campaignId: string) => {
      await w.deliverAll([w.joinEvent(`join-${person}`, person, 0, await w.stateOf(campaignId, inviterId))]);
      await w.drainEvents();
      const friendId = await w.orchardMemberOf(person);
      const [row] = await h.deps.db
        .select({ storeId: members.storeId, status: fissionInvites.status })
        .from(members)
        .innerJoin(fissionInvites, eq(fissionInvites.inviteeMemberId, members.id))
        .where(and(eq(members.id, friendId), eq(fissionInvites.campaignId, campaignId)));
      await linkFor(friendId);
      return { friendId, ...row };
    };
    const storeFriend = await arrive('friend-of-a', member.a, campaign.a);
    expect(storeFriend).toMatchObject({ storeId: storeA, status: 'pending' });
    expect(await listed(storeFriend.friendId)).toEqual([campaign.brand, campaign.a].sort());
    expect((await me(storeFriend.friendId, 'POST', `/${campaign.a}/join`)).status).toBe(200);
    // A brand-wide campaign's link gives no store: the friend has the group's (none here).
    const brandFriend = await arrive('friend-of-b', member.b, campaign.brand);
    expect(brandFriend).toMatchObject({ storeId: null, status: 'pending' });
    expect(await listed(brandFriend.friendId)).toEqual([campaign.brand]);
  });
});
