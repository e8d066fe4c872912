import { describe, expect, it } from 'vitest';
import {
  bar,
  between,
  chordLine,
  GM,
  markUnison,
  melody,
  mergeNotes,
  perc,
  phrase,
  pitch,
  power,
  pulse,
  sectionsOf,
  track,
  trim,
  voicing,
} from '../../src/content/songs/compose';

describe('drum helpers', () => {
  it('reads a bar pattern on the grid its length sets', () => {
    expect(bar({ kick: 'x-x-', snare: '-x-x x--- ' }, 8)).toEqual([
      { beat: 8, lane: 'kick' },
      { beat: 8.5, lane: 'snare' },
      { beat: 9.5, lane: 'snare' },
      { beat: 10, lane: 'kick' },
      { beat: 10, lane: 'snare' },
    ]);
  });

  it('puts fills on the last bar of every block', () => {
    const notes = phrase({ bars: 8, groove: { kick: 'x' }, fill: { snare: 'x' }, fillEvery: 4 }, 1);
    expect(notes.filter((n) => n.lane === 'snare').map((n) => n.beat)).toEqual([16, 32]);
    expect(notes.filter((n) => n.lane === 'kick')).toHaveLength(6);
  });

  it('marks unison notes, adding them where missing', () => {
    const notes = markUnison(
      [
        { beat: 4, lane: 'kick' },
        { beat: 5, lane: 'snare', unison: true },
      ],
      [
        { beat: 4, lane: 'kick' },
        { beat: 7, lane: 'snare' },
      ],
    );
    expect(notes).toEqual([
      { beat: 4, lane: 'kick', unison: true },
      { beat: 5, lane: 'snare' },
      { beat: 7, lane: 'snare', unison: true },
    ]);
  });

  it('merges without doubled notes', () => {
    expect(
      mergeNotes(
        [{ beat: 1, lane: 'kick' }],
        [
          { beat: 1, lane: 'kick', unison: true },
          { beat: 0, lane: 'tom' },
        ],
      ),
    ).toEqual([
      { beat: 0, lane: 'tom' },
      { beat: 1, lane: 'kick', unison: true },
    ]);
  });

  it('marks sections where the kind changes', () => {
    const g = [
      { easy: {}, normal: {}, hard: {}, expert: {} },
      { easy: {}, normal: {}, hard: {}, expert: {} },
    ] as const;
    const form = [
      { kind: 'intro', bars: 2, groove: g },
      { kind: 'intro', bars: 1, groove: g },
      { kind: 'verse', bars: 1, groove: g },
    ] as const;
    expect(sectionsOf(form)).toEqual([
      { beat: 0, kind: 'intro' },
      { beat: 12, kind: 'verse' },
    ]);
    expect(sectionsOf(form, 4, true)).toHaveLength(3);
  });
});

describe('music helpers', () => {
  it('names pitches and voices chords', () => {
    expect([pitch('C4'), pitch('A4'), pitch('F#2'), pitch('Bb3')]).toEqual([60, 69, 42, 58]);
    expect(voicing('Am', 55)).toEqual([57, 60, 64]);
    expect(voicing('G7', 55)).toEqual([55, 59, 62, 65]);
    expect(() => pitch('H2')).toThrow();
  });

  it('follows chords with degree patterns', () => {
    const notes = chordLine(
      0,
      [
        ['C', 4],
        ['G', 4],
      ],
      '1-58',
      { low: 36, gate: 1, accent: 0, velocity: 0.5 },
    );
    expect(notes.map((n) => [n[0], n[1], n[2]])).toEqual([
      [0, 36, 2],
      [2, 43, 1],
      [3, 48, 1],
      [4, 43, 2],
      [6, 50, 1],
      [7, 55, 1],
    ]);
  });

  it('writes melodies with holds and rests', () => {
    expect(melody(4, 0.5, 'C5 - . E5!', 0.5)).toEqual([
      [4, 72, 0.95, 0.5],
      [5.5, 76, 0.475, 0.65],
    ]);
    expect(pulse(0, 2, 'X-o-')).toHaveLength(4);
  });

  it('writes power chords as root, fifth and octave', () => {
    expect(power([[0, 40, 0.5, 1]])).toEqual([
      [0, 40, 0.5, 1],
      [0, 47, 0.5, 0.9],
      [0, 52, 0.5, 0.85],
    ]);
  });

  it('plays the groove bed by General MIDI drum note, never a player drum', () => {
    const notes = perc(8, 1, 'X.x.', GM.tambourine, 0.5);
    expect(notes).toEqual([
      [8, 54, 0.25, 0.5],
      [10, 54, 0.25, 0.375],
    ]);
    // kicks 35-36, snares 37-38-40, toms, closed and pedal hi-hats
    const playerDrums = [35, 36, 37, 38, 40, 41, 42, 43, 44, 45, 47, 48, 50];
    for (const note of Object.values(GM)) expect(playerDrums).not.toContain(note);
  });

  it('picks notes by start and trims every track of a song', () => {
    const notes = pulse(0, 2, 'xxxx');
    expect(between(notes, 2, 5).map((n) => n[0])).toEqual([2, 3, 4]);
    const tracks = trim(-3, [track('a', 'bass', -8, notes), track('b', 'pad', 0, notes)]);
    expect(tracks.map((t) => t.volume)).toEqual([-11, -3]);
  });
});
