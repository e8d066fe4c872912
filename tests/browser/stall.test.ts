import { describe, expect, it } from 'vitest';
import {
  keyCodes,
  planAll,
  playPlan,
  sleepUntil,
  startSong,
  timeOrigin,
  useBrowser,
  waitForResults,
  withGame,
} from './harness';

useBrowser();

describe('judging no delivery delay can change', () => {
  it('the main thread stalled for 700 ms twice while keys are pressed on time: still all Perfect', async () => {
    await withGame('?song=test-song&mode=duet&p1=hard&p2=hard', async (game) => {
      const { page } = game;
      await startSong(game);
      const plan = await planAll(page, () => 0);
      const origin = await timeOrigin(page);
      const stallAt = async (songTime: number) => {
        const due = (await page.evaluate((t: number) => window.drumDiplomacy.perfTimeOf(0, t), songTime)) as number;
        await sleepUntil(origin, due);
        // A busy loop in the page: nothing runs there for 700 ms, while keys keep being sent.
        await page.evaluate(() => {
          const start = performance.now();
          while (performance.now() - start < 700) {
            // stalled
          }
        });
      };
      const times = plan.map((p) => p.songTime);
      const first = times[Math.floor(times.length / 4)] as number;
      const second = times[Math.floor((times.length * 3) / 4)] as number;
      const stalls = Promise.all([stallAt(first - 0.2), stallAt(second - 0.2)]);
      await playPlan(game, plan, { keyCodes: await keyCodes(page) });
      await stalls;
      const r = await waitForResults(page, 60_000);
      for (const p of r?.players ?? []) {
        expect(p.counts).toEqual({ perfect: p.hits.length, great: 0, good: 0, miss: 0 });
        expect(p.score).toBe(1_000_000);
      }
      expect(r?.harmony).toBe(1);
    });
  }, 90_000);
});
