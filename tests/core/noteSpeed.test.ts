import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAVEL, MIN_AUTO_TRAVEL, travelTimeFor } from '../../src/core/noteSpeed';

const every = (step: number, count: number) => Array.from({ length: count }, (_, i) => i * step);

describe('travelTimeFor', () => {
  it('keeps the default for a sparse chart (quarter notes at 90 BPM)', () => {
    expect(travelTimeFor([every(60 / 90, 64)], 500)).toBe(DEFAULT_TRAVEL);
  });

  it('speeds notes up for a dense lane so close notes stay 44 px apart', () => {
    // Sixteenths at 160 BPM: 94 ms apart; at 1.4 s over 500 px they would be 33 px apart.
    const gap = 60 / 160 / 4;
    const travel = travelTimeFor([every(gap, 200)], 500);
    expect(travel).toBeLessThan(DEFAULT_TRAVEL);
    expect((gap / travel) * 500).toBeCloseTo(44, 5);
  });

  it('never goes faster than the floor', () => {
    expect(travelTimeFor([every(0.02, 200)], 500)).toBe(MIN_AUTO_TRAVEL);
  });

  it('scales with the setting (still adjustable)', () => {
    const lanes = [every(0.09, 200)];
    const auto = travelTimeFor(lanes, 500);
    expect(travelTimeFor(lanes, 500, DEFAULT_TRAVEL * 2)).toBeCloseTo(auto * 2, 9);
  });

  it('ignores chords (two notes at one time in a lane) and short charts', () => {
    expect(travelTimeFor([[0, 0, 1, 1]], 500)).toBe(DEFAULT_TRAVEL);
  });
});
