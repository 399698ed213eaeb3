import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { launchChromium, screenshot, setLocale, signIn, watchErrors } from './browser.ts';
import { createApi, owner, startConsoleServer } from './console-server.ts';

type Server = Awaited<ReturnType<typeof startConsoleServer>>;

/** One Orchard and one chromium for the file; the tests run in order, as one operator's afternoon. */
// Generous per-test limits: CI shares two cores with the rest of the suite; the steps themselves wait on elements.
describe('console in a browser', { timeout: 90_000 }, () => {
  let server: Server;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: ReturnType<typeof createApi>;

  const rows = (testId: string) => page.locator(`[data-testid=${testId}] tbody tr.ant-table-row`);
  const go = (path: string) => page.goto(`${server.url}${path}`);

  beforeAll(async () => {
    [server, context] = await Promise.all([startConsoleServer(), launchChromium()]);
    await setLocale(context, 'en');
    page = context.pages()[0] ?? (await context.newPage());
    errors = watchErrors(page);
    const { token } = await createApi(server.url)<{ token: string }>('POST', '/api/v1/auth/login', owner);
    api = createApi(server.url, token);
  });

  beforeEach(({ task }) => {
    // What the page showed when a step failed, for whoever reads the CI log.
    onTestFailed(() => screenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('sends a visitor to sign-in, and signs the owner in to the overview within 2 s', async () => {
    const started = Date.now();
    await page.goto(`${server.url}/members`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    console.log(`sign-in page (cold, nothing cached): ${Date.now() - started} ms`);
    await screenshot(page, 'sign-in');

    await page.getByPlaceholder('Email').fill(owner.email);
    await page.getByPlaceholder('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password').waitFor();

    await page.getByPlaceholder('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/members`);
    await expect(page.getByTestId('brand-name').textContent()).resolves.toContain('Sunny Baby');

    // The first page of a signed-in operator with the browser cache off (shell, page chunk, data), best of three
    // so a busy machine's hiccup is not taken for the console's speed.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const loadStarted = Date.now();
      await page.goto(`${server.url}/`);
      await page.getByTestId('stat-members').getByText('6').waitFor();
      loads.push(Date.now() - loadStarted);
    }
    console.log(`overview with demo data, cache disabled: ${loads.join(', ')} ms`);
    expect(Math.min(...loads)).toBeLessThan(2000);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'overview');
  });

  it('lists the seeded members, imports a CSV (refusing a broken row first) and filters by tag', async () => {
    await go('/members');
    for (const name of ['Wang Fang', 'Li Na', 'Zhao Lei']) await page.getByRole('cell', { name }).waitFor();
    await page.getByText('Page 1 · 6 rows').waitFor();
    expect(await rows('members-table').count()).toBe(6);

    await page.getByRole('button', { name: 'Import CSV' }).click();
    const csv = (phone: string) =>
      `name,phone,store,tags\nSun Li,13800000011,JA,VIP\nZhou Yu,${phone},JA,\nWu Fei,13800000013,XH,VIP`;
    await page.getByTestId('import-csv').fill(csv('not-a-phone'));
    const importButton = page.locator('.ant-modal-footer').getByRole('button', { name: 'Import' });
    await importButton.click();
    await page.getByTestId('import-problems').getByText('"not-a-phone" is not a phone number').waitFor();
    await expect(
      page.getByTestId('import-problems').locator('tbody tr').first().textContent(),
    ).resolves.toMatch(/^3phone/);
    await screenshot(page, 'members-import-errors');
    await page.getByTestId('import-csv').fill(csv('13800000012'));
    await importButton.click();
    await page.getByText('3 created, 0 updated').waitFor();
    await page.getByRole('cell', { name: 'Wu Fei' }).waitFor();
    expect(await rows('members-table').count()).toBe(9);

    // Has all of: VIP → only the two imported with the tag.
    await page.getByTestId('filter-tags-all').click();
    await page.keyboard.type('VIP');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByTestId('filter-submit').click();
    await expect.poll(() => rows('members-table').count()).toBe(2);
    const names = await rows('members-table').locator('td:nth-child(2)').allTextContents();
    expect(names.sort()).toEqual(['Sun Li', 'Wu Fei']);
    await screenshot(page, 'members-filtered');

    await page.getByRole('cell', { name: 'Sun Li' }).click();
    await page.getByTestId('member-tags').getByText('VIP').waitFor();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.locator('.ant-drawer').getByText('Imported', { exact: true }).first().waitFor();
    await screenshot(page, 'member-profile');
  });

  it('creates a keyword rule, then in the simulator a new member joins a demo group, posts and gets the reply', async () => {
    await go('/keywords');
    await page.getByTestId('keyword-create').click();
    await page.getByLabel('Name').fill('Prices');
    await page.getByTestId('keyword-pattern').fill('price');
    await page.getByTestId('keyword-reply').fill('This week: diapers ¥89, wipes ¥19.');
    await page.getByTestId('form-submit').click();
    await page.getByRole('cell', { name: 'Prices' }).waitFor();
    await screenshot(page, 'keywords');

    await go('/simulator');
    await page.getByTestId('sim-new-member-name').fill('Test Mom');
    await page.getByTestId('sim-create-member').click();
    await page.getByText('You are now Test Mom').waitFor();
    await page.getByTestId('sim-open-group-ja').click();
    await page.getByText("Joined Happy Moms Jing'an A").waitFor();

    await page.getByTestId('sim-composer').fill('What is the price of diapers?');
    await page.getByTestId('sim-send').click();
    const chat = page.getByTestId('chat-messages');
    await chat.getByText('What is the price of diapers?').waitFor();
    await chat.getByText('This week: diapers ¥89, wipes ¥19.').waitFor({ timeout: 15_000 });
    await screenshot(page, 'simulator');

    // Orchard saw the new member arrive in the Jing'an group.
    await go('/members');
    await page.getByRole('cell', { name: 'Test Mom' }).waitFor();
  });

  it('shows the main pages without errors (screenshots in web/test-artifacts)', async () => {
    const pages: [string, string, RegExp][] = [
      ['/communities', 'communities', /Happy Moms Jing'an A/],
      ['/communities?tab=series', 'communities-series', /New series/],
      ['/tags', 'tags', /VIP/],
      ['/moderation', 'moderation', /Escalation ladder/],
      ['/operations', 'operations', /member\.joined_group/],
      ['/settings/organisation', 'settings-organisation', /Jing'an store/],
      ['/settings/staff', 'settings-staff', /Lily Chen/],
      ['/settings/platforms', 'settings-platforms', /Webhook URL/],
      ['/settings/api-keys', 'settings-api-keys', /New API key/],
      ['/settings/audit', 'settings-audit', /Create keyword rule/],
    ];
    for (const [path, name, expected] of pages) {
      await go(path);
      await page.getByText(expected).first().waitFor();
      await screenshot(page, name);
    }
    // A form in a dialog: a new tag with a colour lands in the ungrouped card.
    await go('/tags');
    await page.getByRole('button', { name: /New tag$/ }).click();
    await page.locator('.ant-modal').getByLabel('Name').fill('Newborn');
    await page.locator('.ant-modal').getByRole('button', { name: '#1677ff' }).click();
    await page.locator('.ant-modal').getByRole('button', { name: 'Save' }).click();
    await page.getByText('Newborn', { exact: true }).waitFor();
    await screenshot(page, 'tags-created');

    await page.goto(`${server.url}/communities`);
    await page.getByRole('link', { name: "Happy Moms Jing'an A" }).click();
    await page.getByText('Positioning').waitFor();
    await screenshot(page, 'community-detail');

    // The same console in Chinese, antd's own texts included.
    await page.getByTestId('language-switch').click();
    await page.getByText('简体中文').click();
    await go('/');
    await page.getByText('客户数').waitFor();
    await screenshot(page, 'overview-zh');
    await go('/members');
    await page.getByRole('button', { name: '导入 CSV' }).first().waitFor();
    await page.getByRole('cell', { name: 'Wang Fang' }).waitFor();
    await screenshot(page, 'members-zh');
    await page.getByTestId('language-switch').click();
    await page.getByText('English').click();
    expect(errors).toEqual([]);
  });

  it("lets a guide sign in and see only their store's members", async () => {
    const staff = await api<{ items: { id: string; email: string | null }[] }>('GET', '/api/v1/staff');
    const guide = staff.items.find((s) => s.email === 'guide.ja@demo.orchard.local')!;
    await api('PATCH', `/api/v1/staff/${guide.id}`, { password: 'guide-ja-password' });

    await page.evaluate(() => localStorage.setItem('orchard.locale', 'en'));
    // A fresh load at the top of the overview: a reload would keep the members page scrolled, and the menu's popup
    // moves while the click scrolls it into view.
    await page.goto(`${server.url}/`);
    // Signed in again after the load (the header names the owner) before the menu is opened. On a busy machine a
    // click on the menu item is sometimes lost while the overview's charts render; the menu is then opened again.
    await page.getByTestId('user-menu').getByText(/\S/).first().waitFor();
    const signedOut = async () => {
      if (page.url() === `${server.url}/sign-in`) return true;
      if (!(await page.getByRole('menuitem', { name: 'Sign out' }).isVisible())) {
        await page.getByTestId('user-menu').click();
      }
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      return page.waitForURL(`${server.url}/sign-in`, { timeout: 5_000 }).then(
        () => true,
        () => false,
      );
    };
    await expect.poll(signedOut, { timeout: 60_000, interval: 0 }).toBe(true);
    await signIn(page, server.url, 'guide.ja@demo.orchard.local', 'guide-ja-password');
    await page.getByText("Jing'an store").first().waitFor();

    await go('/members');
    await page.getByRole('cell', { name: 'Sun Li' }).waitFor();
    const names = (await rows('members-table').locator('td:nth-child(1)').allTextContents()).sort();
    // Test Mom joined a Jing'an group in the simulator test above, so she belongs to the store too; Wu Fei (XH) does not.
    expect(names).toEqual(['Sun Li', 'Test Mom', 'Zhou Yu']);
    await expect(page.getByRole('menuitem', { name: 'API keys' }).count()).resolves.toBe(0);
    await screenshot(page, 'guide-members');
    expect(errors).toEqual([]);
  });
});
