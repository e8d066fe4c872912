import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SONGS } from '../../src/content/songs';
import {
  type Difficulty,
  type DrumInput,
  HitWindows,
  LANES,
  loadSong,
  Match,
  type Note,
  type PlayerId,
  replay,
} from '../../src/core';
import { CPU_SKILLS, type CpuSkill, type CpuSkillName, cpuInputs } from '../../src/core/cpuPartner';
import { mulberry32 } from '../../src/core/random';
import { chartOf } from '../../src/core/song';
import { makeSetup, note } from './helpers';

/**
 * A groove of `count` notes: hi-hat eighths at 140 BPM with kick and snare under them, and a
 * run of same-lane sixteenths every fourth bar so that neighbours share windows.
 */
function groove(count: number): Note[] {
  const eighth = 60 / 140 / 2;
  const notes: Note[] = [];
  for (let step = 0; notes.length < count; step++) {
    const t = 1 + step * eighth;
    const bar = Math.floor(step / 8);
    if (bar % 4 === 3 && step % 8 >= 4) {
      notes.push(note(`n${notes.length}`, t, 'tom'));
      if (notes.length < count) notes.push(note(`n${notes.length}`, t + eighth / 2, 'tom'));
      continue;
    }
    notes.push(note(`n${notes.length}`, t, step % 2 === 0 ? 'hihat' : 'snare'));
    if (step % 4 === 0 && notes.length < count) notes.push(note(`n${notes.length}`, t, 'kick'));
  }
  return notes;
}

/** Feeds inputs through a real Match (sorted, as the game would deliver them) and counts ghosts. */
function play(chart: Note[], player: PlayerId, inputs: DrumInput[], difficulty: Difficulty) {
  const charts: [Note[], Note[]] = player === 0 ? [chart, []] : [[], chart];
  const match = new Match(makeSetup(charts, { mode: 'solo', difficulties: [difficulty, difficulty] }));
  let ghosts = 0;
  let earlyMisses = 0;
  match.on((e) => {
    if (e.type === 'ghost') ghosts++;
    if (e.type === 'judgement' && e.result.judgement === 'miss' && e.result.offsetMs !== null) earlyMisses++;
  });
  for (const input of inputs) match.press(input);
  match.advance(Number.POSITIVE_INFINITY);
  return { results: match.results(), ghosts, earlyMisses };
}

const CHART = groove(400);

describe('CPU_SKILLS', () => {
  it('orders the partners from loose to tight', () => {
    const { novice, steady, pro } = CPU_SKILLS;
    expect(novice.sigmaMs).toBeGreaterThan(steady.sigmaMs);
    expect(steady.sigmaMs).toBeGreaterThan(pro.sigmaMs);
    expect(novice.missChance).toBeGreaterThan(steady.missChance);
    expect(steady.missChance).toBeGreaterThan(pro.missChance);
    for (const [name, skill] of Object.entries(CPU_SKILLS)) expect(skill.name).toBe(name);
  });
});

describe('mulberry32', () => {
  it('is deterministic, uniform-ish in [0, 1), and differs by seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 1);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});

describe('cpuInputs', () => {
  it('has a 400-note test chart with shared windows in one lane', () => {
    expect(CHART).toHaveLength(400);
    const toms = CHART.filter((n) => n.lane === 'tom');
    expect((toms[1] as Note).time - (toms[0] as Note).time).toBeLessThan(0.11);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const w = HitWindows.for('hard');
    const a = cpuInputs(CHART, 1, CPU_SKILLS.novice, 1234, w);
    expect(cpuInputs(CHART, 1, CPU_SKILLS.novice, 1234, w)).toEqual(a);
    expect(cpuInputs(CHART, 1, CPU_SKILLS.novice, 1235, w)).not.toEqual(a);
  });

  it('does not depend on the order the notes come in', () => {
    const w = HitWindows.for('normal');
    const shuffled = [...CHART].reverse();
    expect(cpuInputs(shuffled, 0, CPU_SKILLS.steady, 9, w)).toEqual(cpuInputs(CHART, 0, CPU_SKILLS.steady, 9, w));
  });

  it('gives every input the player it plays for, sorted by time', () => {
    const inputs = cpuInputs(CHART, 1, CPU_SKILLS.novice, 5, HitWindows.for('normal'));
    expect(inputs.every((i) => i.player === 1)).toBe(true);
    for (let i = 1; i < inputs.length; i++)
      expect((inputs[i] as DrumInput).time).toBeGreaterThanOrEqual((inputs[i - 1] as DrumInput).time);
  });

  it.each<[CpuSkillName, Difficulty, number, number]>([
    ['pro', 'normal', 0.95, 1],
    ['pro', 'hard', 0.95, 1],
    ['pro', 'expert', 0.95, 1],
    ['steady', 'normal', 0.9, 0.995],
    ['steady', 'hard', 0.85, 0.97],
    ['novice', 'easy', 0.6, 0.9],
    ['novice', 'normal', 0.6, 0.9],
    ['novice', 'hard', 0.6, 0.9],
    ['novice', 'expert', 0.6, 0.9],
  ])('%s on %s: accuracy in [%s, %s] over 20 seeds, never a ghost', (name, difficulty, lo, hi) => {
    const windows = HitWindows.for(difficulty);
    for (let seed = 1; seed <= 20; seed++) {
      const inputs = cpuInputs(CHART, 0, CPU_SKILLS[name], seed, windows);
      const { results, ghosts, earlyMisses } = play(CHART, 0, inputs, difficulty);
      const r = results.players[0];
      expect(ghosts).toBe(0);
      expect(earlyMisses).toBe(0);
      expect(r?.accuracy).toBeGreaterThanOrEqual(lo);
      expect(r?.accuracy).toBeLessThanOrEqual(hi);
      // Every press hit a note: the misses are exactly the notes with no press.
      expect(r?.counts.miss).toBe(CHART.length - inputs.length);
    }
  });

  it('gives the same results through replay as through a live Match', () => {
    const inputs = cpuInputs(CHART, 1, CPU_SKILLS.steady, 77, HitWindows.for('hard'));
    const setup = makeSetup([[], CHART], { mode: 'solo', difficulties: ['hard', 'hard'] });
    expect(replay(setup, [...inputs].reverse())).toEqual(play(CHART, 1, inputs, 'hard').results);
  });

  it.each(Object.values(CPU_SKILLS))('$name misses about missChance of the notes', (skill) => {
    // 10,000 notes (a 25-times-repeated groove): the binomial σ is at most 0.27 %.
    const chart = Array.from({ length: 25 }, (_, k) =>
      CHART.map((n) => note(`${k}-${n.id}`, n.time + k * 120, n.lane)),
    ).flat();
    const inputs = cpuInputs(chart, 0, skill, 2024, HitWindows.for('normal'));
    const missRate = 1 - inputs.length / chart.length;
    const sigma = Math.sqrt((skill.missChance * (1 - skill.missChance)) / chart.length);
    expect(Math.abs(missRate - skill.missChance)).toBeLessThanOrEqual(4 * sigma + 1e-9);
  });

  it('times presses about N(mean, sigma) around their notes', () => {
    const chart = Array.from({ length: 2000 }, (_, i) => note(`n${i}`, 1 + i * 0.5, LANES[i % 4] ?? 'snare'));
    const skill: CpuSkill = { name: 'novice', sigmaMs: 20, meanMs: 10, missChance: 0 };
    const inputs = cpuInputs(chart, 0, skill, 3, HitWindows.for('normal'));
    expect(inputs).toHaveLength(2000);
    const errors = inputs.map((input, i) => (input.time - (chart[i] as Note).time) * 1000);
    const mean = errors.reduce((s, x) => s + x, 0) / errors.length;
    const sd = Math.sqrt(errors.reduce((s, x) => s + (x - mean) ** 2, 0) / errors.length);
    expect(mean).toBeCloseTo(10, 0);
    expect(sd).toBeGreaterThan(18.5);
    expect(sd).toBeLessThan(21.5);
  });

  it('keeps a wild partner inside the Good window', () => {
    const wild: CpuSkill = { name: 'novice', sigmaMs: 400, meanMs: 300, missChance: 0 };
    const windows = HitWindows.for('expert');
    const inputs = cpuInputs(CHART, 0, wild, 11, windows);
    const { results, ghosts } = play(CHART, 0, inputs, 'expert');
    expect(ghosts).toBe(0);
    expect(results.players[0]?.hits.every((h) => h.offsetMs === null || Math.abs(h.offsetMs) <= 75)).toBe(true);
  });

  it('after skipping a note, presses its lane only once that note is past saving', () => {
    // Kicks 50 ms apart on Hard (Good ±75 ms). A press for the second kick before 1.075 s
    // would take the skipped first one; the CPU's early press is pushed past that instead.
    const chart = [note('a', 1, 'kick'), note('b', 1.05, 'kick')];
    const early: CpuSkill = { name: 'novice', sigmaMs: 0, meanMs: -40, missChance: 0.5 };
    const windows = HitWindows.for('hard');
    const seed = Array.from({ length: 100 }, (_, i) => i).find((k) => {
      const inputs = cpuInputs(chart, 0, early, k, windows);
      return inputs.length === 1 && (inputs[0] as DrumInput).time > 1.02;
    });
    expect(seed).toBeDefined();
    const inputs = cpuInputs(chart, 0, early, seed as number, windows);
    expect((inputs[0] as DrumInput).time).toBeCloseTo(1.075, 4);
    expect((inputs[0] as DrumInput).time).toBeGreaterThan(1.075);
    const { results, ghosts } = play(chart, 0, inputs, 'hard');
    expect(ghosts).toBe(0);
    expect(results.players[0]?.hits.map((h) => h.judgement)).toEqual(['miss', 'great']);
  });

  it('skips a note its lane leaves no room for', () => {
    // Two kicks at one instant and a partner who drags to the window's end: the first press
    // sits at the end of the shared window, so the second note gets none.
    const chart = [note('a', 1, 'kick'), note('b', 1, 'kick'), note('c', 2, 'kick')];
    const dragging: CpuSkill = { name: 'novice', sigmaMs: 0, meanMs: 500, missChance: 0 };
    const inputs = cpuInputs(chart, 0, dragging, 1, HitWindows.for('hard'));
    expect(inputs).toHaveLength(2);
    expect(play(chart, 0, inputs, 'hard').ghosts).toBe(0);
    const always: CpuSkill = { name: 'novice', sigmaMs: 0, meanMs: 0, missChance: 1 };
    expect(cpuInputs(chart, 0, always, 1, HitWindows.for('hard'))).toEqual([]);
  });

  it('plays every real chart without a ghost', () => {
    for (const data of SONGS) {
      const song = loadSong(data);
      for (const part of [0, 1] as const)
        for (const difficulty of ['easy', 'expert'] as const) {
          const chart = [...chartOf(song, part, difficulty)];
          const inputs = cpuInputs(chart, part, CPU_SKILLS.novice, 99, HitWindows.for(difficulty));
          expect(play(chart, part, inputs, difficulty).ghosts).toBe(0);
        }
    }
  });

  it('property: on random dense charts, never a ghost, never an early miss, always sorted', () => {
    const chartArb = fc
      .uniqueArray(fc.record({ ms: fc.integer({ min: 0, max: 4000 }), lane: fc.constantFrom(...LANES) }), {
        maxLength: 80,
        selector: (n) => `${n.ms}/${n.lane}`,
      })
      .map((raw) => raw.map((n, i) => note(`n${i}`, 1 + n.ms / 1000, n.lane)));
    const skillArb = fc.record({
      name: fc.constant('novice' as const),
      sigmaMs: fc.double({ min: 0, max: 200, noNaN: true }),
      meanMs: fc.double({ min: -150, max: 150, noNaN: true }),
      missChance: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        chartArb,
        skillArb,
        fc.integer(),
        fc.constantFrom<Difficulty>('easy', 'normal', 'hard', 'expert'),
        (chart, skill, seed, difficulty) => {
          const inputs = cpuInputs(chart, 0, skill, seed, HitWindows.for(difficulty));
          for (let i = 1; i < inputs.length; i++)
            expect((inputs[i] as DrumInput).time).toBeGreaterThanOrEqual((inputs[i - 1] as DrumInput).time);
          const { results, ghosts, earlyMisses } = play(chart, 0, inputs, difficulty);
          expect(ghosts).toBe(0);
          expect(earlyMisses).toBe(0);
          expect(results.players[0]?.counts.miss).toBe(chart.length - inputs.length);
        },
      ),
      { numRuns: 300 },
    );
  }, 20_000);
});
