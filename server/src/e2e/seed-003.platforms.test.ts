import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, setUpAcquisition } from '../acquisition/acquisition.fixtures.ts';
import { checkins, memberEvents, memberIdentities, outboundMessages } from '../db/schema/index.ts';
import type { Capabilities } from '../platforms/platform.ts';
import { callApi } from '../platforms/sandbox/sandbox.fixtures.ts';
import { fakeUser } from '../platforms/telegram/fake/fake-telegram-members.ts';
import type { FakeTelegram } from '../platforms/telegram/fake/fake-telegram-server.ts';
import { setUpTelegram, startFakeTelegramFor } from '../platforms/telegram/fake/telegram.fixtures.ts';
import { setUpWecom } from '../platforms/wecom/wecom.fixtures.ts';
import { createStaffWithToken } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';

/**
 * Seed 003 (a retail brand's store poster) on every platform, with the same feature code: a channel code brings a
 * customer to a guide → a welcome with two coupons → the keyword assistant answers → the customer checks in.
 * The test drives each platform as its customers would (the sandbox simulator, WeCom's encrypted callbacks from
 * the fake WeCom, Telegram updates from the fake Bot API) and reads what the customer received back from that
 * platform. Where the platforms differ, the test asks the account's capabilities, never its name.
 */

type Customer = {
  name: string;
  /** The customer's id on the platform. */
  externalId: string;
  /** Where they talk to their guide, for platforms that carry messages. */
  chat?: { say: (text: string) => Promise<void> };
};

type World = {
  tenantId: string;
  accountId: string;
  storeId: string;
  headers: Record<string, string>;
  /** A guide of the store, with an account on the platform where the platform needs one. */
  addGuide: (name: string) => Promise<{ staffId: string }>;
  /** The customer scans the code's QR (its public link) and does what the platform then asks of them. */
  scan: (link: string, name: string) => Promise<Customer>;
  /** Everything the customer's client shows them from the brand, as text: messages, titles and addresses. */
  received: (customer: Customer) => Promise<string[]>;
  /** What the welcome mechanism of the platform got, where it has one (WeCom: the WelcomeCode used). */
  welcomeTokensUsed?: () => string[];
  welcomeTokensIssued?: () => string[];
  close: () => Promise<void>;
};

const pathOf = (link: string) => new URL(link).pathname;

/** Follow a code's public link as the customer's phone would: the platform link Orchard chose for this scan. */
const follow = async (h: Harness, link: string): Promise<string> => {
  const res = await h.app.request(pathOf(link));
  expect(res.status).toBe(302);
  return res.headers.get('location')!;
};

const addStoreGuide = async (h: Harness, tenantId: string, storeId: string, name: string) =>
  (await createStaffWithToken(h.deps, { tenantId, role: 'guide', storeId, name })).staff.id as string;

const openSandbox = async (h: Harness): Promise<World> => {
  const acq = await setUpAcquisition(h);
  return {
    tenantId: acq.tenantId,
    accountId: acq.accountId,
    storeId: acq.brand.store.id,
    headers: acq.headers,
    addGuide: async (name) => ({ staffId: (await acq.addGuide(name)).staffId }),
    scan: async (link, name) => {
      const { memberId, opened } = await acq.arrive(name, link);
      expect(opened.status).toBe(200);
      const staffAccountId: string = opened.body.addedStaff.staffId;
      return {
        name,
        externalId: memberId,
        chat: {
          say: async (text) => {
            const res = await acq.api('POST', '/api/v1/sandbox/messages', {
              memberId,
              staffId: staffAccountId,
              text,
            });
            expect(res.status).toBe(200);
          },
        },
      };
    },
    received: async (customer) => {
      const chat = await acq.get(`/api/v1/sandbox/members/${customer.externalId}/messages`);
      type Shown = { senderKind: string; text: string | null; attachments: Record<string, string>[] };
      return chat.body.items
        .filter((m: Shown) => m.senderKind === 'bot')
        .map((m: Shown) =>
          [m.text, ...m.attachments.flatMap((a) => [a.title, a.url])].filter(Boolean).join('\n'),
        );
    },
    close: async () => {},
  };
};

const openWecom = async (h: Harness): Promise<World> => {
  const wc = await setUpWecom(h);
  const storeId = wc.brand.store.id;
  let n = 0;
  const issued: string[] = [];
  return {
    tenantId: wc.tenantId,
    accountId: wc.accountId,
    storeId,
    headers: wc.headers,
    addGuide: async (name) => {
      const staffId = await addStoreGuide(h, wc.tenantId, storeId, name);
      await wc.linkStaff(`guide${++n}`, staffId);
      return { staffId };
    },
    scan: async (link, name) => {
      // The public link leads to the contact-me QR (add_contact_way) of the guide Orchard picked, carrying the state.
      const qr = await follow(h, link);
      const way = wc.fake.state.contactWays.find((w) => w.qrCode === qr);
      expect(way?.users).toHaveLength(1);
      const externalId = `wm${name.replace(/\W/g, '')}${'0'.repeat(24)}`.slice(0, 32);
      const { welcomeCode, delivery } = wc.fake.people.customerAddsStaff({
        userid: way!.users[0]!,
        externalUserId: externalId,
        name,
        state: way!.state,
      });
      issued.push(welcomeCode);
      expect((await wc.deliver(delivery)).status).toBe(200);
      return { name, externalId };
    },
    received: async (customer) =>
      wc.fake.state.welcomes
        .filter((w) => w.externalUserId === customer.externalId)
        .map((w) =>
          [
            w.text,
            ...(w.attachments as { link?: { title: string; url: string } }[]).flatMap((a) =>
              a.link ? [a.link.title, a.link.url] : [],
            ),
          ]
            .filter(Boolean)
            .join('\n'),
        ),
    welcomeTokensUsed: () => wc.fake.state.welcomes.map((w) => w.welcomeCode),
    welcomeTokensIssued: () => issued,
    close: () => wc.fake.close(),
  };
};

const openTelegram = async (h: Harness): Promise<World> => {
  const fake: FakeTelegram = await startFakeTelegramFor(h);
  const tg = await setUpTelegram(h, fake);
  const storeId = tg.brand.store.id;
  const users = new Map<string, ReturnType<typeof fakeUser>>();
  return {
    tenantId: tg.brand.tenant.id,
    accountId: tg.accountId,
    storeId,
    headers: tg.brand.owner.headers,
    // Members talk to the bot: Orchard assigns the guide on arrival, guides need no Telegram account.
    addGuide: async (name) => ({ staffId: await addStoreGuide(h, tg.brand.tenant.id, storeId, name) }),
    scan: async (link, name) => {
      // The public link leads to t.me/<bot>?start=<state>; opening it sends "/start <state>" to the bot.
      const deepLink = new URL(await follow(h, link));
      const payload = deepLink.searchParams.get('start');
      expect(payload).toBeTruthy();
      const user = fakeUser(name);
      users.set(String(user.id), user);
      await tg.members.start(user, payload!);
      const privateChat = { id: user.id, type: 'private' as const };
      return {
        name,
        externalId: String(user.id),
        chat: {
          say: async (text) => {
            await tg.members.post(privateChat, user, text);
          },
        },
      };
    },
    received: async (customer) =>
      tg.world
        .messagesIn(Number(customer.externalId))
        .filter((m) => (m.from as { id?: number } | undefined)?.id === tg.bot.user.id)
        .map((m) => String(m.text ?? m.caption ?? '')),
    close: () => fake.close(),
  };
};

describe.each([
  ['the sandbox', openSandbox],
  ['the fake WeCom', openWecom],
  ['the fake Telegram', openTelegram],
])(
  'seed 003 on %s: store poster code → welcome with two coupons → keyword assistant → check-in',
  (_, open) => {
    let h: Harness;
    let world: World;
    let worker: ReturnType<typeof createWorker>;
    let caps: Capabilities;
    let code: { id: string; link: string; state: string };
    const guides: { staffId: string; name: string }[] = [];
    const customers: Customer[] = [];
    const templateIds: string[] = [];
    const mall = { type: 'miniprogram', appId: 'wx-mall', page: 'pages/index', title: 'Our mall' };
    const api = (method: string, path: string, body?: unknown) =>
      callApi(h, world.headers, method, path, body);
    const memberOf = async (customer: Customer) => {
      const [row] = await h.deps.db
        .select({ id: memberIdentities.memberId })
        .from(memberIdentities)
        .where(
          and(
            eq(memberIdentities.platformAccountId, world.accountId),
            eq(memberIdentities.externalId, customer.externalId),
          ),
        );
      expect(row).toBeDefined();
      return row!.id;
    };

    beforeAll(async () => {
      h = await createHarness();
      // 10:00 in Shanghai: one brand day for the whole test.
      h.clock.now = new Date('2026-03-02T02:00:00Z');
      world = await open(h);
      worker = createWorker(h);
      const account = await api('GET', `/api/v1/platform-accounts/${world.accountId}`);
      expect(account.status).toBe(200);
      caps = account.body.capabilities;
      for (const template of [
        {
          name: '¥10 no threshold',
          kind: 'fixed',
          amountCents: 1000,
          validity: { kind: 'relative', days: 3 },
        },
        {
          name: '¥20 off ¥49',
          kind: 'threshold',
          amountCents: 2000,
          thresholdCents: 4900,
          validity: { kind: 'relative', days: 30 },
        },
      ]) {
        const res = await api('POST', '/api/v1/coupon-templates', template);
        expect(res.status).toBe(201);
        templateIds.push(res.body.id);
      }
      for (const name of ['Guide Li', 'Guide Wang']) guides.push({ name, ...(await world.addGuide(name)) });
      const created = await api('POST', '/api/v1/channel-codes', {
        platformAccountId: world.accountId,
        name: 'Store poster, entrance',
        source: 'store_poster',
        storeId: world.storeId,
        target: {
          kind: 'staff',
          strategy: 'round_robin',
          staff: guides.map((g) => ({ staffId: g.staffId })),
        },
        tagNames: ['store-poster'],
        welcome: {
          text: 'Hi {nickname}, I am {staff} of {store}. Two coupons for you, and our mall:',
          attachments: [...templateIds.map((templateId) => ({ type: 'coupon', templateId })), mall],
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      code = created.body;
      const rule = await api('POST', '/api/v1/keyword-rules', {
        name: 'Where are my coupons',
        matchMode: 'contains',
        pattern: 'coupon',
        scope: { kind: 'private' },
        reply: { text: 'Your coupons are on your member page' },
      });
      expect(rule.status, JSON.stringify(rule.body)).toBe(201);
      for (const name of ['Wang Fang', 'Li Na', 'Zhao Lei']) {
        customers.push(await world.scan(code.link, name));
        await worker.run();
      }
    });
    afterAll(async () => {
      await world?.close();
      await h?.close();
    });

    it('makes each customer a member with the code’s attribution, store, tag and a guide (round robin)', async () => {
      const owners: string[] = [];
      for (const customer of customers) {
        const memberId = await memberOf(customer);
        const detail = await api('GET', `/api/v1/members/${memberId}`);
        expect(detail.status).toBe(200);
        expect(detail.body.tags.map((t: { name: string }) => t.name)).toEqual(['store-poster']);
        expect(detail.body.storeId).toBe(world.storeId);
        owners.push(detail.body.ownerStaffId);
        const [arrived] = await h.deps.db
          .select({ data: memberEvents.data })
          .from(memberEvents)
          .where(and(eq(memberEvents.memberId, memberId), eq(memberEvents.type, 'channel.arrived')));
        expect(arrived?.data).toMatchObject({
          channelCodeId: code.id,
          source: 'store_poster',
          isFirstTouch: true,
        });
      }
      expect(owners).toEqual([guides[0]!.staffId, guides[1]!.staffId, guides[0]!.staffId]);
      const stats = await api('GET', `/api/v1/channel-codes/${code.id}/stats`);
      expect(stats.body.totals).toMatchObject({ scans: 3, arrivals: 3, newMembers: 3 });
    });

    it('welcomes each once with two coupons issued to them, shown as the platform can show them', async () => {
      for (const [i, customer] of customers.entries()) {
        const received = await world.received(customer);
        expect(received, JSON.stringify(received)).toHaveLength(1);
        const [welcome] = received as [string];
        expect(welcome).toContain(`Hi ${customer.name}, I am ${guides[i % 2]!.name} of Store `);
        const coupons = await api('GET', `/api/v1/members/${await memberOf(customer)}/coupons`);
        expect(coupons.body.items).toHaveLength(2);
        for (const coupon of coupons.body.items as { code: string; source: string }[]) {
          expect(coupon.source).toBe('welcome');
          expect(welcome).toContain(coupon.code);
        }
        // The mini-program travels where the platform carries one, and is left out elsewhere.
        expect(welcome.includes('Our mall')).toBe(caps.attachments.includes('miniprogram'));
        // Without coupon cards, each coupon is a link to the member's own page, which lists those coupons.
        const pageLinks = welcome.match(/https?:\/\/\S+\/m\/[\w.-]+/g) ?? [];
        if (caps.attachments.includes('coupon')) {
          expect(pageLinks).toEqual([]);
        } else {
          expect(pageLinks).toHaveLength(2);
          const token = pageLinks[0]!.split('/m/')[1]!;
          const mine = await callApi(h, { authorization: `Bearer ${token}` }, 'GET', '/api/v1/me/coupons');
          expect(mine.status).toBe(200);
          expect(mine.body.items.map((c: { code: string }) => c.code).sort()).toEqual(
            coupons.body.items.map((c: { code: string }) => c.code).sort(),
          );
        }
      }
      // Each welcome left through the platform's welcome mechanism; a one-time token within its deadline.
      const welcomes = await h.deps.db
        .select()
        .from(outboundMessages)
        .where(
          and(eq(outboundMessages.platformAccountId, world.accountId), eq(outboundMessages.kind, 'welcome')),
        );
      expect(welcomes.map((w) => w.status)).toEqual(['sent', 'sent', 'sent']);
      for (const row of welcomes) {
        const payload = row.payload as { welcomeToken?: string; notAfter?: string };
        if (caps.welcome.mode === 'token') {
          expect(payload.welcomeToken).toBeTruthy();
          expect(row.sentAt!.getTime()).toBeLessThanOrEqual(new Date(payload.notAfter!).getTime());
        } else {
          expect(payload.welcomeToken).toBeUndefined();
        }
      }
      // Where the test sees the platform's own tokens (the fake WeCom's WelcomeCodes): each customer's, used once.
      if (world.welcomeTokensUsed) expect(world.welcomeTokensUsed()).toEqual(world.welcomeTokensIssued!());
    });

    it('the keyword assistant answers in the chat where the platform lets Orchard send on its own', async () => {
      const customer = customers[0]!;
      if (!caps.canSendDirect) {
        // WeCom: no automatic sends (and no customer messages without the chat archive): nothing to answer.
        expect(customer.chat).toBeUndefined();
        return;
      }
      await customer.chat!.say('where is my coupon?');
      await worker.run();
      await customer.chat!.say('and my coupon again?');
      await worker.run();
      const all = await world.received(customer);
      const replies = all.filter((m) => m === 'Your coupons are on your member page');
      // One reply per rule and chat within its cooldown.
      expect(replies, JSON.stringify(all)).toHaveLength(1);
    });

    it('the customer checks in: by keyword in the chat, or on their member page where there is no chat', async () => {
      for (const customer of customers) {
        const memberId = await memberOf(customer);
        if (customer.chat) {
          await customer.chat.say('打卡');
          await worker.run();
        } else {
          const welcome = (await world.received(customer))[0]!;
          const token = /\/m\/([\w.-]+)/.exec(welcome)![1]!;
          const res = await callApi(h, { authorization: `Bearer ${token}` }, 'POST', '/api/v1/me/checkin');
          expect(res.body).toMatchObject({ status: 'checked_in', streak: 1 });
        }
        const rows = await h.deps.db.select().from(checkins).where(eq(checkins.memberId, memberId));
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ day: '2026-03-02', streak: 1 });
        // The brand's points for a check-in (10 by default), on the member's balance.
        expect(rows[0]!.points).toBe(10);
        const balance = await api('GET', `/api/v1/members/${memberId}/points`);
        expect(balance.body).toMatchObject({ balance: 10 });
      }
    });

    it('left nothing failed or waiting on the platform: every outbound row is sent', async () => {
      const rows = await h.deps.db
        .select({
          kind: outboundMessages.kind,
          status: outboundMessages.status,
          error: outboundMessages.lastError,
        })
        .from(outboundMessages)
        .where(eq(outboundMessages.platformAccountId, world.accountId));
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    });
  },
);
