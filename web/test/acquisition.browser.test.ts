import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { launchChromium, screenshot, setLocale, signIn, watchErrors } from './browser.ts';
import { owner, startConsoleServer } from './console-server.ts';

type Server = Awaited<ReturnType<typeof startConsoleServer>>;

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The acquisition pages as an operator uses them: a channel code made in the console, its QR downloaded, a new
 * member scanning it in the simulator and greeted by the code's welcome, and the overview counting them.
 */
describe('acquisition pages in a browser', { timeout: 90_000 }, () => {
  let server: Server;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  const go = (path: string) => page.goto(`${server.url}${path}`);
  const newMembersFigure = async () => {
    await go('/');
    const figure = page.getByTestId('stat-new-members').locator('.ant-statistic-content-value');
    await figure.getByText(/^\d+$/).waitFor();
    return Number(await figure.textContent());
  };

  beforeAll(async () => {
    [server, context] = await Promise.all([startConsoleServer(), launchChromium()]);
    await setLocale(context, 'en');
    page = context.pages()[0] ?? (await context.newPage());
    errors = watchErrors(page);
  });

  beforeEach(({ task }) => {
    onTestFailed(() => screenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  let codeLink = '';
  let newBefore = 0;

  it('signs in, creates a channel code to a guide with its own welcome, and downloads its QR as a PNG', async () => {
    await signIn(page, server.url, owner.email, owner.password);
    newBefore = await newMembersFigure();

    await go('/channel-codes');
    // The demo brand's own code is listed first.
    await page.getByRole('link', { name: 'Store poster: free gift' }).waitFor();
    await page.getByTestId('code-create').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('code-name').fill('Xuhui flyer');
    // Refused inline first: a staff code needs a staff member.
    await drawer.getByTestId('form-submit').click();
    await drawer.getByText('Choose a staff member').first().waitFor();
    // The picker lists the staff with an account on the sandbox (the guides), not the store's manager.
    await drawer.getByTestId('code-staff-0').click();
    await page.keyboard.type('Xuhui store');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.filter({ hasText: 'Xuhui store guide' }).waitFor();
    await expect(options.allTextContents()).resolves.toEqual(['Xuhui store guide']);
    await page.keyboard.press('Enter');
    await drawer
      .getByTestId('code-welcome')
      .fill('Hi {nickname}, {staff} here: thanks for scanning our flyer!');
    await screenshot(page, 'channel-code-form');
    await drawer.getByTestId('form-submit').click();
    await page.getByRole('link', { name: 'Xuhui flyer' }).waitFor();
    await screenshot(page, 'channel-codes');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByTestId('code-download-Xuhui flyer').click();
        await page.getByRole('menuitem', { name: 'QR code (PNG)' }).click();
      })(),
    ]);
    expect(download.suggestedFilename()).toBe('Xuhui-flyer-qr.png');
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 8)]).toEqual(pngSignature);
    expect(bytes.length).toBeGreaterThan(500);

    await page.getByRole('link', { name: 'Xuhui flyer' }).click();
    codeLink = (await page.getByTestId('code-link').textContent()) ?? '';
    expect(codeLink).toMatch(/^https?:\/\/.+\/c\//);
    await page.getByText('Nobody scanned this code in these days yet').waitFor();
  });

  it('a new member opens the code in the simulator and the welcome arrives in the private chat', async () => {
    await go('/simulator');
    await page.getByTestId('sim-new-member-name').fill('Flyer Mom');
    await page.getByTestId('sim-create-member').click();
    await page.getByText('You are now Flyer Mom').waitFor();
    await page.getByPlaceholder('Paste a link or code').fill(codeLink);
    await page.getByPlaceholder('Paste a link or code').press('Tab');
    await page.getByRole('button', { name: 'Open', exact: true }).last().click();
    await page.getByText('Added a staff account: see the private chat').waitFor();
    const chat = page.getByTestId('chat-messages');
    await chat
      .getByText('Hi Flyer Mom, Xuhui store guide here: thanks for scanning our flyer!')
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'simulator-code-welcome');
  });

  it('counts the arrival on the code and on the overview', async () => {
    await expect.poll(newMembersFigure, { timeout: 20_000 }).toBe(newBefore + 1);
    await screenshot(page, 'overview-after-code');

    await go('/channel-codes');
    await page.getByRole('link', { name: 'Xuhui flyer' }).click();
    const arrivals = page.getByTestId('code-stat-arrivals').locator('.ant-statistic-content-value');
    await arrivals.getByText('1', { exact: true }).waitFor();
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'channel-code-stats');
  });

  it('shows the partners and welcome pages without errors', async () => {
    await go('/channel-codes?tab=partners');
    await page.getByText('No partners yet').waitFor();
    await page.getByTestId('partner-create').click();
    await page.locator('.ant-modal').getByLabel('Name').fill('Corner bakery');
    await page.locator('.ant-modal').getByRole('button', { name: 'OK' }).click();
    await page.getByRole('cell', { name: 'Corner bakery' }).waitFor();
    await screenshot(page, 'partners');

    await go('/welcome');
    await expect(page.getByTestId('welcome-private').inputValue()).resolves.toContain(
      'welcome to Sunny Baby',
    );
    await screenshot(page, 'welcome');
    expect(errors).toEqual([]);
  });

  it('creates a coupon template, a level and a mall item, and saves the points rules', async () => {
    await go('/coupons');
    await page.getByTestId('coupon-create').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('coupon-name').fill('Diapers ¥10 off');
    await drawer.getByTestId('form-submit').click();
    await drawer.getByText('Please enter Amount off').waitFor();
    await drawer.getByRole('spinbutton', { name: 'Amount off' }).fill('10');
    await drawer.getByTestId('form-submit').click();
    await page.getByRole('cell', { name: 'Diapers ¥10 off' }).waitFor();
    await screenshot(page, 'coupons');

    await go('/loyalty');
    await page.getByRole('spinbutton', { name: 'Per check-in' }).fill('15');
    await page.getByTestId('loyalty-save').click();
    await page.getByText('Saved').first().waitFor();
    await screenshot(page, 'loyalty-rules');
    await page.getByRole('tab', { name: 'Levels' }).click();
    await page.getByRole('button', { name: 'New level' }).first().click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('Name').fill('Tree');
    await modal.getByRole('spinbutton', { name: 'Rank' }).fill('4');
    await modal.getByRole('spinbutton', { name: 'Threshold' }).fill('5000');
    await modal.getByRole('button', { name: 'OK' }).click();
    await page.getByText('Tree', { exact: true }).waitFor();
    await screenshot(page, 'loyalty-levels');

    await go('/mall');
    await page.getByTestId('mall-create').click();
    await drawer.getByLabel('Name').fill('Baby bottle');
    await drawer.getByRole('spinbutton', { name: 'Points' }).fill('200');
    await drawer.getByTestId('form-submit').click();
    await page.getByText('Baby bottle').waitFor();
    await screenshot(page, 'mall');
    await page.getByRole('tab', { name: 'To hand over' }).click();
    await page.getByText('Nothing to hand over').waitFor();
  });

  it('adjusts the new member’s points and plans a mass send to them', async () => {
    await go('/members');
    await page.getByRole('cell', { name: 'Flyer Mom' }).click();
    await page.getByRole('tab', { name: 'Loyalty' }).click();
    await page.getByTestId('adjust-open').click();
    const modal = page.locator('.ant-modal');
    await modal.getByTestId('adjust-points').fill('50');
    await modal.getByLabel('Reason').fill('Goodwill for a late delivery');
    await modal.getByRole('button', { name: 'OK' }).click();
    await page.getByTestId('points-balance').getByText('50').waitFor();
    await page.getByRole('cell', { name: 'Goodwill for a late delivery' }).waitFor();
    await page.getByRole('button', { name: 'Issue a coupon' }).click();
    await modal.getByLabel('Coupon template').click();
    await page.locator('.ant-select-item-option', { hasText: 'Diapers ¥10 off' }).click();
    await modal.getByRole('button', { name: 'OK' }).click();
    await page.locator('.ant-drawer').getByRole('cell', { name: 'Diapers ¥10 off' }).waitFor();
    await screenshot(page, 'member-loyalty');

    // The coupon is in the brand's list of issued coupons, where it can be voided.
    await go('/coupons?tab=issued');
    const row = page.getByTestId('issued-coupons').locator('tr', { hasText: 'Flyer Mom' });
    await row.getByText('Unused').waitFor();
    await row.getByRole('button', { name: 'Void' }).click();
    await page.getByTestId('void-reason').fill('Issued twice');
    await page.locator('.ant-modal').getByRole('button', { name: 'Void' }).click();
    await row.getByText('Voided').waitFor();
    await screenshot(page, 'coupons-issued');

    await go('/mass-sends');
    await page.getByText('No mass sends yet').waitFor();
    await page.getByTestId('mass-plan').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('mass-members').click();
    await page.keyboard.type('Flyer');
    await page.locator('.ant-select-item-option', { hasText: 'Flyer Mom' }).click();
    await page.keyboard.press('Escape');
    await drawer.getByTestId('mass-text').fill('Weekend sale: 20% off all bottles');
    await drawer.getByTestId('form-submit').click();
    await page.getByText('Mass send planned').waitFor();
    await screenshot(page, 'mass-send-planned');
    await page.locator('.ant-modal').getByRole('button', { name: 'OK' }).click();
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'mass-sends');
  });

  it('checks a WeCom connect form inline before anything is sent', async () => {
    await go('/settings/platforms');
    await page.getByRole('button', { name: 'Connect an account' }).click();
    await page.getByRole('menuitem', { name: 'WeCom' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('Corp ID').fill('ww1234567890');
    await modal.getByLabel('EncodingAESKey').fill('too-short');
    await modal.getByRole('button', { name: 'OK' }).click();
    await modal.getByText('Exactly 43 letters or digits').waitFor();
    await modal.getByText('Please enter AgentId').waitFor();
    await screenshot(page, 'platforms-connect-wecom');
    await modal.getByRole('button', { name: 'Cancel' }).click();

    // The new pages in Chinese.
    await page.getByTestId('language-switch').click();
    await page.getByText('简体中文').click();
    await go('/channel-codes');
    await page.getByRole('button', { name: '新建渠道活码' }).waitFor();
    await page.getByRole('link', { name: 'Xuhui flyer' }).waitFor();
    await screenshot(page, 'channel-codes-zh');
    await go('/mass-sends');
    await page
      .getByText('等待员工确认')
      .or(page.getByText('已计划'))
      .or(page.getByText('已完成'))
      .first()
      .waitFor();
    await screenshot(page, 'mass-sends-zh');
    await page.getByTestId('language-switch').click();
    await page.getByText('English').click();
    expect(errors).toEqual([]);
  });
});
