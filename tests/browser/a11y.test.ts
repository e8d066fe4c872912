import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openGame, startSong } from './harness';

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

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility of the DOM parts (axe-core)', () => {
  it('Title (with the offline-ready note) and Settings have no violations', async () => {
    const game = await openGame(browser, '');
    const { page } = game;
    await page.waitForFunction(() => window.drumDiplomacy.scene() === 'Title');
    // the first visit installs the service worker, which says the game now plays offline
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.update-banner')?.hidden === false);
    expect(await axe(page)).toEqual([]);
    await page.goto(page.url().replace(/\?.*$/, '').concat('?scene=Settings'));
    await page.waitForFunction(() => window.drumDiplomacy?.scene() === 'Settings');
    expect(await axe(page)).toEqual([]);
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('Play, on a desktop and on a phone held upright (rotate prompt), has no violations', async () => {
    const game = await openGame(browser, '?song=test-song&mode=duet');
    await startSong(game);
    await game.page.waitForTimeout(500);
    expect(await axe(game.page)).toEqual([]);
    await game.context.close();

    const phone = await openGame(browser, '?song=test-song&mode=duet', {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    await phone.page.waitForFunction(() => window.drumDiplomacy.scene() === 'Play');
    await phone.page.waitForFunction(() => document.querySelector<HTMLElement>('.rotate-prompt')?.hidden === false);
    expect(await axe(phone.page)).toEqual([]);
    expect([...game.errors, ...phone.errors]).toEqual([]);
    await phone.context.close();
  });
});
