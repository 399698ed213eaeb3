import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coupons,
  fissionInviters,
  fissionInvites,
  fissionRewards,
  fissionTiers,
  outboundMessages,
  pointsLedger,
} from '../db/schema/index.ts';
import { claimDueOutbound } from '../outbox/outbox.store.ts';
import { callApi } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { readPng } from '../testing/image-checks.ts';
import { type FissionWorld, setUpFission } from './fission.fixtures.ts';
import { settleInviter } from './settle-invites.ts';

/**
 * Rewards exactly once: the same arrival delivered three times, settlements racing, a crash inside the
 * settlement and one between the commit and the delivery of its message; and rewards held for approval.
 */
describe('fission rewards, exactly once', () => {
  let h: Harness;
  let w: FissionWorld;
  let cleanser: string;
  let gift: string;
  let people = 0;

  type Inviter = { sandboxId: string; memberId: string };
  const newInviter = (): Promise<Inviter> => w.joinAsInviter(`Inviter ${++people}`);
  const newCampaign = async (overrides: Record<string, unknown> = {}) => {
    const res = await w.api(
      'POST',
      '/api/v1/fission-campaigns',
      w.campaignBody({
        name: `Campaign ${++people}`,
        headline: 'Invite 2 friends',
        tiers: [
          {
            invites: 2,
            name: 'Facial cleanser',
            reward: { kind: 'coupon', templateId: cleanser },
            budget: 2,
          },
        ],
        inviteeReward: { kind: 'coupon', templateId: gift },
        pointsPerInvite: 10,
        ...overrides,
      }),
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const enroll = (campaignId: string, inviter: Inviter) => w.enroll(campaignId, inviter.memberId);
  const bring = (state: string, count: number, times?: number) => w.bringFriends(state, count, times);
  const rewardsOf = (campaignId: string, memberId?: string) =>
    h.deps.db
      .select()
      .from(fissionRewards)
      .where(
        and(
          eq(fissionRewards.campaignId, campaignId),
          memberId ? eq(fissionRewards.memberId, memberId) : undefined,
        ),
      );
  const couponsOf = (campaignId: string, memberId: string) =>
    h.deps.db
      .select()
      .from(coupons)
      .where(and(eq(coupons.campaignId, campaignId), eq(coupons.memberId, memberId)));
  const botTexts = async (sandboxId: string): Promise<string[]> =>
    (await w.get(`/api/v1/sandbox/members/${sandboxId}/messages`)).body.items
      .filter((m: { senderKind: string }) => m.senderKind === 'bot')
      .map((m: { text: string }) => m.text);

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-06-01T02:00:00Z');
    w = await setUpFission(h, { stores: 1 });
    cleanser = await w.template('Facial cleanser');
    gift = await w.template('Small gift');
  }, 120_000);
  afterAll(() => h.close());

  it('the same arrivals delivered three times and settled three times reward once', async () => {
    const campaignId = await newCampaign();
    const alice = await newInviter();
    await bring(await enroll(campaignId, alice), 2, 3);
    const invites = await h.deps.db
      .select()
      .from(fissionInvites)
      .where(eq(fissionInvites.campaignId, campaignId));
    expect(invites.map((i) => i.status)).toEqual(['pending', 'pending']);
    h.clock.advance(61 * 60_000);
    for (let i = 0; i < 3; i++) {
      await w.sweep();
      await settleInviter(h.deps, { tenantId: w.tenantId, campaignId, inviterMemberId: alice.memberId });
    }
    expect((await couponsOf(campaignId, alice.memberId)).map((c) => c.templateId)).toEqual([cleanser]);
    for (const invite of invites) {
      expect((await couponsOf(campaignId, invite.inviteeMemberId)).map((c) => c.templateId)).toEqual([gift]);
    }
    const ledger = await h.deps.db.select().from(pointsLedger).where(eq(pointsLedger.campaignId, campaignId));
    expect(ledger.map((e) => [e.memberId, e.points])).toEqual([
      [alice.memberId, 10],
      [alice.memberId, 10],
    ]);
    await w.deliverMessages();
    expect(await botTexts(alice.sandboxId)).toEqual([
      'You reached 2 invites! Your gift: Facial cleanser. Thank you for sharing.',
    ]);
  });

  it('two workers settling at once give each reward once and keep the tier within its budget', async () => {
    const campaignId = await newCampaign({
      tiers: [
        { invites: 2, name: 'Facial cleanser', reward: { kind: 'coupon', templateId: cleanser }, budget: 1 },
      ],
    });
    const [bea, cai] = [await newInviter(), await newInviter()];
    await bring(await enroll(campaignId, bea!), 2);
    await bring(await enroll(campaignId, cai!), 2);
    h.clock.advance(61 * 60_000);
    const settle = (memberId: string) =>
      settleInviter(h.deps, { tenantId: w.tenantId, campaignId, inviterMemberId: memberId });
    const results = await Promise.all([
      settle(bea!.memberId),
      settle(cai!.memberId),
      settle(bea!.memberId),
      settle(cai!.memberId),
    ]);
    expect(results.map((r) => r.valid).sort()).toEqual([0, 0, 2, 2]);
    const tier = (await rewardsOf(campaignId)).filter((r) => r.kind === 'tier');
    expect(tier.map((r) => r.status).sort()).toEqual(['issued', 'refused']);
    const [row] = await h.deps.db.select().from(fissionTiers).where(eq(fissionTiers.campaignId, campaignId));
    expect(row?.grantedCount).toBe(1);
    const cleansers = await h.deps.db
      .select()
      .from(coupons)
      .where(and(eq(coupons.campaignId, campaignId), eq(coupons.templateId, cleanser)));
    expect(cleansers).toHaveLength(1);
    const ledger = await h.deps.db.select().from(pointsLedger).where(eq(pointsLedger.campaignId, campaignId));
    expect(ledger).toHaveLength(4);
  });

  it('a crash inside the settlement leaves nothing; one after its commit still delivers the message once', async () => {
    const campaignId = await newCampaign();
    const dora = await newInviter();
    await bring(await enroll(campaignId, dora), 2);
    h.clock.advance(61 * 60_000);
    const input = { tenantId: w.tenantId, campaignId, inviterMemberId: dora.memberId };
    await expect(
      settleInviter(h.deps, input, {
        afterTierReward: async () => {
          throw new Error('worker crashed after issuing');
        },
      }),
    ).rejects.toThrow('worker crashed');
    expect(await rewardsOf(campaignId)).toEqual([]);
    expect(await couponsOf(campaignId, dora.memberId)).toEqual([]);
    const pending = await h.deps.db
      .select()
      .from(fissionInvites)
      .where(eq(fissionInvites.campaignId, campaignId));
    expect(pending.map((i) => i.status)).toEqual(['pending', 'pending']);
    expect(
      await h.deps.db
        .select()
        .from(outboundMessages)
        .where(like(outboundMessages.idempotencyKey, `%${campaignId}%`)),
    ).toEqual([]);

    // The retry commits the reward and its message together; then the worker dies mid-delivery.
    expect((await settleInviter(h.deps, input)).tierRewards).toBe(1);
    const claimed = await claimDueOutbound(h.deps.db, {
      platformAccountId: w.accountId,
      now: h.clock.now,
      limit: 1000,
      lockMs: 5 * 60_000,
    });
    expect(
      claimed.some((r) => r.idempotencyKey.includes(`fission:${campaignId}:${dora.memberId}:tier:0`)),
    ).toBe(true);
    expect(await botTexts(dora.sandboxId)).toEqual([]);
    // Settling again changes nothing; once the lock expires the message goes out, once.
    expect((await settleInviter(h.deps, input)).valid).toBe(0);
    h.clock.advance(6 * 60_000);
    await w.deliverMessages();
    await w.deliverMessages();
    expect(await botTexts(dora.sandboxId)).toEqual([
      'You reached 2 invites! Your gift: Facial cleanser. Thank you for sharing.',
    ]);
    expect(await couponsOf(campaignId, dora.memberId)).toHaveLength(1);
    const ledger = await h.deps.db.select().from(pointsLedger).where(eq(pointsLedger.campaignId, campaignId));
    expect(ledger).toHaveLength(2);
  });

  it('holds the rewards of an inviter who brings more than K an hour until staff approve', async () => {
    const campaignId = await newCampaign({ maxInvitesPerHour: 2 });
    const eve = await newInviter();
    await bring(await enroll(campaignId, eve), 3);
    const [inviter] = await h.deps.db
      .select()
      .from(fissionInviters)
      .where(and(eq(fissionInviters.campaignId, campaignId), eq(fissionInviters.memberId, eve.memberId)));
    expect(inviter?.isOnHold).toBe(true);
    h.clock.advance(61 * 60_000);
    await w.sweep();
    const held = await w.get(`/api/v1/fission-campaigns/${campaignId}/rewards?status=held`);
    expect(held.status).toBe(200);
    expect(held.body.items.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'invite_points',
      'invite_points',
      'invite_points',
      'invitee',
      'invitee',
      'invitee',
      'tier',
    ]);
    expect(await couponsOf(campaignId, eve.memberId)).toEqual([]);
    await w.deliverMessages();
    expect(await botTexts(eve.sandboxId)).toEqual([
      'You reached 2 invites! Your gift (Facial cleanser) is being checked by our staff and will follow.',
    ]);
    const tier = held.body.items.find((r: { kind: string }) => r.kind === 'tier');
    const approved = await w.api('POST', `/api/v1/fission-rewards/${tier.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('issued');
    expect((await w.api('POST', `/api/v1/fission-rewards/${tier.id}/approve`)).status).toBe(409);
    expect((await couponsOf(campaignId, eve.memberId)).map((c) => c.templateId)).toEqual([cleanser]);
    await w.deliverMessages();
    expect((await botTexts(eve.sandboxId)).sort()).toEqual([
      'You reached 2 invites! Your gift (Facial cleanser) is being checked by our staff and will follow.',
      'You reached 2 invites! Your gift: Facial cleanser. Thank you for sharing.',
    ]);
    const gifts = held.body.items.filter((r: { kind: string }) => r.kind === 'invitee');
    expect((await w.api('POST', `/api/v1/fission-rewards/${gifts[0].id}/reject`, { note: '' })).status).toBe(
      400,
    );
    const rejected = await w.api('POST', `/api/v1/fission-rewards/${gifts[0].id}/reject`, {
      note: 'fake account',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', note: 'fake account' });
    expect((await couponsOf(campaignId, gifts[0].memberId)).length).toBe(0);
    expect(
      (await w.api('POST', '/api/v1/fission-rewards/00000000-0000-4000-8000-000000000000/approve')).status,
    ).toBe(404);
    // Released, her next friend's rewards are issued without approval.
    const released = await w.api(
      'POST',
      `/api/v1/fission-campaigns/${campaignId}/inviters/${eve.memberId}/release`,
    );
    expect(released.body).toMatchObject({ isOnHold: false, validCount: 3 });
    h.clock.advance(2 * 3_600_000);
    await bring(await enroll(campaignId, eve), 1);
    h.clock.advance(61 * 60_000);
    await w.sweep();
    const after = await rewardsOf(campaignId);
    expect(after.filter((r) => r.status === 'held')).toHaveLength(5);
    expect(
      after
        .filter((r) => r.status === 'issued')
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['invite_points', 'invitee', 'tier']);
  });

  it('builds the invite tree with depth, never counts a re-join, and paces progress by N minutes', async () => {
    const campaignId = await newCampaign({
      tiers: [{ invites: 5, name: 'Facial cleanser', reward: { kind: 'coupon', templateId: cleanser } }],
      progressIntervalMinutes: 90,
    });
    const gia = await newInviter();
    const giaState = await enroll(campaignId, gia);
    await w.deliverAll([w.joinEvent('tree-1', 'tree-friend-1', 0, giaState)]);
    await w.drainEvents();
    // Her friend invites in turn: one generation deeper.
    const friendId = await w.orchardMemberOf('tree-friend-1');
    const friendState = await enroll(campaignId, { sandboxId: 'tree-friend-1', memberId: friendId });
    await w.deliverAll([w.joinEvent('tree-2', 'tree-friend-2', 0, friendState)]);
    // Another friend leaves at once and comes back through the same link: neither arrival ever counts.
    await w.deliverAll([w.joinEvent('tree-3', 'tree-friend-3', 0, giaState)]);
    await w.drainEvents();
    await w.deliverAll([w.leaveEvent('tree-3-left', 'tree-friend-3', 0)]);
    await w.drainEvents();
    await w.deliverAll([w.joinEvent('tree-3-again', 'tree-friend-3', 0, giaState)]);
    await w.drainEvents();
    const reasons = await h.deps.db
      .select({ reason: fissionInvites.voidReason, depth: fissionInvites.depth })
      .from(fissionInvites)
      .where(eq(fissionInvites.campaignId, campaignId));
    expect(reasons.map((r) => [r.reason, r.depth])).toEqual([
      [null, 1],
      [null, 2],
      ['left', 1],
      ['known', 1],
    ]);
    h.clock.advance(61 * 60_000);
    await w.sweep();
    const tree = await w.get(`/api/v1/fission-campaigns/${campaignId}/invite-tree`);
    expect(tree.body).toMatchObject({ inviters: 2, invites: { valid: 2, void: 2 }, kFactor: 1, maxDepth: 2 });
    await w.deliverMessages();
    expect(await botTexts(gia.sandboxId)).toEqual(['1 of 5 — 4 more for your gift (Facial cleanser)']);
    // The second friend counts 61 minutes after that message: within N = 90 minutes, so no new one; the third
    // counts 122 minutes after it, and the message says 3.
    await w.deliverAll([w.joinEvent('tree-4', 'tree-friend-4', 0, giaState)]);
    await w.drainEvents();
    h.clock.advance(61 * 60_000);
    await w.sweep();
    await w.deliverAll([w.joinEvent('tree-5', 'tree-friend-5', 0, giaState)]);
    await w.drainEvents();
    await w.deliverMessages();
    expect(await botTexts(gia.sandboxId)).toHaveLength(1);
    h.clock.advance(61 * 60_000);
    await w.sweep();
    await w.deliverMessages();
    expect(await botTexts(gia.sandboxId)).toEqual([
      '1 of 5 — 4 more for your gift (Facial cleanser)',
      '3 of 5 — 2 more for your gift (Facial cleanser)',
    ]);
  });

  it('gives the member pages their campaigns, a join button, their progress and poster', async () => {
    const campaignId = await newCampaign();
    const fay = await newInviter();
    const link = await w.api('POST', `/api/v1/members/${fay.memberId}/member-link`, {});
    expect(link.status).toBe(201);
    const as = { authorization: `Bearer ${link.body.token}` };
    const me = (method: string, path: string) => callApi(h, as, method, `/api/v1/me/fission${path}`);
    expect((await callApi(h, {}, 'GET', '/api/v1/me/fission')).status).toBe(401);
    const before = await me('GET', '');
    const listed = before.body.items.find((c: { id: string }) => c.id === campaignId);
    expect(listed).toMatchObject({ isJoined: false, progress: null, posterUrl: null });
    const joined = await me('POST', `/${campaignId}/join`);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({
      memberId: fay.memberId,
      validCount: 0,
      text: '0 of 2 — 2 more for your gift (Facial cleanser)',
    });
    expect(joined.body.link).toMatch(/\/c\//);
    const after = (await me('GET', '')).body.items.find((c: { id: string }) => c.id === campaignId);
    expect(after).toMatchObject({ isJoined: true, progress: { link: joined.body.link } });
    expect(after.posterUrl).toBe(`http://localhost:3000/api/v1/me/fission/${campaignId}/poster`);
    const poster = await h.app.request(`/api/v1/me/fission/${campaignId}/poster`, { headers: as });
    expect(poster.status).toBe(200);
    expect(readPng(Buffer.from(await poster.arrayBuffer())).width).toBe(720);
    expect((await me('POST', '/00000000-0000-4000-8000-000000000000/join')).status).toBe(404);
    expect(after).toMatchObject({
      stayMinutes: 60,
      pointsPerInvite: 10,
      tiers: [{ invites: 2, name: 'Facial cleanser', reward: { kind: 'coupon', templateId: cleanser } }],
      invites: { nextCountsAt: null, voided: [] },
    });
    // Three friends arrive (pending for the stay window); one leaves within it.
    const fayState = await w.stateOf(campaignId, fay.memberId);
    const arrivedAt = h.clock.now.getTime();
    const leaver = (await bring(fayState, 3)).at(-1)!;
    h.clock.advance(5 * 60_000);
    await w.deliverAll([w.leaveEvent(`leave-${leaver}`, leaver, 0)]);
    await w.drainEvents();
    const waiting = (await me('GET', '')).body.items.find((c: { id: string }) => c.id === campaignId);
    expect(waiting.progress).toMatchObject({ validCount: 0, pendingCount: 2, voidCount: 1 });
    expect(waiting.invites.nextCountsAt).toBe(new Date(arrivedAt + 60 * 60_000).toISOString());
    expect(waiting.invites.voided).toEqual([{ reason: 'left', count: 1 }]);
    h.clock.advance(61 * 60_000);
    await w.sweep();
    const counted = (await me('GET', '')).body.items.find((c: { id: string }) => c.id === campaignId);
    expect(counted.progress).toMatchObject({ validCount: 2, pendingCount: 0, tiers: [{ status: 'issued' }] });
    expect(counted.invites.nextCountsAt).toBeNull();
    // Once it ends, the member still sees the campaign she took part in; one she never joined disappears.
    const other = await newCampaign();
    for (const id of [campaignId, other]) {
      expect((await w.api('PATCH', `/api/v1/fission-campaigns/${id}`, { status: 'ended' })).status).toBe(200);
    }
    const ended = (await me('GET', '')).body.items.filter((c: { id: string }) =>
      [campaignId, other].includes(c.id),
    );
    expect(ended).toMatchObject([{ id: campaignId, status: 'ended', isJoined: true }]);
    expect((await me('POST', `/${other}/join`)).status).toBe(409);
  });
});
