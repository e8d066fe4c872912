import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseChartFile, readOsz } from '../../src/formats';
import { difficultyForVersion } from '../../src/formats/osu';
import { ChartFileError } from '../../src/formats/types';
import { fixture, roundTempo, triples, utf8 } from './helpers';

function refusal(run: () => unknown): ChartFileError {
  try {
    run();
  } catch (e) {
    if (e instanceof ChartFileError) return e;
    throw e;
  }
  throw new Error('expected a ChartFileError');
}

/** A small mania beatmap with `keys` columns and one note per column. */
function mania(keys: number, version: string, notes = keys, mode = 3, spacingMs = 250): string {
  const objects = Array.from({ length: notes }, (_, i) => {
    const column = i % keys;
    const x = Math.floor(((column + 0.5) * 512) / keys);
    return `${x},192,${1000 + i * spacingMs},1,0,0:0:0:0:`;
  });
  return `osu file format v14\n\n[General]\nAudioFilename: audio.mp3\nMode: ${mode}\n\n[Metadata]\nTitle:T\nArtist:A\nVersion:${version}\n\n[Difficulty]\nCircleSize:${keys}\n\n[TimingPoints]\n0,500,4,1,0,100,1,0\n\n[HitObjects]\n${objects.join('\n')}\n`;
}

describe('.osu', () => {
  it('reads osu!taiko: don, ka (whistle or clap), big (finish), rolls and spinners as one hit', () => {
    const f = parseChartFile('taiko.osu', fixture('taiko.osu'));
    expect(f.format).toBe('osu');
    expect(f.title).toBe('サミット・ビート');
    expect(f.artist).toBe('Test Ensemble');
    expect(f.audioFile).toBe('audio.mp3');
    expect(f.parts[0]?.expert?.label).toBe('Oni');
    // AudioLeadIn (1000 ms of silence) does not move notes against the audio.
    expect(triples(f.parts[0]?.expert)).toEqual([
      [0.5, 'snare', false],
      [1, 'hihat', false],
      [1.5, 'hihat', false],
      [2, 'kick', true],
      [2.5, 'tom', true],
      [3, 'snare', false],
      [3.5, 'snare', false],
      [4.5, 'snare', false],
      [4.75, 'hihat', false],
      [5, 'snare', false],
    ]);
    // The inherited point at 2.5 s changes no tempo; the uninherited one at 4.5 s does.
    expect(roundTempo(f)).toEqual([
      { time: 0.5, bpm: 120 },
      { time: 4.5, bpm: 240 },
    ]);
    expect(f.beatsPerBar).toBe(4);
  });

  it('reads 4-key osu!mania: column = floor(x·4/512) → hi-hat, snare, tom, kick; a hold is its head', () => {
    const f = parseChartFile('mania4k.osu', fixture('mania4k.osu'));
    expect(Object.keys(f.parts[0] ?? {})).toEqual(['hard']);
    expect(triples(f.parts[0]?.hard)).toEqual([
      [0.4, 'hihat', false],
      [0.8, 'snare', false],
      [1.2, 'tom', false],
      [1.6, 'kick', false],
      [2, 'hihat', false],
      [2, 'kick', false],
      [2.4, 'kick', false],
      [2.8, 'hihat', false],
    ]);
    expect(roundTempo(f)).toEqual([{ time: 0, bpm: 150 }]);
  });

  it('folds 7-key mania onto four lanes, left to right, and says so', () => {
    const f = parseChartFile('7k.osu', utf8(mania(7, 'Insane')));
    expect(f.parts[0]?.expert?.notes.map((n) => n.lane)).toEqual([
      'hihat',
      'hihat',
      'snare',
      'snare',
      'tom',
      'tom',
      'kick',
    ]);
    expect(f.remarks).toContain('7-key mania is folded onto the four drums, left to right');
  });

  it.each([
    [1, ['snare']],
    [2, ['snare', 'kick']],
    [3, ['hihat', 'snare', 'kick']],
  ])('maps %i-key mania', (keys, lanes) => {
    const f = parseChartFile('k.osu', utf8(mania(keys, 'Hard')));
    expect(f.parts[0]?.hard?.notes.map((n) => n.lane)).toEqual(lanes);
  });

  it.each([
    ['Beginner', 'easy'],
    ['Kantan', 'easy'],
    ['Normal', 'normal'],
    ['Advanced', 'hard'],
    ['Muzukashii', 'hard'],
    ['Oni', 'expert'],
    ["Someone's Insane", 'expert'],
  ])('gives Version %s the difficulty %s', (version, difficulty) => {
    expect(difficultyForVersion(version)).toBe(difficulty);
  });

  it.each([
    ['osu!standard', mania(4, 'X', 4, 0), 'osu!standard beatmap (Mode 0): it has no drum lanes', null],
    ['osu!catch', mania(4, 'X', 4, 2), 'osu!catch beatmap (Mode 2)', null],
    ['an unknown mode', mania(4, 'X', 4, 7), 'unknown osu! Mode 7', null],
    ['12-key mania', mania(12, 'X'), '12-key osu!mania cannot be played', null],
    ['no timing point', mania(4, 'X').replace('0,500,4,1,0,100,1,0', ''), 'no uninherited timing point', null],
    ['a zero beat length', mania(4, 'X').replace('0,500,4', '0,0,4'), 'a beat length must be above 0 ms', 16],
    ['an absurd BPM', mania(4, 'X').replace('0,500,4', '0,0.001,4'), 'a BPM must be above 0 and at most 1000', 16],
    ['a NaN time', mania(4, 'X').replace('1000,1,0', 'abc,1,0'), 'a hit object time "abc" is not a number', 19],
    ['a time beyond an hour', mania(4, 'X').replace('1000,1,0', '99999999,1,0'), 'beyond an hour', 19],
    ['a cut-short hit object', mania(4, 'X').replace('1000,1,0,0:0:0:0:', '1000'), 'a hit object needs', 19],
    ['no hit objects', mania(4, 'X', 0), 'the chart has no notes to play', null],
    ['not an .osu at all', '[General]\nMode: 1\n', 'this is not an osu! beatmap', 1],
  ])('refuses %s', (_what, text, message, line) => {
    const e = refusal(() => parseChartFile('x.osu', utf8(text)));
    expect(e.message).toContain(message);
    expect(e.line).toBe(line);
  });
});

/** Rewrites the uncompressed size every header of a zip declares (a lying archive). */
function declareSizes(zip: Uint8Array, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true); // central directory entry
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true); // local header
  }
}

describe('.osz', () => {
  const audio = new Uint8Array([0x49, 0x44, 0x33, 1, 2, 3, 4]);

  it('reads every taiko/mania .osu as a difficulty by density, with its audio', () => {
    const osz = zipSync({
      'taiko.osu': fixture('taiko.osu'),
      'easy.osu': utf8(mania(4, 'Easy', 4, 3, 1000)),
      'std.osu': utf8(mania(4, 'Std', 4, 0)),
      'audio.mp3': audio,
      'bg.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0]),
    });
    const { chart, files } = readOsz('pack.osz', osz);
    expect(chart.format).toBe('osu');
    expect(chart.title).toBe('サミット・ビート');
    expect(chart.audioFile).toBe('audio.mp3');
    expect([...files.keys()]).toEqual(['audio.mp3']);
    expect(files.get('audio.mp3')).toEqual(audio);
    expect(Object.keys(chart.parts[0] ?? {})).toEqual(['hard', 'expert']);
    expect(chart.parts[0]?.expert?.label).toBe('Oni');
    expect(chart.parts[0]?.hard?.label).toBe('Easy');
    expect(chart.remarks.some((r) => r.startsWith('"std.osu" is left out: this is an osu!standard beatmap'))).toBe(
      true,
    );
    // parseChartFile reads an .osz too (without its audio).
    expect(parseChartFile('pack.osz', osz).parts[0]?.expert?.label).toBe('Oni');
  });

  it('keeps four of more than four difficulties, spread from easiest to densest, and says so', () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 1; i <= 6; i++) entries[`d${i}.osu`] = utf8(mania(4, `D${i}`, 16, 3, 1200 / i));
    const { chart } = readOsz('six.osz', zipSync(entries));
    const part = chart.parts[0] ?? {};
    expect([part.easy?.label, part.normal?.label, part.hard?.label, part.expert?.label]).toEqual([
      'D1',
      'D3',
      'D4',
      'D6',
    ]);
    expect(chart.remarks).toContain('6 difficulties: D2, D5 are left out');
  });

  it('reads stored (uncompressed) audio and finds it in a folder of the archive', () => {
    const song = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
    const osz = zipSync({ 'Summit/taiko.osu': fixture('taiko.osu'), 'Summit/audio.mp3': [song, { level: 0 }] });
    const { chart, files } = readOsz('folder.osz', osz);
    expect(chart.audioFile).toBe('Summit/audio.mp3');
    const read = files.get('Summit/audio.mp3');
    expect(read?.length).toBe(song.length);
    expect(read?.every((b, i) => b === song[i])).toBe(true);
  });

  it('refuses an archive without a playable difficulty, naming why', () => {
    const e = refusal(() => readOsz('x.osz', zipSync({ 'a.osu': utf8(mania(4, 'X', 4, 0)), 'b.txt': utf8('hi') })));
    expect(e.message).toContain('the .osz holds no playable osu!taiko or osu!mania difficulty');
    expect(e.message).toContain('osu!standard');
  });

  it('refuses a damaged difficulty: nothing partial', () => {
    const osz = zipSync({
      'taiko.osu': fixture('taiko.osu'),
      'bad.osu': utf8(mania(4, 'X').replace('0,500,4', '0,0,4')),
    });
    const e = refusal(() => readOsz('x.osz', osz));
    expect(e.message).toBe('"bad.osu" in the archive: a beat length must be above 0 ms (found 0)');
    expect(e.line).toBe(16);
  });

  it('refuses a zip bomb by its declared size before inflating it', () => {
    const bomb = zipSync({ 'a.osu': new Uint8Array(11 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refusal(() => readOsz('bomb.osz', bomb)).message).toContain('refused as a possible zip bomb');
    // Five audio files that each declare 45 MB: each under the 50 MB cap, together over 200 MB.
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`song${i}.ogg`, new Uint8Array(1000)])),
    );
    declareSizes(many, 45 * 1024 * 1024);
    expect(refusal(() => readOsz('bomb.osz', many)).message).toContain('would unpack to more than 200 MB');
  }, 30_000);

  it('refuses a zip bomb whose header lies about its size', () => {
    const bomb = zipSync({ 'a.osu': new Uint8Array(4 * 1024 * 1024) }, { level: 1 });
    declareSizes(bomb, 1000);
    expect(refusal(() => readOsz('liar.osz', bomb)).message).toContain('unpacks to more than the archive declares');
  }, 30_000);

  it('refuses a 100 MB archive, an empty file, a non-zip and a truncated zip', { timeout: 30_000 }, () => {
    expect(refusal(() => readOsz('big.osz', new Uint8Array(100 * 1024 * 1024))).message).toContain(
      '.osz archives over 64 MB are refused',
    );
    expect(refusal(() => readOsz('empty.osz', new Uint8Array(0))).message).toBe('the file is empty (0 bytes)');
    expect(refusal(() => readOsz('x.osz', utf8('hello'))).message).toBe('this is not a zip archive (.osz)');
    const zip = zipSync({ 'taiko.osu': fixture('taiko.osu') });
    expect(refusal(() => readOsz('cut.osz', zip.subarray(0, zip.length - 30))).message).toContain(
      'the zip archive is damaged or cut short',
    );
  });
});
