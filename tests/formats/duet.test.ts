import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIFFICULTIES, type Difficulty, LANES, type Lane } from '../../src/core/units';
import { makeDuet, parseChartFile } from '../../src/formats';
import {
  chooseUnison,
  type DuetCharts,
  type DuetNote,
  foldLane,
  gridOf,
  laneGap,
  metricLevel,
  reduceChart,
  sanitizeChart,
  splitPart,
} from '../../src/formats/duet';
import type { ImportNote, ImportPart, ParsedChartFile } from '../../src/formats/types';
import { fixture } from './helpers';

const HARDER: Record<Exclude<Difficulty, 'expert'>, Difficulty> = { easy: 'normal', normal: 'hard', hard: 'expert' };

function file(parts: ImportPart[], bpm = 120, beatsPerBar = 4, start = 0): ParsedChartFile {
  return {
    format: 'tja',
    title: 'T',
    artist: '',
    audioFile: null,
    tempo: [{ time: start, bpm }],
    beatsPerBar,
    parts,
    remarks: [],
  };
}

/** A rock groove: hi-hat eighths, kick on 1 and 3, snare on 2 and 4, a crash every 4 bars. */
function groove(bars: number, bpm = 120): ImportNote[] {
  const beat = 60 / bpm;
  const notes: ImportNote[] = [];
  for (let b = 0; b < bars * 4; b++) {
    const t = b * beat;
    notes.push({ time: t, lane: 'hihat', accent: b % 16 === 0 }, { time: t + beat / 2, lane: 'hihat' });
    notes.push({ time: t, lane: b % 2 === 0 ? 'kick' : 'snare' });
  }
  return notes.sort((a, b) => a.time - b.time);
}

/** Every rule a duet chart must keep (DESIGN.md and the game's song format). */
function checkRules(duet: DuetCharts): void {
  for (const part of duet) {
    for (const d of DIFFICULTIES) {
      const chart = part[d];
      const lastOfLane = new Map<Lane, number>();
      const unisonTimes = new Set<number>();
      chart.forEach((n, i) => {
        expect(Number.isFinite(n.time) && n.time >= 0).toBe(true);
        if (i > 0) expect(n.time).toBeGreaterThanOrEqual((chart[i - 1] as DuetNote).time);
        if (d === 'easy') expect(['snare', 'kick']).toContain(n.lane);
        const prev = lastOfLane.get(n.lane);
        if (prev !== undefined) expect(n.time - prev).toBeGreaterThanOrEqual(laneGap(d) - 1e-9);
        lastOfLane.set(n.lane, n.time);
        if (n.unison) {
          expect(['snare', 'kick']).toContain(n.lane);
          expect(unisonTimes.has(n.time)).toBe(false);
          unisonTimes.add(n.time);
        }
      });
    }
  }
  // Unison notes: in both parts, at every difficulty, at the same time and lane.
  const key = (n: DuetNote) => `${n.time}/${n.lane}`;
  const unisonOf = (notes: readonly DuetNote[]) => notes.filter((n) => n.unison).map(key);
  const reference = unisonOf(duet[0].expert);
  for (const part of duet) for (const d of DIFFICULTIES) expect(unisonOf(part[d])).toEqual(reference);
}

/** Each derived chart is a subset of the next harder one, with strictly fewer notes where it can be. */
function checkDerived(duet: DuetCharts): void {
  for (const part of duet) {
    for (const d of ['hard', 'normal', 'easy'] as const) {
      const harder = part[HARDER[d]];
      const there = new Set(harder.map((n) => `${n.time}/${foldLane(n.lane, d)}`));
      for (const n of part[d]) expect(there.has(`${n.time}/${n.lane}`)).toBe(true);
      const unison = harder.filter((n) => n.unison).length;
      if (harder.length > Math.max(1, unison)) expect(part[d].length).toBeLessThan(harder.length);
    }
  }
}

describe('makeDuet: examples', () => {
  it('keeps the two parts of a two-player TJA, with shared unison accents', () => {
    const duet = makeDuet(parseChartFile('duet.tja', fixture('duet.tja')));
    checkRules(duet);
    checkDerived(duet);
    const [p0, p1] = duet;
    expect(p0.expert.length).toBe(24); // P1 as written
    expect(p1.expert.filter((n) => !n.unison).length).toBeGreaterThan(0);
    expect(p0.expert.filter((n) => n.unison).map((n) => n.time)).toEqual([0.5, 2.5, 4, 5, 6, 7, 8]);
    expect(p0.easy.length).toBeLessThan(p0.normal.length);
  });

  it('gives the clearly harder part to player 0 (the drummer)', () => {
    const light: ImportNote[] = [{ time: 0, lane: 'kick' }];
    const heavy = groove(2);
    const duet = makeDuet(file([{ expert: { notes: light, label: 'P1' } }, { expert: { notes: heavy, label: 'P2' } }]));
    expect(duet[0].expert.length).toBeGreaterThan(duet[1].expert.length);
  });

  it('splits a one-part groove by trading two-bar phrases, both keeping the unison downbeats', () => {
    const notes = groove(8);
    const duet = makeDuet(file([{ expert: { notes, label: 'X' } }]));
    checkRules(duet);
    checkDerived(duet);
    const [p0, p1] = duet;
    const bars = (ns: readonly DuetNote[]) => [
      ...new Set(ns.filter((n) => !n.unison).map((n) => Math.floor(n.time / 2))),
    ];
    expect(bars(p0.expert)).toEqual([0, 1, 4, 5]);
    expect(bars(p1.expert)).toEqual([2, 3, 6, 7]);
    expect(p0.expert.filter((n) => n.unison).map((n) => [n.time, n.lane])).toEqual(
      Array.from({ length: 8 }, (_, i) => [i * 2, 'kick']),
    );
    // Together the two expert parts play the whole groove.
    expect(p0.expert.length + p1.expert.length - 8).toBe(notes.length);
    for (const d of DIFFICULTIES) expect(p1[d].length).toBeGreaterThan(0);
  });

  it('falls back to shorter phrases, then to alternating moments', () => {
    const grid = gridOf(file([]));
    const oneBar: ImportNote[] = [0, 0.5, 1, 1.5].map((time) => ({ time, lane: 'snare' }));
    const [a, b] = splitPart({ expert: { notes: oneBar, label: 'X' } }, grid);
    expect(a.expert?.notes.map((n) => n.time)).toEqual([0, 1]);
    expect(b.expert?.notes.map((n) => n.time)).toEqual([0.5, 1.5]);
    const offGrid: ImportNote[] = [0.01, 0.11, 0.21, 0.31].map((time) => ({ time, lane: 'hihat' }));
    const [c, e] = splitPart({ expert: { notes: offGrid, label: 'X' } }, grid);
    expect(c.expert?.notes.map((n) => n.time)).toEqual([0.01, 0.21]);
    expect(e.expert?.notes.map((n) => n.time)).toEqual([0.11, 0.31]);
  });

  it('lets both players play a chart whose notes all fall at one moment', () => {
    const duet = makeDuet(
      file([
        {
          hard: {
            notes: [
              { time: 1, lane: 'tom' },
              { time: 1, lane: 'hihat' },
            ],
            label: 'X',
          },
        },
      ]),
    );
    checkRules(duet);
    for (const part of duet) for (const d of DIFFICULTIES) expect(part[d].length).toBeGreaterThan(0);
    expect(duet[0].easy).toEqual([{ time: 1, lane: 'kick', unison: false }]);
  });

  it('uses an authored lower difficulty when it has fewer notes, else derives it', () => {
    const expert = groove(4);
    const easy: ImportNote[] = [0.5, 2.5, 4.5].map((time) => ({ time, lane: 'snare' }));
    const bloated = groove(4);
    const duet = makeDuet(
      file([
        {
          easy: { notes: easy, label: 'E' },
          normal: { notes: bloated, label: 'N' },
          expert: { notes: expert, label: 'X' },
        },
      ]),
    );
    checkRules(duet);
    // Authored, split (player 0 has the first two bars), with the unison downbeats of the whole song put in.
    expect(duet[0].easy.map((n) => [n.time, n.unison])).toEqual([
      [0, true],
      [0.5, false],
      [2, true],
      [2.5, false],
      [4, true],
      [6, true],
    ]);
    expect(duet[0].normal.length).toBeLessThan(duet[0].hard.length); // the bloated normal was derived instead
  });

  it('reduces the strongest notes first and spreads the thinning over the whole song', () => {
    const grid = gridOf(file([]));
    const sixteenths: DuetNote[] = Array.from({ length: 64 }, (_, i) => ({
      time: i * 0.125,
      lane: 'hihat',
      unison: false,
    }));
    const hard = reduceChart(sixteenths, 'hard', grid);
    expect(hard).toHaveLength(48);
    expect(hard.filter((n) => n.time < 4).length).toBe(24); // even across both halves
    const normal = reduceChart(sixteenths, 'normal', grid);
    // Beats and eighths come before sixteenths.
    expect(normal.filter((n) => metricLevel(n.time, grid) <= 2)).toHaveLength(32);
    const easy = reduceChart(normal, 'easy', grid);
    expect(new Set(easy.map((n) => n.lane))).toEqual(new Set(['snare']));
    expect(easy.length).toBeLessThan(normal.length);
  });

  it('chooses unison notes on downbeats and accents, at most one a bar and a second apart', () => {
    const grid = gridOf(file([], 300)); // a bar lasts 0.8 s
    const notes: ImportNote[] = [
      { time: 0, lane: 'snare' },
      { time: 0, lane: 'kick' }, // kick before snare
      { time: 0.8, lane: 'kick' }, // the next downbeat, but under a second after
      { time: 1.6, lane: 'hihat' }, // a downbeat, but not snare or kick
      { time: 1.8, lane: 'snare', accent: true },
      { time: 2.5, lane: 'snare' }, // off the beat: not a unison while strong notes exist
    ];
    expect(chooseUnison([notes], grid)).toEqual([
      { time: 0, lane: 'kick' },
      { time: 1.8, lane: 'snare' },
    ]);
    // Only weak snare/kick notes: they are used.
    expect(chooseUnison([[{ time: 0.1, lane: 'snare' }]], grid)).toEqual([{ time: 0.1, lane: 'snare' }]);
    expect(chooseUnison([[{ time: 0, lane: 'hihat' }]], grid)).toEqual([]);
  });

  it('refuses a file with no note at or after 0 s', () => {
    expect(() => makeDuet(file([{ expert: { notes: [{ time: -1, lane: 'kick' }], label: 'X' } }]))).toThrow(
      'the chart has no notes to play',
    );
  });
});

const laneArb = fc.constantFrom(...LANES);
const noteArb = fc.record({
  time: fc.oneof(
    fc.integer({ min: -20, max: 1200 }).map((i) => i / 20), // on a 50 ms grid: chords, near-collisions
    fc.double({ min: -1, max: 60, noNaN: true }),
  ),
  lane: laneArb,
  accent: fc.boolean(),
});
const chartArb = fc.array(noteArb, { minLength: 1, maxLength: 120 }).map((ns) => ns.sort((a, b) => a.time - b.time));
const fileArb = fc.record({
  bpm: fc.integer({ min: 40, max: 300 }),
  beatsPerBar: fc.integer({ min: 2, max: 7 }),
  start: fc.double({ min: -2, max: 2, noNaN: true }),
  parts: fc.array(
    fc
      .uniqueArray(fc.constantFrom(...DIFFICULTIES), { minLength: 1, maxLength: 4 })
      .chain((ds) => fc.tuple(...ds.map((d) => chartArb.map((notes) => [d, { notes, label: d }] as const))))
      .map((entries) => Object.fromEntries(entries) as ImportPart),
    { minLength: 1, maxLength: 2 },
  ),
});
const hasPlayable = (parts: ImportPart[]) =>
  parts.some((p) => Object.values(p).some((c) => c?.notes.some((n) => n.time >= 0)));

describe('makeDuet: properties over random charts', () => {
  it('keeps every rule in every chart: sorted, from 0 s, lanes, spacing, unison in both parts', () => {
    fc.assert(
      fc.property(fileArb, ({ bpm, beatsPerBar, start, parts }) => {
        fc.pre(hasPlayable(parts));
        const duet = makeDuet(file(parts, bpm, beatsPerBar, start));
        checkRules(duet);
        for (const part of duet) for (const d of DIFFICULTIES) expect(part[d].length).toBeGreaterThan(0);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 20_000 },
    );
  }, 60_000);

  it('derives each missing difficulty as a subset of the harder one, with fewer notes', () => {
    fc.assert(
      fc.property(chartArb, fc.integer({ min: 60, max: 240 }), (notes, bpm) => {
        fc.pre(notes.some((n) => n.time >= 0));
        const duet = makeDuet(file([{ expert: { notes, label: 'X' } }], bpm));
        checkRules(duet);
        checkDerived(duet);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 20_000 },
    );
  }, 60_000);

  it('never leaves a part empty for a one-part chart of 8 notes or more, nor without notes of its own', () => {
    fc.assert(
      fc.property(
        fc
          .array(noteArb, { minLength: 8, maxLength: 80 })
          .map((ns) => ns.map((n) => ({ ...n, time: Math.abs(n.time) }))),
        (notes) => {
          const distinct = new Set(notes.map((n) => `${n.time}/${n.lane}`));
          fc.pre(distinct.size >= 8);
          const f = file([{ expert: { notes, label: 'X' } }]);
          const [p0, p1] = makeDuet(f);
          for (const d of DIFFICULTIES) {
            expect(p0[d].length).toBeGreaterThan(0);
            expect(p1[d].length).toBeGreaterThan(0);
          }
          // Neither is trivial: whenever the chart, as played on Expert, has notes besides the
          // unison ones, each player has some of them.
          const grid = gridOf(f);
          const unison = chooseUnison([notes], grid);
          const own = sanitizeChart(notes, 'expert', grid, unison).filter((n) => !n.unison);
          if (own.length > 0) {
            expect(p0.expert.some((n) => !n.unison)).toBe(true);
            expect(p1.expert.some((n) => !n.unison)).toBe(true);
          }
        },
      ),
      {
        numRuns: 150,
        interruptAfterTimeLimit: 20_000,
        // Once found: notes microseconds apart, crowding the unison kick at 0 s.
        examples: [
          [
            [
              { time: 5.09456811338824e-13, lane: 'kick', accent: false },
              { time: 0, lane: 'hihat', accent: false },
              { time: 0, lane: 'kick', accent: false },
              { time: 5e-324, lane: 'kick', accent: false },
              { time: 1e-323, lane: 'hihat', accent: false },
              { time: 1.5e-323, lane: 'kick', accent: false },
              { time: 0, lane: 'tom', accent: false },
              { time: 0, lane: 'snare', accent: false },
            ],
          ],
        ],
      },
    );
  }, 60_000);
});
