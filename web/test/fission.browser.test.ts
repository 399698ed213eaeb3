import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { jobNames } from '../../server/src/jobs/job-names.ts';
import { launchChromium, screenshot, setLocale, signIn, watchErrors } from './browser.ts';
import { createApi, owner, startConsoleServer } from './console-server.ts';

type Server = Awaited<ReturnType<typeof startConsoleServer>>;

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * A fission campaign as an operator runs it: made in the console for a community series, a member given their
 * invite link and poster, friends opening the link in the simulator and joining, the settlement after the stay
 * window (set to its minimum, so no waiting), and the console's leaderboard, tree and approvals queue showing it.
 */
describe('fission campaign pages in a browser', { timeout: 120_000 }, () => {
  let server: Server;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: ReturnType<typeof createApi>;
  let campaignId = '';
  let inviteLink = '';

  const go = (path: string) => page.goto(`${server.url}${path}`);
  const inviteTree = () =>
    api<{ invites: { pending: number; valid: number; void: number }; kFactor: number }>(
      'GET',
      `/api/v1/fission-campaigns/${campaignId}/invite-tree`,
    );

  beforeAll(async () => {
    [server, context] = await Promise.all([startConsoleServer(), launchChromium()]);
    await setLocale(context, 'en');
    page = context.pages()[0] ?? (await context.newPage());
    errors = watchErrors(page);
    const { token } = await createApi(server.url)<{ token: string }>('POST', '/api/v1/auth/login', owner);
    api = createApi(server.url, token);
    // The demo brand's community series for the campaign (a new series opens its first group at once).
    const accounts = await api<{ items: { id: string; platform: string }[] }>(
      'GET',
      '/api/v1/platform-accounts',
    );
    const sandbox = accounts.items.find((a) => a.platform === 'sandbox');
    await api('POST', '/api/v1/community-series', {
      platformAccountId: sandbox!.id,
      nameTemplate: 'Happy Moms Referral',
    });
  });

  beforeEach(({ task }) => {
    onTestFailed(() => screenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('creates a campaign for a community series, with refusals shown under their fields', async () => {
    await signIn(page, server.url, owner.email, owner.password);
    await go('/fission');
    await page.getByText('No fission campaigns yet').waitFor();
    await page.getByTestId('fission-create').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('fission-name').fill('Mums invite mums');
    await drawer.getByTestId('fission-headline').fill('Invite 2 friends, get ¥10 off');

    // Refused in the browser first: no series, no gift name, no template.
    await drawer.getByTestId('form-submit').click();
    await drawer.getByText('Choose at least one community series').waitFor();
    await drawer.getByText('Name the gift').waitFor();
    await drawer.getByText('Choose a coupon template').waitFor();

    await drawer.getByTestId('fission-series').click();
    await page.keyboard.type('Happy Moms Referral');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await drawer.getByTestId('tier-invites-0').fill('2');
    await drawer.getByTestId('tier-name-0').fill('¥10 coupon');
    await drawer.getByTestId('tier-reward-0-template').click();
    await page.locator('.ant-select-item-option', { hasText: '¥10 no threshold' }).click();
    // A second tier at the same count: only the server knows, and says so under that field.
    await drawer.getByTestId('tier-add').click();
    await drawer.getByTestId('tier-invites-1').fill('2');
    await drawer.getByTestId('tier-name-1').fill('Bonus points');
    await drawer.getByTestId('tier-reward-1-kind').click();
    await page.locator('.ant-select-item-option', { hasText: 'Points' }).last().click();
    await drawer.getByTestId('tier-reward-1-points').fill('200');
    // Friends count at the next settlement (the stay window's minimum), and more than one an hour puts the
    // inviter on hold, so their reward goes to the approvals queue.
    await drawer.getByTestId('fission-stay').fill('0');
    await drawer.getByTestId('fission-k').fill('1');
    await drawer.getByTestId('form-submit').click();
    await drawer.getByText('two tiers at this count').waitFor();
    await screenshot(page, 'fission-form-refused');
    await drawer.getByTestId('tier-invites-1').fill('5');
    await drawer.getByTestId('form-submit').click();

    // Saved: the console opens the new campaign.
    await page.waitForURL(/\/fission\/[\w-]+$/);
    campaignId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('tab', { name: 'Overview' }).waitFor();
    await page.getByText('Running', { exact: true }).first().waitFor();
    await screenshot(page, 'fission-overview-new');
  });

  it('gives a member their invite link and poster', async () => {
    await page.getByRole('tab', { name: 'Inviters' }).click();
    await page.getByText('Nobody invites yet').waitFor();
    await page.getByTestId('fission-enroll').click();
    const modal = page.locator('.ant-modal');
    await modal.getByTestId('fission-enroll-members').click();
    await page.keyboard.type('Wang Fang');
    await page.locator('.ant-select-item-option', { hasText: 'Wang Fang' }).click();
    await page.keyboard.press('Escape');
    await modal.getByRole('button', { name: 'Give links' }).click();

    // Their progress opens with the link, the tiers and the poster.
    const drawer = page.locator('.ant-drawer');
    inviteLink = (await drawer.getByTestId('inviter-link').textContent()) ?? '';
    expect(inviteLink).toMatch(/^https?:\/\/.+\/c\/[\w-]+$/);
    await drawer.getByText('0 of 2 — 2 more for your gift (¥10 coupon)').waitFor();
    await drawer.locator('img[alt="Poster"]').waitFor();
    await expect
      .poll(() => drawer.locator('img[alt="Poster"]').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(720);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      drawer.getByTestId('poster-download-png').click(),
    ]);
    expect(download.suggestedFilename()).toBe('Wang-Fang-poster.png');
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 8)]).toEqual(pngSignature);
    await screenshot(page, 'fission-inviter-poster');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('fission-inviters').getByRole('button', { name: 'Wang Fang' }).waitFor();
  });

  it('two friends open the link in the simulator and join the group', async () => {
    await go('/simulator');
    for (const name of ['Friend Ava', 'Friend Bo']) {
      await page.getByTestId('sim-new-member-name').fill(name);
      await page.getByTestId('sim-create-member').click();
      await page.getByText(`You are now ${name}`).waitFor();
      await page.getByPlaceholder('Paste a link or code').fill(inviteLink);
      await page.getByPlaceholder('Paste a link or code').press('Tab');
      await page.getByRole('button', { name: 'Open', exact: true }).last().click();
      await page
        .getByText(/^Joined Happy Moms Referral/)
        .first()
        .waitFor();
    }
    await screenshot(page, 'fission-simulator-joined');
    // The worker's pipeline records both as waiting invites.
    await expect.poll(async () => (await inviteTree()).invites.pending, { timeout: 30_000 }).toBe(2);
  });

  it('settles after the stay window and shows the inviter on the leaderboard, the tree and the queue', async () => {
    // The minute sweep, asked for now instead of waiting for its cron: it settles every inviter with due invites.
    await server.orchard.deps.jobs.send(jobNames.sweepFission, {});
    await expect.poll(async () => (await inviteTree()).invites.valid, { timeout: 30_000 }).toBe(2);

    await go(`/fission/${campaignId}?tab=leaderboard`);
    const row = page.getByTestId('fission-leaderboard').locator('tr', { hasText: 'Wang Fang' });
    await row.getByRole('cell', { name: '2', exact: true }).waitFor();
    await screenshot(page, 'fission-leaderboard');

    await page.getByRole('tab', { name: 'Invite tree' }).click();
    const tree = page.getByTestId('fission-tree');
    await tree.getByText('Wang Fang').waitFor();
    await tree.getByText('Friend Ava').waitFor();
    await tree.getByText('Friend Bo').waitFor();
    await screenshot(page, 'fission-invite-tree');

    // Two friends within the hour with K = 1: the inviter is on hold and the tier's coupon waits for approval.
    await page.getByRole('tab', { name: 'Rewards & approvals' }).click();
    const queue = page.getByTestId('fission-rewards');
    const held = queue.locator('tr', { hasText: 'Tier: ¥10 coupon' });
    await held.getByText('Waiting for approval').waitFor();
    await screenshot(page, 'fission-approvals-queue');
    await held.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved: the reward was issued').waitFor();
    await page.getByText('Nothing to approve').waitFor();
    await page.getByTestId('rewards-filter').getByText('Issued').click();
    await queue.locator('tr', { hasText: 'Tier: ¥10 coupon' }).getByText('Issued').waitFor();

    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByTestId('fission-figure-kFactor').getByText('2.00').waitFor();
    await screenshot(page, 'fission-overview');

    await go('/fission');
    const listRow = page.getByTestId('fission-campaigns').locator('tr', { hasText: 'Mums invite mums' });
    await listRow.getByRole('cell', { name: '1', exact: true }).first().waitFor();
    await listRow.getByRole('cell', { name: '2', exact: true }).waitFor();
    await screenshot(page, 'fission-campaigns');
    expect(errors).toEqual([]);
  });

  it('shows the leaderboard in Chinese', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByText('简体中文').click();
    await go(`/fission/${campaignId}?tab=leaderboard`);
    await page.getByRole('tab', { name: '排行榜' }).waitFor();
    await page.getByText('按有效邀请数排名').waitFor();
    await page.getByTestId('fission-leaderboard').getByText('Wang Fang').waitFor();
    await screenshot(page, 'fission-leaderboard-zh');
    await go('/fission');
    await page.getByRole('button', { name: '新建裂变活动' }).waitFor();
    await page.getByText('进行中').first().waitFor();
    await screenshot(page, 'fission-campaigns-zh');
    await page.getByTestId('language-switch').click();
    await page.getByText('English').click();
    expect(errors).toEqual([]);
  });

  it('renames the campaign, then ends it: no more links are given', async () => {
    await go(`/fission/${campaignId}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    const drawer = page.locator('.ant-drawer');
    // The promised rules are locked; the name is not.
    await expect(drawer.getByTestId('fission-stay').isDisabled()).resolves.toBe(true);
    await drawer.getByTestId('fission-name').fill('Mums invite mums (spring)');
    await drawer.getByTestId('form-submit').click();
    await page.getByRole('heading', { name: 'Mums invite mums (spring)' }).waitFor();

    await page.getByTestId('fission-end').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'End campaign' }).click();
    await page.getByText('Ended', { exact: true }).first().waitFor();
    await page.getByRole('tab', { name: 'Inviters' }).click();
    await page.getByTestId('fission-inviters').getByRole('button', { name: 'Wang Fang' }).waitFor();
    await expect(page.getByTestId('fission-enroll').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
