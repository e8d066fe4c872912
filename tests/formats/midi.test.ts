import { Midi } from '@tonejs/midi';
import { describe, expect, it } from 'vitest';
import { parseChartFile } from '../../src/formats';
import { instrumentForProgram } from '../../src/formats/midi';
import { ChartFileError } from '../../src/formats/types';
import { roundTempo, triples, utf8 } from './helpers';

const PPQ = 480;

/** A Clone Hero chart: PART DRUMS with Expert and Easy notes, tom markers and a tempo change. */
function cloneHeroMidi(): Uint8Array {
  const midi = new Midi();
  midi.header.setTempo(120);
  midi.header.tempos.push({ ticks: 4 * PPQ, bpm: 240 });
  midi.header.name = 'Deer Park';
  midi.header.update();
  const drums = midi.addTrack();
  drums.name = 'PART DRUMS';
  const note = (pitch: number, beat: number, beats = 0.25) =>
    drums.addNote({ midi: pitch, ticks: beat * PPQ, durationTicks: beats * PPQ, velocity: 0.8 });
  note(96, 0); // kick
  note(98, 0); // yellow: a cymbal (no tom marker)
  note(97, 1); // red
  note(110, 2, 1); // yellow tom marker over beat 2
  note(98, 2); // yellow under the marker: tom
  note(99, 3); // blue cymbal
  note(112, 4, 0.5); // green tom marker
  note(100, 4); // green tom, at 240 BPM from here
  note(95, 4.5); // Expert+ double kick
  note(60, 0); // Easy kick
  note(61, 1); // Easy red
  const guitar = midi.addTrack();
  guitar.name = 'PART GUITAR';
  guitar.addNote({ midi: 96, ticks: 0, durationTicks: 120 });
  return midi.toArray();
}

/** A General MIDI song: drums on channel 10 and two other tracks. */
function generalMidi(): Uint8Array {
  const midi = new Midi();
  midi.header.setTempo(100);
  midi.header.tempos.push({ ticks: 8 * PPQ, bpm: 150 });
  midi.header.timeSignatures.push({ ticks: 0, timeSignature: [3, 4] });
  midi.header.name = 'Summit March';
  midi.header.update();
  const drums = midi.addTrack();
  drums.channel = 9;
  drums.name = 'Drums';
  for (const [pitch, beat] of [
    [36, 0],
    [42, 0],
    [38, 1],
    [49, 2], // crash: an accent on the hi-hat lane
    [56, 3], // cowbell: not a drum of the kit
    [45, 8], // a tom after the tempo change
    [35, 8], // kick
    [36, 8], // a second kick at the same time: one note
  ] as const) {
    drums.addNote({ midi: pitch, ticks: beat * PPQ, durationTicks: PPQ / 4, velocity: 0.9 });
  }
  const bass = midi.addTrack();
  bass.channel = 0;
  bass.name = 'Bass';
  bass.instrument.number = 33;
  bass.addCC({ number: 7, value: 0.5, ticks: 0 });
  bass.addNote({ midi: 40, ticks: 0, durationTicks: 2 * PPQ, velocity: 0.5 });
  bass.addNote({ midi: 43, ticks: 2 * PPQ, durationTicks: 0, velocity: 1 });
  const piano = midi.addTrack();
  piano.channel = 1;
  piano.instrument.number = 0;
  piano.addNote({ midi: 64, ticks: PPQ, durationTicks: PPQ, velocity: 0.7 });
  return midi.toArray();
}

function refusal(run: () => unknown): ChartFileError {
  try {
    run();
  } catch (e) {
    if (e instanceof ChartFileError) return e;
    throw e;
  }
  throw new Error('expected a ChartFileError');
}

describe('Clone Hero .mid (PART DRUMS)', () => {
  const f = parseChartFile('notes.mid', cloneHeroMidi());

  it('reads Expert with cymbals by default and toms under their markers', () => {
    expect(f.format).toBe('mid');
    expect(f.title).toBe('Deer Park');
    expect(f.audioFile).toBeNull();
    expect(f.music).toBeUndefined();
    expect(triples(f.parts[0]?.expert)).toEqual([
      [0, 'hihat', false],
      [0, 'kick', false],
      [0.5, 'snare', false],
      [1, 'tom', false],
      [1.5, 'hihat', false],
      [2, 'tom', false],
      [2.125, 'kick', false],
    ]);
    expect(roundTempo(f)).toEqual([
      { time: 0, bpm: 120 },
      { time: 2, bpm: 240 },
    ]);
    expect(f.remarks).toContain('double-kick (Expert+) notes are played as kick');
  });

  it('reads the other difficulties from their own note ranges', () => {
    expect(Object.keys(f.parts[0] ?? {})).toEqual(['easy', 'expert']);
    expect(f.parts[0]?.easy?.label).toBe('Easy');
    expect(triples(f.parts[0]?.easy)).toEqual([
      [0, 'kick', false],
      [0.5, 'snare', false],
    ]);
  });

  it('reads a .midi by content too', () => {
    expect(parseChartFile('chart.bin', cloneHeroMidi()).format).toBe('mid');
  });
});

describe('General MIDI .mid', () => {
  const f = parseChartFile('march.midi', generalMidi());

  it('plays channel 10 through the MIDI drum map', () => {
    expect(f.title).toBe('Summit March');
    expect(f.beatsPerBar).toBe(3);
    expect(f.parts[0]?.expert?.label).toBe('General MIDI drums');
    expect(triples(f.parts[0]?.expert)).toEqual([
      [0, 'hihat', false],
      [0, 'kick', false],
      [0.6, 'snare', false],
      [1.2, 'hihat', true],
      [4.8, 'tom', false],
      [4.8, 'kick', false],
    ]);
    expect(f.remarks).toContain('1 percussion note outside the drum kit (tambourine, cowbell…) is not played');
    expect(roundTempo(f)).toEqual([
      { time: 0, bpm: 100 },
      { time: 4.8, bpm: 150 },
    ]);
  });

  it('turns the other tracks into music in beats, with instruments and levels', () => {
    expect(f.music?.tempo).toEqual([
      { beat: 0, bpm: 100 },
      { beat: 8, bpm: 150 },
    ]);
    const [bass, piano] = f.music?.tracks ?? [];
    expect(bass?.name).toBe('Bass');
    expect(bass?.instrument).toBe('bass');
    expect(bass?.volume).toBeCloseTo(20 * Math.log10(63 / 127), 3); // CC 7 = 63
    expect(bass?.notes[0]).toEqual([0, 40, 2, expect.closeTo(0.5, 1)]);
    expect(bass?.notes[1]?.[2]).toBe(0.01); // a zero-length note still lasts 0.01 beat
    expect(piano?.instrument).toBe('keys');
    expect(piano?.volume).toBeUndefined();
    expect(piano?.notes).toEqual([[1, 64, 1, expect.closeTo(0.7, 1)]]);
  });

  it.each([
    [0, 'keys'],
    [11, 'bell'],
    [19, 'keys'],
    [25, 'guitar'],
    [33, 'bass'],
    [48, 'pad'],
    [56, 'lead'],
    [73, 'lead'],
    [81, 'lead'],
    [89, 'pad'],
    [105, 'pluck'],
    [113, 'bell'],
    [117, 'shaker'],
    [125, 'pad'],
  ] as const)('maps program %i to %s', (program, instrument) => {
    expect(instrumentForProgram(program)).toBe(instrument);
  });
});

describe('MIDI refusals', () => {
  it('refuses a file cut short', () => {
    const bytes = generalMidi();
    expect(refusal(() => parseChartFile('cut.mid', bytes.subarray(0, bytes.length - 10))).message).toContain(
      'cut short',
    );
    expect(refusal(() => parseChartFile('cut.mid', bytes.subarray(0, 40))).message).toContain('cut short');
    expect(refusal(() => parseChartFile('cut.mid', bytes.subarray(0, 10))).message).toContain('cut short');
  });

  it('refuses a file that is not MIDI, and SMPTE timing', () => {
    expect(refusal(() => parseChartFile('x.mid', utf8('hello world, not midi'))).message).toContain('not a MIDI file');
    const smpte = generalMidi();
    smpte[12] = 0xe7;
    expect(refusal(() => parseChartFile('x.mid', smpte)).message).toContain('SMPTE');
  });

  it('refuses a file without drums or without drum notes', () => {
    const midi = new Midi();
    midi.addTrack().addNote({ midi: 60, ticks: 0, durationTicks: 10 });
    expect(refusal(() => parseChartFile('x.mid', midi.toArray())).message).toContain('no drum track');
    const odd = new Midi();
    const t = odd.addTrack();
    t.channel = 9;
    t.addNote({ midi: 56, ticks: 0, durationTicks: 10 });
    expect(refusal(() => parseChartFile('x.mid', odd.toArray())).message).toBe('the chart has no notes to play');
    const empty = new Midi();
    empty.addTrack().name = 'PART DRUMS';
    expect(refusal(() => parseChartFile('x.mid', empty.toArray())).message).toBe('the chart has no notes to play');
  });

  it('refuses an absurd tempo', () => {
    const midi = new Midi();
    midi.header.tempos.push({ ticks: 0, bpm: 5000 });
    midi.header.update();
    const t = midi.addTrack();
    t.channel = 9;
    t.addNote({ midi: 36, ticks: 0, durationTicks: 10 });
    expect(refusal(() => parseChartFile('x.mid', midi.toArray())).message).toContain('a BPM must be above 0');
  });
});
