import { describe, expect, it } from 'vitest';
import { HitWindows, WINDOWS_STRICT } from '../../src/core/hitWindows';
import { PLAYERS } from '../../src/core/units';
import {
  keyCodes,
  type PlannedPress,
  planAll,
  playPlan,
  sentOffsetMs,
  sleepUntil,
  startSong,
  timeOrigin,
  useBrowser,
  waitForResults,
  withGame,
} from './harness';

useBrowser();

describe('judging no delivery delay can change', () => {
  it('the main thread stalled for 700 ms twice while keys are pressed on time: every press judged exactly by its stamp', async () => {
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
      // A stalled page also starves Chromium's audio output here: the audio clock slips 20-40 ms
      // and the game follows it (playPlan measures that drift per press). What must not change
      // is how each press is judged: by its stamp, exactly, however late it was delivered.
      const windows = new HitWindows(WINDOWS_STRICT);
      for (const p of PLAYERS) {
        const hits = r?.players[p]?.hits ?? [];
        const mine = plan.filter((x) => x.player === p);
        expect(hits.length).toBe(mine.length);
        const byNote = new Map(mine.map((x) => [x.songTime.toFixed(6) + x.lane, x]));
        const notes = await page.evaluate((pl) => window.drumDiplomacy.notes(pl), p);
        for (const h of hits) {
          const n = notes.find((x) => x.id === h.noteId);
          const sent = byNote.get(`${n?.time.toFixed(6)}${n?.lane}`);
          expect(sent, `note ${h.noteId}`).toBeDefined();
          const want = sentOffsetMs(sent as PlannedPress);
          expect(Math.abs((h.offsetMs as number) - want), `note ${h.noteId}`).toBeLessThanOrEqual(0.5);
          expect(h.judgement, `note ${h.noteId}`).toBe(windows.resultFor(want));
        }
        // Where the clock did not slip (most of the song), that is Perfect.
        const steady = mine.filter((x) => Math.abs(sentOffsetMs(x)) <= WINDOWS_STRICT.perfect);
        expect(steady.length).toBeGreaterThan(mine.length / 2);
      }
    });
  }, 90_000);
});
