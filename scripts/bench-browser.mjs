// Browser benchmarks of the built game in headless Chromium (section 2 of `npm run bench`):
// judging error against the sent event times, key-to-sound latency, frame rate during the
// densest duet, shipped JS size, and navigation to an interactive title.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { ensureChromium } from './ensure-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles the test driver (TypeScript) so this plain Node script can use it. */
async function loadDriver() {
  // Inside the project, so the bundle resolves playwright-core from node_modules.
  const outDir = join(root, 'node_modules/.cache/drum-bench');
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      ssr: join(root, 'tests/browser/driver.ts'),
      rollupOptions: { external: ['playwright-core'], output: { entryFileNames: 'driver.mjs' } },
    },
  });
  const driver = await import(pathToFileURL(join(outDir, 'driver.mjs')).href);
  return { driver, cleanup: () => rm(outDir, { recursive: true, force: true }) };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))];
};

/** Plays the test song with random offsets; returns |judged - sent| per judged note. */
async function judgingError(driver, browser, url, throttle) {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // The throttled page goes with its context, which withGameAt always closes.
  return driver.withGameAt(browser, url, '?song=test-song&mode=battle&p1=normal&p2=normal', {}, async (game) => {
    await driver.startSong(game);
    const plan = await driver.planAll(game.page, () => Math.round((random() * 40 - 20) * 1000) / 1000);
    const keyCodes = await driver.keyCodes(game.page);
    await game.cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await driver.playPlan(game, plan, { keyCodes });
    const r = await driver.waitForResults(game.page, 120_000);
    const errors = [];
    for (const p of [0, 1]) {
      const notes = await game.page.evaluate((pl) => window.drumDiplomacy.notes(pl), p);
      const sent = new Map(
        plan.filter((x) => x.player === p).map((x) => [`${x.songTime.toFixed(6)}${x.lane}`, driver.sentOffsetMs(x)]),
      );
      for (const h of r.players[p].hits) {
        const n = notes.find((x) => x.id === h.noteId);
        const want = sent.get(`${n.time.toFixed(6)}${n.lane}`);
        if (h.offsetMs !== null && want !== undefined) errors.push(Math.abs(h.offsetMs - want));
      }
    }
    return errors;
  });
}

/** Key event → drum sound: scheduled start minus currentTime, and event-to-handler delay. */
async function soundLatency(driver, browser, url) {
  return driver.withGameAt(browser, url, '?song=test-song&mode=duet&p1=normal&p2=normal', {}, async (game) => {
    await game.page.evaluate(() => {
      const w = window;
      w.__latency = [];
      w.__measure = false;
      w.__resetLatency = () => {
        w.__latency.length = 0;
        w.__measure = true;
      };
      // A source started while a keydown is being dispatched (window.event) is that key's sound.
      const start = AudioBufferSourceNode.prototype.start;
      AudioBufferSourceNode.prototype.start = function (when = 0, ...rest) {
        const e = window.event;
        if (w.__measure && e?.type === 'keydown') {
          w.__latency.push({
            startMinusNowMs: (Math.max(when, this.context.currentTime) - this.context.currentTime) * 1000,
            handlerDelayMs: performance.now() - e.timeStamp,
          });
        }
        return start.call(this, when, ...rest);
      };
    });
    await driver.startSong(game);
    const plan = (await driver.planAll(game.page, () => 0)).slice(0, 40);
    const keyCodes = await driver.keyCodes(game.page);
    // Forget the unlocking key (its next sound is a scheduled count-in click, not a hit).
    await game.page.evaluate(() => window.__resetLatency());
    await driver.playPlan(game, plan, { keyCodes, sendAheadMs: 0 });
    return game.page.evaluate(() => window.__latency);
  });
}

/** Frame rate while the densest duet plays (nobody presses: every note turns into a Miss). */
async function frameRate(driver, browser, url, throttle) {
  const query = '?song=heavy-metal-summit&mode=duet&p1=expert&p2=expert';
  const intervals = await driver.withGameAt(browser, url, query, {}, async (game) => {
    await driver.startSong(game);
    await game.cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    // the chorus: skip the count-in and intro
    await game.page.waitForTimeout(12_000);
    return game.page.evaluate(
      () =>
        new Promise((resolve) => {
          const out = [];
          let last = 0;
          const t0 = performance.now();
          const tick = (t) => {
            if (last) out.push(t - last);
            last = t;
            if (t - t0 < 8000) requestAnimationFrame(tick);
            else resolve(out);
          };
          requestAnimationFrame(tick);
        }),
    );
  });
  const fps = intervals.map((ms) => 1000 / ms);
  return { median: pct(fps, 0.5), p5: pct(fps, 0.05), frames: intervals.length };
}

/** JS heap after entering Play again and again (Pause → Restart): a scene must not leak. */
async function restartHeap(driver, browser, url, rounds) {
  return driver.withGameAt(browser, url, '?song=nara-nights&mode=duet&p1=expert&p2=expert', {}, async (game) => {
    const { page, cdp } = game;
    const press = async (code) => {
      await driver.tapKey(game, code);
      await page.waitForTimeout(120);
    };
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
    };
    await driver.startSong(game);
    await page.waitForTimeout(1500);
    const sizes = [];
    for (let i = 0; i < rounds; i++) {
      await press('Escape');
      await driver.waitForScene(page, 'Pause');
      await press('ArrowDown');
      await press('Enter');
      await driver.waitForSongClock(page, true);
      await page.waitForTimeout(600);
      if (i === 1 || i === rounds - 1) sizes.push(await heap());
    }
    return sizes;
  });
}

async function navigationToTitle(driver, browser, url) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    await driver.withGameAt(browser, url, '', {}, async ({ page }) => {
      await driver.waitForScene(page, 'Title', driver.SCENE_TIMEOUT_MS, 'raf');
      times.push(await page.evaluate(() => performance.now()));
    });
  }
  return times;
}

async function jsGzip() {
  const dir = join(root, 'dist/assets');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  let total = 0;
  const rows = [];
  for (const f of files) {
    const kb = gzipSync(await readFile(join(dir, f))).length / 1024;
    total += kb;
    rows.push([f, kb]);
  }
  return { total, rows };
}

export async function browserBench() {
  process.env.CHROME_PATH = ensureChromium();
  await build({ root, logLevel: 'silent' });
  const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const url = server.resolvedUrls.local[0];
  const { driver, cleanup } = await loadDriver();
  const browser = await driver.launch();
  try {
    console.log('\nBrowser (built game, headless Chromium)');
    for (const rate of [1, 6]) {
      const e = await judgingError(driver, browser, url, rate);
      console.log(
        `  judged vs event time, ${rate}x CPU: p50 ${pct(e, 0.5).toFixed(3)} ms, p99 ${pct(e, 0.99).toFixed(3)} ms, max ${Math.max(...e).toFixed(3)} ms (${e.length} notes; target p99 <= 0.5)`,
      );
    }
    const lat = await soundLatency(driver, browser, url);
    const start = lat.map((x) => x.startMinusNowMs);
    const delay = lat.map((x) => x.handlerDelayMs);
    console.log(
      `  key -> hit sound start minus currentTime: p50 ${pct(start, 0.5).toFixed(2)} ms, max ${Math.max(...start).toFixed(2)} ms (${lat.length} hits; target <= 3); event -> handler p50 ${pct(delay, 0.5).toFixed(2)} ms`,
    );
    for (const rate of [1, 4]) {
      const f = await frameRate(driver, browser, url, rate);
      console.log(
        `  fps, densest duet (Heavy Metal Summit, Expert x2), ${rate}x CPU: median ${f.median.toFixed(1)}, 5th percentile ${f.p5.toFixed(1)} (${f.frames} frames; target median >= ${rate === 1 ? 58 : 30})`,
      );
    }
    const rounds = 30;
    const [early, late] = await restartHeap(driver, browser, url, rounds);
    console.log(
      `  JS heap after restarting Play 2 times: ${early.toFixed(1)} MB; after ${rounds} times: ${late.toFixed(1)} MB (a leak grows with every restart)`,
    );
    const nav = await navigationToTitle(driver, browser, url);
    console.log(
      `  navigation -> interactive title (local preview): median ${pct(nav, 0.5).toFixed(0)} ms, max ${Math.max(...nav).toFixed(0)} ms (5 loads; target <= 1000)`,
    );
    const js = await jsGzip();
    console.log(`  shipped JS gzip: ${js.total.toFixed(1)} KB (target <= 320)`);
    for (const [f, kb] of js.rows.sort((a, b) => b[1] - a[1])) console.log(`    ${f.padEnd(34)} ${kb.toFixed(1)} KB`);
  } finally {
    await browser.close();
    await server.close();
    await cleanup();
  }
}
