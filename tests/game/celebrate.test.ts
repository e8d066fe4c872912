import { describe, expect, it } from 'vitest';
import { badgesFor, newBestWorthShowing } from '../../src/game/celebrate';

describe('badgesFor', () => {
  it.each([
    [{ perfect: 10, great: 0, good: 0, miss: 0 }, true, true],
    [{ perfect: 9, great: 1, good: 0, miss: 0 }, true, false],
    [{ perfect: 9, great: 0, good: 3, miss: 1 }, false, false],
    [{ perfect: 0, great: 0, good: 0, miss: 0 }, false, false],
  ])('%o -> full combo %s, all perfect %s', (counts, fullCombo, allPerfect) => {
    expect(badgesFor(counts)).toEqual({ fullCombo, allPerfect });
  });
});

describe('newBestWorthShowing', () => {
  it.each([
    [true, 0.17, false], // a first run of mashing: saved, not celebrated
    [true, 0.69, false],
    [true, 0.7, true],
    [true, 1, true],
    [false, 1, false],
  ])('improved %s at accuracy %f -> %s', (improved, accuracy, shown) => {
    expect(newBestWorthShowing(improved, accuracy)).toBe(shown);
  });
});
