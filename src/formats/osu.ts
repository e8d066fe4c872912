import { type Difficulty, LANES, type Lane } from '../core/units';
import {
  checkBpm,
  checkSeconds,
  earlyRemark,
  parseNumber,
  requireNotes,
  splitLines,
  tidyChart,
  tidyTempo,
} from './common';
import { ChartFileError, type ImportNote, type ParsedChartFile, type TempoPoint } from './types';

/*
 * osu! beatmaps (.osu, "osu file format v3…v14"). Rules:
 * - `[General] Mode`: 1 (taiko) and 3 (mania) are read; 0 (osu!standard) and 2 (catch) have no
 *   drum lanes and are refused with that reason.
 * - Times: hit-object times are milliseconds of the audio file, so note time = time / 1000 s.
 *   `AudioLeadIn` is silence played before the audio: it does not move notes against the audio.
 * - Tempo: uninherited `[TimingPoints]` (uninherited = 1, or a positive beat length in old files)
 *   carry the beat length (ms per beat → BPM = 60000 / beatLength) and the meter (beats per bar,
 *   from the first one). Inherited points only change scroll speed and are ignored.
 * - Taiko (mode 1): a circle is a ka when its hitSound has whistle (2) or clap (8), else a don;
 *   finish (4) makes it big. Lanes as TJA: don → snare, ka → hi-hat, big don → kick (accent),
 *   big ka → tom (accent). A drumroll (slider) or a denden (spinner) becomes one snare hit at its start.
 * - Mania (mode 3): keys = `CircleSize`, column = floor(x · keys / 512). 4 keys: columns 1–4 →
 *   hi-hat, snare, tom, kick (the order of the game's keys, so mania muscle memory carries over).
 *   1–3 keys: snare; snare, kick; hi-hat, snare, kick. 5–10 keys are folded evenly onto the four
 *   lanes, left to right (lane = floor(column · 4 / keys)), with a remark; more keys are refused.
 *   A hold (type bit 128) is played as its head.
 * - `Version` (the difficulty's name) labels the chart. A lone .osu goes to the difficulty its
 *   name suggests (Easy/Beginner → easy, Normal → normal, Hard/Advanced → hard, else expert);
 *   readOsz maps several by density.
 */

/** A readable beatmap of a mode or key count that cannot be played on four drums. */
export class UnplayableModeError extends ChartFileError {
  override name = 'UnplayableModeError';
}

export interface OsuBeatmap {
  readonly mode: 'taiko' | 'mania';
  readonly title: string;
  readonly artist: string;
  readonly version: string;
  readonly audioFile: string | null;
  readonly tempo: readonly TempoPoint[];
  readonly beatsPerBar: number;
  readonly notes: readonly ImportNote[];
  readonly remarks: readonly string[];
}

const MANIA_SMALL: Record<number, readonly Lane[]> = {
  1: ['snare'],
  2: ['snare', 'kick'],
  3: ['hihat', 'snare', 'kick'],
  4: LANES,
};
const MAX_MANIA_KEYS = 10;

/** Reads one .osu file's text into notes. @throws ChartFileError */
export function readOsuBeatmap(text: string): OsuBeatmap {
  const lines = splitLines(text);
  let first = 0;
  while (first < lines.length && (lines[first] as string).trim() === '') first++;
  const head = (lines[first] ?? '').replace(/^\uFEFF/, '').trim();
  if (!/^osu file format v\d+/i.test(head)) {
    throw new ChartFileError('this is not an osu! beatmap (it should start with "osu file format v14")', first + 1);
  }
  const values: Record<string, string> = {};
  const timing: { line: number; fields: string[] }[] = [];
  const objects: { line: number; fields: string[] }[] = [];
  let section = '';
  for (let i = first + 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    const text = raw.trim();
    if (text === '' || text.startsWith('//')) continue;
    const sec = /^\[(.+)\]$/.exec(text);
    if (sec) {
      section = sec[1] as string;
      continue;
    }
    if (section === 'TimingPoints') timing.push({ line: i + 1, fields: text.split(',') });
    else if (section === 'HitObjects') objects.push({ line: i + 1, fields: text.split(',') });
    else if (section === 'General' || section === 'Metadata' || section === 'Difficulty') {
      const c = text.indexOf(':');
      if (c > 0) values[`${section}.${text.slice(0, c).trim()}`] = text.slice(c + 1).trim();
    }
  }
  const modeNumber = values['General.Mode'] === undefined ? 0 : parseNumber(values['General.Mode'], 'Mode', null);
  if (modeNumber === 0 || modeNumber === 2) {
    throw new UnplayableModeError(
      `this is an osu!${modeNumber === 0 ? 'standard' : 'catch'} beatmap (Mode ${modeNumber}): it has no drum lanes; only osu!taiko (Mode 1) and osu!mania (Mode 3) beatmaps can be played`,
    );
  }
  if (modeNumber !== 1 && modeNumber !== 3) throw new UnplayableModeError(`unknown osu! Mode ${modeNumber}`);
  const mode = modeNumber === 1 ? 'taiko' : 'mania';
  const remarks: string[] = [];

  const tempo: TempoPoint[] = [];
  let beatsPerBar: number | null = null;
  for (const { line, fields } of timing) {
    const time = parseNumber(fields[0] ?? '', 'a timing point time', line);
    const beatLength = parseNumber(fields[1] ?? '', 'a beat length', line);
    const uninherited = fields[6] === undefined ? beatLength > 0 : fields[6].trim() === '1';
    if (!uninherited) continue;
    if (beatLength <= 0) throw new ChartFileError(`a beat length must be above 0 ms (found ${beatLength})`, line);
    const bpm = checkBpm(60000 / beatLength, line);
    tempo.push({ time: checkSeconds(time / 1000, 'a timing point', line), bpm });
    if (beatsPerBar === null) {
      const meter = fields[2] === undefined ? 4 : parseNumber(fields[2], 'a meter', line);
      beatsPerBar = Number.isInteger(meter) && meter >= 1 && meter <= 16 ? meter : 4;
    }
  }
  if (tempo.length === 0) throw new ChartFileError('the beatmap has no uninherited timing point (no BPM)');

  let lanes: readonly Lane[] = [];
  let keys = 0;
  if (mode === 'mania') {
    keys = parseNumber(values['Difficulty.CircleSize'] ?? '', 'CircleSize (the key count)', null);
    if (!Number.isInteger(keys) || keys < 1 || keys > MAX_MANIA_KEYS) {
      throw new UnplayableModeError(
        `${keys}-key osu!mania cannot be played on four drums (1 to ${MAX_MANIA_KEYS} keys can be folded)`,
      );
    }
    lanes = MANIA_SMALL[keys] ?? Array.from({ length: keys }, (_, c) => LANES[Math.floor((c * 4) / keys)] as Lane);
    if (keys > 4) remarks.push(`${keys}-key mania is folded onto the four drums, left to right`);
  }

  const notes: ImportNote[] = [];
  for (const { line, fields } of objects) {
    if (fields.length < 5) throw new ChartFileError('a hit object needs x, y, time, type and hitSound', line);
    const x = parseNumber(fields[0] as string, 'x', line);
    const time = checkSeconds(parseNumber(fields[2] as string, 'a hit object time', line) / 1000, 'a note', line);
    const type = parseNumber(fields[3] as string, 'a hit object type', line);
    const hitSound = parseNumber(fields[4] as string, 'a hitSound', line);
    if (mode === 'taiko') {
      const ka = (hitSound & 2) !== 0 || (hitSound & 8) !== 0;
      const big = (hitSound & 4) !== 0;
      if ((type & 2) !== 0 || (type & 8) !== 0) {
        notes.push({ time, lane: 'snare' }); // drumroll or denden: one hit at its start
      } else if (big) notes.push({ time, lane: ka ? 'tom' : 'kick', accent: true });
      else notes.push({ time, lane: ka ? 'hihat' : 'snare' });
    } else {
      const column = Math.min(keys - 1, Math.max(0, Math.floor((x * keys) / 512)));
      notes.push({ time, lane: lanes[column] as Lane });
    }
  }
  const title = values['Metadata.TitleUnicode'] || values['Metadata.Title'] || 'Untitled';
  const artist = values['Metadata.ArtistUnicode'] || values['Metadata.Artist'] || '';
  return {
    mode,
    title,
    artist,
    version: values['Metadata.Version'] || (mode === 'taiko' ? 'Taiko' : `${keys}K`),
    audioFile: values['General.AudioFilename'] || null,
    tempo: tidyTempo(tempo),
    beatsPerBar: beatsPerBar ?? 4,
    notes,
    remarks,
  };
}

/** The difficulty an .osu Version name suggests. */
export function difficultyForVersion(version: string): Difficulty {
  const v = version.toLowerCase();
  if (/easy|beginner|kantan/.test(v)) return 'easy';
  if (/normal|futsuu|futsu|basic/.test(v)) return 'normal';
  if (/hard|advanced|muzukashii/.test(v)) return 'hard';
  return 'expert';
}

/** Parses one .osu file. @throws ChartFileError */
export function parseOsu(text: string): ParsedChartFile {
  const map = readOsuBeatmap(text);
  const tidy = tidyChart(map.notes, map.version);
  requireNotes([{ expert: tidy.chart }]);
  const early = earlyRemark(tidy.early);
  return {
    format: 'osu',
    title: map.title,
    artist: map.artist,
    audioFile: map.audioFile,
    tempo: map.tempo,
    beatsPerBar: map.beatsPerBar,
    parts: [{ [difficultyForVersion(map.version)]: tidy.chart }],
    remarks: early ? [...map.remarks, early] : map.remarks,
  };
}
