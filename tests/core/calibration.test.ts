import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Match, type Note, replay } from '../../src/core';
import {
  applySuggestedOffset,
  audioOffsetFromTaps,
  clampOffset,
  MIN_CALIBRATION_TAPS,
  visualOffsetFromAdjustments,
} from '../../src/core/calibration';
import { mulberry32 } from '../../src/core/random';
import { OFFSET_LIMIT_MS as MAX_OFFSET_MS } from '../../src/core/units';
import { makeSetup, note } from './helpers';

/** `count` beats `interval` seconds apart from `start`. */
function beats(count: number, interval = 0.5, start = 1): number[] {
  return Array.from({ length: count }, (_, i) => start + i * interval);
}

/** One tap per beat at beat + offsetMs (+ a jitter in ms from `jitter(i)`). */
function taps(beatTimes: readonly number[], offsetMs: number, jitter: (i: number) => number = () => 0): number[] {
  return beatTimes.map((b, i) => b + (offsetMs + jitter(i)) / 1000);
}

describe('audioOffsetFromTaps', () => {
  it('gives +37 ms for 16 taps all 37 ms late', () => {
    const b = beats(16);
    const r = audioOffsetFromTaps(taps(b, 37), b);
    expect(r).not.toBeNull();
    expect(r?.offsetMs).toBeCloseTo(37, 0);
    expect(Math.abs((r?.offsetMs ?? 0) - 37)).toBeLessThanOrEqual(1);
    expect(r).toMatchObject({ taps: 16, used: 16, rejected: 0 });
    expect(r?.spreadMs).toBeLessThan(0.01);
  });

  it('gives a negative offset for early taps', () => {
    const b = beats(20);
    expect(audioOffsetFromTaps(taps(b, -52), b)?.offsetMs).toBe(-52);
  });

  it('still gives 37 ± 2 with ±15 ms jitter and 3 wild outliers', () => {
    const b = beats(24);
    // Jitter spread over ±15 ms in a scrambled order: (7i mod 31) - 15.
    const t = taps(b, 37, (i) => ((i * 7) % 31) - 15);
    // Three wild taps: 180 ms late, 200 ms early, and 230 ms late (all still nearest their beat).
    t[3] = (b[3] as number) + 0.18;
    t[10] = (b[10] as number) - 0.2;
    t[17] = (b[17] as number) + 0.23;
    const r = audioOffsetFromTaps(t, b);
    expect(r).not.toBeNull();
    expect(Math.abs((r?.offsetMs ?? 0) - 37)).toBeLessThanOrEqual(2);
    expect(r).toMatchObject({ taps: 24, used: 21, rejected: 3 });
    expect(r?.spreadMs).toBeGreaterThan(5);
    expect(r?.spreadMs).toBeLessThan(15);
  });

  it('with random ±15 ms jitter and 3 outliers, 32 taps land within 2 ms nearly always', () => {
    const errors: number[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const random = mulberry32(seed);
      const b = beats(32);
      const t = taps(b, 37, () => (random() * 2 - 1) * 15);
      for (const [i, wild] of [
        [4, 0.19],
        [11, -0.21],
        [25, 0.24],
      ] as const)
        t[i] = (b[i] as number) + wild;
      const r = audioOffsetFromTaps(t, b);
      expect(r?.rejected).toBe(3);
      errors.push(Math.abs((r?.offsetMs ?? 0) - 37));
    }
    errors.sort((a, z) => a - z);
    // The mean of 29 uniform ±15 ms errors has σ ≈ 1.6 ms; rounding adds up to 0.5 ms.
    expect(errors[Math.floor(errors.length * 0.75)]).toBeLessThanOrEqual(2);
    expect(errors[errors.length - 1]).toBeLessThanOrEqual(6);
  });

  it('gives null under 16 usable taps', () => {
    const b = beats(15);
    expect(audioOffsetFromTaps(taps(b, 37), b)).toBeNull();
    expect(MIN_CALIBRATION_TAPS).toBe(16);
  });

  it('honours a custom minTaps', () => {
    const b = beats(4);
    expect(audioOffsetFromTaps(taps(b, 10), b, 4)?.offsetMs).toBe(10);
    expect(audioOffsetFromTaps(taps(b, 10), b, 5)).toBeNull();
  });

  it('gives null with no beats or no taps', () => {
    expect(audioOffsetFromTaps(taps(beats(20), 0), [])).toBeNull();
    expect(audioOffsetFromTaps([], beats(20))).toBeNull();
  });

  it('counts outliers among the taps when deciding there are too few', () => {
    const b = beats(17);
    const t = taps(b, 20);
    t[5] = (b[5] as number) + 0.2; // an outlier leaves 16: enough
    expect(audioOffsetFromTaps(t, b)?.used).toBe(16);
    t[6] = (b[6] as number) - 0.2; // a second leaves 15: not enough
    expect(audioOffsetFromTaps(t, b)).toBeNull();
  });

  it('rejects taps exactly between beats (which beat they meant is unknowable)', () => {
    const b = beats(20);
    expect(audioOffsetFromTaps(taps(b, 250), b)).toBeNull();
    const mixed = [...taps(b, 30), ...taps(b.slice(0, 5), 250)];
    const r = audioOffsetFromTaps(mixed, b);
    expect(r).toMatchObject({ offsetMs: 30, taps: 25, used: 20, rejected: 5 });
  });

  it('pairs a tap past the half-way point with the next beat', () => {
    const b = beats(20);
    // 300 ms after a beat at 500 ms spacing is 200 ms before the next one.
    const r = audioOffsetFromTaps(taps(b, 300), b);
    expect(r?.offsetMs).toBe(-200);
    expect(r?.used).toBe(19); // the tap after the last beat is more than half a beat out
  });

  it('rejects taps more than half a beat before the first or after the last beat', () => {
    const b = beats(16);
    const t = [...taps(b, 12), (b[0] as number) - 0.3, (b[15] as number) + 0.3, Number.NaN];
    expect(audioOffsetFromTaps(t, b)).toMatchObject({ offsetMs: 12, taps: 19, used: 16, rejected: 3 });
  });

  it('keeps only the nearest of two taps on one beat (a bounced key)', () => {
    const b = beats(16);
    const t = [...taps(b, 10), ...taps(b.slice(0, 4), 60)];
    expect(audioOffsetFromTaps(t, b)).toMatchObject({ offsetMs: 10, used: 16, rejected: 4 });
    // The nearer tap wins whichever comes first.
    expect(audioOffsetFromTaps([...t].reverse(), b)).toMatchObject({ offsetMs: 10, used: 16 });
  });

  it('accepts taps and beats in any order, and ignores non-finite beats', () => {
    const b = beats(16);
    const r = audioOffsetFromTaps(taps(b, 25).reverse(), [...b].reverse().concat([Number.NaN]));
    expect(r?.offsetMs).toBe(25);
  });

  it('works with a single beat (a second stands in for the interval)', () => {
    const t = Array.from({ length: 16 }, (_, i) => 2 + (40 + i) / 1000);
    // One beat takes only one tap.
    expect(audioOffsetFromTaps(t, [2], 1)).toMatchObject({ offsetMs: 40, used: 1, rejected: 15 });
    expect(audioOffsetFromTaps([2.6], [2], 1)).toBeNull();
  });

  it('clamps to ±400 ms (slow click track, very late taps)', () => {
    const b = beats(16, 2); // 30 BPM: half a beat is a second
    expect(audioOffsetFromTaps(taps(b, 650), b)?.offsetMs).toBe(MAX_OFFSET_MS);
    expect(audioOffsetFromTaps(taps(b, -650), b)?.offsetMs).toBe(-MAX_OFFSET_MS);
  });

  it('property: a constant offset with bounded jitter is recovered to within the jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 200 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 16, max: 64 }),
        fc.integer(),
        fc.double({ min: 0.45, max: 1.2, noNaN: true }),
        (offset, jitter, count, seed, interval) => {
          const random = mulberry32(seed);
          const b = beats(count, interval, 0.3);
          const r = audioOffsetFromTaps(
            taps(b, offset, () => (random() * 2 - 1) * jitter),
            b,
            8,
          );
          expect(r).not.toBeNull();
          expect(Math.abs((r?.offsetMs ?? 0) - offset)).toBeLessThanOrEqual(jitter + 1);
          expect((r?.used ?? 0) + (r?.rejected ?? 0)).toBe(count);
        },
      ),
      { numRuns: 100 },
    );
  }, 20_000);

  it('property: the result is whole, within ±400, and independent of tap order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 30, noNaN: true }), { minLength: 0, maxLength: 60 }),
        fc.integer({ min: 1, max: 40 }),
        (tapTimes, count) => {
          const b = beats(count, 0.5, 0);
          const r = audioOffsetFromTaps(tapTimes, b, 1);
          const reversed = audioOffsetFromTaps([...tapTimes].reverse(), b, 1);
          expect(reversed?.offsetMs).toBe(r?.offsetMs);
          if (r === null) return;
          expect(Number.isInteger(r.offsetMs)).toBe(true);
          expect(Math.abs(r.offsetMs)).toBeLessThanOrEqual(MAX_OFFSET_MS);
          expect(r.used).toBeGreaterThanOrEqual(1);
          expect(r.used).toBeLessThanOrEqual(Math.min(count, tapTimes.length));
          expect(r.used + r.rejected).toBe(tapTimes.length);
          expect(r.spreadMs).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 100 },
    );
  }, 20_000);
});

describe('visualOffsetFromAdjustments', () => {
  it.each([
    [[], null],
    [[10], 10],
    [[10, 20], 15],
    [[-30, -10, -20, 500], -15],
    [[12.4, 12.6, 12.5], 13],
    [[900, 800, 700], 400],
    [[-900], -400],
    [[Number.NaN, Number.POSITIVE_INFINITY], null],
    [[Number.NaN, 8], 8],
  ])('%j → %s', (adjustments, expected) => {
    expect(visualOffsetFromAdjustments(adjustments)).toBe(expected);
  });

  it('never gives -0', () => {
    expect(Object.is(visualOffsetFromAdjustments([-0.2]), 0)).toBe(true);
  });
});

describe('applySuggestedOffset', () => {
  it.each([
    [null, null],
    [Number.NaN, null],
    [12.4, 12],
    [42.6, 43],
    [-15, -15],
    [512, 400],
    [-999, -400],
  ])('suggested %s → %s', (suggested, expected) => {
    expect(applySuggestedOffset(suggested)).toBe(expected);
  });

  it('agrees with Match: replaying with the applied offset centres the run', () => {
    // 60 hits, each 23 ms late after a current offset of 10 ms (so 33 ms late raw).
    const chart: Note[] = Array.from({ length: 60 }, (_, i) => note(`n${i}`, 1 + i * 0.25, 'snare'));
    const inputs = chart.map((n) => ({ player: 0 as const, lane: n.lane, time: n.time + 0.033 }));
    const first = replay(makeSetup([chart, []], { offsets: [10, 0], difficulties: ['normal', 'normal'] }), inputs);
    const suggested = first.players[0]?.suggestedOffsetMs ?? null;
    expect(suggested).toBeCloseTo(33, 6);
    const applied = applySuggestedOffset(suggested);
    expect(applied).toBe(33);
    const second = new Match(makeSetup([chart, []], { offsets: [applied as number, 0] }));
    for (const input of inputs) second.press(input);
    second.advance(Number.POSITIVE_INFINITY);
    const again = second.results().players[0];
    expect(again?.meanOffsetMs).toBeCloseTo(0, 6);
    // A centred run suggests the offset it was played with.
    expect(applySuggestedOffset(again?.suggestedOffsetMs ?? null)).toBe(33);
  });

  it('property: whole and within ±400', () => {
    fc.assert(
      fc.property(fc.option(fc.double({ noNaN: true }), { nil: null }), (suggested) => {
        const r = applySuggestedOffset(suggested);
        if (suggested === null || !Number.isFinite(suggested)) {
          expect(r).toBeNull();
          return;
        }
        expect(Number.isInteger(r)).toBe(true);
        expect(Math.abs(r as number)).toBeLessThanOrEqual(400);
        if (Math.abs(suggested) <= 399) expect(Math.abs((r as number) - suggested)).toBeLessThanOrEqual(0.5);
      }),
      { numRuns: 100 },
    );
  }, 20_000);
});

describe('clampOffset', () => {
  it.each([
    [0, 0],
    [399.6, 400],
    [401, 400],
    [-401, -400],
    [-0.4, 0],
  ])('%s → %s', (ms, expected) => {
    expect(Object.is(clampOffset(ms), expected)).toBe(true);
  });
});
