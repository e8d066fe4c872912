import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { type GamePage, openGame as openAt } from './driver';

export * from './driver';

/** Opens the game served by the global setup at `query` (e.g. "?song=test-song&mode=duet"). */
export function openGame(browser: Browser, query = '', options: Parameters<typeof openAt>[3] = {}): Promise<GamePage> {
  return openAt(browser, inject('baseUrl'), query, options);
}
