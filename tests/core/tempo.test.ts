import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TempoMap } from '../../src/core';

// 120 BPM (0.5 s a beat) for beats 0-8, 60 BPM (1 s) for 8-12, 240 BPM (0.25 s) after.
const map = new TempoMap([
  { beat: 0, bpm: 120 },
  { beat: 8, bpm: 60 },
  { beat: 12, bpm: 240 },
]);

describe('TempoMap', () => {
  it.each([
    [0, 0],
    [1, 0.5],
    [4, 2],
    [8, 4],
    [9, 5],
    [10, 6],
    [12, 8],
    [13, 8.25],
    [16, 9],
    [-2, -1],
  ])('beat %s is at %s s, and back', (beat, seconds) => {
    expect(map.toSeconds(beat)).toBeCloseTo(seconds, 12);
    expect(map.toBeats(seconds)).toBeCloseTo(beat, 12);
  });

  it.each([
    [0, 120],
    [7.99, 120],
    [8, 60],
    [11.5, 60],
    [12, 240],
    [100, 240],
    [-1, 120],
  ])('the tempo at beat %s is %s BPM', (beat, bpm) => {
    expect(map.bpmAt(beat)).toBeCloseTo(bpm, 9);
  });

  it('a single tempo is a straight line', () => {
    const flat = new TempoMap([{ beat: 0, bpm: 90 }]);
    expect(flat.toSeconds(3)).toBeCloseTo(2, 12);
    expect(flat.toBeats(2)).toBeCloseTo(3, 12);
  });

  it('rejects a map that does not start at beat 0', () => {
    expect(() => new TempoMap([])).toThrow('a tempo map starts at beat 0');
    expect(() => new TempoMap([{ beat: 1, bpm: 120 }])).toThrow('a tempo map starts at beat 0');
  });

  it('converts both ways consistently for any tempo map (property)', () => {
    const changes = fc
      .uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 8 })
      .chain((beats) =>
        fc.tuple(
          fc.constant([0, ...beats.sort((a, b) => a - b)].map((b) => b / 4)),
          fc.array(fc.integer({ min: 30, max: 300 }), { minLength: beats.length + 1, maxLength: beats.length + 1 }),
        ),
      )
      .map(([beats, bpms]) => beats.map((beat, i) => ({ beat, bpm: bpms[i] as number })));
    fc.assert(
      fc.property(changes, fc.double({ min: 0, max: 200, noNaN: true }), (tempo, beat) => {
        const m = new TempoMap(tempo);
        expect(m.toBeats(m.toSeconds(beat))).toBeCloseTo(beat, 6);
        // time never runs backwards
        expect(m.toSeconds(beat + 0.25)).toBeGreaterThan(m.toSeconds(beat));
        // the tempo in force is the last change at or before the beat
        const inForce = tempo.filter((c) => c.beat <= beat).at(-1);
        expect(m.bpmAt(beat)).toBeCloseTo(inForce?.bpm ?? 0, 9);
      }),
      { numRuns: 100 },
    );
  }, 20_000);
});

describe('TempoMap.fromTimes', () => {
  // The first beat 0.5 s into the audio at 120 BPM, 60 BPM from 4.5 s (beat 8).
  const timed = TempoMap.fromTimes([
    { time: 0.5, bpm: 120 },
    { time: 4.5, bpm: 60 },
  ]);

  it.each([
    [0, 0.5],
    [8, 4.5],
    [9, 5.5],
    [-1, 0],
  ])('beat %s is at %s s, and back', (beat, seconds) => {
    expect(timed.toSeconds(beat)).toBeCloseTo(seconds, 12);
    expect(timed.toBeats(seconds)).toBeCloseTo(beat, 12);
  });

  it('reads the tempo in force', () => {
    expect(timed.bpmAt(7.9)).toBe(120);
    expect(timed.bpmAt(8)).toBe(60);
  });

  it('needs a tempo', () => {
    expect(() => TempoMap.fromTimes([])).toThrow(/needs a tempo/);
  });
});
