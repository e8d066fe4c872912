import { describe, expect, it } from 'vitest';
import {
  breaksCombo,
  DIFFICULTIES,
  emptyCounts,
  HitWindows,
  isHit,
  JUDGEMENTS,
  type Judgement,
  LANES,
  lanesFor,
  WEIGHT,
  WINDOWS_LENIENT,
  WINDOWS_STRICT,
} from '../../src/core';

// Written out by hand from DESIGN.md, not derived from the tables under test.
const STRICT_CASES: [number, Judgement | null][] = [
  [0, 'perfect'],
  [25, 'perfect'],
  [-25, 'perfect'],
  [25.001, 'great'],
  [-25.001, 'great'],
  [50, 'great'],
  [-50, 'great'],
  [50.001, 'good'],
  [-50.001, 'good'],
  [75, 'good'],
  [-75, 'good'],
  [75.001, null],
  [-75.001, 'miss'],
  [-108, 'miss'],
  [-108.001, null],
  [500, null],
  [-500, null],
];

const LENIENT_CASES: [number, Judgement | null][] = [
  [0, 'perfect'],
  [42, 'perfect'],
  [-42, 'perfect'],
  [42.001, 'great'],
  [-42.001, 'great'],
  [75, 'great'],
  [-75, 'great'],
  [75.001, 'good'],
  [-75.001, 'good'],
  [108, 'good'],
  [-108, 'good'],
  [108.001, null],
  [-108.001, 'miss'],
  [-125, 'miss'],
  [-125.001, null],
  [500, null],
  [-500, null],
];

describe('HitWindows.resultFor', () => {
  describe.each(['hard', 'expert'] as const)('%s (strict windows)', (difficulty) => {
    it.each(STRICT_CASES)('offset %s ms -> %s', (offsetMs, expected) => {
      expect(HitWindows.for(difficulty).resultFor(offsetMs)).toBe(expected);
    });
  });

  describe.each(['easy', 'normal'] as const)('%s (lenient windows)', (difficulty) => {
    it.each(LENIENT_CASES)('offset %s ms -> %s', (offsetMs, expected) => {
      expect(HitWindows.for(difficulty).resultFor(offsetMs)).toBe(expected);
    });
  });

  it('a window built from a custom table walks that table', () => {
    const w = new HitWindows({ perfect: 1, great: 2, good: 3, missEarly: 4 });
    expect([-4.5, -4, -3, -1.5, 0, 1, 2, 3, 3.5].map((x) => w.resultFor(x))).toEqual([
      null,
      'miss',
      'good',
      'great',
      'perfect',
      'perfect',
      'great',
      'good',
      null,
    ]);
  });
});

describe('HitWindows.for', () => {
  it.each([
    ['easy', WINDOWS_LENIENT],
    ['normal', WINDOWS_LENIENT],
    ['hard', WINDOWS_STRICT],
    ['expert', WINDOWS_STRICT],
  ] as const)('%s uses the documented table', (difficulty, table) => {
    expect(HitWindows.for(difficulty).table).toEqual(table);
  });

  it('the tables match DESIGN.md', () => {
    expect(WINDOWS_LENIENT).toEqual({ perfect: 42, great: 75, good: 108, missEarly: 125 });
    expect(WINDOWS_STRICT).toEqual({ perfect: 25, great: 50, good: 75, missEarly: 108 });
  });

  it.each([
    ['easy', 108, 125],
    ['normal', 108, 125],
    ['hard', 75, 108],
    ['expert', 75, 108],
  ] as const)('%s: late limit %s ms, early limit %s ms', (difficulty, late, early) => {
    const w = HitWindows.for(difficulty);
    expect(w.lateLimit).toBe(late);
    expect(w.earlyLimit).toBe(early);
  });
});

describe('HitWindows.canBeHit', () => {
  it.each([
    ['hard', -500, true],
    ['hard', 0, true],
    ['hard', 75, true],
    ['hard', 75.001, false],
    ['hard', 200, false],
    ['normal', 108, true],
    ['normal', 108.001, false],
    ['easy', 75.001, true],
  ] as const)('%s: a note %s ms in the past can be hit: %s', (difficulty, offsetMs, expected) => {
    expect(HitWindows.for(difficulty).canBeHit(offsetMs)).toBe(expected);
  });
});

describe('judgements', () => {
  it.each([
    ['perfect', true, false, 3],
    ['great', true, false, 2],
    ['good', true, false, 1],
    ['miss', false, true, 0],
  ] as const)('%s: isHit %s, breaksCombo %s, weight %s', (j, hit, breaks, weight) => {
    expect(isHit(j)).toBe(hit);
    expect(breaksCombo(j)).toBe(breaks);
    expect(WEIGHT[j]).toBe(weight);
  });

  it('are ordered best to worst', () => {
    expect(JUDGEMENTS).toEqual(['perfect', 'great', 'good', 'miss']);
  });

  it('emptyCounts gives a fresh zeroed record each call', () => {
    const a = emptyCounts();
    a.perfect = 5;
    expect(emptyCounts()).toEqual({ perfect: 0, great: 0, good: 0, miss: 0 });
  });
});

describe('units', () => {
  it('Easy plays snare and kick only; the others play all four lanes', () => {
    expect(lanesFor('easy')).toEqual(['snare', 'kick']);
    for (const d of DIFFICULTIES.filter((x) => x !== 'easy')) expect(lanesFor(d)).toEqual(LANES);
  });
});
