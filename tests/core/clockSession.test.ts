import { describe, expect, it } from 'vitest';
import { ClockSync } from '../../src/core/clockSync';
import { mulberry32 } from '../../src/core/random';

/*
 * A long session on a busy machine, as measured here (issue 15): the audio clock loses 10 ms at
 * a time, about 30 times over 500 s at load 14. Samples arrive every frame (60 a second) with a
 * little jitter. What a player feels is how much the relation moves between a note's display and
 * its press (a second or so), and how far it lags behind the audio clock while it catches up.
 */
function session(seed: number) {
  const random = mulberry32(seed);
  const seconds = 500;
  const glitches = Array.from({ length: 30 }, () => 5 + random() * (seconds - 10)).sort((a, b) => a - b);
  const trueOffset = (tMs: number) => 2 - 0.01 * glitches.filter((g) => g * 1000 <= tMs).length;
  const c = new ClockSync();
  const relation: number[] = [];
  for (let f = 0; f <= seconds * 60; f++) {
    const t = (f * 1000) / 60;
    c.addSample(t, t / 1000 + trueOffset(t) + (random() - 0.5) * 0.0006, t);
    relation[f] = c.audioTimeAt(t) - t / 1000;
  }
  const at = (sec: number) => relation[Math.round(sec * 60)] as number;
  const count = (from: number, to: number) => glitches.filter((g) => g >= from && g <= to).length;
  return { seconds, glitches, trueOffset, at, count };
}

const SEEDS = [15, 16, 17];

describe('a long session with a glitching audio clock (500 s, 30 glitches of 10 ms)', { timeout: 20_000 }, () => {
  it.each(SEEDS)('seed %i: over any second near a lone glitch, the relation moves at most 1 ms', (seed) => {
    const s = session(seed);
    let checked = 0;
    let worstLone = 0;
    let worstAny = 0;
    for (let t = 1; t + 1 < s.seconds; t += 0.25) {
      const move = Math.abs(s.at(t + 1) - s.at(t)) * 1000;
      worstAny = Math.max(worstAny, move);
      // At most one glitch in the 25 s before this second and during it: nothing piled up.
      if (s.count(t - 25, t + 1) <= 1) {
        worstLone = Math.max(worstLone, move);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(worstLone).toBeLessThanOrEqual(1.05);
    // Glitches that pile up slew faster (1 ms a second for each 10 ms still to close).
    expect(worstAny).toBeLessThanOrEqual(4);
  });

  it.each(SEEDS)(
    'seed %i: never more than 30 ms behind the audio clock; caught up 11 s after a lone glitch',
    (seed) => {
      const s = session(seed);
      let worstLag = 0;
      for (let t = 1; t < s.seconds; t += 0.25)
        worstLag = Math.max(worstLag, Math.abs(s.at(t) - s.trueOffset(t * 1000)) * 1000);
      expect(worstLag).toBeLessThanOrEqual(30);
      for (const g of s.glitches) {
        if (s.count(g - 12, g + 12) > 1) continue;
        expect(Math.abs(s.at(g + 11) - s.trueOffset((g + 11) * 1000)) * 1000).toBeLessThanOrEqual(1.5);
      }
    },
  );
});
