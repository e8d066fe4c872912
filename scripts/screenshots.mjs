// Screenshots of every scene, at the sizes and in the languages asked, for people to look at:
//   npm run build && node scripts/screenshots.mjs [--out DIR] [--sizes 1280x720,844x390] [--langs en,ja,ko]
//        [--scenes Title,ModeSelect,...]
// Writes DIR/<width>x<height>-<lang>-<scene>.png (default DIR: /tmp/drum-shots). Phones (any size
// with a side under 500 px) are emulated as touch devices at 2x. Play is shot during the count-in
// and mid-song, Results after the short test song has been played through perfectly.
// Not part of `npm test`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const out = arg('out', '/tmp/drum-shots');
const sizes = arg('sizes', '1280x720,844x390,390x844')
  .split(',')
  .map((s) => s.split('x').map(Number));
const langs = arg('langs', 'en,ja,ko').split(',');
const ALL = ['Title', 'ModeSelect', 'SongSelect', 'Settings', 'Bindings', 'Calibration', 'About', 'Play', 'Results'];
const scenes = arg('scenes', ALL.join(',')).split(',');
mkdirSync(out, { recursive: true });

const server = await preview({ root, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
const base = server.resolvedUrls?.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--autoplay-policy=no-user-gesture-required', '--no-sandbox', '--disable-background-networking'],
});

async function open(size, lang, query) {
  const [width, height] = size;
  const phone = Math.min(width, height) < 500;
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: phone ? 2 : 1,
    hasTouch: phone,
    isMobile: phone,
    serviceWorkers: 'block',
    // The browser's language: the game starts in it (a partial settings document would be
    // rejected as unreadable, with a notice in every shot).
    locale: { en: 'en-US', ja: 'ja-JP', ko: 'ko-KR' }[lang] ?? lang,
  });
  const page = await context.newPage();
  await page.goto(`${base}${query}`);
  await page.waitForFunction(() => typeof window.drumDiplomacy !== 'undefined', undefined, { timeout: 30_000 });
  return { context, page };
}

const waitScene = (page, key) =>
  page.waitForFunction((k) => window.drumDiplomacy.scene() === k, key, { timeout: 30_000 });

async function key(page, code) {
  await page.keyboard.press(code);
}

/** Presses every note of both players on time (keys), for Results; `midway` runs halfway through. */
async function playThrough(page, midway = async () => {}) {
  const codes = await page.evaluate(() =>
    [0, 1].map((p) => ['hihat', 'snare', 'tom', 'kick'].map((l) => window.drumDiplomacy.keyFor(p, l))),
  );
  const notes = [];
  for (const p of [0, 1]) {
    for (const n of await page.evaluate((pl) => window.drumDiplomacy.notes(pl), p)) notes.push({ p, ...n });
  }
  notes.sort((a, b) => a.time - b.time);
  const cdp = await page.context().newCDPSession(page);
  const origin = await page.evaluate(() => performance.timeOrigin);
  let k = 0;
  for (const n of notes) {
    if (k++ === Math.floor(notes.length * 0.6)) await midway();
    const at = await page.evaluate(([p, t]) => window.drumDiplomacy.perfTimeOf(p, t), [n.p, n.time]);
    if (at === null) continue;
    const wait = at - 100 - (Date.now() - origin);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const code = codes[n.p][['hihat', 'snare', 'tom', 'kick'].indexOf(n.lane)];
    for (const type of ['keyDown', 'keyUp'])
      await cdp.send('Input.dispatchKeyEvent', {
        type,
        code,
        key: code,
        timestamp: (origin + at + (type === 'keyUp' ? 30 : 0)) / 1000,
      });
  }
}

for (const size of sizes) {
  for (const lang of langs) {
    for (const scene of scenes) {
      const name = (s) => join(out, `${size[0]}x${size[1]}-${lang}-${s}.png`);
      const play = scene === 'Play' || scene === 'Results';
      const { context, page } = await open(
        size,
        lang,
        play ? '?song=test-song&mode=duet&p1=hard&p2=normal' : `?scene=${scene === 'KeyTest' ? 'Bindings' : scene}`,
      );
      try {
        await waitScene(page, play ? 'Play' : scene === 'KeyTest' ? 'Bindings' : scene);
        await page.waitForTimeout(1200);
        if (play) {
          await key(page, 'Space');
          await page.waitForFunction(() => window.drumDiplomacy.perfTimeOf(0, 0) !== null, undefined, {
            timeout: 30_000,
          });
          await page.waitForTimeout(700);
          if (scene === 'Play') {
            await page.screenshot({ path: name('Play-countin') });
            await page.waitForTimeout(4000);
            await page.screenshot({ path: name('Play') });
          } else {
            // Harmony is full by then (every unison note hit together): the stage lights up.
            await playThrough(page, () => page.screenshot({ path: name('Play-harmony') }));
            await waitScene(page, 'Results');
            await page.waitForTimeout(1500);
            await page.screenshot({ path: name('Results') });
            await key(page, 'KeyT');
            await page.waitForTimeout(400);
            await page.screenshot({ path: name('Results-details') });
          }
        } else if (scene === 'KeyTest') {
          // Bindings, then its first button (Start key test).
          await key(page, 'ArrowDown');
          await key(page, 'Enter');
          await page.waitForTimeout(500);
          await page.screenshot({ path: name(scene) });
        } else {
          await page.screenshot({ path: name(scene) });
        }
        console.log('shot', size.join('x'), lang, scene);
      } catch (e) {
        console.error('failed', size.join('x'), lang, scene, e.message.split('\n')[0]);
      } finally {
        await context.close();
      }
    }
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
