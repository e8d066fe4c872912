import { describe, expect, it } from 'vitest';
import {
  ACCURACY_SHARE,
  accuracyOf,
  COMBO_CAP,
  COMBO_SHARE,
  gradeFor,
  histogram,
  type Judgement,
  MAX_SCORE,
  MIN_HITS_FOR_SUGGESTION,
  mean,
  median,
  type Note,
  replay,
  ScoreProcessor,
  unstableRate,
} from '../../src/core';
import { judged, makeSetup, note, press } from './helpers';

function play(judgements: readonly Judgement[], noteCount = judgements.length): ScoreProcessor {
  const s = new ScoreProcessor(noteCount);
  judgements.forEach((j, i) => {
    s.apply(judged(j, i));
  });
  return s;
}

describe('score', () => {
  it('shares are as documented', () => {
    expect([ACCURACY_SHARE, COMBO_SHARE, COMBO_CAP, MAX_SCORE]).toEqual([700_000, 300_000, 50, 1_000_000]);
  });

  it.each([1, 2, 49, 50, 51, 1000])('all Perfect on %s notes gives exactly 1,000,000 and SS', (n) => {
    const s = play(Array<Judgement>(n).fill('perfect'));
    expect(s.score).toBe(1_000_000);
    expect(s.accuracy).toBe(1);
    expect(gradeFor(s.accuracy, s.counts.miss)).toBe('SS');
    expect(s.maxCombo).toBe(n);
  });

  it('all Perfect through a Match gives 1,000,000 and SS', () => {
    const chart: Note[] = Array.from({ length: 51 }, (_, i) => note(`n${i}`, 1 + i * 0.25, 'snare'));
    const r = replay(
      makeSetup([chart, []]),
      chart.map((n) => press(0, 'snare', n.time)),
    );
    expect(r.players[0]).toMatchObject({ score: 1_000_000, grade: 'SS', accuracy: 1, maxCombo: 51 });
  });

  it.each([1, 2, 50, 1000])('all Miss on %s notes gives 0 and D', (n) => {
    const s = play(Array<Judgement>(n).fill('miss'));
    expect(s.score).toBe(0);
    expect(s.accuracy).toBe(0);
    expect(s.maxCombo).toBe(0);
    expect(gradeFor(s.accuracy, s.counts.miss)).toBe('D');
  });

  it.each([
    // N = 2: accuracy 700,000 * 3/6; combo 300,000 * 3 / (3 * 3)
    [['perfect', 'miss'], 450_000],
    [['miss', 'perfect'], 450_000],
    // N = 3: accuracy 700,000 * 6/9 = 466,666.7; combo 300,000 * (3 + 6) / 18 or (3 + 3) / 18
    [['perfect', 'perfect', 'miss'], 616_667],
    [['perfect', 'miss', 'perfect'], 566_667],
    [['good', 'good', 'good'], 333_333],
    [['great', 'great'], 666_667],
  ] as [Judgement[], number][])('%j scores %s', (judgements, expected) => {
    expect(play(judgements).score).toBe(expected);
  });

  it('the combo share stops growing at a combo of 50', () => {
    // 1 Miss then 59 Perfect: accuracy 700,000 * 177/180; combo 300,000 * 1725 / 1775
    const s = play(['miss', ...Array<Judgement>(59).fill('perfect')]);
    expect(s.score).toBe(Math.round((700_000 * 177) / 180 + (300_000 * 1725) / 1775));
    expect(s.score).toBe(979_883);
  });

  it('rises as a chart is played, and reaches the final score at the end', () => {
    const s = new ScoreProcessor(4);
    const seen: number[] = [];
    for (const [i, j] of (['perfect', 'great', 'good', 'perfect'] as const).entries()) {
      const r = s.apply(judged(j, i));
      expect(r.scoreBefore).toBe(seen.at(-1) ?? 0);
      seen.push(r.scoreAfter);
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(s.score);
    expect(s.judged).toBe(4);
  });

  it('is 0 for an empty chart', () => {
    expect(new ScoreProcessor(0).score).toBe(0);
    expect(new ScoreProcessor(0).accuracy).toBe(0);
  });
});

describe('accuracy', () => {
  it('is (3 Perfect + 2 Great + Good) / (3 notes)', () => {
    expect(accuracyOf({ perfect: 3, great: 2, good: 1, miss: 4 }, 10)).toBeCloseTo(14 / 30, 15);
    expect(accuracyOf({ perfect: 1, great: 0, good: 0, miss: 0 }, 1)).toBe(1);
    expect(accuracyOf({ perfect: 0, great: 1, good: 0, miss: 0 }, 1)).toBeCloseTo(2 / 3, 15);
    expect(accuracyOf({ perfect: 0, great: 0, good: 0, miss: 0 }, 0)).toBe(0);
  });

  it('counts unplayed notes against the whole-chart accuracy but not the running one', () => {
    const s = new ScoreProcessor(4);
    expect(s.runningAccuracy).toBe(1);
    s.apply(judged('perfect', 0));
    s.apply(judged('good', 1));
    expect(s.runningAccuracy).toBeCloseTo(4 / 6, 15);
    expect(s.accuracy).toBeCloseTo(4 / 12, 15);
  });
});

describe('grades', () => {
  it.each([
    [1, 0, 'SS'],
    [0.9999, 0, 'S'],
    [0.95, 0, 'S'],
    [0.95, 1, 'A'],
    [0.999, 3, 'A'],
    [0.9499, 0, 'A'],
    [0.9, 0, 'A'],
    [0.8999, 0, 'B'],
    [0.8, 5, 'B'],
    [0.7999, 0, 'C'],
    [0.7, 0, 'C'],
    [0.6999, 0, 'D'],
    [0, 10, 'D'],
  ] as const)('accuracy %s with %s misses is %s', (accuracy, misses, grade) => {
    expect(gradeFor(accuracy, misses)).toBe(grade);
  });

  it('95 % exactly is S without a Miss and A with one, through a Match', () => {
    const chart: Note[] = Array.from({ length: 20 }, (_, i) => note(`n${i}`, 1 + i * 0.25, 'snare'));
    // 17 Perfect + 3 Great = 57 / 60
    const great = chart.map((n, i) => press(0, 'snare', n.time + (i < 3 ? 0.04 : 0)));
    const a = replay(makeSetup([chart, []]), great).players[0];
    expect(a?.accuracy).toBe(0.95);
    expect(a?.grade).toBe('S');
    // 19 Perfect + 1 Miss = 57 / 60
    const missed = chart.slice(1).map((n) => press(0, 'snare', n.time));
    const b = replay(makeSetup([chart, []]), missed).players[0];
    expect(b?.accuracy).toBe(0.95);
    expect(b?.counts.miss).toBe(1);
    expect(b?.grade).toBe('A');
  });
});

describe('combo', () => {
  it('maxCombo is the longest run of hits', () => {
    const s = play(['perfect', 'good', 'miss', 'great', 'perfect', 'good', 'miss', 'perfect']);
    expect(s.maxCombo).toBe(3);
    expect(s.combo).toBe(1);
  });
});

describe('run statistics', () => {
  // 50 notes a second apart; hit offsets -20..29 ms, the last few Great on Hard
  const chart: Note[] = Array.from({ length: 50 }, (_, i) => note(`n${i}`, 1 + i, 'snare'));
  const offsets = chart.map((_, i) => i - 20);
  const inputs = (inputOffsetMs: number, skip = -1) =>
    chart.flatMap((n, i) => (i === skip ? [] : [press(0, 'snare', n.time + (offsets[i]! + inputOffsetMs) / 1000)]));

  it('mean offset, unstable rate and suggested offset of a run', () => {
    const r = replay(makeSetup([chart, []]), inputs(0)).players[0]!;
    expect(r.hits.map((h) => h.offsetMs)).toEqual(offsets);
    expect(r.meanOffsetMs).toBeCloseTo(4.5, 9);
    // population standard deviation of 50 consecutive integers: sqrt((50² - 1) / 12)
    expect(r.unstableRate).toBeCloseTo(10 * Math.sqrt(2499 / 12), 9);
    expect(MIN_HITS_FOR_SUGGESTION).toBe(50);
    expect(r.suggestedOffsetMs).toBe(4.5);
  });

  it('suggests the input offset that would have centred the run, counting the current one', () => {
    const r = replay(makeSetup([chart, []], { offsets: [40, 0] }), inputs(40)).players[0]!;
    expect(r.hits.map((h) => h.offsetMs)).toEqual(offsets);
    expect(r.suggestedOffsetMs).toBeCloseTo(44.5, 9);
  });

  it('gives no suggestion under 50 hits, and leaves misses out of the statistics', () => {
    // note 0 (offset -20) is missed: 49 hits, offsets -19..29
    const r = replay(makeSetup([chart, []]), inputs(0, 0)).players[0]!;
    expect(r.suggestedOffsetMs).toBeNull();
    expect(r.meanOffsetMs).toBeCloseTo(5, 9);
    // an early Miss has an offset, but it is not a hit
    const early = replay(makeSetup([chart, []]), [press(0, 'snare', 0.9), ...inputs(0, 0)]).players[0]!;
    expect(early.hits[0]).toEqual({ noteId: 'n0', offsetMs: -100, judgement: 'miss' });
    expect(early.meanOffsetMs).toBeCloseTo(5, 9);
  });

  it('bins hit offsets over the late window in 5 ms bins', () => {
    const h = replay(makeSetup([chart, []]), inputs(0)).players[0]!.histogram;
    expect(h.fromMs).toBe(-75);
    expect(h.binMs).toBe(5);
    expect(h.counts.length).toBe(30);
    // -20..-16 fall in bin 11, ..., 25..29 in bin 20
    expect(h.counts).toEqual(Array.from({ length: 30 }, (_, i) => (i >= 11 && i <= 20 ? 5 : 0)));
    const lenient = replay(makeSetup([chart, []], { difficulties: ['normal', 'normal'] }), inputs(0)).players[0]!;
    expect(lenient.histogram.fromMs).toBe(-108);
    expect(lenient.histogram.counts.length).toBe(Math.ceil(216 / 5));
  });
});

describe('stats helpers', () => {
  it('mean', () => {
    expect(mean([])).toBe(0);
    expect(mean([1, 2, 6])).toBe(3);
  });

  it('median of odd and even lists, unsorted input left alone', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([-7])).toBe(-7);
    expect(median([])).toBeNull();
  });

  it('unstable rate is 10 x the population standard deviation', () => {
    expect(unstableRate([])).toBe(0);
    expect(unstableRate([7, 7, 7])).toBe(0);
    expect(unstableRate([10, -10])).toBe(100);
    expect(unstableRate([2, 4, 4, 4, 5, 5, 7, 9])).toBe(20);
  });

  it('histogram bins are left-closed, and outliers land in the end bins', () => {
    const h = histogram([-50, -10, -5.1, -5, 0, 4.99, 9.99, 10, 50], 10, 5);
    expect(h).toEqual({ fromMs: -10, binMs: 5, counts: [3, 1, 2, 3] });
  });

  it('histogram rounds a partial bin up and always has at least one bin', () => {
    expect(histogram([6.9], 7, 5).counts).toEqual([0, 0, 1]);
    expect(histogram([1, -1], 0, 5).counts).toEqual([2]);
  });
});
