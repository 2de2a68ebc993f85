import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { requiredEnv } from '@lien/shared-testing';
import { launchChromium } from '@lien/tools-browser';
import { twoDistrictYear } from '@lien/reporting-testing';
import { startReportingApp, ReportingTestApp } from './test-support/reporting-test-app';

const REPORTS = join(__dirname, '../../../reports');

/**
 * WCAG contrast ratio between an element's text colour and the first opaque background behind it,
 * computed in the page (as a script text: this workspace compiles without the DOM types).
 */
function contrastOf(page: Page, selector: string): Promise<number> {
  return page.evaluate(`(() => {
    const rgb = (css) => (css.match(/\\d+(\\.\\d+)?/g) || ['0', '0', '0']).slice(0, 3).map(Number);
    const channel = (v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    const luminance = (css) => { const [r, g, b] = rgb(css).map(channel); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const element = document.querySelector(${JSON.stringify(selector)});
    let background = 'rgb(255, 255, 255)';
    for (let e = element; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (!bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') { background = bg; break; }
    }
    const [a, b] = [luminance(getComputedStyle(element).color), luminance(background)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  })()`);
}

const activeElementMatches = (page: Page, selector: string) => page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`);

/** Presses Tab until the focused element matches, as a keyboard-only user would; fails after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await activeElementMatches(page, selector)) return;
  }
  throw new Error(`${selector} cannot be reached with the keyboard`);
}

describe('dashboards in a real headless Chromium', () => {
  let t: ReportingTestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    // No browser, no pass: launchChromium throws what to install, and every test below fails with it.
    browser = await launchChromium();
    t = await startReportingApp(requiredEnv('DATABASE_URL'));
    await t.send(twoDistrictYear(2025));
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    mkdirSync(REPORTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('given a ministry analyst signing in with the keyboard only, when the dashboard opens, then Luxembourg’s 3 family-court mandates show as “secret”, never as 3, and a screenshot is kept', async () => {
    const page = await browser.newPage({ locale: 'fr-BE', viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/connexion`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await tabTo(page, '#profil-ministry-analyst');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit]');
    await Promise.all([page.waitForURL('**/tableau-de-bord/ministere'), page.keyboard.press('Enter')]);

    const section = page.locator('section', { has: page.locator('h2#i-2025-referrals-received') });
    const luxembourg = section.locator('tbody tr', { has: page.locator('th', { hasText: 'Luxembourg' }) });
    const familyCourt = luxembourg.locator('td').first();
    expect(await familyCourt.innerText()).toBe('secret');
    expect(await familyCourt.getAttribute('title')).toContain('secret statistique');
    expect(await luxembourg.innerText()).not.toMatch(/\b3\b/);
    expect(await luxembourg.locator('td').nth(2).innerText()).toBe('8');
    expect(await section.locator('svg desc').textContent()).toContain('Luxembourg : 17 ; Namur : 21');
    expect(await section.locator('svg').getAttribute('role')).toBe('img');

    await luxembourg.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(REPORTS, 'reporting-ministry-dashboard.png') });
    await section.screenshot({ path: join(REPORTS, 'reporting-ministry-referrals.png') });
    await page.close();
  }, 120_000);

  it('given the ministry dashboard, when checked for keyboard and contrast, then the skip link comes first and text, secret cells and header meet 4.5:1', async () => {
    const context = await browser.newContext({ locale: 'fr-BE', extraHTTPHeaders: { authorization: `Bearer ${t.tokens.ministry}` } });
    const page = await context.newPage();
    await page.goto(`${base}/tableau-de-bord/ministere`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('contenu');
    for (const selector of ['main p', 'td.secret', 'header strong', 'thead th', 'tfoot td']) expect(await contrastOf(page, selector)).toBeGreaterThanOrEqual(4.5);
    await context.close();
  }, 120_000);

  it('given Luxembourg’s coordinator, when its dashboard opens in the browser, then the same cell shows the raw 3 to the district’s own team', async () => {
    const context = await browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/connexion`);
    await page.check('#profil-coordinator-luxembourg');
    await Promise.all([page.waitForURL('**/tableau-de-bord/districts/luxembourg'), page.click('text=Se connecter avec ce profil')]);
    await page.goto(`${base}/tableau-de-bord/districts/luxembourg?from=2025&to=2025`);
    const row = page.locator('section', { has: page.locator('h2#i-referrals-received') }).locator('tbody tr').first();
    expect(await row.locator('td').first().innerText()).toBe('3');
    await page.screenshot({ path: join(REPORTS, 'reporting-district-dashboard.png') });
    await context.close();
  }, 120_000);
});
