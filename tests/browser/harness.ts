import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { type GamePage, launch, openGame as openAt } from './driver';

export * from './driver';

/** Opens the game served by the global setup at `query` (e.g. "?song=test-song&mode=duet"). */
export function openGame(browser: Browser, query = '', options: Parameters<typeof openAt>[3] = {}): Promise<GamePage> {
  return openAt(browser, inject('baseUrl'), query, options);
}

/** One Chromium for the test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}
