/** Kept apart from browser.ts, which the global setup imports outside any test. */
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser';

/** One browser for a test file, launched before its tests and closed after them: call at the top of the file. */
export function useBrowser(): () => TestBrowser {
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
