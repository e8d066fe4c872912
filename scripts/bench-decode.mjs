// Imported music, decoded and measured (alone: `node scripts/bench-decode.mjs`).
// Issue 13: "a 4-minute MP3 decodes and is ready in about 2 s on this machine". A deterministic
// 4-minute stereo 44.1 kHz piece is synthesized here, written as a 16-bit WAV and encoded to MP3
// with `lame`; both are then decoded and measured in headless Chromium through the game's own
// import path (src/game/songMusic.ts: decodeMusic from src/audio/decode.ts, BS.1770 loudness from
// src/audio/loudness.ts, gainToTarget from src/audio/normalise.ts), bundled with Vite's build API.
// Prints figures only: nothing is asserted on time.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { bundlePage, rng } from './bench-kit.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

/** A made-up localhost origin; requests are answered below. */
const ORIGIN = 'http://localhost:4398';

const RATE = 44_100;
const SECONDS = 240;
const RUNS = 5;
const TARGET_RMS_DBFS = -14;

/** The page side: decodes and measures in the page, returns plain numbers. */
const PAGE_CODE = `
import { channelsOf, DEFAULT_RATE, decodeMusic } from '/src/audio/decode.ts';
import { integratedLoudness } from '/src/audio/loudness.ts';
import { readMp3Gapless } from '/src/audio/mp3Delay.ts';
import { SongMusic } from '/src/game/songMusic.ts';

const files = {};

async function load(name) {
  const response = await fetch('/files/' + name);
  if (!response.ok) throw new Error('could not fetch ' + name + ': ' + response.status);
  files[name] = new Uint8Array(await response.arrayBuffer());
  return files[name].length;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), max: Math.max(...xs), runs: xs });

/** Times decode alone, loudness alone and the whole import path (SongMusic.measure), runs times after a warm-up. */
async function time(name, sampleRate, runs) {
  const bytes = files[name];
  // Measure needs no database (only prepare reads one); the game's own meter and rate.
  const music = new SongMusic(null, integratedLoudness, () => sampleRate);
  const key = 'bench-' + name;
  await music.measure(key, bytes, name); // warm-up
  music.forget(key);
  const decode = [];
  const loud = [];
  const ready = [];
  let last;
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    const decoded = await decodeMusic(bytes, name, sampleRate);
    decode.push(performance.now() - t0);
    t0 = performance.now();
    const lufs = integratedLoudness(channelsOf(decoded.buffer), decoded.buffer.sampleRate);
    loud.push(performance.now() - t0);
    t0 = performance.now();
    const measured = await music.measure(key, bytes, name);
    ready.push(performance.now() - t0);
    music.forget(key);
    last = { decoded, lufs, measured };
  }
  const { buffer, startTrim } = last.decoded;
  return {
    decode: stats(decode),
    loudness: stats(loud),
    ready: stats(ready),
    sampleRate: buffer.sampleRate,
    channels: buffer.numberOfChannels,
    length: buffer.length,
    trimSamples: Math.round(startTrim * buffer.sampleRate),
    duration: last.measured.duration,
    lufs: last.lufs,
    gainDb: last.measured.gainDb,
    gapless: readMp3Gapless(bytes),
  };
}

/**
 * Where the decoded music starts against the reference: the lag (samples, at the reference's rate)
 * that best lines up the first second of both after the start trim; 0 when trimmed exactly.
 */
async function alignment(name, reference) {
  const a = await decodeMusic(files[name], name, 44100);
  const b = await decodeMusic(files[reference], reference, 44100);
  const x = a.buffer.getChannelData(0);
  const y = b.buffer.getChannelData(0);
  const trim = Math.round(a.startTrim * a.buffer.sampleRate);
  const N = 44100;
  const R = 3000;
  let best = 0;
  let bestScore = -Infinity;
  for (let lag = -R; lag <= R; lag++) {
    let s = 0;
    for (let i = R; i < N + R; i++) s += (x[trim + i + lag] ?? 0) * y[i];
    if (s > bestScore) {
      bestScore = s;
      best = lag;
    }
  }
  return { lag: best, trim };
}

window.decodeBench = { load, time, alignment, defaultRate: DEFAULT_RATE };
`;

/** polyBLEP: softens a saw's step so the chords do not alias much. */
function blep(t, dt) {
  if (t < dt) {
    const x = t / dt;
    return x + x - x * x - 1;
  }
  if (t > 1 - dt) {
    const x = (t - 1) / dt;
    return x * x + x + x + 1;
  }
  return 0;
}

/**
 * Four minutes of music-like stereo: detuned saw and sine chords changing every 2 s, a kick-like
 * thump every 0.5 s, noise hats between, brought to about -14 dBFS RMS. Deterministic.
 */
function synthesize() {
  const n = RATE * SECONDS;
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  const rand = rng(13);
  // A minor-ish progression (MIDI notes), one chord every 2 s.
  const chords = [
    [45, 57, 60, 64],
    [41, 53, 57, 60],
    [48, 55, 60, 64],
    [43, 55, 59, 62],
  ];
  const hz = (m) => 440 * 2 ** ((m - 69) / 12);
  const chordLen = 2 * RATE;
  // Oscillator phases: per chord note, two detuned saws (one per side) and a sine.
  const phases = new Float64Array(4 * 3);
  let hpIn = 0;
  let hpOut = 0;
  let bassLp = 0;
  for (let i = 0; i < n; i++) {
    const chord = chords[Math.floor(i / chordLen) % chords.length];
    const inChord = (i % chordLen) / RATE;
    const env = Math.min(1, inChord / 0.02) * (0.55 + 0.45 * Math.exp(-inChord * 1.5));
    let l = 0;
    let r = 0;
    for (let v = 0; v < 4; v++) {
      const f = hz(chord[v]);
      const detunes = [f * 1.003, f * 0.997, f];
      for (let k = 0; k < 3; k++) {
        const p = v * 3 + k;
        const dt = detunes[k] / RATE;
        const ph = phases[p];
        if (k < 2) {
          const saw = 2 * ph - 1 - blep(ph, dt);
          if (k === 0) {
            l += saw * 0.7;
            r += saw * 0.3;
          } else {
            l += saw * 0.3;
            r += saw * 0.7;
          }
        } else {
          const s = Math.sin(2 * Math.PI * ph) * (v === 0 ? 2 : 0.6);
          l += s;
          r += s;
        }
        phases[p] = ph + dt >= 1 ? ph + dt - 1 : ph + dt;
      }
    }
    // soften the chords a little (one-pole low-pass on the sum)
    bassLp += 0.25 * ((l + r) * 0.5 - bassLp);
    l = 0.5 * l + 0.5 * bassLp;
    r = 0.5 * r + 0.5 * bassLp;
    l *= 0.06 * env;
    r *= 0.06 * env;
    // kick: a falling sine with a fast decay, every 0.5 s
    const beat = (i % (RATE / 2)) / RATE;
    const kick = Math.sin(2 * Math.PI * (45 * beat + (75 / 30) * (1 - Math.exp(-beat * 30)))) * Math.exp(-beat * 9);
    l += 0.6 * kick;
    r += 0.6 * kick;
    // hats: high-passed noise on the off-beats (every 0.25 s, between kicks), short decay
    const noise = rand() * 2 - 1;
    hpOut = 0.85 * (hpOut + noise - hpIn);
    hpIn = noise;
    const hat = (i % (RATE / 4)) / RATE;
    const offbeat = Math.floor(i / (RATE / 4)) % 2 === 1;
    const hatEnv = Math.exp(-hat * (offbeat ? 40 : 90)) * (offbeat ? 0.18 : 0.08);
    l += hpOut * hatEnv * 0.8;
    r += hpOut * hatEnv * 1.2;
    left[i] = l;
    right[i] = r;
  }
  // to -14 dBFS RMS (both channels), then keep the peaks under full scale
  let sum = 0;
  for (let i = 0; i < n; i++) sum += left[i] * left[i] + right[i] * right[i];
  const scale = 10 ** (TARGET_RMS_DBFS / 20) / Math.sqrt(sum / (2 * n));
  let peak = 0;
  for (let i = 0; i < n; i++) {
    left[i] = Math.tanh(left[i] * scale * 1.05) / 1.05;
    right[i] = Math.tanh(right[i] * scale * 1.05) / 1.05;
    peak = Math.max(peak, Math.abs(left[i]), Math.abs(right[i]));
  }
  // the soft clip took a little off: make it up (linear, the peaks stay well under full scale)
  sum = 0;
  for (let i = 0; i < n; i++) sum += left[i] * left[i] + right[i] * right[i];
  const makeUp = 10 ** (TARGET_RMS_DBFS / 20) / Math.sqrt(sum / (2 * n));
  if (peak * makeUp < 0.99) {
    for (let i = 0; i < n; i++) {
      left[i] *= makeUp;
      right[i] *= makeUp;
    }
    peak *= makeUp;
  }
  sum = 0;
  for (let i = 0; i < n; i++) sum += left[i] * left[i] + right[i] * right[i];
  return { left, right, rms: 10 * Math.log10(sum / (2 * n)), peak: 20 * Math.log10(peak) };
}

/** A 16-bit PCM stereo WAV. */
function wavBytes(left, right) {
  const n = left.length;
  const data = n * 4;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVE', 8, 'ascii');
  b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(2, 22);
  b.writeUInt32LE(RATE, 24);
  b.writeUInt32LE(RATE * 4, 28);
  b.writeUInt16LE(4, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(data, 40);
  const q = (x) => Math.max(-32768, Math.min(32767, Math.round(x * 32767)));
  for (let i = 0; i < n; i++) {
    b.writeInt16LE(q(left[i]), 44 + 4 * i);
    b.writeInt16LE(q(right[i]), 46 + 4 * i);
  }
  return b;
}

const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : String(x));
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : String(x));
const pad = (s, n) => String(s).padStart(n);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

export async function decodeBench() {
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'drum-decode-bench-'));
  let browser;
  try {
    const synth = synthesize();
    const wav = wavBytes(synth.left, synth.right);
    const wavPath = join(dir, 'music.wav');
    await writeFile(wavPath, wav);
    const served = { 'music.wav': wav };
    let skipped = '';
    const lame = spawnSync('lame', ['-b', '192', '--quiet', wavPath, join(dir, 'music.mp3')], { encoding: 'utf8' });
    const encoded = lame.error || lame.status !== 0 ? null : await readFile(join(dir, 'music.mp3')).catch(() => null);
    if (encoded?.length) served['music.mp3'] = encoded;
    else {
      const why =
        lame.error?.code === 'ENOENT'
          ? '`lame` is not installed (Debian: `sudo apt-get install lame`)'
          : `lame failed (${(lame.stderr || String(lame.error ?? 'no output')).trim()})`;
      skipped = `  MP3 row skipped: ${why}; benching the WAV only`;
    }

    const code = await bundlePage(PAGE_CODE);
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? ensureChromium(),
      headless: true,
      args: ['--autoplay-policy=no-user-gesture-required', '--no-sandbox'],
    });
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/bench.js') return route.fulfill({ contentType: 'text/javascript', body: code });
      const file = url.pathname.startsWith('/files/') ? served[url.pathname.slice(7)] : undefined;
      if (file) return route.fulfill({ contentType: 'application/octet-stream', body: file });
      if (url.pathname === '/')
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="bench.js"></script>' });
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => typeof window.decodeBench !== 'undefined');
    const defaultRate = await page.evaluate(() => window.decodeBench.defaultRate);
    for (const name of Object.keys(served)) await page.evaluate((n) => window.decodeBench.load(n), name);

    // The game decodes at the running context's rate, or DEFAULT_RATE (48 kHz) before one runs:
    // that is the import path (resampled); the file's own rate is the no-resampling case.
    const cases = [];
    for (const rate of [defaultRate, RATE])
      for (const name of ['music.mp3', 'music.wav']) if (served[name]) cases.push({ name, rate });

    console.log(`\nImported music: decode and measure (4-minute stereo file, median of ${RUNS} runs, ms)`);
    console.log(
      `  input: ${SECONDS} s stereo ${RATE} Hz, ${f1(synth.rms)} dBFS RMS, peak ${f1(synth.peak)} dBFS;` +
        ` WAV ${mb(served['music.wav'].length)}${served['music.mp3'] ? `, MP3 (lame -b 192) ${mb(served['music.mp3'].length)}` : ''}`,
    );
    console.log(
      '  file  decoded at    decode (max)     loudness (max)   ready = decode+measure (max)     length   trim  vs WAV  LUFS   gain',
    );
    if (skipped) console.log(skipped);
    const wavLength = RATE * SECONDS;
    const results = [];
    for (const c of cases) {
      const r = await page.evaluate(
        ([n, rate, runs]) => window.decodeBench.time(n, rate, runs),
        [c.name, c.rate, RUNS],
      );
      results.push({ ...c, ...r });
      // the WAV's length at the decode rate; the decoded music's length is buffer length minus the start trim
      const expected = (wavLength * r.sampleRate) / RATE;
      const music = r.length - r.trimSamples;
      const diff = music - expected;
      const cell = (s) => `${pad(f0(s.median), 6)} (${pad(f0(s.max), 5)})`;
      console.log(
        `  ${c.name.slice(6).toUpperCase().padEnd(4)}  ${pad(`${r.sampleRate} Hz`, 10)}  ${pad(cell(r.decode), 14)}   ${pad(cell(r.loudness), 14)}` +
          `   ${pad(cell(r.ready), 28)}   ${pad(`${r.duration.toFixed(3)} s`, 9)} ${pad(r.trimSamples, 5)} ${pad(`${diff >= 0 ? '+' : ''}${Number.isInteger(diff) ? diff : diff.toFixed(1)}`, 7)}` +
          ` ${pad(f1(r.lufs), 6)} ${pad(`${r.gainDb >= 0 ? '+' : ''}${f1(r.gainDb)}`, 5)}`,
      );
    }
    console.log(
      '  (decode and loudness at the rate shown; ready: SongMusic.measure, what import does before the song is listed,' +
        ' which decodes at the file\'s own rate whatever the row; "trim": encoder padding cut at the start,' +
        ' samples; "vs WAV": decoded music length minus the WAV\'s, samples at the decode rate; gain: dB to -16 LUFS)',
    );
    const mp3 = results.find((r) => r.name === 'music.mp3');
    if (mp3)
      console.log(
        `  issue 13 target: a 4-minute MP3 ready in about 2000 ms; here ${f0(mp3.ready.median)} ms median, ${f0(mp3.ready.max)} ms max (import decodes at the file's own rate, ${RATE} Hz; decoding at 48 kHz resamples the whole file)`,
      );
    if (mp3?.gapless) {
      const g = mp3.gapless;
      console.log(
        `  MP3 LAME tag: ${g.frames} frames x ${g.samplesPerFrame}, delay ${g.delay}, end padding ${g.padding} samples` +
          ` (music ${g.frames * g.samplesPerFrame - g.delay - g.padding} samples; WAV ${wavLength})`,
      );
    } else if (mp3) console.log('  MP3: no LAME/Xing gapless tag found: no padding can be trimmed');
    if (served['music.mp3']) {
      const a = await page.evaluate(() => window.decodeBench.alignment('music.mp3', 'music.wav'));
      console.log(
        `  MP3 start vs WAV at 44100 Hz (cross-correlation of the first second after the trim): ${a.lag >= 0 ? '+' : ''}${a.lag} samples` +
          ` (${a.lag === 0 ? 'aligned' : a.lag > 0 ? 'MP3 late: padding left in' : 'MP3 early: too much cut'}; trim ${a.trim})`,
      );
    }
    console.log(`  (decode section took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    return results;
  } finally {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await decodeBench();
