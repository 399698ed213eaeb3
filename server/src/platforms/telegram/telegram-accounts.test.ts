import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformAccounts } from '../../db/schema/index.ts';
import { createBrand, createStaffWithToken } from '../../testing/fixtures.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { callApi } from '../sandbox/sandbox.fixtures.ts';
import type { FakeTelegram } from './fake/fake-telegram-server.ts';
import { setUpTelegram, startFakeTelegramFor } from './fake/telegram.fixtures.ts';

describe('connecting and checking a Telegram bot', () => {
  let h: Harness;
  let fake: FakeTelegram;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  beforeAll(async () => {
    h = await createHarness();
    fake = await startFakeTelegramFor(h);
    brand = await createBrand(h.deps);
  });
  afterAll(async () => {
    await fake.close();
    await h.close();
  });

  const connect = (settings: Record<string, unknown>, secrets: Record<string, string>) =>
    callApi(h, brand.owner.headers, 'POST', '/api/v1/platform-accounts', {
      platform: 'telegram',
      name: 'Bot',
      settings,
      secrets,
    });
  const accountCount = async () =>
    (await h.deps.db.select().from(platformAccounts).where(eq(platformAccounts.tenantId, brand.tenant.id)))
      .length;

  it('refuses bad settings and secrets with 400 naming the field, never echoing the token', async () => {
    const malformed = await connect({ apiRoot: fake.apiRoot }, { botToken: 'not a token' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual([
      { path: 'secrets.botToken', message: 'must be a bot token from @BotFather (123456:ABC…)' },
    ]);
    expect(JSON.stringify(malformed.body)).not.toContain('not a token');

    const bot = fake.addBot();
    const badMode = await connect(
      { apiRoot: fake.apiRoot, mode: 'push', colour: 'red' },
      { botToken: bot.token },
    );
    expect(badMode.status).toBe(400);
    expect(badMode.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'settings',
      'settings.mode',
    ]);
    expect(fake.calls().filter((c) => c.botId === bot.user.id)).toHaveLength(0);
    expect(await accountCount()).toBe(0);
  });

  it('refuses a token Telegram does not know (400) and an unreachable API (502), storing nothing', async () => {
    const unknown = await connect(
      { apiRoot: fake.apiRoot },
      { botToken: '123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      message: 'Telegram did not accept this bot token',
      details: [{ path: 'secrets.botToken', message: 'Telegram answered Unauthorized' }],
    });
    const unreachable = await connect({ apiRoot: 'http://127.0.0.1:9' }, { botToken: fake.addBot().token });
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.error.message).toMatch(/^Telegram could not be reached/);
    expect(await accountCount()).toBe(0);
  });

  it('connects in polling mode by removing any webhook, and seals the secrets', async () => {
    const tg = await setUpTelegram(h, fake, { mode: 'polling', pollTimeoutSeconds: 0 });
    const botCalls = fake.calls().filter((c) => c.botId === tg.bot.user.id);
    expect(botCalls.map((c) => c.method)).toEqual(['getMe', 'deleteWebhook']);
    expect(tg.account).toMatchObject({
      platform: 'telegram',
      hasSecrets: true,
      settings: { mode: 'polling', apiRoot: fake.apiRoot, bot: { id: tg.bot.user.id } },
      capabilities: {
        canSendDirect: true,
        joinRequests: true,
        rateLimits: { perSecond: 30, perChatPerMinute: 20 },
      },
    });
    expect(tg.account.settings.webhookUrl).toBeUndefined();
    const [row] = await h.deps.db
      .select()
      .from(platformAccounts)
      .where(eq(platformAccounts.id, tg.accountId));
    expect(row!.secretsEncrypted).not.toContain(tg.bot.token);
    expect(h.deps.secretBox.open(row!.secretsEncrypted!)).toEqual({
      botToken: tg.bot.token,
      webhookSecret: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(tg.adapter.pollUpdates).toBeDefined();
  });

  it('checks the connection and reports what does not work', async () => {
    const tg = await setUpTelegram(h, fake);
    const check = () =>
      callApi(h, tg.brand.owner.headers, 'POST', `/api/v1/platform-accounts/${tg.accountId}/check`);
    const good = await check();
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({
      platformAccountId: tg.accountId,
      isOk: true,
      checks: [
        { name: 'token', isOk: true, detail: `@${tg.bot.user.username} (${tg.bot.user.id})` },
        { name: 'group messages', isOk: true, detail: expect.stringMatching(/^Privacy mode is on/) },
        { name: 'updates', isOk: true, detail: 'Webhook set, 0 updates waiting' },
      ],
    });
    // Someone pointed the bot elsewhere (another server, a second Orchard).
    fake.webhookOf(tg.bot.user)!.url = 'https://elsewhere.example/hook';
    const moved = await check();
    expect(moved.body.isOk).toBe(false);
    expect(moved.body.checks[2]).toEqual({
      name: 'updates',
      isOk: false,
      detail: `Telegram delivers to "https://elsewhere.example/hook", not http://localhost:3000/webhooks/${tg.accountId}: connect the bot again`,
    });
    fake.failNext('getMe', { errorCode: 401, description: 'Unauthorized' });
    const revoked = await check();
    expect(revoked.body.checks[0]).toEqual({ name: 'token', isOk: false, detail: 'getMe: Unauthorized' });

    const guide = await createStaffWithToken(h.deps, {
      tenantId: tg.brand.tenant.id,
      role: 'guide',
      storeId: tg.brand.store.id,
    });
    expect(
      (await callApi(h, guide.headers, 'POST', `/api/v1/platform-accounts/${tg.accountId}/check`)).status,
    ).toBe(403);
    const other = await callApi(
      h,
      brand.owner.headers,
      'POST',
      `/api/v1/platform-accounts/${tg.accountId}/check`,
    );
    expect(other.status).toBe(404);
  });

  it('reports nothing to check for a platform without a connection', async () => {
    const created = await callApi(h, brand.owner.headers, 'POST', '/api/v1/platform-accounts', {
      platform: 'sandbox',
      name: 'Sandbox',
    });
    const res = await callApi(
      h,
      brand.owner.headers,
      'POST',
      `/api/v1/platform-accounts/${created.body.id}/check`,
    );
    expect(res.body).toEqual({
      platformAccountId: created.body.id,
      isOk: true,
      checks: [{ name: 'adapter', isOk: true, detail: 'Nothing to connect to: the platform is built in' }],
    });
  });
});
