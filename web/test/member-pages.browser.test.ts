import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { signMemberToken } from '../../server/src/loyalty/me/member-link.ts';
import { launchChromium, screenshot, watchErrors } from './browser.ts';
import { createApi, owner, startConsoleServer } from './console-server.ts';

type Server = Awaited<ReturnType<typeof startConsoleServer>>;
type Coupon = { id: string; code: string; templateName: string; status: string };

/** The day before a local date (YYYY-MM-DD). */
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * A member opens the link sent in the private chat on a phone: points, check-in with a make-up card, the mall
 * (a coupon, a gift picked up in store, and the refusals), the coupon's QR code; a bad or expired link; Chinese.
 */
describe('member pages in a mobile browser', { timeout: 90_000 }, () => {
  let server: Server;
  let context: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let errors: string[];
  let api: ReturnType<typeof createApi>;
  let memberId: string;
  let link: string;
  let startBalance: number;
  /** The brand's today as the calendar shows it (the server's clock and the brand's timezone). */
  let today: string;

  const headerBalance = async () =>
    Number((await page.getByTestId('header-balance').textContent())?.replace(/\D/g, ''));
  const pointsOf = async () =>
    (await api<{ balance: number }>('GET', `/api/v1/members/${memberId}/points`)).balance;

  beforeAll(async () => {
    [server, context] = await Promise.all([startConsoleServer(), launchChromium()]);
    page = context.pages()[0] ?? (await context.newPage());
    // A phone: 390 × 844 (an iPhone 14's CSS pixels).
    await page.setViewportSize({ width: 390, height: 844 });
    errors = watchErrors(page);
    const { token } = await createApi(server.url)<{ token: string }>('POST', '/api/v1/auth/login', owner);
    api = createApi(server.url, token);
    const members = await api<{ items: { id: string; name: string }[] }>('GET', '/api/v1/members?limit=50');
    memberId = members.items.find((m) => m.name === 'Wang Fang')!.id;
    // What staff send in the private chat; the URL carries PUBLIC_URL (a placeholder here), so open its path.
    const created = await api<{ url: string; token: string }>(
      'POST',
      `/api/v1/members/${memberId}/member-link`,
      {},
    );
    expect(created.url).toMatch(new RegExp(`/m/${created.token.replace(/\./g, '\\.')}$`));
    link = `${server.url}/m/${created.token}`;
    await api('POST', `/api/v1/members/${memberId}/points/adjustments`, {
      points: 1000,
      reason: 'Opening gift from the store',
    });
    startBalance = await pointsOf();
  });

  beforeEach(({ task }) => {
    onTestFailed(() => screenshot(page, `member-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('opens from the member link on a phone, quickly, and shows the member’s points', async () => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const loads: number[] = [];
    let response = null;
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      response = await page.goto(link);
      await page
        .getByTestId('balance')
        .filter({ hasText: String(startBalance) })
        .waitFor();
      loads.push(Date.now() - started);
    }
    console.log(`member page (points), cache disabled: ${loads.join(', ')} ms`);
    expect(Math.min(...loads)).toBeLessThan(2000);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    // The link is the credential: never sent on in a Referer, never kept by a shared cache.
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    expect(response?.headers()['cache-control']).toBe('no-store');

    await page.getByText('Hi, Wang Fang').waitFor();
    await expect(page.getByTestId('brand-name').textContent()).resolves.toContain('Sunny Baby');
    expect(await headerBalance()).toBe(startBalance);
    // 1000 points earned in all make her a Blossom member (from 500), on the way to Fruit (2000).
    await page.getByTestId('level').filter({ hasText: 'Blossom' }).waitFor();
    await page.getByTestId('level').filter({ hasText: '1000 more points to Fruit' }).waitFor();
    await page.getByTestId('history').getByText('From the store').waitFor();
    await page.getByTestId('history').getByText('+1000').waitFor();
    await screenshot(page, 'member-points');
  });

  it('checks in today: the calendar marks the day and the balance grows', async () => {
    await page.getByTestId('tab-checkin').click();
    today = (await page.locator('.m-day-today').getAttribute('data-day'))!;
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const todayCell = page.locator(`[data-day="${today}"]`);
    await expect(todayCell.getAttribute('data-kind')).resolves.toBe('');
    await page.getByTestId('checkin-button').click();
    // 10 points a day, times 120% for a Blossom member.
    await page.getByTestId('toast').filter({ hasText: 'Checked in! +12 points' }).waitFor();
    await expect.poll(() => todayCell.getAttribute('data-kind')).toBe('page');
    await expect.poll(headerBalance).toBe(startBalance + 12);
    await expect(page.getByTestId('checkin-button').textContent()).resolves.toBe('Checked in today');
    expect(await page.getByTestId('checkin-button').isDisabled()).toBe(true);
    await page.getByTestId('streak').filter({ hasText: '1-day streak' }).waitFor();
    expect(await pointsOf()).toBe(startBalance + 12);
    await screenshot(page, 'member-checkin');
  });

  it('buys a make-up card and fills yesterday, lengthening the streak', async () => {
    const yesterday = dayBefore(today);
    // On the 1st, yesterday is in last month's page of the calendar.
    if (yesterday.slice(0, 7) !== today.slice(0, 7)) {
      await page.getByRole('button', { name: 'Previous month' }).click();
    }
    await page.getByTestId('makeup-cards').filter({ hasText: 'Cards held: 0' }).waitFor();
    await page.getByRole('button', { name: 'Buy a card (100 pts)' }).click();
    await page.getByTestId('toast').filter({ hasText: 'Card bought. You have 1.' }).waitFor();
    await page.getByTestId('makeup-cards').filter({ hasText: 'Cards held: 1' }).waitFor();
    await expect.poll(headerBalance).toBe(startBalance + 12 - 100);

    await page.locator(`[data-day="${yesterday}"]`).click();
    await page.getByTestId('makeup-button').click();
    await page
      .getByTestId('toast')
      .filter({ hasText: /made up! \+12 points/ })
      .waitFor();
    await expect
      .poll(() => page.locator(`[data-day="${yesterday}"]`).getAttribute('data-kind'))
      .toBe('makeup');
    await page.getByTestId('streak').filter({ hasText: '2-day streak' }).waitFor();
    await page.getByTestId('makeup-cards').filter({ hasText: 'Cards held: 0' }).waitFor();
    await expect.poll(headerBalance).toBe(startBalance + 12 - 100 + 12);
    await screenshot(page, 'member-makeup');
  });

  it('redeems a coupon in the mall after a confirmation, and refuses clearly what cannot be had', async () => {
    const item = (name: string) => page.getByTestId('mall-item').filter({ hasText: name });
    const before = await pointsOf();
    // Arranged by the operator: an item beyond the member's points, and the last one of another.
    await api('POST', '/api/v1/mall/items', {
      name: 'Espresso machine',
      kind: 'virtual',
      pointsPrice: 99_999,
    });
    const last = await api<{ id: string }>('POST', '/api/v1/mall/items', {
      name: 'Last teddy bear',
      kind: 'virtual',
      pointsPrice: 10,
      stock: 1,
    });

    await page.getByTestId('tab-mall').click();
    await item('¥20 off ¥49 coupon').getByRole('button', { name: 'Redeem' }).click();
    const sheet = page.getByRole('dialog');
    await sheet
      .getByText(`100 points will be taken from your ${before}; ${before - 100} will be left.`)
      .waitFor();
    await screenshot(page, 'member-mall-confirm');
    await page.getByTestId('redeem-confirm').click();
    await page.getByTestId('toast').filter({ hasText: 'Redeemed! Your coupon is in My coupons.' }).waitFor();
    await expect.poll(headerBalance).toBe(before - 100);
    expect(await pointsOf()).toBe(before - 100);

    // A gift picked up in a store: the store is chosen in the sheet. A second one is past the limit of one.
    await item('Canvas tote bag').getByRole('button', { name: 'Redeem' }).click();
    await sheet.getByLabel('Store').waitFor();
    await page.getByTestId('redeem-confirm').click();
    await page.getByTestId('toast').filter({ hasText: 'Redeemed! Pick it up at the store.' }).waitFor();
    await expect.poll(headerBalance).toBe(before - 400);
    await item('Canvas tote bag').getByRole('button', { name: 'Redeem' }).click();
    await page.getByTestId('redeem-confirm').click();
    await page
      .getByTestId('redeem-error')
      .filter({ hasText: 'You have already redeemed this as many times as allowed.' })
      .waitFor();
    await sheet.getByRole('button', { name: 'Cancel' }).click();

    // Not enough points: said before anything is sent, and the confirmation cannot be pressed.
    await item('Espresso machine').getByRole('button', { name: 'Redeem' }).click();
    await page
      .getByTestId('not-enough')
      .filter({ hasText: /Not enough points/ })
      .waitFor();
    expect(await page.getByTestId('redeem-confirm').isDisabled()).toBe(true);
    await sheet.getByRole('button', { name: 'Cancel' }).click();

    // Out of stock while the page was open: the server's refusal, in words.
    await item('Last teddy bear').getByRole('button', { name: 'Redeem' }).click();
    await api('PATCH', `/api/v1/mall/items/${last.id}`, { stock: 0 });
    await page.getByTestId('redeem-confirm').click();
    await page.getByTestId('redeem-error').filter({ hasText: 'Sorry, this item is out of stock.' }).waitFor();
    await screenshot(page, 'member-mall-refused');
    await sheet.getByRole('button', { name: 'Cancel' }).click();
    // Behind the sheet the mall was fetched again: the item now says it is sold out and cannot be tapped.
    const soldOut = item('Last teddy bear').getByRole('button', { name: 'Sold out' });
    await soldOut.waitFor();
    expect(await soldOut.isDisabled()).toBe(true);
    expect(await pointsOf()).toBe(before - 400);
    // Items the member cannot take say why.
    await item('Baby care masterclass seat').waitFor();
    expect(await pointsOf()).toBe(await headerBalance());
  });

  it('shows the redeemed coupon with its code and a QR code the till can scan', async () => {
    const { items } = await api<{ items: Coupon[] }>('GET', `/api/v1/members/${memberId}/coupons`);
    const coupon = items.find((c) => c.templateName === '¥20 off ¥49' && c.status === 'issued')!;
    expect(coupon).toBeDefined();
    const qrResponse = page.waitForResponse((r) => r.url().endsWith(`/api/v1/me/coupons/${coupon.id}/qr`));
    await page.getByTestId('tab-coupons').click();
    const card = page.getByTestId('coupon').filter({ hasText: coupon.code });
    await card.getByTestId('coupon-code').filter({ hasText: coupon.code }).waitFor();
    const response = await qrResponse;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/svg+xml');
    const qr = card.getByTestId('coupon-qr');
    await qr.waitFor();
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(qr.getAttribute('alt')).resolves.toBe(`QR code of coupon ${coupon.code}`);
    await card.getByText('Ready to use').waitFor();
    await screenshot(page, 'member-coupons');

    // Meanwhile the store adds points by hand 21 times: opening the points tab shows the new balance, and the
    // history comes a page (20) at a time, newest first.
    const shown = await headerBalance();
    for (let i = 1; i <= 21; i++) {
      await api('POST', `/api/v1/members/${memberId}/points/adjustments`, {
        points: 1,
        reason: `Visit ${i}`,
      });
    }
    await page.getByTestId('tab-points').click();
    await expect.poll(headerBalance).toBe(shown + 21);
    await page
      .getByTestId('balance')
      .filter({ hasText: String(shown + 21) })
      .waitFor();
    const history = page.getByTestId('history');
    const rows = history.locator('.m-row');
    await expect.poll(() => rows.count()).toBe(20);
    await page.getByRole('button', { name: 'Load more' }).click();
    // 1000 from the store, check-in, card, make-up day, coupon, tote bag, and the 21 visits.
    await expect.poll(() => rows.count()).toBe(27);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    const titles = await history.locator('.m-row-title').allTextContents();
    expect(titles.slice(0, 21)).toEqual(Array(21).fill('From the store'));
    expect(titles.slice(21)).toEqual([
      'Points mall',
      'Points mall',
      'Daily check-in',
      'Make-up card',
      'Daily check-in',
      'From the store',
    ]);
  });

  it('answers a bad or expired link with a page that says what to do', async () => {
    for (const path of ['/m/not-a-token', '/m/m1.e30.forged']) {
      await page.goto(`${server.url}${path}`);
      await page.getByTestId('link-problem').getByText('This link no longer works').waitFor();
    }
    const expired = signMemberToken(server.orchard.deps.secretBox, {
      tenantId: (await api<{ tenant: { id: string } }>('GET', '/api/v1/me')).tenant.id,
      memberId,
      expiresAt: new Date(Date.now() - 60_000),
    });
    await page.goto(`${server.url}/m/${expired}`);
    await page.getByTestId('link-problem').getByText('This link no longer works').waitFor();
    await page.getByText(/ask for a new link/).waitFor();
    await expect(page.getByTestId('tab-points').count()).resolves.toBe(0);
    await screenshot(page, 'member-link-expired');
  });

  it('follows a Chinese browser, and switches language on a tap', async () => {
    const zh = await context.newPage();
    const zhErrors = watchErrors(zh);
    await zh.setViewportSize({ width: 390, height: 844 });
    // A phone set to Chinese; no language chosen on the page yet.
    await zh.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'zh-CN' }));
    await zh.goto(link);
    await zh.getByText('我的积分').waitFor();
    await zh.getByText('你好，Wang Fang').waitFor();
    await zh.getByTestId('tab-checkin').filter({ hasText: '签到' }).waitFor();
    await zh.getByTestId('tab-checkin').click();
    await zh.getByTestId('checkin-button').filter({ hasText: '今日已签到' }).waitFor();
    await zh.getByTestId('tab-coupons').click();
    await zh.getByText('可使用').first().waitFor();
    await zh.getByText('结账时向收银员出示此码').first().waitFor();
    await screenshot(zh, 'member-zh-coupons');
    await zh.getByTestId('tab-mall').click();
    await zh.getByRole('heading', { name: '积分商城' }).waitFor();
    await zh.getByText('已兑完').first().waitFor();

    await zh.getByTestId('language-switch').click();
    await zh.getByRole('heading', { name: 'Points mall' }).waitFor();
    // The choice is kept over the browser's language.
    await zh.reload();
    await zh.getByRole('heading', { name: 'Points mall' }).waitFor();
    await zh.getByTestId('language-switch').click();
    await zh.getByRole('heading', { name: '积分商城' }).waitFor();
    await zh.goto(`${server.url}/m/expired-or-broken`);
    await zh.getByText('此链接已失效').waitFor();
    await zh.close();
    expect(zhErrors).toEqual([]);
  });

  it('raised no browser errors and no server errors', () => {
    expect(errors).toEqual([]);
  });
});
