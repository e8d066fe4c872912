import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { SONGS } from '../../src/content/songs';
import { loadSong } from '../../src/core/chart';
import { useBrowser } from './harness';

/*
 * The mix, rendered offline in Chromium through the game's own audio code (src/audio/offline.ts:
 * the engine's mixer, limiter, kits and backing), and measured with src/audio/loudness.ts.
 * A small bundle of those modules is built here with Vite's build API and served to a blank
 * page on a made-up localhost origin (a secure context, as AudioWorklet needs); the shipped
 * game has no test-only code. One section of the loudest song keeps it short.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const ORIGIN = 'http://localhost:4398';
const ENTRY = 'virtual:sound-test';
const PAGE_CODE = `
import { renderSong } from '/src/audio/offline.ts';
import { fromDbfs, integratedLoudness, samplePeak, samplesOver, toDbfs } from '/src/audio/loudness.ts';
import { SONGS } from '/src/content/songs/index.ts';

window.soundTest = async (id, from, to, duet) => {
  const song = SONGS.find((s) => s.id === id);
  const r = await renderSong(song, { from, to, tail: 0.5, duet: duet ? ['expert', 'expert'] : null });
  return {
    lufs: integratedLoudness(r.channels, r.sampleRate),
    peak: toDbfs(samplePeak(r.channels)),
    over: samplesOver(r.channels, fromDbfs(-1)),
    limiting: r.limiter !== null,
  };
};
`;

interface Measured {
  lufs: number;
  peak: number;
  over: number;
  limiting: boolean;
}

async function bundle(): Promise<string> {
  const out = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'sound-test-entry',
        resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : null),
        load: (id) => (id === `\0${ENTRY}` ? PAGE_CODE : null),
      },
    ],
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      // the limiter's worklet module as a data: URL inside the one script
      assetsInlineLimit: () => true,
      rollupOptions: { input: ENTRY, output: { format: 'iife', entryFileNames: 'sound.js' } },
    },
  })) as Rollup.RollupOutput;
  const chunk = out.output.find((o) => o.type === 'chunk' && o.fileName === 'sound.js');
  if (chunk?.type !== 'chunk') throw new Error('the sound test bundle was not built');
  return chunk.code;
}

describe('the mix, rendered offline through the game audio code', () => {
  const browser = useBrowser();
  let code = '';

  beforeAll(async () => {
    code = await bundle();
  });

  it("keeps a perfect Expert duet of Heavy Metal Summit's chorus under -1 dBFS and within 4 LU of the music", async () => {
    const song = loadSong(SONGS.find((s) => s.id === 'heavy-metal-summit'));
    const i = song.sections.findIndex((s) => s.kind === 'chorus');
    const from = song.sections[i]?.time as number;
    const to = song.sections[i + 1]?.time as number;
    expect(to - from).toBeGreaterThan(8);

    const page = await browser().newPage();
    try {
      await page.route(`${ORIGIN}/**`, (route) =>
        route.request().url().endsWith('/sound.js')
          ? route.fulfill({ contentType: 'text/javascript', body: code })
          : route.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="sound.js"></script>' }),
      );
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => 'soundTest' in window);
      const render = (duet: boolean): Promise<Measured> =>
        page.evaluate(
          ([a, b, d]) =>
            (
              window as unknown as {
                soundTest: (id: string, from: number, to: number, duet: boolean) => Promise<Measured>;
              }
            ).soundTest('heavy-metal-summit', a, b, d),
          [from, to, duet] as const,
        );
      const backing = await render(false);
      const duet = await render(true);

      expect(duet.limiting, 'the master limiter runs').toBe(true);
      expect(duet.over, 'samples over -1 dBFS').toBe(0);
      expect(duet.peak).toBeLessThan(-1);
      // the backing's loudest section sits a little over the song's -16 LUFS
      expect(backing.lufs).toBeGreaterThan(-17);
      expect(backing.lufs).toBeLessThan(-12.5);
      // the players' hits sit inside the music
      expect(duet.lufs - backing.lufs).toBeGreaterThan(0.5);
      expect(duet.lufs - backing.lufs).toBeLessThanOrEqual(4);
    } finally {
      await page.close();
    }
  });
});
