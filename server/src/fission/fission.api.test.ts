import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignParticipants,
  coupons,
  fissionInvites,
  fissionRewards,
  memberEvents,
  pointsAccounts,
} from '../db/schema/index.ts';
import { callApi } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createBrand, createStaffWithToken } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { readPng } from '../testing/image-checks.ts';
import { type FissionWorld, setUpFission } from './fission.fixtures.ts';

describe('fission campaigns over the API', () => {
  let h: Harness;
  let w: FissionWorld;
  let cleanser: string;
  let mask: string;
  let gift: string;
  let campaign: { id: string };
  let alice: { sandboxId: string; memberId: string };

  const base = () => ({
    name: 'Mums invite mums',
    headline: 'Invite 5 friends, get a facial cleanser',
    platformAccountId: w.accountId,
    startsAt: h.clock.now.toISOString(),
    target: { kind: 'group', seriesIds: w.groups.map((g) => g.seriesId) },
    tiers: [
      { invites: 2, name: 'Facial cleanser', reward: { kind: 'coupon', templateId: cleanser } },
      { invites: 3, name: 'Facial mask', reward: { kind: 'coupon', templateId: mask }, budget: 1 },
    ],
    inviteeReward: { kind: 'coupon', templateId: gift },
    pointsPerInvite: 10,
    stayMinutes: 1440,
    progressIntervalMinutes: 60,
  });

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-03-02T02:00:00Z');
    w = await setUpFission(h, { stores: 2 });
    cleanser = await w.template('Facial cleanser');
    mask = await w.template('Facial mask');
    gift = await w.template('Small gift');
    const sandboxId = await w.joinForReal('Alice', 0);
    await w.drainEvents();
    alice = { sandboxId, memberId: await w.orchardMemberOf(sandboxId) };
    const created = await w.api('POST', '/api/v1/fission-campaigns', base());
    expect(created.status).toBe(201);
    campaign = created.body;
  });
  afterAll(() => h.close());

  it('creates a campaign registered for analytics with kind fission and its own configuration', async () => {
    const got = await w.get(`/api/v1/fission-campaigns/${campaign.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      status: 'active',
      stayMinutes: 1440,
      maxInvitesPerHour: 30,
      tiers: [
        { tierIndex: 0, invites: 2, budget: null, grantedCount: 0 },
        { tierIndex: 1, invites: 3, budget: 1, grantedCount: 0 },
      ],
    });
    const list = await w.get('/api/v1/fission-campaigns');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([campaign.id]);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await w.api('POST', '/api/v1/fission-campaigns', { ...base(), ...body });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(path);
    };
    await bad({ tiers: [] }, 'tiers');
    await bad(
      {
        tiers: [
          { invites: 5, name: 'A', reward: { kind: 'points', points: 5 } },
          { invites: 5, name: 'B', reward: { kind: 'points', points: 5 } },
        ],
      },
      'tiers.1.invites',
    );
    await bad(
      {
        tiers: [
          {
            invites: 5,
            name: 'A',
            reward: { kind: 'coupon', templateId: '00000000-0000-4000-8000-000000000000' },
          },
        ],
      },
      'tiers.0.reward.templateId',
    );
    await bad(
      { target: { kind: 'group', seriesIds: ['00000000-0000-4000-8000-000000000000'] } },
      'target.seriesIds.0',
    );
    await bad({ endsAt: '2020-01-01T00:00:00Z' }, 'endsAt');
    await bad({ stayMinutes: -1 }, 'stayMinutes');
    await bad({ inviteeReward: { kind: 'points', points: 0 } }, 'inviteeReward');
    expect((await w.get('/api/v1/fission-campaigns/not-a-uuid')).status).toBe(400);
    expect(
      (await w.api('PATCH', `/api/v1/fission-campaigns/${campaign.id}`, { status: 'paused' })).status,
    ).toBe(400);
    const guide = await w.addGuide('Guide Li');
    const asGuide = await callApi(h, guide.headers, 'POST', '/api/v1/fission-campaigns', base());
    expect(asGuide.status).toBe(403);
  });

  it('gives a member a personal invite link (the same one again) and a poster with their QR and name', async () => {
    const first = await w.api('POST', `/api/v1/fission-campaigns/${campaign.id}/inviters`, {
      memberIds: [alice.memberId],
    });
    expect(first.status).toBe(200);
    const [progress] = first.body.items;
    expect(progress).toMatchObject({
      memberId: alice.memberId,
      name: 'Alice',
      validCount: 0,
      isOnHold: false,
    });
    expect(progress.link).toMatch(/^http:\/\/localhost:3000\/c\/[\w-]+$/);
    expect(progress.text).toBe('0 of 2 — 2 more for your gift (Facial cleanser)');
    const again = await w.api('POST', `/api/v1/fission-campaigns/${campaign.id}/inviters`, {
      memberIds: [alice.memberId],
    });
    expect(again.body.items[0].link).toBe(progress.link);
    const poster = await h.app.request(
      `/api/v1/fission-campaigns/${campaign.id}/inviters/${alice.memberId}/poster`,
      {
        headers: w.headers,
      },
    );
    expect(poster.headers.get('content-type')).toBe('image/png');
    expect(readPng(Buffer.from(await poster.arrayBuffer()))).toMatchObject({ width: 720, height: 1080 });
    const svg = await h.app.request(
      `/api/v1/fission-campaigns/${campaign.id}/inviters/${alice.memberId}/poster?format=svg`,
      { headers: w.headers },
    );
    const text = await svg.text();
    expect(text).toContain('Invited by Alice');
    expect(text).toContain('>Invite 5 friends, get</text>');
    expect(text).toContain(progress.link);
    const participants = await h.deps.db
      .select()
      .from(campaignParticipants)
      .where(eq(campaignParticipants.campaignId, campaign.id));
    expect(participants.map((p) => [p.memberId, p.role])).toEqual([[alice.memberId, 'inviter']]);
  });

  it('records friends who open the link as pending invites, credited after they stayed 24 h', async () => {
    const progress = await w.get(`/api/v1/fission-campaigns/${campaign.id}/inviters/${alice.memberId}`);
    const friends: string[] = [];
    for (const name of ['Bea', 'Cai', 'Dora']) {
      const { memberId, opened } = await w.arrive(name, progress.body.link);
      expect(opened.status).toBe(200);
      friends.push(memberId);
    }
    await w.drainEvents();
    const invites = await h.deps.db
      .select()
      .from(fissionInvites)
      .where(eq(fissionInvites.campaignId, campaign.id));
    expect(invites.map((i) => [i.status, i.depth])).toEqual([
      ['pending', 1],
      ['pending', 1],
      ['pending', 1],
    ]);
    const bea = await w.orchardMemberOf(friends[0]!);
    const timeline = await h.deps.db
      .select({ type: memberEvents.type })
      .from(memberEvents)
      .where(eq(memberEvents.memberId, bea));
    expect(timeline.map((t) => t.type)).toContain('fission.invited');
    // Dora leaves after 2 hours: her invite never counts.
    h.clock.advance(2 * 3_600_000);
    const left = await w.api('POST', '/api/v1/sandbox/groups/leave', {
      memberId: friends[2],
      groupId: w.groups[0]!.externalId,
    });
    expect(left.status).toBe(200);
    await w.drainEvents();
    // Not yet: 23 h after the joins nothing counts.
    h.clock.advance(21 * 3_600_000);
    await w.sweep();
    expect(
      (await w.get(`/api/v1/fission-campaigns/${campaign.id}/inviters/${alice.memberId}`)).body,
    ).toMatchObject({
      validCount: 0,
      pendingCount: 2,
      voidCount: 1,
    });
    h.clock.advance(3_600_000 + 1);
    await w.sweep();
    const after = await w.get(`/api/v1/fission-campaigns/${campaign.id}/inviters/${alice.memberId}`);
    expect(after.body).toMatchObject({
      validCount: 2,
      pendingCount: 0,
      voidCount: 1,
      tiers: [{ status: 'issued' }, { status: 'locked' }],
      nextTier: { invites: 3, remaining: 1 },
    });
    // Alice: the cleanser coupon and 10 points per valid invite; each friend who stayed: the small gift.
    const aliceCoupons = await h.deps.db.select().from(coupons).where(eq(coupons.memberId, alice.memberId));
    expect(aliceCoupons.map((c) => [c.templateId, c.campaignId])).toEqual([[cleanser, campaign.id]]);
    const [account] = await h.deps.db
      .select()
      .from(pointsAccounts)
      .where(eq(pointsAccounts.memberId, alice.memberId));
    expect(account?.balance).toBe(20);
    for (const [index, friend] of friends.entries()) {
      const own = await h.deps.db
        .select()
        .from(coupons)
        .where(eq(coupons.memberId, await w.orchardMemberOf(friend)));
      expect(own.map((c) => c.templateId)).toEqual(index < 2 ? [gift] : []);
    }
    await w.deliverMessages();
    const chat = await w.get(`/api/v1/sandbox/members/${alice.sandboxId}/messages`);
    const texts = chat.body.items
      .filter((m: { senderKind: string }) => m.senderKind === 'bot')
      .map((m: { text: string }) => m.text);
    expect(texts).toEqual(['You reached 2 invites! Your gift: Facial cleanser. Thank you for sharing.']);
  });

  it('marks a friend who leaves after counting, without taking the reward back', async () => {
    const [bea] = await h.deps.db
      .select()
      .from(fissionInvites)
      .where(and(eq(fissionInvites.campaignId, campaign.id), eq(fissionInvites.status, 'valid')));
    const sandboxId = (
      await h.deps.db.query.memberIdentities.findFirst({
        where: (t, { eq: e }) => e(t.memberId, bea!.inviteeMemberId),
      })
    )?.externalId;
    const left = await w.api('POST', '/api/v1/sandbox/groups/leave', {
      memberId: sandboxId,
      groupId: w.groups[0]!.externalId,
    });
    expect(left.status).toBe(200);
    await w.drainEvents();
    const [after] = await h.deps.db.select().from(fissionInvites).where(eq(fissionInvites.id, bea!.id));
    expect(after).toMatchObject({ status: 'valid' });
    expect(after?.leftAt).not.toBeNull();
    const progress = await w.get(`/api/v1/fission-campaigns/${campaign.id}/inviters/${alice.memberId}`);
    expect(progress.body.validCount).toBe(2);
    const rewards = await h.deps.db
      .select()
      .from(fissionRewards)
      .where(eq(fissionRewards.campaignId, campaign.id));
    expect(rewards.filter((r) => r.status === 'issued')).toHaveLength(2 + 2 + 1);
  });

  it('shows the invite tree with depth and the K-factor, and the leaderboard', async () => {
    const tree = await w.get(`/api/v1/fission-campaigns/${campaign.id}/invite-tree`);
    expect(tree.status).toBe(200);
    expect(tree.body).toMatchObject({
      inviters: 1,
      invites: { valid: 2, void: 1, pending: 0 },
      kFactor: 2,
      maxDepth: 1,
    });
    expect(tree.body.edges.map((e: { inviterName: string; inviteeName: string }) => e.inviterName)).toEqual([
      'Alice',
      'Alice',
      'Alice',
    ]);
    expect(
      tree.body.edges
        .map((e: { inviteeName: string }) => e.inviteeName)
        .sort((a: string, b: string) => a.localeCompare(b)),
    ).toEqual(['Bea', 'Cai', 'Dora']);
    const list = await w.get('/api/v1/fission-campaigns');
    expect(list.body.items[0].stats).toEqual({
      inviters: 1,
      validInvites: 2,
      pendingInvites: 0,
      rewardsIssued: 5,
      rewardsHeld: 0,
    });
    const inviters = await w.get(`/api/v1/fission-campaigns/${campaign.id}/inviters?limit=1`);
    expect(inviters.status).toBe(200);
    expect(inviters.body).toMatchObject({
      items: [{ memberId: alice.memberId, name: 'Alice', validCount: 2, pendingCount: 0, voidCount: 1 }],
      nextCursor: null,
    });
    expect((await w.get(`/api/v1/fission-campaigns/${campaign.id}/inviters?cursor=nope`)).status).toBe(400);
    // Rewards come in keyset pages, oldest first, each with its member's name.
    const seen: { id: string; memberName: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await w.get(
        `/api/v1/fission-campaigns/${campaign.id}/rewards?status=issued&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((r) => r.id)).size).toBe(5);
    expect(seen.map((r) => r.memberName).sort()).toEqual(['Alice', 'Alice', 'Alice', 'Bea', 'Cai']);
    const board = await w.get(`/api/v1/fission-campaigns/${campaign.id}/leaderboard?size=5`);
    expect(board.body.items).toEqual([{ rank: 1, memberId: alice.memberId, name: 'Alice', validCount: 2 }]);
    expect((await w.get(`/api/v1/fission-campaigns/${campaign.id}/leaderboard?size=0`)).status).toBe(400);
  });

  it('ends a campaign: no new inviters, and a finished campaign cannot restart', async () => {
    const ended = await w.api('PATCH', `/api/v1/fission-campaigns/${campaign.id}`, { status: 'ended' });
    expect(ended.body.status).toBe('ended');
    const restart = await w.api('PATCH', `/api/v1/fission-campaigns/${campaign.id}`, { status: 'active' });
    expect(restart.status).toBe(409);
    const bob = await w.joinForReal('Bob', 1);
    await w.drainEvents();
    const enroll = await w.api('POST', `/api/v1/fission-campaigns/${campaign.id}/inviters`, {
      memberIds: [await w.orchardMemberOf(bob)],
    });
    expect(enroll.status).toBe(409);
  });

  it('is in the API reference under the operation ids integrators use', async () => {
    const doc = (await (await h.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    for (const id of [
      'createFissionCampaign',
      'getFissionProgress',
      'getFissionLeaderboard',
      'getFissionInviteTree',
      'listFissionRewards',
      'approveFissionReward',
      'rejectFissionReward',
      'listMyFissionCampaigns',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('keeps brands apart: another brand sees none of it', async () => {
    const other = await createBrand(h.deps);
    const as = (method: string, path: string, body?: unknown) =>
      callApi(h, other.owner.headers, method, path, body);
    expect((await as('GET', `/api/v1/fission-campaigns/${campaign.id}`)).status).toBe(404);
    expect((await as('GET', `/api/v1/fission-campaigns/${campaign.id}/leaderboard`)).status).toBe(404);
    expect((await as('GET', `/api/v1/fission-campaigns/${campaign.id}/invite-tree`)).status).toBe(404);
    expect(
      (await as('GET', `/api/v1/fission-campaigns/${campaign.id}/inviters/${alice.memberId}`)).status,
    ).toBe(404);
    expect((await as('GET', '/api/v1/fission-campaigns')).body.items).toEqual([]);
    const [reward] = await h.deps.db
      .select()
      .from(fissionRewards)
      .where(eq(fissionRewards.campaignId, campaign.id));
    expect((await as('POST', `/api/v1/fission-rewards/${reward!.id}/approve`)).status).toBe(404);
    const staff = await createStaffWithToken(h.deps, { tenantId: other.tenant.id, role: 'operator' });
    const enroll = await callApi(
      h,
      staff.headers,
      'POST',
      `/api/v1/fission-campaigns/${campaign.id}/inviters`,
      {
        memberIds: [alice.memberId],
      },
    );
    expect(enroll.status).toBe(404);
    // A guide bound to a store reaches only that store's members (Alice belongs to none).
    const guide = await w.addGuide('Guide Zhou');
    const asGuide = (path: string) => callApi(h, guide.headers, 'GET', path);
    expect(
      (await asGuide(`/api/v1/fission-campaigns/${campaign.id}/inviters/${alice.memberId}`)).status,
    ).toBe(404);
    expect((await asGuide(`/api/v1/fission-campaigns/${campaign.id}`)).status).toBe(200);
    expect((await asGuide(`/api/v1/fission-campaigns/${campaign.id}/inviters`)).body.items).toEqual([]);
    expect((await as('GET', `/api/v1/fission-campaigns/${campaign.id}/inviters`)).status).toBe(404);
    // Nor may it name this brand's templates or series in its own campaign.
    const stolen = await as('POST', '/api/v1/fission-campaigns', {
      ...base(),
      platformAccountId: w.accountId,
    });
    expect(stolen.status).toBe(400);
  });
});
