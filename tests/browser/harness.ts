import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { type Game, type GameOptions, launch, withGameAt, withPageAt } from './driver';

/**
 * The one harness of the browser tests: `useBrowser()` once per test file, then `withGame` for
 * every page of the game a test opens. Everything else (keys, touches, plans, waits with limits)
 * comes from ./driver, re-exported here.
 */

export * from './driver';

let fileBrowser: Browser | undefined;

/**
 * One Chromium for the test file: launched before its tests, closed after them. Returns the
 * browser for the few tests that need it bare (no game page).
 */
export function useBrowser(): () => Browser {
  beforeAll(async () => {
    fileBrowser = await launch();
  });
  afterAll(async () => {
    await fileBrowser?.close();
    fileBrowser = undefined;
  });
  return theBrowser;
}

function theBrowser(): Browser {
  if (!fileBrowser) throw new Error('no browser: call useBrowser() at the top of the test file');
  return fileBrowser;
}

/** A blank page in a fresh context of the file's browser, closed after `body` whatever happens. */
export function withPage<T>(body: (page: Page) => Promise<T>): Promise<T> {
  return withPageAt(theBrowser(), body);
}

/**
 * Opens the game served by the global setup at `query` (e.g. "?song=test-song&mode=duet") in a
 * fresh browser context of the file's browser, runs `body`, and closes the context whatever
 * happens. Page errors are collected in `game.errors` (see `GameOptions.failOnPageErrors`).
 */
export function withGame<T>(query: string, body: (game: Game) => Promise<T>): Promise<T>;
export function withGame<T>(query: string, options: GameOptions, body: (game: Game) => Promise<T>): Promise<T>;
export function withGame<T>(
  query: string,
  optionsOrBody: GameOptions | ((game: Game) => Promise<T>),
  maybeBody?: (game: Game) => Promise<T>,
): Promise<T> {
  const [options, body] =
    typeof optionsOrBody === 'function'
      ? [{}, optionsOrBody]
      : [optionsOrBody, maybeBody as (game: Game) => Promise<T>];
  return withGameAt(theBrowser(), inject('baseUrl'), query, options, body);
}
