import { describe, expect, it } from 'vitest';
import { isChartFileName, parseChartFile } from '../../src/formats';
import { ChartFileError } from '../../src/formats/types';
import { fixture, utf8 } from './helpers';

function refusal(run: () => unknown): ChartFileError {
  try {
    run();
  } catch (e) {
    if (e instanceof ChartFileError) return e;
    throw e;
  }
  throw new Error('expected a ChartFileError');
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe('parseChartFile', () => {
  it.each([
    ['a.tja', true],
    ['A.TJA', true],
    ['b.osu', true],
    ['c.OSZ', true],
    ['notes.chart', true],
    ['song.mid', true],
    ['song.MIDI', true],
    ['song.ogg', false],
    ['tja', false],
    ['readme.txt', false],
  ])('isChartFileName(%s) is %s', (name, expected) => {
    expect(isChartFileName(name)).toBe(expected);
  });

  it('chooses the parser by extension, and by content for other names', () => {
    expect(parseChartFile('a.tja', fixture('duet.tja')).format).toBe('tja');
    expect(parseChartFile('download', fixture('duet.tja')).format).toBe('tja');
    expect(parseChartFile('download', fixture('taiko.osu')).format).toBe('osu');
    expect(parseChartFile('notes.txt', fixture('drums.chart')).format).toBe('chart');
  });

  it.each([
    ['a 0-byte file', 'a.tja', new Uint8Array(0), 'the file is empty (0 bytes)'],
    ['a 0-byte MIDI', 'a.mid', new Uint8Array(0), 'the file is empty (0 bytes)'],
    ['a picture renamed .tja', 'a.tja', PNG, 'this is a PNG picture, not a chart'],
    ['a picture renamed .osu', 'a.osu', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'this is a JPEG picture'],
    ['binary junk renamed .chart', 'a.chart', new Uint8Array([1, 2, 0, 4, 5]), 'it holds NUL bytes'],
    ['control bytes renamed .tja', 'a.tja', new Uint8Array([0x42, 0x50, 0x4d, 0x3a, 0x07, 0x08]), 'control bytes'],
    [
      'bytes that are neither UTF-8 nor Shift-JIS',
      'a.tja',
      new Uint8Array([0x41, 0xff, 0xfe, 0xfd, 0x80]),
      'neither UTF-8 nor Shift-JIS',
    ],
    ['an unknown format', 'notes.txt', utf8('just some words'), 'unknown chart format'],
    ['a picture with an unknown name', 'image', PNG, 'this is a PNG picture, not a chart'],
  ])('refuses %s', (_what, name, bytes, message) => {
    expect(refusal(() => parseChartFile(name, bytes)).message).toContain(message);
  });

  it('refuses a 100 MB file before reading it', { timeout: 30_000 }, () => {
    const big = new Uint8Array(100 * 1024 * 1024).fill(0x31);
    for (const name of ['big.tja', 'big.osu', 'big.chart', 'big.mid']) {
      expect(refusal(() => parseChartFile(name, big)).message).toContain('over 10 MB are refused');
    }
  });

  it('reads UTF-16 text with a BOM', () => {
    const text = 'TITLE:Wide\nBPM:120\n#START\n1,\n#END\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    const be = new Uint8Array(2 + text.length * 2);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i);
      be[3 + i * 2] = text.charCodeAt(i);
    }
    expect(parseChartFile('w.tja', le).title).toBe('Wide');
    expect(parseChartFile('w.tja', be).title).toBe('Wide');
  });
});
