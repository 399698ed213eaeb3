import { createBrand } from '../../../testing/fixtures.ts';
import type { Harness } from '../../../testing/harness.ts';
import type { PlatformAdapter } from '../../platform.ts';
import { callApi } from '../../sandbox/sandbox.fixtures.ts';
import { type FakeTelegram, startFakeTelegram } from './fake-telegram-server.ts';

/** A fake Bot API whose webhook deliveries go to the harness's app, on the harness's clock. */
export const startFakeTelegramFor = (h: Harness): Promise<FakeTelegram> =>
  startFakeTelegram({
    now: () => h.clock.now,
    deliver: (url, init) => Promise.resolve(h.app.request(url, init)),
  });

/** A brand with a Telegram bot connected through the API (getMe, then setWebhook or deleteWebhook). */
export const setUpTelegram = async (
  h: Harness,
  fake: FakeTelegram,
  settings: Record<string, unknown> = {},
) => {
  const brand = await createBrand(h.deps);
  const bot = fake.addBot();
  const created = await callApi(h, brand.owner.headers, 'POST', '/api/v1/platform-accounts', {
    platform: 'telegram',
    name: 'Orchard bot',
    settings: { apiRoot: fake.apiRoot, ...settings },
    secrets: { botToken: bot.token },
  });
  if (created.status !== 201) throw new Error(`telegram account: ${JSON.stringify(created.body)}`);
  const accountId: string = created.body.id;
  const adapter: PlatformAdapter = await h.deps.platforms.adapterFor(brand.tenant.id, accountId);
  return {
    brand,
    bot,
    accountId,
    adapter,
    account: created.body,
    members: fake.membersOf(bot.user),
    world: fake.worldOf(bot.user),
  };
};

export type TelegramSetup = Awaited<ReturnType<typeof setUpTelegram>>;
