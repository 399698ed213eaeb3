import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkins, coupons, outboundMessages, pointsLedger } from '../../db/schema/index.ts';
import { featureHandlers } from '../../pipeline/handlers.ts';
import type { Middleware } from '../../pipeline/middleware.ts';
import { processPendingEvents } from '../../pipeline/process-events.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { createTemplate, type LoyaltyWorld, setUpLoyaltyWorld } from '../loyalty.fixtures.ts';
import { dailyCheckIn } from './checkin.handler.ts';

describe('daily check-in in a group', () => {
  let h: Harness;
  let w: LoyaltyWorld;
  let giftTemplateId: string;

  beforeAll(async () => {
    h = await createHarness();
    w = await setUpLoyaltyWorld(h);
    giftTemplateId = await createTemplate(h, w.sb.headers, { name: 'First check-in gift' });
    const settings = await w.api('PUT', '/api/v1/loyalty/settings', {
      rules: {
        points: { perCheckin: 10 },
        // The first check-in of a member's life also brings a coupon.
        checkin: { milestones: [{ total: 1, points: 0, couponTemplateId: giftTemplateId }] },
      },
    });
    expect(settings.status).toBe(200);
  });
  afterAll(() => h.close());

  const ledgerOf = (memberId: string) =>
    h.deps.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, memberId)).orderBy(pointsLedger.id);
  const couponCount = async (memberId: string) =>
    (await h.deps.db.select({ n: count() }).from(coupons).where(eq(coupons.memberId, memberId)))[0]!.n;
  /** Two workers draining at once (truly in parallel on PostgreSQL), in small batches so they interleave. */
  const drainRacing = async (handlers = featureHandlers) => {
    const drain = async () => {
      for (;;) {
        const stats = await processPendingEvents(h.deps, { limit: 2, handlers });
        expect(stats.failed).toBe(0);
        if (stats.claimed === 0) return;
      }
    };
    await Promise.all([drain(), drain()]);
  };
  /** After the acknowledgement window closes, deliver everything due. */
  const closeWindowAndDeliver = async () => {
    h.clock.advance(5_000);
    await w.run();
  };

  it('is wired into the pipeline before the keyword assistant', () => {
    const names = featureHandlers.map((m) => m.name);
    expect(names.indexOf('dailyCheckIn')).toBeGreaterThan(-1);
    expect(names.indexOf('dailyCheckIn')).toBeLessThan(names.indexOf('keywordAssistant'));
  });

  it('pays once for an event delivered three times and two more check-ins, with two workers racing', async () => {
    const keyword = await w.api('POST', '/api/v1/keyword-rules', {
      name: 'Catch-all',
      matchMode: 'contains',
      pattern: '打卡',
      scope: { kind: 'all' },
      reply: { text: 'keyword reply' },
      cooldownSeconds: 0,
    });
    expect(keyword.status).toBe(201);
    const sandboxId = await w.join('Wang Fang');
    await w.run();
    const memberId = await w.memberIdOf(sandboxId);

    const event = w.messageEvent('ci-wang-1', sandboxId, '打卡');
    for (let i = 0; i < 3; i++) await w.deliver([event]);
    await w.deliver([
      w.messageEvent('ci-wang-2', sandboxId, '打卡!'),
      w.messageEvent('ci-wang-3', sandboxId, 'check in'),
    ]);
    await drainRacing();
    await closeWindowAndDeliver();

    const entries = await ledgerOf(memberId);
    expect(entries.map((e) => [e.kind, e.source, e.points])).toEqual([['earn', 'checkin', 10]]);
    expect(await couponCount(memberId)).toBe(1);
    // One acknowledgement in the group, no keyword reply to a check-in, and one reward message in private.
    expect(await w.botGroupTexts()).toEqual(['✅ Wang Fang checked in today']);
    const rewards = await w.privateMessages(sandboxId);
    expect(rewards).toHaveLength(1);
    expect(rewards[0]!.attachments[0]).toMatchObject({
      type: 'coupon',
      title: expect.stringContaining('¥10 off'),
    });
    await w.api('DELETE', `/api/v1/keyword-rules/${keyword.body.id}`);
  });

  it('acknowledges members checking in within a few seconds in one message, each named once', async () => {
    const names = ['Li Lei', 'Han Meimei', 'Zhang Wei', 'Chen Jing', 'Liu Yang'];
    const sandboxIds = await Promise.all(names.map((name) => w.join(name)));
    await w.run();
    const before = (await w.botGroupTexts()).length;
    await w.deliver(sandboxIds.map((id, i) => w.messageEvent(`ci-crowd-${i}`, id, '签到')));
    // A redelivery of two of them in between changes nothing.
    await w.deliver(sandboxIds.slice(0, 2).map((id, i) => w.messageEvent(`ci-crowd-${i}`, id, '签到')));
    await drainRacing();
    await closeWindowAndDeliver();

    const acks = (await w.botGroupTexts()).slice(before);
    expect(acks).toHaveLength(1);
    for (const name of names) expect(acks[0]!.split(name)).toHaveLength(2);
    const rows = await h.deps.db
      .select()
      .from(outboundMessages)
      .where(
        and(eq(outboundMessages.platformAccountId, w.sb.accountId), eq(outboundMessages.status, 'sent')),
      );
    expect(rows.filter((r) => r.idempotencyKey.startsWith('checkin-ack:'))).toHaveLength(2);

    // A check-in in a later window gets a message of its own.
    await w.deliver([w.messageEvent('ci-late', (await Promise.all([w.join('Zhao Lei')]))[0]!, 'check in')]);
    await w.run();
    await closeWindowAndDeliver();
    expect((await w.botGroupTexts()).slice(before)).toEqual([acks[0], '✅ Zhao Lei checked in today']);
  });

  it('survives a crash after the ledger write: the retry pays once and messages once', async () => {
    const sandboxId = await w.join('Sun Li');
    await w.run();
    const memberId = await w.memberIdOf(sandboxId);
    let crashes = 1;
    let sawLedgerEntry = false;
    const crashAfterCheckIn: Middleware = async (ctx, next) => {
      await dailyCheckIn(ctx, next);
      if (crashes > 0) {
        crashes--;
        // The entry is written in the event's transaction when the failure strikes.
        sawLedgerEntry =
          (await ctx.tx.select().from(pointsLedger).where(eq(pointsLedger.memberId, memberId))).length === 1;
        throw new Error('worker crashed before commit');
      }
    };
    const handlers = featureHandlers.map((m) => (m === dailyCheckIn ? crashAfterCheckIn : m));
    const groupBefore = (await w.botGroupTexts()).length;
    await w.deliver([w.messageEvent('ci-sun', sandboxId, '打卡')]);

    expect(await processPendingEvents(h.deps, { handlers })).toMatchObject({ processed: 0, failed: 1 });
    expect(sawLedgerEntry).toBe(true);
    expect(await ledgerOf(memberId)).toHaveLength(0);
    expect(await couponCount(memberId)).toBe(0);
    await w.deliver([w.messageEvent('ci-sun', sandboxId, '打卡')]);

    h.clock.advance(1_000);
    await drainRacing(handlers);
    await closeWindowAndDeliver();
    expect((await ledgerOf(memberId)).map((e) => e.points)).toEqual([10]);
    expect(await couponCount(memberId)).toBe(1);
    expect(await w.privateMessages(sandboxId)).toHaveLength(1);
    expect((await w.botGroupTexts()).slice(groupBefore)).toEqual(['✅ Sun Li checked in today']);
  });

  it('counts streaks on the brand’s calendar and pays the day-3 bonus', async () => {
    const sandboxId = await w.join('Zhou Xun');
    await w.run();
    const memberId = await w.memberIdOf(sandboxId);
    for (let day = 0; day < 3; day++) {
      await w.deliver([w.messageEvent(`ci-zhou-${day}`, sandboxId, '打卡')]);
      await w.run();
      h.clock.advance(86_400_000);
    }
    const days = await h.deps.db
      .select()
      .from(checkins)
      .where(eq(checkins.memberId, memberId))
      .orderBy(checkins.day);
    expect(days.map((d) => [d.streak, d.points])).toEqual([
      [1, 10],
      [2, 10],
      [3, 15],
    ]);
    expect((await ledgerOf(memberId)).map((e) => e.points)).toEqual([10, 10, 15]);
    const balance = await w.api('GET', `/api/v1/members/${memberId}/points`);
    expect(balance.body).toMatchObject({ balance: 35, lifetimePoints: 35 });
  });
});
