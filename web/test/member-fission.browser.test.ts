import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { settleInviter } from '../../server/src/fission/settle-invites.ts';
import { launchChromium, screenshot, watchErrors } from './browser.ts';
import { createApi, owner, startConsoleServer } from './console-server.ts';

type Server = Awaited<ReturnType<typeof startConsoleServer>>;

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * "My invite poster and progress" on the member pages: no campaign yet, then one running; the member joins, gets
 * the poster and link, friends arrive through the link in the sandbox (one leaves within the stay window), the
 * invites settle an hour later and the page shows the gift earned; the same tab in Chinese.
 */
describe('member pages: invite friends (fission)', { timeout: 120_000 }, () => {
  let server: Server;
  let context: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let errors: string[];
  let api: ReturnType<typeof createApi>;
  let tenantId: string;
  let memberId: string;
  let accountId: string;
  let link: string;
  let campaignId: string;
  let inviteLink: string;

  const sandbox = <T = Record<string, unknown>>(path: string, body: Record<string, unknown>) =>
    api<T>('POST', `/api/v1/sandbox${path}`, { platformAccountId: accountId, ...body });
  const card = () => page.getByTestId('fission-campaign');
  const refresh = () => page.getByTestId('fission-refresh').click();

  beforeAll(async () => {
    [server, context] = await Promise.all([startConsoleServer(), launchChromium()]);
    page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 390, height: 844 });
    errors = watchErrors(page);
    const { token } = await createApi(server.url)<{ token: string }>('POST', '/api/v1/auth/login', owner);
    api = createApi(server.url, token);
    tenantId = (await api<{ tenant: { id: string } }>('GET', '/api/v1/me')).tenant.id;
    const members = await api<{ items: { id: string; name: string }[] }>('GET', '/api/v1/members?limit=50');
    memberId = members.items.find((m) => m.name === 'Wang Fang')!.id;
    const created = await api<{ token: string }>('POST', `/api/v1/members/${memberId}/member-link`, {});
    link = `${server.url}/m/${created.token}`;
    const accounts = await api<{ items: { id: string; platform: string }[] }>(
      'GET',
      '/api/v1/platform-accounts',
    );
    accountId = accounts.items.find((a) => a.platform === 'sandbox')!.id;
  });

  beforeEach(({ task }) => {
    onTestFailed(() =>
      screenshot(page, `member-fission-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`),
    );
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('says so when no invite campaign runs', async () => {
    await page.goto(link);
    await page.getByTestId('tab-invite').filter({ hasText: 'Invite' }).click();
    await page.getByRole('heading', { name: 'Invite friends' }).waitFor();
    await page.getByTestId('fission-empty').getByText('No invite campaign is running right now').waitFor();
    expect(await card().count()).toBe(0);
    await screenshot(page, 'member-fission-empty');
  });

  it('joins a running campaign and shows the poster (a PNG) and the personal link', async () => {
    // The operator starts a campaign: friends go to a community series' group and count after staying 1 hour.
    const series = await api<{ id: string }>('POST', '/api/v1/community-series', {
      nameTemplate: 'Invite mums',
      platformAccountId: accountId,
    });
    const campaign = await api<{ id: string }>('POST', '/api/v1/fission-campaigns', {
      name: 'Mums invite mums',
      headline: 'Invite 5 friends, get a stroller toy',
      platformAccountId: accountId,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      target: { kind: 'group', seriesIds: [series.id] },
      tiers: [
        { invites: 2, name: 'Baby wipes', reward: { kind: 'points', points: 50 } },
        { invites: 5, name: 'Stroller toy', reward: { kind: 'points', points: 200 } },
      ],
      pointsPerInvite: 10,
      stayMinutes: 60,
    });
    campaignId = campaign.id;
    await refresh();
    await card().getByRole('heading', { name: 'Mums invite mums' }).waitFor();
    await card().getByText('Invite 5 friends, get a stroller toy').waitFor();
    await card().getByText('once they have stayed 1 hour').waitFor();

    const poster = page.waitForResponse((r) => r.url().endsWith(`/api/v1/me/fission/${campaignId}/poster`));
    await card().getByTestId('fission-join').click();
    await page.getByTestId('toast').filter({ hasText: 'You are in!' }).waitFor();
    const response = await poster;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    const image = card().getByTestId('fission-poster');
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(720);
    await card().getByText('Long-press the poster to save it or send it to a friend.').waitFor();
    const download = card().getByTestId('fission-poster-download');
    // What the member saves is the PNG itself.
    const href = (await download.getAttribute('href')) ?? '';
    expect(href).toMatch(/^data:image\/png;base64,/);
    const saved = Buffer.from(href.slice(href.indexOf(',') + 1), 'base64');
    expect([...saved.subarray(0, 8)]).toEqual(pngSignature);
    expect(saved.length).toBeGreaterThan(1000);
    expect(await download.getAttribute('download')).toMatch(/\.png$/);

    await card().getByTestId('fission-count').filter({ hasText: '0 of 2' }).waitFor();
    await card()
      .getByTestId('fission-next')
      .filter({ hasText: '2 more for your gift: Baby wipes' })
      .waitFor();
    // The campaign's leaderboard: nobody counts yet, and she is told when she will be on it.
    await card()
      .getByTestId('fission-board-empty')
      .filter({ hasText: 'No friend has counted yet' })
      .waitFor();
    await card()
      .getByTestId('fission-my-rank')
      .filter({ hasText: 'You are on the board once your first friend counts.' })
      .waitFor();
    inviteLink = await card().getByTestId('fission-link').inputValue();
    expect(inviteLink).toMatch(/\/c\/[\w-]+$/);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await card().getByTestId('fission-copy').click();
    await page.getByTestId('toast').filter({ hasText: 'Link copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(inviteLink);
    await screenshot(page, 'member-fission-joined');
  });

  it('shows friends waiting for the stay window and the one who left, then the gift once they stayed', async () => {
    const friends: string[] = [];
    let groupId = '';
    for (const name of ['Li Na', 'Zhao Min', 'Chen Jing']) {
      const friend = await sandbox<{ id: string }>('/members', { name });
      const opened = await sandbox<{ joinedGroup?: { groupId: string } }>('/links/open', {
        memberId: friend.id,
        link: inviteLink,
      });
      expect(opened.joinedGroup?.groupId).toBeTruthy();
      groupId = opened.joinedGroup!.groupId;
      friends.push(friend.id);
    }
    // The worker records the arrivals as pending invites.
    await expect
      .poll(
        async () => {
          await refresh();
          return card().getByTestId('fission-pending').textContent();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toContain('3 waiting');
    // Chen Jing leaves within the hour: she will never count.
    await sandbox('/groups/leave', { memberId: friends[2], groupId });
    await expect
      .poll(
        async () => {
          await refresh();
          return (await card().getByTestId('fission-void').count()) > 0;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    await card().getByTestId('fission-pending').filter({ hasText: '2 waiting' }).waitFor();
    await card().getByTestId('fission-pending').filter({ hasText: 'The first counts on' }).waitFor();
    await card().getByTestId('fission-void').getByText('1 did not count').waitFor();
    await card()
      .getByTestId('fission-void-reason')
      .filter({ hasText: 'left before the stay time was over' })
      .waitFor();
    await card().getByTestId('fission-count').filter({ hasText: '0 of 2' }).waitFor();
    await screenshot(page, 'member-fission-pending');

    // An hour later the settlement runs (as the minute sweep would, on a clock moved past the stay window).
    const later = new Date(Date.now() + 61 * 60_000);
    const settled = await settleInviter(
      { ...server.orchard.deps, now: () => later },
      { tenantId, campaignId, inviterMemberId: memberId },
    );
    expect(settled).toMatchObject({ valid: 2 });
    await refresh();
    await card().getByTestId('fission-count').filter({ hasText: '2 of 5' }).waitFor();
    await card()
      .getByTestId('fission-next')
      .filter({ hasText: '3 more for your gift: Stroller toy' })
      .waitFor();
    expect(await card().getByTestId('fission-bar').getAttribute('aria-valuenow')).toBe('40');
    const tiers = card().getByTestId('fission-tier');
    await tiers.filter({ hasText: 'Baby wipes' }).getByText('Earned').waitFor();
    await tiers.filter({ hasText: 'Stroller toy' }).getByText('3 more').waitFor();
    expect(await card().getByTestId('fission-pending').count()).toBe(0);
    await card().getByTestId('fission-void').getByText('1 did not count').waitFor();
    // She leads the board, her name masked as other members see it.
    const rows = card().getByTestId('fission-board-row');
    await rows.filter({ hasText: 'W***g (you)' }).filter({ hasText: '2 friends' }).waitFor();
    expect(await rows.count()).toBe(1);
    await card()
      .getByTestId('fission-my-rank')
      .filter({ hasText: 'You are number 1 with 2 friends.' })
      .waitFor();
    await screenshot(page, 'member-fission-earned');
  });

  it('shows the tab in Chinese', async () => {
    const zh = await context.newPage();
    const zhErrors = watchErrors(zh);
    await zh.setViewportSize({ width: 390, height: 844 });
    await zh.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'zh-CN' }));
    await zh.goto(`${link}#invite`);
    await zh.getByTestId('tab-invite').filter({ hasText: '邀请好友' }).waitFor();
    await zh.getByRole('heading', { name: '邀请好友' }).waitFor();
    const zhCard = zh.getByTestId('fission-campaign');
    await zhCard.getByTestId('fission-count').filter({ hasText: '2 / 5' }).waitFor();
    await zhCard.getByText('再邀请 3 位即可获得：Stroller toy').waitFor();
    await zhCard.getByTestId('fission-tier').filter({ hasText: 'Baby wipes' }).getByText('已获得').waitFor();
    await zhCard.getByText('1 位未计入：').waitFor();
    await zhCard.getByText('未留满时间就退出了').waitFor();
    await zhCard.getByText('长按海报可保存或发送给好友。').waitFor();
    await zhCard.getByRole('button', { name: '复制链接' }).waitFor();
    await zhCard.getByRole('heading', { name: '邀请排行榜' }).waitFor();
    await zhCard.getByTestId('fission-board-row').filter({ hasText: 'W***g（我）' }).waitFor();
    await zhCard
      .getByTestId('fission-my-rank')
      .filter({ hasText: '你目前排第 1 名，已邀请 2 位好友。' })
      .waitFor();
    await zhCard.getByTestId('fission-poster').waitFor();
    await screenshot(zh, 'member-fission-zh');
    await zh.close();
    expect(zhErrors).toEqual([]);
  });

  it('raised no browser errors and no server errors', () => {
    expect(errors).toEqual([]);
  });
});
