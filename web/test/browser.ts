import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';
export const artifactsDir = fileURLToPath(new URL('../test-artifacts', import.meta.url));

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's chromium driven by playwright-core, on a fresh profile in a temp folder. Missing chromium is a
 * failure with the fix in the message, never a skipped test.
 */
export const launchChromium = async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}; the console's browser tests need it. Install it with: apt-get install -y chromium`,
    );
  }
  mkdirSync(artifactsDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'orchard-chromium-'));
  // A persistent context is the one way to hand chromium its own user-data-dir; contexts for other users
  // come from the same browser.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
  });
  return context;
};

/**
 * Uncaught exceptions, console errors and server errors (5xx) of a page, so a test can assert there were none.
 * Refused requests (4xx) are part of the tests (a wrong password, a broken CSV) and are not counted here.
 */
export const watchErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
};

export const screenshot = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
};

export const signIn = async (page: Page, url: string, email: string, password: string) => {
  await page.goto(`${url}/sign-in`);
  await page.getByPlaceholder(/Email|邮箱/).fill(email);
  await page.getByPlaceholder(/Password|密码/).fill(password);
  await page.getByRole('button', { name: /Sign in|登录/ }).click();
  await page.waitForURL((at) => !at.pathname.startsWith('/sign-in'));
};

export const setLocale = (context: BrowserContext, locale: 'en' | 'zh-CN') =>
  context.addInitScript((value) => {
    if (!localStorage.getItem('orchard.locale')) localStorage.setItem('orchard.locale', value);
  }, locale);
