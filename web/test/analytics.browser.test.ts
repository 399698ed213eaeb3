import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { launchChromium, screenshot, setLocale, signIn, watchErrors } from './browser.ts';
import { createApi, owner, startConsoleServer } from './console-server.ts';

type Server = Awaited<ReturnType<typeof startConsoleServer>>;
type Page_<T> = { items: T[]; nextCursor: string | null };
type Order = {
  id: string;
  externalId: string;
  memberId: string | null;
  storeId: string | null;
  amountCents: number;
  refundedCents: number;
};

/** The console formats money as ¥1,234.50 in the browser's locale (en-US here). */
const money = (cents: number) =>
  `¥${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * The overview's AARRR funnel against a scenario made through the API: a new store with its own channel code to
 * a group, members arriving through it in the sandbox, some posting, orders and a refund. Every figure the
 * overview shows for that store is compared with what the test computes itself from the API's raw listings.
 */
describe('the overview funnel in a browser', { timeout: 120_000 }, () => {
  let server: Server;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: ReturnType<typeof createApi>;
  let accountId = '';
  let storeId = '';
  let codeLink = '';
  const arrived: { sandboxId: string; name: string }[] = [];

  const sandbox = <T = Record<string, unknown>>(path: string, body: Record<string, unknown>) =>
    api<T>('POST', `/api/v1/sandbox${path}`, { platformAccountId: accountId, ...body });
  const storeMembers = async () =>
    (
      await api<Page_<{ id: string; name: string; createdAt: string }>>(
        'GET',
        `/api/v1/members?storeId=${storeId}&limit=200`,
      )
    ).items;
  /** A sandbox user scans the store's code and lands in its group; answers the group. */
  const arrive = async (name: string) => {
    const user = await sandbox<{ id: string }>('/members', { name });
    const opened = await sandbox<{ joinedGroup?: { groupId: string } }>('/links/open', {
      memberId: user.id,
      link: codeLink,
    });
    expect(opened.joinedGroup?.groupId, `${name} joins the code's group`).toBeTruthy();
    arrived.push({ sandboxId: user.id, name });
    return { user, groupId: opened.joinedGroup!.groupId };
  };
  const figure = (key: string) => page.getByTestId(`funnel-${key}`);
  const figureText = async (key: string) => ((await figure(key).textContent()) ?? '').trim();
  /**
   * After a (re)load the console shows the whole brand until the store list confirms the remembered store
   * (under load that takes long enough to read the brand's figures): wait for the switcher to show the store.
   */
  const showsStore = async () => {
    await page.getByTestId('store-switcher').getByText('Analytics Lab').waitFor();
    await figure('newMembers').waitFor();
  };
  const figuresOf = async (keys: string[]) => {
    const shown: Record<string, string> = {};
    for (const key of keys) shown[key] = await figureText(key);
    return shown;
  };

  beforeAll(async () => {
    [server, context] = await Promise.all([startConsoleServer(), launchChromium()]);
    await setLocale(context, 'en');
    page = context.pages()[0] ?? (await context.newPage());
    errors = watchErrors(page);
    const { token } = await createApi(server.url)<{ token: string }>('POST', '/api/v1/auth/login', owner);
    api = createApi(server.url, token);
    const accounts = await api<{ items: { id: string; platform: string }[] }>(
      'GET',
      '/api/v1/platform-accounts',
    );
    accountId = accounts.items.find((a) => a.platform === 'sandbox')!.id;
    storeId = (await api<{ id: string }>('POST', '/api/v1/stores', { code: 'LAB', name: 'Analytics Lab' }))
      .id;
    const series = await api<{ id: string }>('POST', '/api/v1/community-series', {
      nameTemplate: 'Lab mums',
      platformAccountId: accountId,
    });
    const code = await api<{ link: string }>('POST', '/api/v1/channel-codes', {
      name: 'Lab poster',
      storeId,
      source: 'store_poster',
      platformAccountId: accountId,
      target: { kind: 'group', seriesId: series.id },
    });
    codeLink = code.link;
  });

  beforeEach(({ task }) => {
    onTestFailed(() => screenshot(page, `analytics-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`));
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  const posters = new Set<string>();

  it('seeds the store: four arrivals through its code, two of them post, three orders and a refund', async () => {
    const names = ['Lab Mum A', 'Lab Mum B', 'Lab Mum C', 'Lab Mum D'];
    const joined = [];
    for (const name of names) joined.push(await arrive(name));
    // The worker turns the arrivals into members of the store (the code's store).
    await expect.poll(async () => (await storeMembers()).length, { timeout: 30_000 }).toBe(4);
    // Posted once they are members: a message processed in the same batch as the arrival is dated before the
    // member's creation and would not count as activation (see the report: members.created_at is the worker's time).
    for (const i of [0, 1]) {
      await sandbox('/messages', {
        memberId: joined[i]!.user.id,
        groupId: joined[i]!.groupId,
        text: 'Hello mums!',
      });
      posters.add(names[i]!);
    }
    const byName = new Map((await storeMembers()).map((m) => [m.name, m.id]));
    const order = (externalId: string, name: string, amountCents: number) =>
      api<Order>('POST', '/api/v1/orders', {
        externalId,
        amountCents,
        orderedAt: new Date().toISOString(),
        member: { memberId: byName.get(name) },
      });
    const first = await order('lab-1', 'Lab Mum A', 12_990);
    await order('lab-2', 'Lab Mum A', 5_000);
    const third = await order('lab-3', 'Lab Mum C', 8_800);
    expect(first.storeId).toBe(storeId);
    await api('POST', `/api/v1/orders/${third.id}/refunds`, {
      externalId: 'lab-3-r1',
      amountCents: 2_000,
      refundedAt: new Date().toISOString(),
    });
  });

  it('shows for the store exactly the figures computed from the raw listings', async () => {
    // Independent figures: the store's members and orders as the plain listings give them.
    const members = await storeMembers();
    const memberIds = new Set(members.map((m) => m.id));
    const orders = (await api<Page_<Order>>('GET', '/api/v1/orders?limit=200')).items.filter(
      (o) => o.storeId === storeId,
    );
    const gmv = orders.reduce((sum, o) => sum + o.amountCents - o.refundedCents, 0);
    const buyers = new Set(orders.map((o) => o.memberId).filter((id) => id !== null));
    const converted = [...buyers].filter((id) => memberIds.has(id!)).length;
    const expected: Record<string, string> = {
      newMembers: String(members.length),
      activated: String(posters.size),
      // Nobody's first week is over yet, so no one is retained; nobody invited anyone.
      retainedW1: '0',
      retainedW2: '0',
      retainedW4: '0',
      gmv: money(gmv),
      orders: String(orders.length),
      buyers: String(buyers.size),
      converted: String(converted),
      arpu: money(Math.round(gmv / members.length)),
      inviters: '0',
      invitees: '0',
      validInvites: '0',
      kFactor: '0.00',
    };
    // The scenario itself, so a wrong listing cannot make the comparison vacuous.
    expect([members.length, orders.length, gmv, buyers.size, converted]).toEqual([
      4,
      3,
      12_990 + 5_000 + 6_800,
      2,
      2,
    ]);

    await signIn(page, server.url, owner.email, owner.password);
    await page.getByTestId('store-switcher').click();
    await page.locator('.ant-select-item-option', { hasText: 'Analytics Lab' }).click();
    await showsStore();
    // Activation follows the posts through the worker: reload until it has caught up.
    await expect
      .poll(
        async () => {
          await page.reload();
          await showsStore();
          return figuresOf(Object.keys(expected));
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toEqual(expected);
    // The store is new: its previous period is empty.
    expect(await page.getByTestId('funnel-newMembers-previous').textContent()).toBe('previous: 0');
    await page.locator('canvas').nth(1).waitFor();
    await screenshot(page, 'overview-funnel');
  });

  it('shows the overview with its funnel figures within 2 s, charts after', async () => {
    // Best of three with the browser cache off, as console.browser.test.ts measures the overview.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      await page.goto(`${server.url}/`);
      await figure('gmv').waitFor();
      await page.getByTestId('stat-members').locator('.ant-statistic-content-value').waitFor();
      loads.push(Date.now() - started);
    }
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    console.log(`overview with the funnel's figures, cache disabled: ${loads.join(', ')} ms`);
    expect(Math.min(...loads)).toBeLessThan(2000);
    await page.locator('canvas').nth(1).waitFor();
  });

  it('lists the members behind a figure in a drawer, each linking to the member', async () => {
    await showsStore();
    await expect.poll(() => figureText('activated'), { timeout: 10_000 }).toBe(String(posters.size));
    await figure('activated').click();
    const drawer = page.locator('.ant-drawer');
    for (const name of posters) await drawer.getByRole('link', { name }).waitFor();
    expect(await drawer.getByTestId('funnel-members').locator('tbody tr').count()).toBe(posters.size);
    await screenshot(page, 'overview-funnel-members');
    await drawer.getByRole('link', { name: 'Lab Mum A' }).click();
    await page.waitForURL(/\/members\?member=/);
    await page.locator('.ant-drawer').getByText('Lab Mum A').first().waitFor();
  });

  it('counts one more acquisition when one more member arrives', async () => {
    await page.goto(`${server.url}/`);
    await showsStore();
    const before = (await storeMembers()).length;
    await expect.poll(async () => Number(await figureText('newMembers')), { timeout: 10_000 }).toBe(before);
    await arrive('Lab Mum E');
    await expect
      .poll(
        async () => {
          await page.reload();
          await showsStore();
          return Number(await figureText('newMembers'));
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(before + 1);
    expect(errors).toEqual([]);
  });

  it('orders page: refuses a bad order inline, records one, refunds it, lists import problems per row', async () => {
    await page.goto(`${server.url}/orders`);
    await page.getByTestId('orders-table').getByText('lab-1').waitFor();
    // The header's store still says Analytics Lab: a guest order without a store shows under all stores.
    await page.getByTestId('store-switcher').click();
    await page.locator('.ant-select-item-option', { hasText: 'All stores' }).click();
    await page.getByTestId('store-switcher').getByText('All stores').waitFor();
    await page.getByTestId('order-create').click();
    const modal = page.locator('.ant-modal');
    // The form is mounted (and its fields are the store's) before Save is pressed.
    await modal.getByTestId('order-external-id').waitFor();
    await modal.getByRole('button', { name: 'Save' }).click();
    await modal.getByText('Please enter Order number').waitFor();
    await modal.getByTestId('order-external-id').fill('lab-4');
    await modal.getByTestId('order-amount').fill('42');
    await modal.getByRole('button', { name: 'Save' }).click();
    const row = page.getByTestId('orders-table').locator('tr', { hasText: 'lab-4' });
    await row.getByText('¥42.00').waitFor();
    await row.getByText('Guest').waitFor();
    await row.getByRole('button', { name: 'Refund' }).click();
    await modal.getByTestId('refund-amount').fill('50');
    await modal.getByRole('button', { name: 'Refund' }).click();
    await modal.getByText('At most ¥42.00').waitFor();
    await modal.getByTestId('refund-amount').fill('12');
    await modal.getByRole('button', { name: 'Refund' }).click();
    await row.getByText('¥12.00').waitFor();
    const listed = await api<Page_<Order>>('GET', '/api/v1/orders?limit=200');
    const recorded = listed.items.find(
      (o) => o.id && (o as Order & { externalId: string }).externalId === 'lab-4',
    );
    expect([recorded?.amountCents, recorded?.refundedCents]).toEqual([4200, 1200]);
    await screenshot(page, 'orders');

    await page.getByTestId('orders-import').click();
    await page
      .getByTestId('orders-import-csv')
      .fill('external_id,amount,ordered_at\nlab-5,10.00,2026-01-01T10:00:00+08:00\nlab-6,abc,yesterday');
    await modal.getByRole('button', { name: 'Import' }).click();
    const problems = page.getByTestId('orders-import-problems');
    await problems.waitFor();
    expect(await problems.locator('tbody tr').count()).toBeGreaterThan(0);
    await problems.getByRole('cell', { name: '3', exact: true }).first().waitFor();
    await screenshot(page, 'orders-import-problems');
    await modal.getByRole('button', { name: 'Cancel' }).click();

    await page.getByTestId('orders-webhook').click();
    await expect(page.getByTestId('webhook-url').textContent()).resolves.toMatch(/\/webhooks\/orders\//);
    expect(((await page.getByTestId('webhook-secret').textContent()) ?? '').length).toBeGreaterThan(16);
    await screenshot(page, 'orders-webhook');
    await page.keyboard.press('Escape');
  });

  it('analytics page: the store’s funnel and cohorts, ROI with a cost, leaderboards, the attribution window', async () => {
    await page.goto(`${server.url}/analytics`);
    await page.getByTestId('scope-kind').getByText('Store').click();
    await page.getByText('Pick a store above to see its funnel.').waitFor();
    await page.getByTestId('scope-id').click();
    await page.locator('.ant-select-item-option', { hasText: 'Analytics Lab' }).click();
    await figure('newMembers')
      .getByText(String((await storeMembers()).length), { exact: true })
      .waitFor();
    await page.getByTestId('cohorts').locator('tbody tr').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-funnel').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^funnel-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    await screenshot(page, 'analytics-funnel');

    await page.getByRole('tab', { name: 'ROI & costs' }).click();
    await page.getByTestId('cost-add').click();
    const modal = page.locator('.ant-modal');
    await modal.getByRole('button', { name: 'Save' }).click();
    await modal.getByText('Pick a campaign or a channel code').waitFor();
    await modal.getByTestId('cost-code').click();
    await page.locator('.ant-select-item-option', { hasText: 'Lab poster' }).click();
    await modal.getByTestId('cost-amount').fill('100');
    await modal.getByRole('button', { name: 'Save' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('roi-code').click();
    await page.locator('.ant-select-item-option', { hasText: 'Lab poster' }).click();
    await page.getByRole('cell', { name: '¥100.00' }).first().waitFor();
    await screenshot(page, 'analytics-roi');

    await page.getByRole('tab', { name: 'Leaderboards' }).click();
    await page.getByTestId('board-store').getByRole('cell', { name: 'Analytics Lab' }).waitFor();
    await screenshot(page, 'analytics-leaderboards');

    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByTestId('attribution-days').fill('14');
    await page.getByTestId('settings-save').click();
    await page.getByText('Saved').first().waitFor();
    await expect
      .poll(
        async () =>
          (await api<{ attributionWindowDays: number }>('GET', '/api/v1/analytics/settings'))
            .attributionWindowDays,
      )
      .toBe(14);
    expect(errors).toEqual([]);
  });

  it('group health: the Lab group’s joins, members and messages as the scenario made them', async () => {
    const groups = await api<Page_<{ id: string; name: string; memberCount: number }>>(
      'GET',
      '/api/v1/communities?limit=200',
    );
    const lab = groups.items.filter((g) => g.name.startsWith('Lab mums'));
    expect(lab.length).toBe(1);
    await page.goto(`${server.url}/communities/${lab[0]!.id}`);
    const value = (key: string) => page.getByTestId(`health-${key}`).locator('.ant-statistic-content-value');
    // Everyone who arrived joined the one group; two of them posted one message each; nobody left.
    await value('joins').getByText(String(arrived.length), { exact: true }).waitFor();
    await value('members').getByText(String(lab[0]!.memberCount), { exact: true }).waitFor();
    expect(lab[0]!.memberCount).toBe(arrived.length);
    await value('messages').getByText(String(posters.size), { exact: true }).waitFor();
    await value('leaves').getByText('0', { exact: true }).waitFor();
    await page.getByTestId('group-health').locator('canvas').first().waitFor();
    await screenshot(page, 'group-health');
    expect(errors).toEqual([]);
  });
});
