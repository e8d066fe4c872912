import { describe, expect, it } from 'vitest';
import { parseChartFile } from '../../src/formats';
import { ChartFileError } from '../../src/formats/types';
import { fixture, roundTempo, triples, utf8 } from './helpers';

const chart = (body: string, song = 'Resolution = 192') =>
  parseChartFile('x.chart', utf8(`[Song]\n{\n  ${song}\n}\n[SyncTrack]\n{\n  0 = B 120000\n}\n${body}`));

describe('Clone Hero .chart', () => {
  const f = parseChartFile('drums.chart', fixture('drums.chart'));

  it('reads [Song]', () => {
    expect(f.format).toBe('chart');
    expect(f.title).toBe('Pagoda Groove');
    expect(f.artist).toBe('Test Ensemble');
    expect(f.audioFile).toBe('song.ogg');
    expect(f.beatsPerBar).toBe(4);
  });

  it('times notes from Resolution, a tempo change and Offset; toms by default, cymbals by marker', () => {
    expect(triples(f.parts[0]?.expert)).toEqual([
      [0.25, 'hihat', false], // yellow + cymbal marker 66
      [0.25, 'kick', false],
      [0.75, 'snare', true], // red + accent 34
      [1.25, 'tom', false], // blue, no marker
      [1.75, 'hihat', false], // green + cymbal marker 68
      [2.25, 'tom', false], // green, no marker; 240 BPM from here
      [2.25, 'kick', false],
      [2.375, 'kick', false], // 32: double kick
      [2.5, 'snare', false],
    ]);
    expect(roundTempo(f)).toEqual([
      { time: 0.25, bpm: 120 },
      { time: 2.25, bpm: 240 },
    ]);
    expect(f.remarks).toContain('double-kick (Expert+) notes are played as kick');
  });

  it('reads every drum difficulty and ignores guitar', () => {
    expect(Object.keys(f.parts[0] ?? {})).toEqual(['hard', 'expert']);
    expect(f.parts[0]?.hard?.label).toBe('HardDrums');
    expect(f.parts[0]?.hard?.notes).toHaveLength(3);
  });

  it('plays 5-lane drums: yellow and orange cymbals, blue and green toms', () => {
    const five = chart('[EasyDrums]\n{\n  0 = N 2 0\n  192 = N 3 0\n  384 = N 4 0\n  576 = N 5 0\n}\n');
    expect(five.parts[0]?.easy?.notes.map((n) => n.lane)).toEqual(['hihat', 'tom', 'hihat', 'tom']);
  });

  it('defaults to 120 BPM and a 192 resolution, and says so', () => {
    const plain = parseChartFile('p.chart', utf8('[Song]\n{\n}\n[MediumDrums]\n{\n  192 = N 1 0\n}\n'));
    expect(plain.parts[0]?.normal?.notes[0]?.time).toBe(0.5);
    expect(plain.remarks).toContain('the chart gives no BPM: 120 is used');
  });

  it.each([
    ['a zero resolution', () => chart('[ExpertDrums]\n{\n 0 = N 1 0\n}\n', 'Resolution = 0'), 'Resolution', 3],
    ['a NaN offset', () => chart('[ExpertDrums]\n{\n 0 = N 1 0\n}\n', 'Offset = x'), 'Offset "x" is not a number', 3],
    ['an hour-long offset', () => chart('[ExpertDrums]\n{\n 0 = N 1 0\n}\n', 'Offset = 4000'), 'beyond an hour', 3],
    [
      'a zero BPM',
      () =>
        parseChartFile(
          'x.chart',
          utf8('[Song]\n{\n}\n[SyncTrack]\n{\n  0 = B 0\n}\n[ExpertDrums]\n{\n 0 = N 1 0\n}\n'),
        ),
      'a BPM must be above 0',
      6,
    ],
    ['no drums', () => chart('[ExpertSingle]\n{\n 0 = N 1 0\n}\n'), 'the chart has no drum part', null],
    ['empty drums', () => chart('[ExpertDrums]\n{\n}\n'), 'the chart has no notes to play', null],
    ['a section cut short', () => chart('[ExpertDrums]\n{\n 0 = N 1 0\n'), 'the file is cut short', 9],
    ['a garbled line', () => chart('[ExpertDrums]\n{\n zero = N 1 0\n}\n'), 'is not a "tick = kind values" line', 11],
    ['a note without a number', () => chart('[ExpertDrums]\n{\n 0 = N\n}\n'), 'a note (N) needs a number', 11],
    ['text without sections', () => parseChartFile('x.chart', utf8('hello\n')), 'this is not a .chart file', 1],
    ['no [Song]', () => parseChartFile('x.chart', utf8('[Other]\n{\n}\n')), 'it has no [Song] section', null],
  ])('refuses %s', (_what, run, message, line) => {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChartFileError);
    expect((error as ChartFileError).message).toContain(message);
    expect((error as ChartFileError).line).toBe(line);
  });
});
