import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cloneHeroChart,
  duetTja,
  generalMidi,
  music,
  type NamedFile,
  pictureAsTja,
  taikoOsz,
  zipBomb,
} from '../fixtures/importable';
import {
  type GamePage,
  keyCodes,
  planAll,
  playPlan,
  startSong,
  useBrowser,
  waitForResults,
  waitForScene,
  waitUntil,
  withGame,
} from './harness';

useBrowser();

const IMPORT_TIMEOUT_MS = 30_000;
const scratch = mkdtempSync(join(tmpdir(), 'drum-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Notice = { level: 'info' | 'error'; text: string };
const notices = (page: Page): Promise<Notice[]> => page.evaluate(() => window.drumDiplomacy.notices());
const songIds = (page: Page): Promise<string[]> => page.evaluate(() => window.drumDiplomacy.songs().map((s) => s.id));
const importedSongs = (page: Page) =>
  page.evaluate(() => window.drumDiplomacy.songs().filter((s) => s.id.startsWith('imported-')));

const FOUR = () => [
  duetTja(),
  { name: 'duet.wav', bytes: music(16, { seed: 1 }) },
  taikoOsz(),
  cloneHeroChart(),
  generalMidi(),
];
const TITLES = ['Summit Duet', 'Lantern Taiko', 'Deer Park Drums', 'Deer Park March'];

/** What to wait for after choosing files: `atLeast` notices in all that start with `startsWith` ('' for any). */
interface Expect {
  startsWith: string;
  atLeast: number;
}

/** Chooses files through `#import-files` (as the Import button does) and waits for the notices saying how it went. */
async function importFiles(page: Page, files: NamedFile[] | string, want: Expect): Promise<void> {
  await page.setInputFiles(
    '#import-files',
    typeof files === 'string'
      ? files
      : files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })),
  );
  await waitUntil(
    page,
    (w) => window.drumDiplomacy.notices().filter((n) => n.text.startsWith(w.startsWith)).length >= w.atLeast,
    want,
    {
      timeout: IMPORT_TIMEOUT_MS,
      polling: 100,
      message: async () => `the import never finished; notices: ${JSON.stringify(await notices(page))}`,
    },
  );
}

const imported = (atLeast = 1): Expect => ({ startsWith: 'Imported', atLeast });

/** Waits until the stored imported songs are listed after a (re)load. */
async function waitForImported(page: Page, count: number): Promise<void> {
  await waitUntil(
    page,
    (n) => window.drumDiplomacy.songs().filter((s) => s.id.startsWith('imported-')).length === n,
    count,
    {
      timeout: IMPORT_TIMEOUT_MS,
      polling: 100,
      message: async () => `expected ${count} imported songs, have ${JSON.stringify(await importedSongs(page))}`,
    },
  );
}

/** Clicks a point of the 1280×720 game in page pixels (the canvas is scaled to fit). */
/** Clicks the middle of the game's button whose label is `label` (the hook's layoutBoxes, CSS px). */
async function clickButton(page: Page, label: string): Promise<void> {
  const boxes = await page.evaluate(() => window.drumDiplomacy.layoutBoxes());
  const box = boxes.find((b) => b.label === label);
  if (!box) throw new Error(`no button "${label}" among: ${boxes.map((b) => b.label).join(', ')}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function openSong(game: { open(q: string): Promise<GamePage> }, id: string, p1: string, p2: string) {
  const g = await game.open(`?song=${id}&mode=duet&p1=${p1}&p2=${p2}`);
  await waitForScene(g.page, 'Play');
  const notes = await g.page.evaluate(() => [window.drumDiplomacy.notes(0), window.drumDiplomacy.notes(1)] as const);
  await g.page.close();
  return notes;
}

interface Heard {
  /** Synth notes started (oscillators of the live context). */
  notes: number;
  /** Short buffers started (clicks; no drum is hit in these tests). */
  clicks: number;
}

/** Counts what the live AudioContext starts. */
function countSounds(): void {
  const heard: Heard = { notes: 0, clicks: 0 };
  (window as unknown as { heard: Heard }).heard = heard;
  const osc = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, when = 0) {
    if (this.context instanceof AudioContext) heard.notes++;
    return osc.call(this, when);
  };
  const buf = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, when = 0, ...rest) {
    if (this.context instanceof AudioContext && (this.buffer?.duration ?? 1) < 0.3) heard.clicks++;
    return buf.call(this, when, ...(rest as []));
  };
}

describe('importing songs', () => {
  it('a two-player TJA with its music, a taiko .osz, a Clone Hero chart and a General MIDI file, chosen together, become duets at four difficulties, stay after an offline reload, keep their ids, and sound', async () => {
    await withGame('?scene=SongSelect', { initScript: countSounds }, async (game) => {
      const { page } = game;
      await waitForScene(page, 'SongSelect');
      const before = await songIds(page);
      await importFiles(page, FOUR(), imported(4));
      expect((await notices(page)).filter((n) => n.level === 'error')).toEqual([]);
      const texts = (await notices(page)).map((n) => n.text);
      expect(texts).toContain('Imported "Summit Duet": a duet at four difficulties (its two-player parts).');
      expect(texts).toContain('"Deer Park Drums" came without music: it plays with a click track.');
      const songs = await importedSongs(page);
      expect(songs.map((s) => s.title).sort()).toEqual([...TITLES].sort());
      for (const s of songs) expect(s.id).toMatch(/^imported-[0-9a-f]{12}$/);
      expect(songs.find((s) => s.title === 'Deer Park Drums')?.bpm).toBe(150);
      expect(await songIds(page)).toEqual([...before, ...songs.map((s) => s.id)]);

      // every song, both players, every difficulty: notes, unison notes in both parts
      for (const s of songs) {
        for (const [p1, p2] of [
          ['easy', 'expert'],
          ['hard', 'normal'],
        ]) {
          const [a, b] = await openSong(game, s.id, p1 as string, p2 as string);
          expect(a.length, `${s.title} ${p1}`).toBeGreaterThan(3);
          expect(b.length, `${s.title} ${p2}`).toBeGreaterThan(3);
          // Easy plays snare and kick only
          if (p1 === 'easy') expect(a.filter((n) => n.lane !== 'snare' && n.lane !== 'kick')).toEqual([]);
        }
      }

      // the same chart again is the same song: no second entry, same id
      await importFiles(page, [cloneHeroChart()], { startsWith: 'Imported "Deer Park Drums"', atLeast: 2 });
      expect((await importedSongs(page)).map((s) => s.id)).toEqual(songs.map((s) => s.id));

      // offline: the service worker serves the game, IndexedDB the songs
      await waitUntil(page, () => navigator.serviceWorker.controller !== null, undefined, {
        timeout: IMPORT_TIMEOUT_MS,
        message: 'the service worker never took control',
      });
      await game.context.setOffline(true);
      await page.reload();
      await waitForScene(page, 'SongSelect');
      await waitForImported(page, 4);
      expect(await importedSongs(page)).toEqual(songs);
      const [a] = await openSong(game, songs[0]?.id as string, 'expert', 'expert');
      expect(a.length).toBeGreaterThan(10);

      // Heard: the .mid's own tracks play through the game's synths; the chart without music, a click track
      const sounds = async (title: string) => {
        const g = await game.open(`?song=${songs.find((s) => s.title === title)?.id}&mode=duet&p1=easy&p2=easy`);
        await startSong(g);
        await g.page.waitForTimeout(5000);
        const heard = await g.page.evaluate(() => (window as unknown as { heard: Heard }).heard);
        await g.page.close();
        return heard;
      };
      expect((await sounds('Deer Park March')).notes).toBeGreaterThan(10);
      // 150 BPM: the 4 count-in clicks and then a click a beat (alone, the count-in would be 4)
      expect((await sounds('Deer Park Drums')).clicks).toBeGreaterThanOrEqual(10);
      expect(game.errors).toEqual([]);
    });
  }, 240_000);

  it('an imported duet with its music plays through: its music heard from song time 0, both players 1,000,000, the best kept under its id', async () => {
    /** Records every long buffer source started (the music; drums and clicks are short). */
    const recordLongSources = () => {
      const starts: { duration: number; when: number; offset: number; now: number }[] = [];
      (window as unknown as { musicStarts: typeof starts }).musicStarts = starts;
      const start = AudioBufferSourceNode.prototype.start;
      AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, when = 0, offset = 0, ...rest) {
        const duration = this.buffer?.duration ?? 0;
        if (duration > 5) starts.push({ duration, when, offset, now: this.context.currentTime });
        return start.call(this, when, offset, ...(rest as []));
      };
    };
    await withGame('?scene=SongSelect', { initScript: recordLongSources }, async (game) => {
      const { page } = game;
      await waitForScene(page, 'SongSelect');
      await importFiles(page, [duetTja(), { name: 'duet.wav', bytes: music(16, { seed: 1 }) }], imported());
      const [song] = await importedSongs(page);
      const g = await game.open(`?song=${song?.id}&mode=duet&p1=expert&p2=hard`);
      await startSong(g);
      const plan = await planAll(g.page, () => 0);
      // the 16 s file starts once, from its first sample, after the count-in (the song starts at 0)
      const starts = await g.page.evaluate(
        () =>
          (window as unknown as { musicStarts: { duration: number; when: number; offset: number; now: number }[] })
            .musicStarts,
      );
      expect(starts).toHaveLength(1);
      expect(starts[0]?.duration).toBeCloseTo(16, 1);
      expect(starts[0]?.offset).toBe(0);
      expect((starts[0]?.when ?? 0) - (starts[0]?.now ?? 0)).toBeGreaterThan(0.15);
      await playPlan(g, plan, { keyCodes: await keyCodes(g.page) });
      const r = await waitForResults(g.page);
      expect(r?.songId).toBe(song?.id);
      for (const p of r?.players ?? []) {
        expect(p.score).toBe(1_000_000);
        expect(p.counts.miss).toBe(0);
      }
      expect(r?.harmony).toBe(1);
      const best = await g.page.evaluate(
        (id) => localStorage.getItem(`drumDiplomacy.best.${id}.duet.expert-hard`),
        song?.id,
      );
      expect(best).not.toBeNull();
      expect(g.errors).toEqual([]);
      // practised at half speed, the music is stretched at its pitch: a buffer twice as long as
      // the part of the file it plays, started from its first sample
      const p = await game.open(`?song=${song?.id}&mode=duet&p1=expert&p2=hard&practice=2-3&speed=50`);
      await startSong(p);
      const slow = await p.page.evaluate(
        () => (window as unknown as { musicStarts: { duration: number; when: number; offset: number }[] }).musicStarts,
      );
      expect(slow).toHaveLength(1);
      expect(slow[0]?.offset).toBe(0);
      expect(slow[0]?.duration).toBeGreaterThan(16);
      expect(slow[0]?.duration).toBeLessThan(32.1);
      expect(p.errors).toEqual([]);
    });
  }, 120_000);

  it('music this browser cannot decode: a notice names the song, and a click track plays instead', async () => {
    await withGame('?scene=SongSelect', { initScript: countSounds }, async (game) => {
      const { page } = game;
      await waitForScene(page, 'SongSelect');
      await importFiles(page, [duetTja(), { name: 'duet.wav', bytes: music(16, { seed: 3 }) }], imported());
      const [song] = await importedSongs(page);
      // the stored music turns into bytes no browser decodes
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('drumDiplomacy.library');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('audio', 'readwrite');
              const store = tx.objectStore('audio');
              const all = store.getAll();
              all.onsuccess = () => {
                for (const r of all.result) store.put({ ...r, bytes: new Uint8Array([1, 2, 3, 4]).buffer });
              };
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
      const g = await game.open(`?song=${song?.id}&mode=duet&p1=easy&p2=easy`);
      await startSong(g);
      await g.page.waitForTimeout(5000);
      const texts = (await notices(g.page)).map((n) => n.text);
      expect(texts.some((t) => t.startsWith('The music of "Summit Duet" cannot be played here'))).toBe(true);
      // 120 BPM: the 4 count-in clicks, then a click a beat
      expect(
        (await g.page.evaluate(() => (window as unknown as { heard: Heard }).heard)).clicks,
      ).toBeGreaterThanOrEqual(9);
      expect(g.errors).toEqual([]);
    });
  }, 120_000);

  it('refuses bad input with an error naming the file (and line), leaving the library and the game as they were', async () => {
    const huge = join(scratch, 'huge.mp3');
    writeFileSync(huge, '');
    truncateSync(huge, 100 * 1024 * 1024);
    const osz = taikoOsz(2);
    const bad: [NamedFile | string, RegExp][] = [
      [{ name: 'empty.tja', bytes: new Uint8Array(0) }, /^Not imported: empty\.tja: the file is empty/],
      [huge, /^Not imported: huge\.mp3: the file is 100\.0 MB/],
      [pictureAsTja(), /^Not imported: cover\.tja: this is a PNG picture, not a chart/],
      [
        { name: 'notes.txt', bytes: new TextEncoder().encode('just words') },
        /^Not imported: notes\.txt: unknown chart format/,
      ],
      [zipBomb(), /^Not imported: bomb\.osz: .*zip bomb/],
      [{ name: 'cut.osz', bytes: osz.bytes.subarray(0, osz.bytes.length >> 1) }, /^Not imported: cut\.osz: /],
      [
        { name: 'silent.tja', bytes: new TextEncoder().encode('TITLE:x\nBPM:120\nCOURSE:Oni\n#START\n0000,\n#END\n') },
        /^Not imported: silent\.tja: the chart has no notes/,
      ],
      [
        { name: 'nan.tja', bytes: new TextEncoder().encode('TITLE:x\nBPM:NaN\nCOURSE:Oni\n#START\n1111,\n#END\n') },
        /^Not imported: nan\.tja, line 2: /,
      ],
      [
        {
          name: 'far.tja',
          bytes: new TextEncoder().encode('TITLE:x\nBPM:120\nOFFSET:-99999\nCOURSE:Oni\n#START\n1111,\n#END\n'),
        },
        /^Not imported: far\.tja, line 3: /,
      ],
      [duetTja(), /^Not imported: Summit Duet\.tja: its music "duet\.wav" was not among the files/],
      [
        { name: 'song.ogg', bytes: new Uint8Array([0x4f, 0x67, 0x67, 0x53, 1, 2, 3]) },
        /^song\.ogg: music alone cannot be played/,
      ],
    ];
    await withGame('?scene=SongSelect', async (game) => {
      const { page } = game;
      await waitForScene(page, 'SongSelect');
      await importFiles(page, [cloneHeroChart()], imported());
      const before = await page.evaluate(() => window.drumDiplomacy.songs());
      for (const [file, message] of bad) {
        const count = (await notices(page)).length;
        await importFiles(page, typeof file === 'string' ? file : [file], { startsWith: '', atLeast: count + 1 });
        const fresh = (await notices(page)).slice(count);
        expect(fresh.map((n) => n.level)).toEqual(['error']);
        expect(fresh[0]?.text).toMatch(message);
        expect(await page.evaluate(() => window.drumDiplomacy.songs())).toEqual(before);
        expect(await page.evaluate(() => window.drumDiplomacy.scene())).toBe('SongSelect');
      }
      // nothing partial was stored either
      await page.reload();
      await waitForScene(page, 'SongSelect');
      await waitForImported(page, 1);
      expect(await page.evaluate(() => window.drumDiplomacy.songs())).toEqual(before);
      expect(game.errors).toEqual([]);
    });
  }, 120_000);

  it('a full quota: a clear message, nothing imported', async () => {
    const fullQuota = () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'audio') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    };
    await withGame('?scene=SongSelect', { initScript: fullQuota }, async (game) => {
      const { page } = game;
      await waitForScene(page, 'SongSelect');
      const before = await songIds(page);
      await importFiles(page, [taikoOsz(4)], { startsWith: 'Storage is full', atLeast: 1 });
      const [n] = await notices(page);
      expect(n?.text).toMatch(/^Storage is full, so nothing was imported \(Lantern Taiko\.osz: storage is full/);
      expect(await songIds(page)).toEqual(before);
      await page.reload();
      await waitForScene(page, 'SongSelect');
      await page.waitForTimeout(500);
      expect(await songIds(page)).toEqual(before);
    });
  }, 60_000);

  it('drag and drop imports; song select lists the song with its own heading; the offset is nudged and saved; Delete removes it with its bests', async () => {
    await withGame('?scene=SongSelect', async (game) => {
      const { page } = game;
      await waitForScene(page, 'SongSelect');
      const tja = duetTja();
      const wavBytes = music(16, { seed: 2 });
      await page.evaluate(
        ([files]) => {
          const dt = new DataTransfer();
          for (const f of files)
            dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
          for (const type of ['dragenter', 'dragover', 'drop']) {
            document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
          }
        },
        [
          [tja, { name: 'duet.wav', bytes: wavBytes }].map((f) => ({
            name: f.name,
            base64: Buffer.from(f.bytes).toString('base64'),
          })),
        ] as const,
      );
      await waitUntil(
        page,
        () => window.drumDiplomacy.notices().some((n) => n.text.startsWith('Imported')),
        undefined,
        {
          timeout: IMPORT_TIMEOUT_MS,
          message: async () => `the drop imported nothing: ${JSON.stringify(await notices(page))}`,
        },
      );
      const [song] = await importedSongs(page);
      const id = song?.id as string;
      expect(await page.evaluate(() => document.querySelector('.import-drop')?.hasAttribute('hidden'))).toBe(true);
      // a best under its id, as if played
      await page.evaluate((key) => localStorage.setItem(key, '{}'), `drumDiplomacy.best.${id}.duet.easy-easy`);

      // the new song is chosen: nudge its offset twice (+5 ms each), then it is saved
      await clickButton(page, '+');
      await clickButton(page, '+');
      const stored = () =>
        page.evaluate(
          (key) =>
            new Promise<number | undefined>((resolve, reject) => {
              const open = indexedDB.open('drumDiplomacy.library');
              open.onsuccess = () => {
                const get = open.result.transaction('songs').objectStore('songs').get(key);
                get.onsuccess = () => resolve(get.result?.song.offsetMs);
                get.onerror = () => reject(get.error);
              };
            }),
          id,
        );
      await expect.poll(stored, { timeout: 5000 }).toBe(10);

      // Delete, confirmed
      await clickButton(page, '✕ Delete');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await waitUntil(page, (i) => !window.drumDiplomacy.songs().some((s) => s.id === i), id, {
        timeout: 10_000,
        message: 'the song was not deleted',
      });
      expect((await notices(page)).map((n) => n.text)).toContain('Deleted "Summit Duet".');
      expect(
        await page.evaluate((key) => localStorage.getItem(key), `drumDiplomacy.best.${id}.duet.easy-easy`),
      ).toBeNull();
      await page.reload();
      await waitForScene(page, 'SongSelect');
      await page.waitForTimeout(500);
      expect((await importedSongs(page)).length).toBe(0);
      expect(game.errors).toEqual([]);
    });
  }, 90_000);
});
