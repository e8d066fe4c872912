import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/random';
import { keyCodes, planAll, playPlan, sentOffsetMs, startSong, useBrowser, waitForResults, withGame } from './harness';

useBrowser();

describe('judging under load', () => {
  it('at 6x CPU throttling every judged offset equals the sent offset within 0.5 ms (p99)', async () => {
    const rnd = mulberry32(20261126);
    // The throttled page goes with its context: withGame closes it however the test ends.
    await withGame('?song=test-song&mode=battle&p1=normal&p2=normal', async (game) => {
      await startSong(game);
      const plan = await planAll(game.page, () => Math.round((rnd() * 40 - 20) * 1000) / 1000);
      const codes = await keyCodes(game.page);
      // Throttled from the count-in on: every note is judged on a page 6x slower.
      await game.cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
      await playPlan(game, plan, { keyCodes: codes });
      const r = await waitForResults(game.page, 90_000);
      const errors: number[] = [];
      for (const p of [0, 1] as const) {
        const sent = new Map(
          plan.filter((x) => x.player === p).map((x) => [x.songTime.toFixed(6) + x.lane, sentOffsetMs(x)]),
        );
        const notes = await game.page.evaluate((pl) => window.drumDiplomacy.notes(pl), p);
        for (const h of r?.players[p]?.hits ?? []) {
          const n = notes.find((x) => x.id === h.noteId);
          const expected = n ? sent.get(n.time.toFixed(6) + n.lane) : undefined;
          expect(h.offsetMs, `note ${h.noteId}`).not.toBeNull();
          errors.push(Math.abs((h.offsetMs as number) - (expected as number)));
        }
      }
      errors.sort((a, b) => a - b);
      const p99 = errors[Math.floor(errors.length * 0.99)] as number;
      expect(errors.length).toBeGreaterThan(80);
      expect(p99).toBeLessThanOrEqual(0.5);
    });
  }, 150_000);
});
