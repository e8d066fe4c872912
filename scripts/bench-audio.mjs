// The mix, measured (section 3 of `npm run bench`; alone: `node scripts/bench-audio.mjs`).
// Every song is rendered offline in headless Chromium through the game's own audio code
// (src/audio/offline.ts, bundled here with Vite's build API) and measured with
// src/audio/loudness.ts (ITU-R BS.1770-4) and src/audio/spectrum.ts: backing loudness, a perfect
// duet's loudness, peaks, samples over -1 dBFS, stem loudness, and how far apart the two kits are.
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { bundlePage } from './bench-kit.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

/** A made-up localhost origin (a secure context, as AudioWorklet needs); requests are answered below. */
const ORIGIN = 'http://localhost:4399';

/** The page side: renders and measures in the page, returns plain numbers. */
const PAGE_CODE = `
import * as offline from '/src/audio/offline.ts';
import * as loudness from '/src/audio/loudness.ts';
import * as spectrum from '/src/audio/spectrum.ts';
import { SONGS } from '/src/content/songs/index.ts';

const LANES = ['hihat', 'snare', 'tom', 'kick'];
const OVER = loudness.fromDbfs(-1);

function levels(r) {
  const peak = loudness.samplePeak(r.channels);
  return {
    lufs: loudness.integratedLoudness(r.channels, r.sampleRate),
    peak: loudness.toDbfs(peak),
    truePeak: loudness.toDbfs(loudness.truePeak(r.channels)),
    over: loudness.samplesOver(r.channels, OVER),
    limiter: r.limiter,
    musicLimiter: r.musicLimiter,
  };
}

async function measureSong(id, quick) {
  const song = SONGS.find((s) => s.id === id);
  const t0 = performance.now();
  const backing = levels(await offline.renderSong(song));
  const normal = levels(await offline.renderSong(song, { duet: ['normal', 'normal'] }));
  const expert = levels(await offline.renderSong(song, { duet: ['expert', 'expert'] }));
  const melody = levels(await offline.renderSong(song, { stems: ['melody'] }));
  const bass = levels(await offline.renderSong(song, { stems: ['bass'] }));
  const bed = levels(await offline.renderSong(song, { stems: ['bed'] }));
  return { id, title: song.title, backing, normal, expert, melody, bass, bed, ms: performance.now() - t0 };
}

async function measureKits() {
  const kits = await offline.kitSounds();
  const rate = kits.sampleRate;
  const phone = spectrum.phoneSpeaker(rate);
  const lanes = {};
  for (const lane of LANES) {
    const a = kits.rock[lane];
    const b = kits.pop[lane];
    lanes[lane] = {
      full: spectrum.spectralDistance(a, b, rate),
      phone: spectrum.spectralDistance(a, b, rate, phone),
      loud: [loudness.hitLoudness([a], rate), loudness.hitLoudness([b], rate)],
      peak: [loudness.toDbfs(loudness.samplePeak([a])), loudness.toDbfs(loudness.samplePeak([b]))],
      centroid: [spectrum.spectralCentroid(a, rate), spectrum.spectralCentroid(b, rate)],
    };
    if (kits.rockMuted) {
      lanes[lane].muted = [
        loudness.hitLoudness([kits.rockMuted[lane]], rate) - lanes[lane].loud[0],
        loudness.hitLoudness([kits.popMuted[lane]], rate) - lanes[lane].loud[1],
      ];
    }
  }
  const all = [];
  for (const p of [0, 1]) for (const l of LANES) all.push([p, l]);
  const together = levels(await offline.renderPresses(all));
  return { lanes, together };
}

async function timeRender(id, options) {
  const t0 = performance.now();
  const r = await offline.renderSong(SONGS.find((s) => s.id === id), options);
  return {
    ms: performance.now() - t0,
    lufs: loudness.integratedLoudness(r.channels, r.sampleRate),
    peak: loudness.toDbfs(loudness.samplePeak(r.channels)),
    truePeak: loudness.toDbfs(loudness.truePeak(r.channels)),
    music: r.musicLimiter,
    master: r.limiter,
  };
}

window.audioBench = { measureSong, measureKits, timeRender, songs: SONGS.map((s) => s.id) };
`;

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : String(x));
const pad = (s, n) => String(s).padStart(n);

/** Limiter activity of a render: deepest gain reduction (dB) and share of samples reduced by more than 1 dB. */
function limiterText(l) {
  if (!l) return 'no limiter';
  return `${f1(-20 * Math.log10(l.minGain))} dB max, ${((100 * l.reduced) / l.samples).toFixed(2)} % > 1 dB`;
}

/** Renders and measures the songs; prints their table. */
async function songTable(page, ids, warnings) {
  console.log('\nSound (offline renders through src/audio in headless Chromium; BS.1770-4 loudness)');
  console.log(
    '  song                 backing  duet N  duet E  E-back  peak b/E     true pk E  >-1dBFS b/E  melody  bass   bed  poly warn',
  );
  const rows = [];
  for (const id of ids) {
    const before = warnings.length;
    const r = await page.evaluate((songId) => window.audioBench.measureSong(songId), id);
    const poly = warnings.slice(before).filter((w) => /polyphony/i.test(w)).length;
    rows.push(r);
    console.log(
      `  ${r.title.padEnd(20)} ${pad(f1(r.backing.lufs), 7)} ${pad(f1(r.normal.lufs), 7)} ${pad(f1(r.expert.lufs), 7)}` +
        ` ${pad(f1(r.expert.lufs - r.backing.lufs), 7)} ${pad(`${f1(r.backing.peak)}/${f1(r.expert.peak)}`, 11)} ${pad(f1(r.expert.truePeak), 10)}` +
        ` ${pad(`${r.backing.over}/${r.expert.over}`, 12)} ${pad(f1(r.melody.lufs), 7)} ${pad(f1(r.bass.lufs), 5)}` +
        ` ${pad(f1(r.bed.lufs), 5)} ${pad(poly, 10)}`,
    );
  }
  for (const r of rows)
    console.log(
      `  ${r.title}: mastering limiter ${limiterText(r.backing.musicLimiter)}; master limiter, backing ${limiterText(r.backing.limiter)}, Expert duet ${limiterText(r.expert.limiter)}`,
    );
  const spread = Math.max(...rows.map((r) => r.backing.lufs)) - Math.min(...rows.map((r) => r.backing.lufs));
  console.log(
    `  (LUFS; peaks dBFS; "E-back": Expert duet minus backing, target <= 4 LU; backing target -16 +-1, spread ${f1(spread)} LU)`,
  );

  return rows;
}

export async function audioBench(only = []) {
  const started = Date.now();
  const code = await bundlePage(PAGE_CODE);
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? ensureChromium(),
    headless: true,
    args: ['--autoplay-policy=no-user-gesture-required', '--no-sandbox'],
  });
  try {
    const page = await browser.newPage();
    const warnings = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
    });
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = route.request().url();
      if (url.endsWith('/bench.js')) return route.fulfill({ contentType: 'text/javascript', body: code });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="bench.js"></script>' });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => typeof window.audioBench !== 'undefined');
    const all = await page.evaluate(() => window.audioBench.songs);
    // arguments pick songs by id ("kits" alone: only the kits)
    const ids = only.length ? all.filter((id) => only.includes(id)) : all;

    const rows = ids.length ? await songTable(page, ids, warnings) : [];
    if (only.length && !only.includes('kits')) return { rows };
    const kits = await page.evaluate(() => window.audioBench.measureKits());
    console.log(
      '\n  kits: spectral distance rock vs pop (third-octave RMS, dB), hit loudness (LUFS, one hit in 400 ms)',
    );
    console.log(
      '  lane     full band  300 Hz HP   rock    pop   peak rock/pop (dBFS)   centroid rock/pop (Hz)   Miss vs hit (LU)',
    );
    for (const [lane, k] of Object.entries(kits.lanes)) {
      const muted = k.muted ? `${f1(k.muted[0])} / ${f1(k.muted[1])}` : 'silent';
      console.log(
        `  ${lane.padEnd(7)} ${pad(f1(k.full), 10)} ${pad(f1(k.phone), 10)} ${pad(f1(k.loud[0]), 6)} ${pad(f1(k.loud[1]), 6)}` +
          `   ${pad(`${f1(k.peak[0])} / ${f1(k.peak[1])}`, 20)}   ${pad(`${Math.round(k.centroid[0])} / ${Math.round(k.centroid[1])}`, 22)}   ${pad(muted, 16)}`,
      );
    }
    console.log(
      `  all eight drums at once: peak ${f1(kits.together.peak)} dBFS, true peak ${f1(kits.together.truePeak)} dBFS, ${kits.together.over} samples over -1 dBFS (limiter ${limiterText(kits.together.limiter)})`,
    );
    console.log(`  (sound section took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    return { rows, kits };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await audioBench(process.argv.slice(2));
