import { describe, expect, it } from 'vitest';
import { gainToTarget, MAX_BOOST, MAX_CUT, TARGET_LUFS } from '../../src/audio/normalise';

describe('loudness normalisation of imported music', () => {
  it.each([
    [-16, 0],
    [-9.5, -6.5],
    [-23, 7],
    [-40, MAX_BOOST],
    [20, MAX_CUT],
    [Number.NEGATIVE_INFINITY, 0],
    [Number.NaN, 0],
  ])('a file at %f LUFS gets %f dB', (lufs, gain) => {
    expect(gainToTarget(lufs)).toBe(gain);
  });

  it('lands within the clamp on the target', () => {
    for (let lufs = -28; lufs <= 0; lufs += 0.5) expect(lufs + gainToTarget(lufs)).toBeCloseTo(TARGET_LUFS, 9);
  });
});
