import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  type GamePage,
  keyCodes,
  planAll,
  playPlan,
  startSong,
  tapKey,
  useBrowser,
  waitForResults,
  waitForScene,
  waitUntil,
  withGame,
} from './harness';

useBrowser();

type HookResults = NonNullable<Awaited<ReturnType<typeof waitForResults>>>;

/** What a run judged: everything of the contract's Results that a replay must reproduce. */
function judged(r: HookResults | null) {
  if (!r) throw new Error('no results');
  return { songId: r.songId, mode: r.mode, players: r.players, harmony: r.harmony, syncMs: r.syncMs };
}

/** Keys of the stored replays, from the page's IndexedDB. */
function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('drum-diplomacy-replays');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('replays').objectStore('replays').getAllKeys();
          all.onsuccess = () => resolve((all.result as string[]).sort());
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Moves the Results menu's focus down `n` items and presses Enter. */
async function menuPick(game: GamePage, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await tapKey(game, 'ArrowDown');
  await tapKey(game, 'Enter');
}

/** Results menu of a played run without offset suggestions: Retry, Watch, Race, Save, Card, Link, Back. */
const MENU = { watch: 1, race: 2, save: 3, card: 4 } as const;

/** Plays a duet of the test song with a few notes left and a spread of offsets; returns its results. */
async function playDuet(game: GamePage): Promise<HookResults> {
  await startSong(game);
  // Offsets of ±6 ms around zero: a real spread, but no offset worth suggesting (it would add a menu item).
  const plan = (await planAll(game.page, (p, _n, i) => ((i * 7 + p * 3) % 13) - 6)).filter((_, i) => i % 9 !== 4);
  await playPlan(game, plan, { keyCodes: await keyCodes(game.page) });
  const r = await waitForResults(game.page);
  if (!r) throw new Error('no results');
  return r;
}

describe('replays', () => {
  it('a finished duet is kept and exported; watched with seeks, and in a fresh page, it gives the same results', async () => {
    let file = '';
    let recorded: ReturnType<typeof judged> | null = null;
    await withGame('?song=test-song&mode=duet&p1=hard&p2=normal', async (game) => {
      const { page } = game;
      recorded = judged(await playDuet(game));
      await waitForScene(page, 'Results');
      const text = await page.evaluate(() => window.drumDiplomacy.replay());
      expect(text).toMatch(/^\{"format":"drum-diplomacy-replay","version":1,/);
      file = text as string;
      // kept in IndexedDB: as the last run and as the best of this song, mode and difficulties
      for (let i = 0; i < 50 && (await storedKeys(page)).length < 2; i++) await page.waitForTimeout(100);
      const keys = await storedKeys(page);
      expect(keys).toContain('best:test-song.duet.hard-normal');
      expect(keys.filter((k) => k.startsWith('last:')).length).toBe(1);
      // Save replay file: the download is the same text
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 10_000 }),
        menuPick(game, MENU.save),
      ]);
      expect(download.suggestedFilename()).toMatch(/^test-song-duet-hard-normal-.*\.ddreplay$/);
      expect(await readFile(await download.path(), 'utf8')).toBe(file);
      // Watch it here, seeking forward, back and forward again, at 2x for a while: the same results at the end
      await tapKey(game, 'ArrowUp');
      await tapKey(game, 'ArrowUp');
      await tapKey(game, 'Enter');
      await waitForScene(page, 'Play');
      await waitUntil(page, () => window.drumDiplomacy.perfTimeOf(0, 0) !== null, undefined, {
        timeout: 20_000,
        message: 'the replay never started',
      });
      await page.waitForTimeout(4000);
      await tapKey(game, 'ArrowRight');
      await page.waitForTimeout(1500);
      await tapKey(game, 'ArrowLeft');
      await tapKey(game, 'ArrowLeft');
      await page.waitForTimeout(1500);
      await tapKey(game, 'ArrowUp'); // 1.5x
      await tapKey(game, 'ArrowUp'); // 2x
      await page.waitForTimeout(2000);
      await tapKey(game, 'ArrowRight');
      const again = await waitForResults(page, 60_000);
      expect(judged(again)).toEqual(recorded);
      expect(again?.seats).toEqual(['local', 'local']);
      const notices = await page.evaluate(() => window.drumDiplomacy.notices());
      expect(notices.map((n) => n.text)).toContain('Judged again by this version: the same results as recorded.');
      // watching changes neither the last replay nor the stored ones
      expect(await page.evaluate(() => window.drumDiplomacy.replay())).toBe(file);
      expect((await storedKeys(page)).length).toBe(2);
      expect(game.errors).toEqual([]);
    });
    expect(recorded).not.toBeNull();
    // A fresh page (no stored replays): the file chosen in the Import input is watched to the end
    // with the same results; a truncated copy is refused with a message naming it.
    await withGame('?scene=SongSelect', async (game) => {
      const { page } = game;
      await waitForScene(page, 'SongSelect');
      const bytes = (text: string) => Buffer.from(text, 'utf8');
      await page.setInputFiles('#import-files', {
        name: 'cut.ddreplay',
        mimeType: 'application/json',
        buffer: bytes(file.slice(0, file.length / 2)),
      });
      await waitUntil(
        page,
        () => window.drumDiplomacy.notices().some((n) => n.text.includes('cut.ddreplay')),
        undefined,
        { timeout: 10_000, message: 'no message for a truncated replay' },
      );
      expect(await page.evaluate(() => window.drumDiplomacy.scene())).toBe('SongSelect');
      await page.setInputFiles('#import-files', {
        name: 'friend.ddreplay',
        mimeType: 'application/json',
        buffer: bytes(file),
      });
      await waitForScene(page, 'Play');
      await tapKey(game, 'Space');
      const watched = await waitForResults(page, 90_000);
      expect(judged(watched)).toEqual(recorded);
      expect(game.errors).toEqual([]);
    });
  }, 300_000);

  it('the result card is a 1200×630 PNG, downloaded where the browser cannot share files', async () => {
    await withGame('?song=test-song&mode=solo&p1=normal&p2=normal', async (game) => {
      const { page } = game;
      await startSong(game);
      const plan = (await planAll(page, () => 0)).filter((p) => p.player === 0);
      await playPlan(game, plan, { keyCodes: await keyCodes(page) });
      await waitForResults(page);
      await waitForScene(page, 'Results');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        menuPick(game, MENU.card),
      ]);
      expect(download.suggestedFilename()).toBe('test-song-solo-result.png');
      const png = await readFile(await download.path());
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      expect(png.length).toBeGreaterThan(20_000);
      expect(game.errors).toEqual([]);
    });
  }, 120_000);

  it('a practice link opens the same song, mode, difficulties and bars at half speed; clean loops speed it up', async () => {
    const query = '?song=test-song&mode=duet&p1=hard&p2=easy&practice=2-3&speed=50&ramp=1&demo=2';
    /** Records when the backing's notes start (its voices are oscillators of the live context). */
    const recordNotes = () => {
      const starts: number[] = [];
      (window as unknown as { noteStarts: number[] }).noteStarts = starts;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (this: OscillatorNode, when = 0) {
        if (this.context instanceof AudioContext) starts.push(when);
        return start.call(this, when);
      };
    };
    await withGame(query, { initScript: recordNotes }, async (game) => {
      const { page } = game;
      await waitForScene(page, 'Play');
      // the charts are the looped bars only (bar 2 starts at 2 s, bar 4 at 6 s at 120 BPM)
      const notes = await page.evaluate(() => [window.drumDiplomacy.notes(0), window.drumDiplomacy.notes(1)]);
      expect(notes[0]?.length).toBeGreaterThan(4);
      expect(notes.flat().every((n) => n.time >= 2 && n.time < 6)).toBe(true);
      await startSong(game);
      // half speed: a song second lasts two seconds
      const span = await page.evaluate(
        () => (window.drumDiplomacy.perfTimeOf(0, 3) as number) - (window.drumDiplomacy.perfTimeOf(0, 2) as number),
      );
      expect(span).toBeCloseTo(2000, -1);
      // Player 1 plays their part cleanly twice (player 2's part is the autoplay demo): the speed steps up
      const codes = await keyCodes(page);
      let firstLoopNotes: number[] = [];
      for (let loop = 1; loop <= 2; loop++) {
        await waitUntil(page, () => window.drumDiplomacy.perfTimeOf(0, 2) !== null, undefined, {
          timeout: 20_000,
          message: 'the loop never started',
        });
        const plan = (await planAll(page, () => 0)).filter((p) => p.player === 0);
        await playPlan(game, plan, { keyCodes: codes });
        await waitUntil(
          page,
          (n) => window.drumDiplomacy.notices().filter((x) => x.text.startsWith('Loop ')).length >= n,
          loop,
          { timeout: 30_000, message: `loop ${loop} never ended` },
        );
        if (loop === 1)
          firstLoopNotes = await page.evaluate(() => (window as unknown as { noteStarts: number[] }).noteStarts);
      }
      // the music follows the speed: bars 2-3 (4 song seconds) of backing notes spread over more
      // than 5 s of audio at half speed (at full speed they would fit in 4)
      expect(firstLoopNotes.length).toBeGreaterThan(4);
      expect(Math.max(...firstLoopNotes) - Math.min(...firstLoopNotes)).toBeGreaterThan(5);
      const loops = (await page.evaluate(() => window.drumDiplomacy.notices()))
        .map((n) => n.text)
        .filter((t) => t.startsWith('Loop '));
      expect(loops).toEqual(['Loop 1: clean · next at 50%', 'Loop 2: clean · next at 55%']);
      const faster = await page.evaluate(
        () => (window.drumDiplomacy.perfTimeOf(0, 3) as number) - (window.drumDiplomacy.perfTimeOf(0, 2) as number),
      );
      expect(faster).toBeCloseTo(1000 / 0.55, -1);
      // practice is never a result, a best or a replay
      expect(await page.evaluate(() => [window.drumDiplomacy.results(), window.drumDiplomacy.replay()])).toEqual([
        null,
        null,
      ]);
      expect(game.errors).toEqual([]);
    });
  }, 180_000);
});
