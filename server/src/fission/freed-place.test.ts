import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupons, fissionRewards, fissionTiers, outboundMessages } from '../db/schema/index.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { type FissionWorld, setUpFission } from './fission.fixtures.ts';
import { settleInviter } from './settle-invites.ts';

/**
 * A tier place freed by a rejected held reward goes to the earliest inviter refused for budget: once, in the
 * rejection's transaction, with its message as an outbox row of that transaction.
 */
describe('fission: a place freed by a rejection', () => {
  let h: Harness;
  let w: FissionWorld;
  let cleanser: string;
  let people = 0;

  type Inviter = { sandboxId: string; memberId: string };
  const newInviter = (): Promise<Inviter> => w.joinAsInviter(`Inviter ${++people}`);
  const newCampaign = async (budget: number) => {
    const res = await w.api(
      'POST',
      '/api/v1/fission-campaigns',
      w.campaignBody({
        name: `Campaign ${++people}`,
        headline: 'Invite 2 friends',
        tiers: [
          { invites: 2, name: 'Facial cleanser', reward: { kind: 'coupon', templateId: cleanser }, budget },
        ],
        maxInvitesPerHour: 2,
      }),
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  /** Enrol the inviter and bring `count` new friends through their link. */
  const bring = async (campaignId: string, inviter: Inviter, count: number) =>
    w.bringFriends(await w.enroll(campaignId, inviter.memberId), count);
  const settle = (campaignId: string, inviter: Inviter) =>
    settleInviter(h.deps, { tenantId: w.tenantId, campaignId, inviterMemberId: inviter.memberId });
  const tierRewardsOf = async (campaignId: string) =>
    h.deps.db
      .select()
      .from(fissionRewards)
      .where(and(eq(fissionRewards.campaignId, campaignId), eq(fissionRewards.kind, 'tier')))
      .orderBy(fissionRewards.createdAt);
  const couponsOf = (campaignId: string, memberId: string) =>
    h.deps.db
      .select()
      .from(coupons)
      .where(and(eq(coupons.campaignId, campaignId), eq(coupons.memberId, memberId)));
  const grantedOf = async (campaignId: string) =>
    (await h.deps.db.select().from(fissionTiers).where(eq(fissionTiers.campaignId, campaignId)))[0]!
      .grantedCount;
  const botTexts = async (sandboxId: string): Promise<string[]> =>
    (await w.get(`/api/v1/sandbox/members/${sandboxId}/messages`)).body.items
      .filter((m: { senderKind: string }) => m.senderKind === 'bot')
      .map((m: { text: string }) => m.text);
  const reject = (rewardId: string) =>
    w.api('POST', `/api/v1/fission-rewards/${rewardId}/reject`, { note: 'fake accounts' });

  /** Budget `budget`; `held` inviters bring 3 at once (on hold, K = 2), then `refused` inviters bring 2 each. */
  const setUpTier = async (budget: number, heldCount: number, refusedCount: number) => {
    const campaignId = await newCampaign(budget);
    const held: Inviter[] = [];
    const refused: Inviter[] = [];
    for (let i = 0; i < heldCount; i++) held.push(await newInviter());
    for (let i = 0; i < refusedCount; i++) refused.push(await newInviter());
    for (const inviter of held) await bring(campaignId, inviter, 3);
    for (const inviter of refused) await bring(campaignId, inviter, 2);
    h.clock.advance(61 * 60_000);
    for (const inviter of held) await settle(campaignId, inviter);
    for (const inviter of refused) {
      await settle(campaignId, inviter);
      h.clock.advance(1_000);
    }
    const tier = await tierRewardsOf(campaignId);
    const statusOf = (i: Inviter) => tier.find((r) => r.memberId === i.memberId)?.status;
    expect(held.map(statusOf)).toEqual(held.map(() => 'held'));
    expect(refused.map(statusOf)).toEqual(refused.map(() => 'refused'));
    expect(await grantedOf(campaignId)).toBe(budget);
    const heldIds = held.map((i) => tier.find((r) => r.memberId === i.memberId)!.id);
    return { campaignId, held, refused, heldIds };
  };

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-06-01T02:00:00Z');
    w = await setUpFission(h, { stores: 1 });
    cleanser = await w.template('Facial cleanser');
  }, 120_000);
  afterAll(() => h.close());

  it('rejecting the held reward gives its place to the inviter refused for budget, once', async () => {
    const { campaignId, held, refused, heldIds } = await setUpTier(1, 1, 2);
    const [ann] = held;
    const [ben, cat] = refused;
    expect(await couponsOf(campaignId, ben!.memberId)).toEqual([]);

    const first = await reject(heldIds[0]!);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'rejected', note: 'fake accounts' });
    // Rejecting again is refused and gives nothing more.
    expect((await reject(heldIds[0]!)).status).toBe(409);

    const tier = await tierRewardsOf(campaignId);
    const statusOf = (i: Inviter) => tier.find((r) => r.memberId === i.memberId)?.status;
    // Ben reached the tier before Cat: the place is his; Cat stays refused.
    expect([statusOf(ann!), statusOf(ben!), statusOf(cat!)]).toEqual(['rejected', 'issued', 'refused']);
    expect((await couponsOf(campaignId, ben!.memberId)).map((c) => c.templateId)).toEqual([cleanser]);
    expect(await couponsOf(campaignId, cat!.memberId)).toEqual([]);
    expect(await couponsOf(campaignId, ann!.memberId)).toEqual([]);
    expect(await grantedOf(campaignId)).toBe(1);
    // His message was queued with the rejection (one row), and reaches him once.
    const rows = await h.deps.db
      .select()
      .from(outboundMessages)
      .where(like(outboundMessages.idempotencyKey, `%fission:${campaignId}:${ben!.memberId}:tier:%`));
    expect(rows.map((r) => r.idempotencyKey.split(':').at(-1)).sort()).toEqual(['issued', 'refused']);
    await w.deliverMessages();
    await w.deliverMessages();
    // His settlement told him the tier's gifts were out (not the progress note, which promises every gift);
    // the freed place then brought the gift, told once.
    const texts = await botTexts(ben!.sandboxId);
    expect(texts.filter((t) => t.includes('all given out') || t.startsWith('You reached'))).toEqual([
      'Thank you: 2 friends joined through you! The gifts of this tier (Facial cleanser) are all given out.',
      'You reached 2 invites! Your gift: Facial cleanser. Thank you for sharing.',
    ]);
    expect(texts.filter((t) => t.includes('every gift of this campaign is yours'))).toEqual([]);
    // Settling Ben again changes nothing.
    expect((await settle(campaignId, ben!)).tierRewards).toBe(0);
    expect(await couponsOf(campaignId, ben!.memberId)).toHaveLength(1);
  });

  it('concurrent rejections of the same held reward give the freed place once', async () => {
    const { campaignId, refused, heldIds } = await setUpTier(1, 1, 1);
    const results = await Promise.all([reject(heldIds[0]!), reject(heldIds[0]!), reject(heldIds[0]!)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await couponsOf(campaignId, refused[0]!.memberId)).toHaveLength(1);
    expect((await tierRewardsOf(campaignId)).map((r) => r.status).sort()).toEqual(['issued', 'rejected']);
    expect(await grantedOf(campaignId)).toBe(1);
  });

  it('concurrent rejections of two held rewards give one place to each of the two earliest refusals', async () => {
    const { campaignId, refused, heldIds } = await setUpTier(2, 2, 3);
    const results = await Promise.all(heldIds.map((id) => reject(id)));
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const coupons = await Promise.all(refused.map((i) => couponsOf(campaignId, i.memberId)));
    expect(coupons.map((c) => c.length)).toEqual([1, 1, 0]);
    expect(await grantedOf(campaignId)).toBe(2);
  });

  it('an inviter now on hold gets the freed place held, to approve like any held reward', async () => {
    const { campaignId, refused, heldIds } = await setUpTier(1, 1, 1);
    const [dan] = refused;
    // Dan is put on hold after his refusal (three more friends within the hour).
    h.clock.advance(2 * 3_600_000);
    await bring(campaignId, dan!, 3);
    expect((await reject(heldIds[0]!)).status).toBe(200);
    const dans = (await tierRewardsOf(campaignId)).find((r) => r.memberId === dan!.memberId)!;
    expect(dans.status).toBe('held');
    expect(await couponsOf(campaignId, dan!.memberId)).toEqual([]);
    expect(await grantedOf(campaignId)).toBe(1);
    await w.deliverMessages();
    expect((await botTexts(dan!.sandboxId)).filter((t) => t.startsWith('You reached'))).toEqual([
      'You reached 2 invites! Your gift (Facial cleanser) is being checked by our staff and will follow.',
    ]);
    // Approved, it is issued as any held reward.
    const approved = await w.api('POST', `/api/v1/fission-rewards/${dans.id}/approve`);
    expect(approved.body.status).toBe('issued');
    expect(await couponsOf(campaignId, dan!.memberId)).toHaveLength(1);
  });
});
