import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignParticipants,
  coupons,
  fissionInvites,
  fissionRewards,
  fissionTiers,
  outboundMessages,
  pointsAccounts,
  pointsLedger,
} from '../db/schema/index.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { type FissionWorld, setUpFission } from './fission.fixtures.ts';
import { maskNameOf } from './fission.ts';

/**
 * Seed 000 (maternal and child stores, Double Eleven): 14 stores each with a group; mothers who invite 5 new
 * members get a facial cleanser, 10 a facial mask, and each new mother a small gift. Here: 40 inviters bring
 * 600 arrivals, of which 10 are self or duplicate invites and 50 leave within 24 h; after the stay window every
 * count, reward and the leaderboard must be exact, every gift issued once, and no tier over its budget.
 */
describe('seed 000: a referral campaign across 14 store groups', () => {
  let h: Harness;
  let w: FissionWorld;
  let campaignId: string;
  const templates: Record<'cleanser' | 'mask' | 'gift', string> = { cleanser: '', mask: '', gift: '' };
  const budgets = { cleanser: 30, mask: 12 };
  const inviters: {
    sandboxId: string;
    memberId: string;
    group: number;
    state: string;
    invitees: string[];
  }[] = [];
  const leavers = new Set<string>();

  /** How many invitees each of the 40 inviters brings: uneven, 590 in all (the other 10 are self/duplicates). */
  const plan = (): number[] => {
    const counts = Array.from({ length: 40 }, (_, i) => 4 + ((i * 7) % 23));
    let diff = 590 - counts.reduce((a, b) => a + b, 0);
    for (let i = 0; diff !== 0; i = (i + 1) % 40) {
      const step = Math.sign(diff);
      if (counts[i]! + step >= 1 && counts[i]! + step <= 28) {
        counts[i]! += step;
        diff -= step;
      }
    }
    return counts;
  };

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-11-10T02:00:00Z');
    w = await setUpFission(h, { stores: 14 });
    templates.cleanser = await w.template('Facial cleanser');
    templates.mask = await w.template('Facial mask');
    templates.gift = await w.template('Small gift for new mums');
    for (let i = 0; i < 40; i++) {
      const sandboxId = await w.joinForReal(`Mum ${i + 1}`, i % 14);
      inviters.push({ sandboxId, memberId: '', group: i % 14, state: '', invitees: [] });
    }
    await w.drainEvents();
    for (const inviter of inviters) inviter.memberId = await w.orchardMemberOf(inviter.sandboxId);
    const created = await w.api('POST', '/api/v1/fission-campaigns', {
      name: 'Double Eleven mums',
      headline: 'Invite mums: 5 for a cleanser, 10 for a mask',
      platformAccountId: w.accountId,
      startsAt: h.clock.now.toISOString(),
      target: { kind: 'group', seriesIds: w.groups.map((g) => g.seriesId) },
      tiers: [
        {
          invites: 5,
          name: 'Facial cleanser',
          reward: { kind: 'coupon', templateId: templates.cleanser },
          budget: budgets.cleanser,
        },
        {
          invites: 10,
          name: 'Facial mask',
          reward: { kind: 'coupon', templateId: templates.mask },
          budget: budgets.mask,
        },
      ],
      inviteeReward: { kind: 'coupon', templateId: templates.gift },
      pointsPerInvite: 10,
      leaderboard: { everyMinutes: 60, size: 10 },
    });
    expect(created.status).toBe(201);
    campaignId = created.body.id;
    const enrolled = await w.api('POST', `/api/v1/fission-campaigns/${campaignId}/inviters`, {
      memberIds: inviters.map((i) => i.memberId),
    });
    expect(enrolled.status).toBe(200);
    for (const inviter of inviters) inviter.state = await w.stateOf(campaignId, inviter.memberId);

    // 590 new mums, each through her inviter's link into her inviter's store group, within the hour.
    const joins: Record<string, unknown>[] = [];
    for (const [i, count] of plan().entries()) {
      const inviter = inviters[i]!;
      for (let j = 0; j < count; j++) {
        const person = `mum-${i}-${j}`;
        inviter.invitees.push(person);
        joins.push(w.joinEvent(`join-${person}`, person, inviter.group, inviter.state));
      }
    }
    // 5 self-invites: an inviter joins another store's group through her own link.
    for (let i = 0; i < 5; i++) {
      const inviter = inviters[i]!;
      joins.push(w.joinEvent(`self-${i}`, inviter.sandboxId, (inviter.group + 1) % 14, inviter.state));
    }
    // 5 duplicates: mums already invited by inviter 6 arrive again through inviter 7's link in another group.
    for (let j = 0; j < 5; j++) {
      joins.push(w.joinEvent(`dup-${j}`, inviters[6]!.invitees[j]!, inviters[7]!.group, inviters[7]!.state));
    }
    expect(joins).toHaveLength(600);
    await w.deliverAll(joins);
    await w.drainEvents();
    // 50 leave after two hours (never one of the duplicated mums).
    h.clock.advance(2 * 3_600_000);
    const duplicated = new Set(inviters[6]!.invitees.slice(0, 5));
    const all = inviters
      .flatMap((inviter) => inviter.invitees.map((person) => ({ person, inviter })))
      .filter(({ person }) => !duplicated.has(person));
    const leaving = all.filter((_, k) => k % 11 === 3).slice(0, 50);
    expect(leaving).toHaveLength(50);
    for (const { person } of leaving) leavers.add(person);
    await w.deliverAll(
      leaving.map(({ person, inviter }) => w.leaveEvent(`leave-${person}`, person, inviter.group)),
    );
    await w.drainEvents();
    // After the stay window, the minute sweep settles every inviter and posts the leaderboard.
    h.clock.advance(22 * 3_600_000 + 60_000);
    await w.sweep();
    await w.deliverMessages();
  }, 240_000);
  afterAll(() => h.close());

  const validOf = (inviter: (typeof inviters)[number]) =>
    inviter.invitees.filter((person) => !leavers.has(person)).length;

  it('counts every inviter’s valid invites exactly: stayers only, no self or duplicate invites', async () => {
    const invites = await h.deps.db
      .select({
        status: fissionInvites.status,
        reason: fissionInvites.voidReason,
        n: sql<number>`count(*)::int`,
      })
      .from(fissionInvites)
      .where(eq(fissionInvites.campaignId, campaignId))
      .groupBy(fissionInvites.status, fissionInvites.voidReason);
    const byKey = Object.fromEntries(invites.map((r) => [`${r.status}:${r.reason ?? ''}`, r.n]));
    expect(byKey).toEqual({ 'valid:': 540, 'void:left': 50, 'void:self': 5, 'void:duplicate': 5 });
    for (const inviter of inviters) {
      const progress = await w.get(`/api/v1/fission-campaigns/${campaignId}/inviters/${inviter.memberId}`);
      expect(progress.body.validCount).toBe(validOf(inviter));
      expect(progress.body.pendingCount).toBe(0);
    }
    const participants = await h.deps.db
      .select({ role: campaignParticipants.role, n: sql<number>`count(*)::int` })
      .from(campaignParticipants)
      .where(eq(campaignParticipants.campaignId, campaignId))
      .groupBy(campaignParticipants.role);
    expect(Object.fromEntries(participants.map((p) => [p.role, p.n]))).toEqual({ inviter: 40, invitee: 590 });
    const tree = await w.get(`/api/v1/fission-campaigns/${campaignId}/invite-tree?limit=1`);
    expect(tree.body).toMatchObject({
      inviters: 40,
      invites: { valid: 540, void: 60, pending: 0 },
      kFactor: 13.5,
      maxDepth: 1,
    });
  });

  it('gives each tier once per inviter who reached it, never beyond its budget', async () => {
    const rewards = await h.deps.db
      .select()
      .from(fissionRewards)
      .where(and(eq(fissionRewards.campaignId, campaignId), eq(fissionRewards.kind, 'tier')));
    for (const [tierIndex, threshold, budget] of [
      [0, 5, budgets.cleanser],
      [1, 10, budgets.mask],
    ] as const) {
      const eligible = inviters.filter((i) => validOf(i) >= threshold).map((i) => i.memberId);
      const ofTier = rewards.filter((r) => r.tierIndex === tierIndex);
      expect(new Set(ofTier.map((r) => r.memberId))).toEqual(new Set(eligible));
      expect(ofTier).toHaveLength(eligible.length);
      const issued = ofTier.filter((r) => r.status === 'issued');
      expect(issued).toHaveLength(Math.min(budget, eligible.length));
      expect(ofTier.filter((r) => r.status === 'refused')).toHaveLength(eligible.length - issued.length);
      const [tier] = await h.deps.db
        .select()
        .from(fissionTiers)
        .where(and(eq(fissionTiers.campaignId, campaignId), eq(fissionTiers.tierIndex, tierIndex)));
      expect(tier?.grantedCount).toBe(issued.length);
      expect(eligible.length).toBeGreaterThan(0);
    }
    // The budget binds for the mask in this seed: more mums reached 10 than there are masks.
    expect(inviters.filter((i) => validOf(i) >= 10).length).toBeGreaterThan(budgets.mask);
  });

  it('issues every gift exactly once: coupons, the invitees’ small gifts and 10 points per valid invite', async () => {
    const perMemberTemplate = await h.deps.db
      .select({ templateId: coupons.templateId, memberId: coupons.memberId, n: sql<number>`count(*)::int` })
      .from(coupons)
      .where(eq(coupons.campaignId, campaignId))
      .groupBy(coupons.templateId, coupons.memberId);
    expect(perMemberTemplate.every((r) => r.n === 1)).toBe(true);
    const count = (templateId: string) => perMemberTemplate.filter((r) => r.templateId === templateId).length;
    const issued = await h.deps.db
      .select({ tierIndex: fissionRewards.tierIndex, n: sql<number>`count(*)::int` })
      .from(fissionRewards)
      .where(
        and(
          eq(fissionRewards.campaignId, campaignId),
          eq(fissionRewards.kind, 'tier'),
          eq(fissionRewards.status, 'issued'),
        ),
      )
      .groupBy(fissionRewards.tierIndex);
    expect(count(templates.cleanser)).toBe(issued.find((r) => r.tierIndex === 0)?.n);
    expect(count(templates.mask)).toBe(issued.find((r) => r.tierIndex === 1)?.n);
    expect(count(templates.gift)).toBe(540);
    for (const inviter of inviters) {
      const [account] = await h.deps.db
        .select({ balance: pointsAccounts.balance })
        .from(pointsAccounts)
        .where(eq(pointsAccounts.memberId, inviter.memberId));
      expect(account?.balance ?? 0).toBe(10 * validOf(inviter));
    }
    const [entries] = await h.deps.db
      .select({ n: sql<number>`count(*)::int`, points: sql<number>`sum(points)::int` })
      .from(pointsLedger)
      .where(eq(pointsLedger.campaignId, campaignId));
    expect(entries).toEqual({ n: 540, points: 5_400 });
  });

  it('tells each inviter once per gift (or that its gifts ran out), or else how many more she needs', async () => {
    const tierRewards = await h.deps.db
      .select({
        memberId: fissionRewards.memberId,
        tierIndex: fissionRewards.tierIndex,
        status: fissionRewards.status,
      })
      .from(fissionRewards)
      .where(and(eq(fissionRewards.campaignId, campaignId), eq(fissionRewards.kind, 'tier')));
    const names = ['Facial cleanser', 'Facial mask'];
    const invitesOf = (tierIndex: number) => (tierIndex === 0 ? 5 : 10);
    for (const inviter of inviters) {
      const chat = await w.get(`/api/v1/sandbox/members/${inviter.sandboxId}/messages`);
      const texts: string[] = chat.body.items
        .filter((m: { senderKind: string }) => m.senderKind === 'bot')
        .map((m: { text: string }) => m.text);
      const valid = validOf(inviter);
      const told = tierRewards
        .filter((r) => r.memberId === inviter.memberId)
        .map(({ tierIndex, status }) =>
          status === 'issued'
            ? `You reached ${invitesOf(tierIndex!)} invites! Your gift: ${names[tierIndex!]}. Thank you for sharing.`
            : `Thank you: ${invitesOf(tierIndex!)} friends joined through you! The gifts of this tier (${names[tierIndex!]}) are all given out.`,
        );
      const next = valid < 5 ? [5, names[0]] : valid < 10 ? [10, names[1]] : null;
      const progress = next
        ? `${valid} of ${next[0]} — ${Number(next[0]) - valid} more for your gift (${next[1]})`
        : `${valid} friends joined through you: every gift of this campaign is yours. Thank you!`;
      expect(texts.sort()).toEqual(told.length > 0 ? told.sort() : [progress]);
    }
  });

  it('posts the leaderboard to all 14 store groups once per slot, ranked by valid invites', async () => {
    const expected = [...inviters]
      .filter((i) => validOf(i) > 0)
      .sort((a, b) => validOf(b) - validOf(a) || a.memberId.localeCompare(b.memberId))
      .slice(0, 10);
    const board = await w.get(`/api/v1/fission-campaigns/${campaignId}/leaderboard`);
    expect(
      board.body.items.map((r: { memberId: string; validCount: number }) => [r.memberId, r.validCount]),
    ).toEqual(expected.map((i) => [i.memberId, validOf(i)]));
    const boardTexts = async () => {
      const perGroup: string[][] = [];
      for (const group of w.groups) {
        const shown = await w.get(`/api/v1/sandbox/groups/${group.externalId}/messages`);
        perGroup.push(
          shown.body.items
            .filter(
              (m: { senderKind: string; text: string }) =>
                m.senderKind === 'bot' && m.text?.startsWith('Double Eleven'),
            )
            .map((m: { text: string }) => m.text),
        );
      }
      return perGroup;
    };
    const posted = await boardTexts();
    expect(posted.every((texts) => texts.length === 1)).toBe(true);
    const lines = posted[0]![0]!.split('\n');
    expect(lines[0]).toBe('Double Eleven mums — top inviters');
    expect(lines.slice(1)).toEqual(
      expected.map((i, k) => `${k + 1}. ${maskNameOf(`Mum ${inviters.indexOf(i) + 1}`)}: ${validOf(i)}`),
    );
    // Again within the hour: nothing new. The next hour: one more each.
    await w.sweep();
    await w.deliverMessages();
    expect((await boardTexts()).every((texts) => texts.length === 1)).toBe(true);
    h.clock.advance(60 * 60_000);
    await w.sweep();
    await w.deliverMessages();
    expect((await boardTexts()).every((texts) => texts.length === 2)).toBe(true);
    const outbox = await h.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(outboundMessages)
      .where(sql`${outboundMessages.idempotencyKey} like ${`fission:${campaignId}:leaderboard:%`}`);
    expect(outbox[0]?.n).toBe(28);
  });
});
