import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  communities,
  communitySeries,
  coupons,
  fissionInvites,
  memberIdentities,
} from '../db/schema/index.ts';
import { keepSignedIn } from '../loyalty/loyalty.fixtures.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { callApi } from '../platforms/sandbox/sandbox.fixtures.ts';
import { fakeGroup, fakeUser } from '../platforms/telegram/fake/fake-telegram-members.ts';
import type { FakeTelegram } from '../platforms/telegram/fake/fake-telegram-server.ts';
import {
  setUpTelegram,
  startFakeTelegramFor,
  type TelegramSetup,
} from '../platforms/telegram/fake/telegram.fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { settleInviter } from './settle-invites.ts';

/** On a fake Telegram: a friend joins through the inviter's named invite link; the inviter is credited later. */
describe('fission on Telegram', () => {
  let h: Harness;
  let fake: FakeTelegram;
  let tg: TelegramSetup;
  const owner = fakeUser('Owner');
  const mei = fakeUser('Mei');
  const group = fakeGroup('Mums of Store 1');

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-11-10T02:00:00Z');
    fake = await startFakeTelegramFor(h);
    tg = await setUpTelegram(h, fake);
    await keepSignedIn(h, tg.brand.tenant.id);
    expect((await tg.members.addBot(group, owner)).status).toBe(200);
    await processPendingEvents(h.deps);
  });
  afterAll(async () => {
    await fake.close();
    await h.close();
  });

  const api = (method: string, path: string, body?: unknown) =>
    callApi(h, tg.brand.owner.headers, method, path, body);
  const memberOf = async (userId: number) =>
    (
      await h.deps.db
        .select({ id: memberIdentities.memberId })
        .from(memberIdentities)
        .where(
          and(
            eq(memberIdentities.platformAccountId, tg.accountId),
            eq(memberIdentities.externalId, String(userId)),
          ),
        )
    )[0]!.id;

  it('credits the inviter once her friend stayed through the window', async () => {
    // The group the bot was added to becomes the first group of a series (the campaign's target).
    const [series] = await h.deps.db
      .insert(communitySeries)
      .values({
        tenantId: tg.brand.tenant.id,
        platformAccountId: tg.accountId,
        nameTemplate: 'Mums of Store',
      })
      .returning();
    await h.deps.db
      .update(communities)
      .set({ seriesId: series!.id, seriesIndex: 1 })
      .where(eq(communities.externalId, String(group.id)));
    const plain = await tg.adapter.createEntryLink!({
      kind: 'group',
      state: 'plain',
      groupExternalIds: [String(group.id)],
    });
    await tg.members.joinByLink(
      group,
      mei,
      tg.world.linksOf(group.id).find((l) => l.invite_link === plain.url)!,
    );
    await processPendingEvents(h.deps);
    const meiId = await memberOf(mei.id);

    const template = await api('POST', '/api/v1/coupon-templates', {
      name: 'Small gift',
      kind: 'gift',
      giftName: 'Small gift',
      validity: { kind: 'relative', days: 30 },
    });
    const campaign = await api('POST', '/api/v1/fission-campaigns', {
      name: 'Mums invite mums',
      headline: 'Invite a friend',
      platformAccountId: tg.accountId,
      startsAt: h.clock.now.toISOString(),
      target: { kind: 'group', seriesIds: [series!.id] },
      tiers: [{ invites: 1, name: 'Points', reward: { kind: 'points', points: 50 } }],
      inviteeReward: { kind: 'coupon', templateId: template.body.id },
      stayMinutes: 60,
    });
    expect(campaign.status).toBe(201);
    const enrolled = await api('POST', `/api/v1/fission-campaigns/${campaign.body.id}/inviters`, {
      memberIds: [meiId],
    });
    const link: string = enrolled.body.items[0].link;

    // Her friend scans the poster: Orchard's public link redirects to a Telegram invite link named by its state.
    const opened = await h.app.request(new URL(link).pathname);
    expect(opened.status).toBe(302);
    const invite = tg.world.linksOf(group.id).find((l) => l.invite_link === opened.headers.get('location'));
    expect(invite?.name).toMatch(/^c_[0-9a-z]{8}$/);
    const lan = fakeUser('Lan');
    expect((await tg.members.joinByLink(group, lan, invite!)).status).toBe(200);
    await processPendingEvents(h.deps);
    const lanId = await memberOf(lan.id);
    const [pending] = await h.deps.db
      .select()
      .from(fissionInvites)
      .where(eq(fissionInvites.inviteeMemberId, lanId));
    expect(pending).toMatchObject({ inviterMemberId: meiId, status: 'pending' });

    const input = { tenantId: tg.brand.tenant.id, campaignId: campaign.body.id, inviterMemberId: meiId };
    expect((await settleInviter(h.deps, input)).valid).toBe(0);
    h.clock.advance(61 * 60_000);
    expect(await settleInviter(h.deps, input)).toMatchObject({ valid: 1, tierRewards: 1 });
    const progress = await api('GET', `/api/v1/fission-campaigns/${campaign.body.id}/inviters/${meiId}`);
    expect(progress.body).toMatchObject({ validCount: 1, tiers: [{ status: 'issued' }] });
    const gifts = await h.deps.db.select().from(coupons).where(eq(coupons.memberId, lanId));
    expect(gifts.map((c) => c.campaignId)).toEqual([campaign.body.id]);
  });
});
