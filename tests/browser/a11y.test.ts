import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startSong, useBrowser, waitForHidden, waitForScene, withGame } from './harness';

/**
 * axe-core on the DOM parts of the game (the canvas itself cannot be analysed): the page
 * structure, the sr-only text, notices, the update banner, the full-screen button and the
 * rotate prompt, on the Title, on Settings and during Play.
 */

// Evaluated through CDP rather than added as a <script>: the page's CSP allows no inline script.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: Document,
          o: object,
        ): Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
        }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}

useBrowser();

describe('accessibility of the DOM parts (axe-core)', () => {
  it('Title (with the offline-ready note) and Settings have no violations', async () => {
    await withGame('', async (game) => {
      const { page } = game;
      await waitForScene(page, 'Title');
      // the first visit installs the service worker, which says the game now plays offline
      await waitForHidden(page, '.update-banner', false, 30_000);
      expect(await axe(page)).toEqual([]);
      await page.goto(page.url().replace(/\?.*$/, '').concat('?scene=Settings'));
      await waitForScene(page, 'Settings');
      expect(await axe(page)).toEqual([]);
      expect(game.errors).toEqual([]);
    });
  }, 60_000);

  it('Play, on a desktop and on a phone held upright (rotate prompt), has no violations', async () => {
    const desktopErrors = await withGame('?song=test-song&mode=duet', async (game) => {
      await startSong(game);
      await game.page.waitForTimeout(500);
      expect(await axe(game.page)).toEqual([]);
      return game.errors;
    });

    const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
    await withGame('?song=test-song&mode=duet', phone, async (game) => {
      await waitForScene(game.page, 'Play');
      await waitForHidden(game.page, '.rotate-prompt', false);
      expect(await axe(game.page)).toEqual([]);
      expect([...desktopErrors, ...game.errors]).toEqual([]);
    });
  }, 60_000);
});
