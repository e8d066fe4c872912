import { describe, expect, it } from 'vitest';
import {
  keyCodes,
  planAll,
  playPlan,
  sentOffsetMs,
  startSong,
  tapKey,
  useBrowser,
  waitForResults,
  waitForScene,
  withGame,
} from './harness';

useBrowser();

const SONGS = ['first-lesson', 'nara-nights', 'shuttle-diplomacy', 'heavy-metal-summit'];
const DIFFICULTIES = ['easy', 'normal', 'hard', 'expert'] as const;

describe('every song, mode and difficulty', () => {
  it('each song opens in Play at every difficulty with both charts loaded, and runs', async () => {
    for (const song of SONGS) {
      for (const [i, d] of DIFFICULTIES.entries()) {
        const other = DIFFICULTIES[3 - i];
        await withGame(`?song=${song}&mode=duet&p1=${d}&p2=${other}`, async (game) => {
          const { page } = game;
          await waitForScene(page, 'Play');
          const [a, b] = await page.evaluate(() => [window.drumDiplomacy.notes(0), window.drumDiplomacy.notes(1)]);
          expect(a?.length, `${song} ${d}`).toBeGreaterThan(20);
          expect(b?.length, `${song} ${other}`).toBeGreaterThan(20);
          if (d === 'easy') expect(new Set(a?.map((n) => n.lane))).toEqual(new Set(['snare', 'kick']));
          const unison = (a ?? []).filter((n) => n.unison).map((n) => n.time.toFixed(6));
          expect(unison.length).toBeGreaterThan(3);
          expect((b ?? []).filter((n) => n.unison).map((n) => n.time.toFixed(6))).toEqual(unison);
          if (i === 0) {
            await startSong(game);
            await page.waitForTimeout(800);
          }
          expect(game.errors, `${song} ${d}`).toEqual([]);
        });
      }
    }
  }, 180_000);

  it('Solo: one player with either key set, and a CPU partner that plays through the same input path', async () => {
    await withGame('?song=test-song&mode=solo&p1=normal&p2=normal', async (game) => {
      await startSong(game);
      const plan = (await planAll(game.page, () => 0)).filter((p) => p.player === 0);
      // player 1's part played on player 2's keys: one human may use either key set
      const codes = await keyCodes(game.page);
      await playPlan(game, plan, { keyCodes: [codes[1] as string[], codes[1] as string[]] });
      const r = await waitForResults(game.page);
      expect(r?.mode).toBe('solo');
      expect(r?.players[0]?.score).toBe(1_000_000);
      const cpu = r?.players[1];
      // a human-like partner: mostly on time, with a real spread (steady: sigma 18 ms)
      expect(cpu?.accuracy).toBeGreaterThan(0.7);
      expect(cpu?.unstableRate).toBeGreaterThan(60);
      expect(cpu?.unstableRate).toBeLessThan(400);
      expect(r?.harmony).toBeNull();
      expect(game.errors).toEqual([]);
    });
  }, 90_000);

  it('Lesson: the novice part, one drum at a time then a groove, played to the end', async () => {
    await withGame('?song=first-lesson&mode=lesson&p1=normal&p2=normal', async (game) => {
      await startSong(game);
      const notes = await game.page.evaluate(() => window.drumDiplomacy.notes(1));
      // the first bars bring in one drum at a time
      const firstLanes = [...new Set(notes.slice(0, 12).map((n) => n.lane))];
      expect(firstLanes.length).toBe(1);
      const plan = (await planAll(game.page, () => 0)).filter((p) => p.player === 1);
      const codes = await keyCodes(game.page);
      await playPlan(game, plan, { keyCodes: [codes[0] as string[], codes[0] as string[]] });
      const r = await waitForResults(game.page, 90_000);
      expect(r?.mode).toBe('lesson');
      expect(r?.players[1]?.grade).toBe('SS');
      expect(r?.players[0]?.accuracy).toBeGreaterThan(0.9);
      expect(game.errors).toEqual([]);
    });
  }, 150_000);

  it('results offer the input offset that centres the run, applied with one press each', async () => {
    await withGame('?song=test-song&mode=battle&p1=hard&p2=hard', async (game) => {
      const { page } = game;
      await startSong(game);
      // steady hands, one late and one early: 73 and 57 judged hits, enough for a suggestion
      const plan = await planAll(page, (p, _n, i) => (p === 0 ? 20 + (i % 3) - 1 : -15 + (i % 3) - 1));
      await playPlan(game, plan, { keyCodes: await keyCodes(page) });
      const r = await waitForResults(page);
      // The median offset each player's presses were sent at (the game clock's drift on a busy
      // machine taken out): 20 and -15 on a quiet one.
      const sentMedian = (p: 0 | 1) => {
        const offsets = plan
          .filter((x) => x.player === p)
          .map(sentOffsetMs)
          .sort((a, b) => a - b);
        const mid = offsets.length >> 1;
        return offsets.length % 2
          ? (offsets[mid] as number)
          : ((offsets[mid - 1] as number) + (offsets[mid] as number)) / 2;
      };
      const want = [sentMedian(0), sentMedian(1)];
      expect(Math.abs((want[0] as number) - 20)).toBeLessThan(3);
      expect(Math.abs((want[1] as number) + 15)).toBeLessThan(3);
      expect(r?.players[0]?.suggestedOffsetMs).toBeCloseTo(want[0] as number, 0);
      expect(r?.players[1]?.suggestedOffsetMs).toBeCloseTo(want[1] as number, 0);
      await waitForScene(page, 'Results');
      await page.waitForTimeout(300);
      const press = async (code: string) => {
        await tapKey(game, code);
        await page.waitForTimeout(150);
      };
      // The suggestions are in the timing details (T): P1 offset, P2 offset, Close
      await press('KeyT');
      await press('Enter');
      await press('ArrowDown');
      await press('Enter');
      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('drumDiplomacy.settings') ?? 'null'));
      expect(saved?.settings.players.map((p: { inputOffsetMs: number }) => p.inputOffsetMs)).toEqual(
        want.map((w) => Math.round(w)),
      );
      expect(game.errors).toEqual([]);
    });
  }, 90_000);
});
