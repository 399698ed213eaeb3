import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  entryCssWeight,
  firstPageBudgetBytes,
  lazyWeight,
  measureEntry,
  measureFirstPages,
  memberPagesBudgetBytes,
} from '../scripts/bundle-budget.ts';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('bundle budget', () => {
  it(`keeps the first page under ${kb(firstPageBudgetBytes)} of gzipped JavaScript`, () => {
    expect(
      existsSync(`${dist}/.vite/manifest.json`),
      'web/dist is missing: `npm test -w web` builds it first',
    ).toBe(true);
    const pages = measureFirstPages(dist, {
      'sign-in': 'src/pages/sign-in-page.tsx',
      overview: 'src/pages/dashboard/dashboard-page.tsx',
    });
    const overview = pages.find((p) => p.page === 'overview')!;
    const chart = lazyWeight(dist, 'src/pages/dashboard/fill-chart.tsx', overview.files);
    for (const page of pages) {
      console.log(`first page ${page.page}: ${kb(page.gzipBytes)} gzipped in ${page.files.length} chunks`);
    }
    console.log(`overview chart (ECharts, loaded after the page): +${kb(chart)} gzipped`);
    console.log(
      `stylesheets (antd compiled for the theme, no CSS-in-JS at run time): ${kb(entryCssWeight(dist))} gzipped`,
    );
    for (const page of pages)
      expect(page.gzipBytes, `${page.page} first-page JavaScript`).toBeLessThan(firstPageBudgetBytes);
  });

  it(`keeps the member pages under ${kb(memberPagesBudgetBytes)} of gzipped JavaScript, without antd`, () => {
    const member = measureEntry(dist, 'member.html');
    console.log(
      `member pages: ${kb(member.gzipBytes)} JavaScript in ${member.files.length} chunks, ${kb(member.cssGzipBytes)} CSS, gzipped`,
    );
    expect(member.gzipBytes, 'member pages JavaScript').toBeLessThan(memberPagesBudgetBytes);
    // The console's weight stays out: no antd component, no antd stylesheet, no console dictionary.
    for (const file of member.files) {
      const code = readFileSync(`${dist}/${file}`, 'utf8');
      expect(code, file).not.toMatch(/@ant-design|menu\.dashboard/);
    }
    expect(member.cssGzipBytes, 'member pages CSS (no antd theme)').toBeLessThan(8 * 1024);
  });
});
