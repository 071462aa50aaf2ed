/**
 * Debian's Chromium driven by playwright-core. Never a browser downloaded by
 * Playwright: install it with `apt-get install chromium` (or set CHROMIUM_PATH).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

export const CHROMIUM_MISSING = [
  `Chromium was not found at ${CHROMIUM_PATH}.`,
  'The browser tests drive Debian\'s Chromium (Playwright must not download its own). Install it with:',
  '    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium',
  'or point CHROMIUM_PATH at an existing Chromium/Chrome binary. (`npm test`, the unit tests, does not need it.)',
].join('\n');

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING);
}

/**
 * A browser with a fresh, empty profile of its own. Playwright's launch()
 * refuses a --user-data-dir argument because it always starts Chromium with a
 * new temp profile (--user-data-dir=$TMPDIR/playwright_chromiumdev_profile-*)
 * and deletes it on close, which is exactly the clean profile we want.
 */
export interface TestBrowser {
  browser: Browser;
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  assertChromium();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    env: { ...process.env, TZ: 'Europe/London' },
    timeout: 30_000,
  });
  return {
    browser,
    newContext: (options = {}) =>
      browser.newContext({
        locale: 'en-GB',
        timezoneId: 'Europe/London',
        viewport: { width: 1280, height: 900 },
        ...options,
      }),
    close: async () => {
      await browser.close().catch(() => {});
    },
  };
}

/** Problems the browser saw while a page was open: console errors, page errors, failed requests, HTTP errors. */
export function watchPage(page: Page, problems: string[]): void {
  const add = (p: string) => {
    if (!problems.includes(p)) problems.push(p);
  };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // "Failed to load resource" repeats what the response/requestfailed listeners report.
    if (msg.text().startsWith('Failed to load resource')) return;
    const loc = msg.location();
    add(`console error: ${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => add(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => {
    add(`request failed: ${req.method()} ${req.url()} (${req.failure()?.errorText ?? 'unknown error'})`);
  });
  page.on('response', (res) => {
    if (res.status() < 400) return;
    const url = new URL(res.url());
    const why = url.pathname === '/favicon.ico' ? ' (the browser asks for /favicon.ico when the page declares no <link rel="icon">)' : '';
    add(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}${why}`);
  });
}
