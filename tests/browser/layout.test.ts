import { appendFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, inject, it } from 'vitest';
import { designSizeFor } from '../../src/game/layout';
import type { LayoutBox } from '../../src/page/layoutBoxes';
import {
  type GameOptions,
  startSong,
  tapKey,
  useBrowser,
  waitForResults,
  waitForScene,
  waitUntil,
  withGame,
} from './harness';

/**
 * Every screen readable on any screen (issue 11): every scene at five page sizes in the three
 * languages. For each, the visible texts, buttons and page controls (`drumDiplomacy.layoutBoxes()`,
 * CSS px) must be legible (text ≥ 12 CSS px on phones and tablets, ≥ 14 on desktops), buttons at
 * least 44 CSS px tall, inside the page, and no two may overlap.
 *
 * One browser context per language and kind of device (touch: the phone held sideways and upright,
 * the tablet; desktop: 1280×720 and 2560×1080); the three languages run side by side. Menus are
 * opened once by `?scene=` and then laid out again at each size by resizing the page (the game
 * follows the page's shape); Play is opened at each size (a run is never laid out again mid-song);
 * Results after one run per language, laid out again at all five sizes.
 *
 * Run only this file while working on layout: LAYOUT_SIZES=844x390 LAYOUT_LANGS=ja narrow it.
 */

type Size = { width: number; height: number };
const size = (s: string): Size => {
  const [width, height] = s.split('x').map(Number);
  return { width: width ?? 0, height: height ?? 0 };
};
const ALL_SIZES = ['1280x720', '844x390', '390x844', '1024x768', '2560x1080'];
const SIZES = (process.env.LAYOUT_SIZES ?? ALL_SIZES.join(',')).split(',');
const LANGS = (process.env.LAYOUT_LANGS ?? 'en,ja,ko').split(',') as ('en' | 'ja' | 'ko')[];
const MENUS = (
  process.env.LAYOUT_SCENES ??
  'Title,ModeSelect,SongSelect,Settings,Bindings,Calibration,Devices,About,Replays,Practice'
).split(',');
const LOCALE = { en: 'en-US', ja: 'ja-JP', ko: 'ko-KR' } as const;
const isTouch = (s: string) => s !== '1280x720' && s !== '2560x1080';
const KINDS = [
  { name: 'touch', sizes: SIZES.filter(isTouch) },
  { name: 'desktop', sizes: SIZES.filter((s) => !isTouch(s)) },
].filter((k) => k.sizes.length > 0);

/** Overlaps smaller than this (CSS px, both ways) are antialiasing, not covering. */
const SLACK = 2;

interface LayoutProblem {
  where: string;
  what: string;
}

/** The rules, applied to one screen's boxes. */
function layoutProblems(where: string, boxes: LayoutBox[], page: Size, touch: boolean): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const minText = touch ? 12 : 14;
  const name = (b: LayoutBox) => `${b.kind} "${b.label.replace(/\n/g, ' ')}"`;
  for (const b of boxes) {
    if (b.kind === 'text' && (b.fontPx ?? 0) < minText - 0.05)
      problems.push({ where, what: `${name(b)} is ${b.fontPx?.toFixed(1)} CSS px (< ${minText})` });
    if (b.kind !== 'text' && b.height < 44 - 0.5)
      problems.push({ where, what: `${name(b)} is ${b.height.toFixed(1)} CSS px tall (< 44)` });
    if (b.x < -SLACK || b.y < -SLACK || b.x + b.width > page.width + SLACK || b.y + b.height > page.height + SLACK)
      problems.push({
        where,
        what: `${name(b)} is cut off: ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`,
      });
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as LayoutBox;
      const b = boxes[j] as LayoutBox;
      if (a.group === b.group) continue;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > SLACK && h > SLACK)
        problems.push({ where, what: `${name(a)} overlaps ${name(b)} (${Math.round(w)}×${Math.round(h)} px)` });
    }
  }
  return problems;
}

/** With LAYOUT_OUT=file, every problem is also written there (one line each) to work through. */
function report(problems: LayoutProblem[]): string[] {
  const lines = problems.map((p) => `${p.where}: ${p.what}`);
  if (process.env.LAYOUT_OUT && lines.length > 0) appendFileSync(process.env.LAYOUT_OUT, `${lines.join('\n')}\n`);
  return lines;
}

async function boxesOf(page: Page): Promise<LayoutBox[]> {
  return page.evaluate(() => window.drumDiplomacy.layoutBoxes());
}

/** Resizes the page and waits until the game has been laid out for the new shape. */
async function resize(page: Page, s: Size, scene: string): Promise<void> {
  await page.setViewportSize(s);
  // The game's size becomes the design space for the new shape (then the scene is laid out again).
  const want = designSizeFor(s.width, s.height);
  await waitUntil(
    page,
    ([w, h, key]) => {
      const c = document.querySelector('canvas');
      return !!c && c.width === w && c.height === h && window.drumDiplomacy.scene() === key;
    },
    [want.width, want.height, scene] as const,
    { timeout: 10_000, message: `the game was not laid out again at ${s.width}×${s.height}` },
  );
  // The relayout restarts the scene: let its texts settle (fonts, wrapping) for a few frames.
  await page.waitForTimeout(300);
}

useBrowser();

function optionsFor(lang: 'en' | 'ja' | 'ko', kind: string, first: Size): GameOptions {
  const touch = kind === 'touch';
  return {
    viewport: first,
    locale: LOCALE[lang],
    hasTouch: touch,
    isMobile: touch,
    deviceScaleFactor: touch ? 2 : 1,
    // The service worker's "ready to play offline" notice would show on every first page.
    serviceWorkers: 'block',
  };
}

// The languages run side by side (one page each, in the file's one browser): about 2.5 minutes
// instead of 6 on two cores.
describe.concurrent.each(LANGS)('layout in %s', (lang) => {
  describe.each(KINDS)('$name', ({ name: kind, sizes }) => {
    const touch = kind === 'touch';
    it('menus: legible, ≥ 44 px buttons, nothing overlapping or cut off at every size', async ({ expect }) => {
      const first = size(sizes[0] as string);
      const problems: LayoutProblem[] = [];
      const smallest: Record<string, number> = {};
      await withGame(`?scene=${MENUS[0]}`, optionsFor(lang, kind, first), async (game) => {
        const { page } = game;
        for (const scene of MENUS) {
          await page.setViewportSize(first);
          await page.goto(`${inject('baseUrl')}?scene=${scene}`);
          await waitForScene(page, scene);
          await page.waitForTimeout(600);
          for (const s of sizes) {
            const dims = size(s);
            await resize(page, dims, scene);
            const boxes = await boxesOf(page);
            problems.push(...layoutProblems(`${lang} ${s} ${scene}`, boxes, dims, touch));
            const min = Math.min(...boxes.filter((b) => b.kind === 'text').map((b) => b.fontPx ?? 99));
            smallest[s] = Math.min(smallest[s] ?? 99, min);
          }
        }
      });
      console.log(`layout ${lang} ${kind} smallest text (CSS px):`, JSON.stringify(smallest));
      expect(report(problems)).toEqual([]);
    }, 240_000);

    it(kind === 'touch' ? 'Play (count-in, mid-song) and Results at every size' : 'Play (count-in, mid-song)', async ({
      expect,
    }) => {
      const problems: LayoutProblem[] = [];
      const query = '?song=test-song&mode=duet&p1=hard&p2=normal';
      await withGame(query, optionsFor(lang, kind, size(sizes[0] as string)), async (game) => {
        const { page } = game;
        for (const [i, s] of sizes.entries()) {
          const dims = size(s);
          if (i > 0) {
            await page.setViewportSize(dims);
            await page.goto(`${inject('baseUrl')}${query}`);
          }
          await startSong(game);
          await page.waitForTimeout(500);
          problems.push(...layoutProblems(`${lang} ${s} Play count-in`, await boxesOf(page), dims, touch));
          // The count-in is 2 s long: by now notes fall and are judged (missed).
          await page.waitForTimeout(2500);
          problems.push(...layoutProblems(`${lang} ${s} Play mid-song`, await boxesOf(page), dims, touch));
        }
        // One run per language: its Results are laid out again at every size by resizing (with the
        // touch rules, 12 CSS px, at the desktop sizes too: a touch screen can be that big).
        if (!touch) return;
        await waitForResults(page);
        await waitForScene(page, 'Results');
        for (const s of ALL_SIZES.filter((x) => SIZES.includes(x)).reverse()) {
          const dims = size(s);
          await resize(page, dims, 'Results');
          problems.push(...layoutProblems(`${lang} ${s} Results`, await boxesOf(page), dims, touch));
          // The timing details, one key away.
          await tapKey(game, 'KeyT');
          await page.waitForTimeout(300);
          problems.push(...layoutProblems(`${lang} ${s} Results details`, await boxesOf(page), dims, touch));
          await tapKey(game, 'KeyT');
        }
      });
      expect(report(problems)).toEqual([]);
    }, 240_000);
  });
});
