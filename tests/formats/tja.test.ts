import { describe, expect, it } from 'vitest';
import { parseChartFile } from '../../src/formats';
import { ChartFileError, describeChartError } from '../../src/formats/types';
import { fixture, roundTempo, times, triples, utf8 } from './helpers';

const tja = (text: string) => parseChartFile('test.tja', utf8(text));
const HEAD = 'TITLE:T\nBPM:120\nOFFSET:0\n';

describe('TJA', () => {
  const file = parseChartFile('duet.tja', fixture('duet.tja'));

  it('reads the header', () => {
    expect(file.format).toBe('tja');
    expect(file.title).toBe('Nara Duet Test');
    expect(file.artist).toBe('Drum Diplomacy');
    expect(file.audioFile).toBe('duet.ogg');
    expect(file.beatsPerBar).toBe(4);
  });

  it('turns STYLE:Double P1/P2 into two parts and leaves one-player courses out', () => {
    expect(file.parts).toHaveLength(2);
    expect(Object.keys(file.parts[0] ?? {})).toEqual(['expert']);
    expect(file.parts[0]?.expert?.label).toBe('Oni P1');
    expect(file.parts[1]?.expert?.label).toBe('Oni P2');
    expect(file.remarks).toContain('the file holds two-player courses: its one-player courses are left out');
    expect(file.remarks).toContain('branches: the master branch is played');
  });

  it('times P1 with negative OFFSET, a mid-measure #BPMCHANGE, #MEASURE, #DELAY, master branch and rolls', () => {
    expect(triples(file.parts[0]?.expert)).toEqual([
      [0.5, 'snare', false],
      [1, 'snare', false],
      [1.5, 'snare', false],
      [2, 'snare', false],
      [2.5, 'snare', false],
      [3, 'snare', false],
      [3.5, 'hihat', false], // after #BPMCHANGE 240 mid-measure: eighths of 0.125 s
      [3.75, 'hihat', false],
      [4, 'snare', false], // #MEASURE 3/4 at 240 BPM
      [4.25, 'snare', false],
      [4.5, 'snare', false],
      [5, 'kick', true], // #DELAY 0.25
      [5.75, 'tom', true],
      [6, 'kick', true], // the master branch: 3333
      [6.25, 'kick', true],
      [6.5, 'kick', true],
      [6.75, 'kick', true],
      [7, 'snare', false], // the drumroll: eighth notes up to its end
      [7.125, 'snare', false],
      [7.25, 'snare', false],
      [7.375, 'snare', false],
      [7.5, 'snare', false],
      [7.625, 'snare', false],
      [8, 'snare', true], // the balloon: one accent
    ]);
    expect(roundTempo(file)).toEqual([
      { time: 0.5, bpm: 120 },
      { time: 3.5, bpm: 240 },
    ]);
  });

  it('times P2 on the same clock', () => {
    expect(times(file.parts[1]?.expert)).toEqual([0.5, 2.5, 3.5, 4, 5, 6, 6.25, 6.5, 6.75, 7, 8]);
  });

  it('decodes Shift-JIS and leaves out notes before the audio (positive OFFSET)', () => {
    const sj = parseChartFile('sjis.tja', fixture('shift-jis.tja'));
    expect(sj.title).toBe('太鼓の達人テスト');
    expect(sj.artist).toBe('ドラム外交');
    expect(sj.audioFile).toBe('たいこ.ogg');
    expect(sj.parts).toHaveLength(1);
    expect(triples(sj.parts[0]?.expert)).toEqual([
      [0.2, 'hihat', false],
      [0.6, 'kick', true],
      [1.4, 'tom', true],
      [2.2, 'snare', false],
      [2.6, 'snare', false],
      [3, 'hihat', false],
    ]);
    expect(sj.remarks).toContain('3 notes before the audio starts could not be played and were left out');
    expect(roundTempo(sj)).toEqual([{ time: -1, bpm: 150 }]);
  });

  it('reads a UTF-8 BOM and maps every course (Edit is expert only without Oni)', () => {
    const text = `\uFEFF${HEAD}COURSE:Easy\n#START\n1,\n#END\nCOURSE:1\n#START\n11,\n#END\nCOURSE:Hard\n#START\n111,\n#END\nCOURSE:Edit\n#START\n1111,\n#END\n`;
    const f = tja(text);
    expect(Object.keys(f.parts[0] ?? {}).sort()).toEqual(['easy', 'expert', 'hard', 'normal']);
    expect(f.parts[0]?.expert?.label).toBe('Edit');
    expect(f.remarks).toContain('the Edit (Ura) course is played as Expert');
    const both = tja(`${HEAD}COURSE:Oni\n#START\n11,\n#END\nCOURSE:Ura\n#START\n1111,\n#END\n`);
    expect(both.parts[0]?.expert?.label).toBe('Oni');
    expect(both.remarks).toContain('the Edit (Ura) course is left out: Oni is played as Expert');
  });

  it('splits a measure evenly among its digits over several lines, and an empty measure is a whole bar', () => {
    const f = tja(`${HEAD}#START\n10\n10,\n,\n1,\n#END\n`);
    expect(times(f.parts[0]?.expert)).toEqual([0, 1, 4]);
  });

  it('names unknown note letters of other TJA dialects and plays the rest', () => {
    const f = tja(`${HEAD}#START\n1H1I,\n#END\n`);
    expect(f.parts[0]?.expert?.notes).toHaveLength(2);
    expect(f.remarks).toContain('unknown note letters (H, I) are not played');
  });

  it('ignores bombs and ad-lib notes and the non-master branches', () => {
    const f = tja(`${HEAD}#START\nC0F0,\n#BRANCHSTART p,1,2\n#N\n1,\n#E\n2,\n#BRANCHEND\n#END\n`);
    expect(triples(f.parts[0]?.expert)).toEqual([[2, 'hihat', false]]);
  });

  it.each([
    ['an empty chart', `${HEAD}#START\n0000,\n#END\n`, 'the chart has no notes to play', null],
    ['a chart cut short', `${HEAD}#START\n1111,\n11`, 'the chart has no #END: the file is cut short', 4],
    ['no chart at all', `${HEAD}`, 'this TJA file holds no chart (no #START … #END)', null],
    ['a zero BPM', 'TITLE:T\nBPM:0\n#START\n1,\n#END\n', 'a BPM must be above 0 and at most 1000 (found 0)', 2],
    ['an absurd BPM change', `${HEAD}#START\n#BPMCHANGE 5000\n1,\n#END\n`, 'a BPM must be above 0', 5],
    ['a NaN BPM', 'BPM:fast\n#START\n1,\n#END\n', 'BPM "fast" is not a number', 1],
    [
      'an offset beyond an hour',
      'BPM:120\nOFFSET:-99999\n#START\n1,\n#END\n',
      'OFFSET (-99999 s) is beyond an hour',
      2,
    ],
    ['a stray character', `${HEAD}#START\n1?1,\n#END\n`, 'unexpected "?" in a line of notes', 5],
    ['a bad #MEASURE', `${HEAD}#START\n#MEASURE 0/4\n1,\n#END\n`, '#MEASURE needs a time signature', 5],
    ['an unknown course', `${HEAD}COURSE:Mega\n#START\n1,\n#END\n`, 'unknown COURSE "Mega"', 4],
    ['plain prose', 'Dear diary,\ntoday I drummed.\n', 'this is not a TJA chart', 1],
  ])('refuses %s', (_what, text, message, line) => {
    let error: unknown;
    try {
      tja(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChartFileError);
    expect((error as ChartFileError).message).toContain(message);
    expect((error as ChartFileError).line).toBe(line);
  });

  it('describes an error with the file and line', () => {
    expect(describeChartError('a.tja', new ChartFileError('bad', 3))).toBe('a.tja, line 3: bad');
    expect(describeChartError('a.tja', new ChartFileError('bad'))).toBe('a.tja: bad');
    expect(describeChartError('a.tja', new Error('odd'))).toBe('a.tja: odd');
    expect(describeChartError('a.tja', 'odd')).toBe('a.tja: odd');
  });
});
