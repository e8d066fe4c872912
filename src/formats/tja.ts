import type { Difficulty, Lane } from '../core/units';
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
import { ChartFileError, type ImportChart, type ImportNote, type ImportPart, type ParsedChartFile } from './types';

/*
 * TJA (taiko-web, TJAPlayer) charts. Rules:
 * - Text in UTF-8 or Shift-JIS (decoded by common.decodeText). Header lines are `KEY:VALUE`
 *   (TITLE, SUBTITLE or ARTIST, BPM, WAVE, OFFSET, COURSE, STYLE); a chart is the lines from
 *   `#START` to `#END`; `//` starts a comment.
 * - Courses: Easy/0 → easy, Normal/1 → normal, Hard/2 → hard, Oni/3 → expert. Edit/Ura/4 is
 *   played as expert only when there is no Oni course (otherwise it is left out, with a remark).
 *   Tower and Dan courses are left out. A chart with no COURSE is an Oni.
 * - Two players: `STYLE:Double` (or Couple/2) courses with `#START P1` and `#START P2` make two
 *   parts (P1 → part 0, P2 → part 1). When a file holds two-player courses, its one-player
 *   courses are left out (a remark says so).
 * - Time: a measure (ended by `,`) is split evenly among its digits, `#MEASURE a/b` long (4·a/b
 *   quarter beats, default 4/4); each digit lasts its share of the measure at the BPM in effect
 *   at that digit, so `#BPMCHANGE` may fall mid-measure. `#DELAY s` adds s seconds where it stands.
 *   A note's song time = -OFFSET + its time from `#START` (a negative OFFSET delays the notes).
 *   Visual commands (#SCROLL, #GOGOSTART/END, #BARLINEON/OFF, #SECTION, ...) are ignored.
 * - Branches (`#BRANCHSTART` … `#N` / `#E` / `#M` … `#BRANCHEND`): only the master branch (#M)
 *   is played (or the expert branch, then the normal one, if a branch point has no master),
 *   and a remark says so.
 * - Notes → lanes (chosen so the two taiko colours stay two drums and the rare big notes
 *   become the accents a drummer hits with the foot or on the toms):
 *     1 don → snare, 2 ka → hi-hat, 3 big don → kick (accent), 4 big ka → tom (accent),
 *     A/B (two-player big don/ka) as 3/4; C (bomb), F (ad-lib), G and letters of other TJA
 *     dialects are not played (unknown letters are named in a remark).
 * - Rolls: a drumroll (5) or big drumroll (6), up to its 8, becomes snare hits on eighth notes
 *   (of the BPM at its start, never closer than 1/8 s) from its head; a big roll's head is an
 *   accent. A balloon (7) or kusudama (9) becomes one accented snare hit at its head.
 */

const COURSES: Record<string, string> = {
  easy: 'Easy',
  '0': 'Easy',
  normal: 'Normal',
  '1': 'Normal',
  hard: 'Hard',
  '2': 'Hard',
  oni: 'Oni',
  '3': 'Oni',
  edit: 'Edit',
  ura: 'Edit',
  '4': 'Edit',
  tower: 'Tower',
  '5': 'Tower',
  dan: 'Dan',
  '6': 'Dan',
};
const COURSE_DIFFICULTY: Record<string, Difficulty> = { Easy: 'easy', Normal: 'normal', Hard: 'hard', Oni: 'expert' };

interface Digit {
  readonly lane: Lane;
  readonly accent: boolean;
}
const NOTE_DIGITS: Record<string, Digit> = {
  '1': { lane: 'snare', accent: false },
  '2': { lane: 'hihat', accent: false },
  '3': { lane: 'kick', accent: true },
  '4': { lane: 'tom', accent: true },
  A: { lane: 'kick', accent: true },
  B: { lane: 'tom', accent: true },
};

type Item = { kind: 'digit'; ch: string } | { kind: 'bpm'; bpm: number } | { kind: 'delay'; seconds: number };

interface CourseChart {
  course: string;
  player: 0 | 1 | null;
  notes: ImportNote[];
  tempo: { time: number; bpm: number }[];
  beatsPerBar: number;
  line: number;
}

/** Reads the notes of one `#START` … `#END` block. */
class ChartReader {
  notes: ImportNote[] = [];
  tempo: { time: number; bpm: number }[] = [];
  beatsPerBar: number | null = null;
  branched = false;
  /** Note letters of TJA dialects this reader does not know: not played, and said so. */
  readonly unknown = new Set<string>();
  private time = 0;
  private measureBeats = 4;
  private nextMeasureBeats: number | null = null;
  private items: Item[] = [];
  private digits = 0;
  private roll: { start: number; bpm: number; big: boolean; balloon: boolean } | null = null;

  constructor(
    private readonly offset: number,
    private bpm: number,
  ) {
    this.tempo.push({ time: -offset, bpm });
  }

  /** Handles one line inside the chart (comments already stripped, trimmed, not empty). */
  line(text: string, line: number): void {
    if (text.startsWith('#')) {
      this.command(text, line);
      return;
    }
    if (text.includes(':')) return; // a header inside a chart (e.g. BALLOON:5,5): note lines have no colon
    for (const ch of text) {
      if (ch === ',') this.endMeasure();
      else if (ch === ' ' || ch === '\t') continue;
      else if (/[0-9A-Z]/i.test(ch)) {
        this.items.push({ kind: 'digit', ch: ch.toUpperCase() });
        this.digits++;
      } else throw new ChartFileError(`unexpected "${ch}" in a line of notes`, line);
    }
  }

  private command(text: string, line: number): void {
    const m = /^#([A-Z]+)\s*(.*)$/i.exec(text);
    if (!m) return;
    const name = (m[1] as string).toUpperCase();
    const arg = (m[2] as string).trim();
    if (name === 'BPMCHANGE') {
      this.items.push({ kind: 'bpm', bpm: checkBpm(parseNumber(arg, 'the #BPMCHANGE value', line), line) });
    } else if (name === 'DELAY') {
      this.items.push({ kind: 'delay', seconds: checkSeconds(parseNumber(arg, 'the #DELAY', line), 'a #DELAY', line) });
    } else if (name === 'MEASURE') {
      const mm = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(arg);
      const beats = mm ? (4 * Number(mm[1])) / Number(mm[2]) : Number.NaN;
      if (!Number.isFinite(beats) || beats <= 0 || beats > 64) {
        throw new ChartFileError(`#MEASURE needs a time signature such as 4/4 (found "${arg}")`, line);
      }
      if (this.digits === 0) this.measureBeats = beats;
      else this.nextMeasureBeats = beats;
    }
    // Every other command is visual (#SCROLL, #GOGOSTART, #BARLINEOFF...) or handled by the caller.
  }

  private endMeasure(): void {
    if (this.beatsPerBar === null) {
      const b = this.measureBeats;
      this.beatsPerBar = Number.isInteger(b) && b >= 1 && b <= 16 ? b : 4;
    }
    const share = this.digits > 0 ? this.measureBeats / this.digits : 0;
    for (const item of this.items) {
      if (item.kind === 'bpm') {
        this.bpm = item.bpm;
        this.tempo.push({ time: this.time - this.offset, bpm: item.bpm });
      } else if (item.kind === 'delay') {
        this.time += item.seconds;
        this.tempo.push({ time: this.time - this.offset, bpm: this.bpm });
      } else {
        this.digit(item.ch);
        this.time += (share * 60) / this.bpm;
      }
    }
    if (this.digits === 0) this.time += (this.measureBeats * 60) / this.bpm;
    checkSeconds(this.time, 'the chart', null);
    this.items = [];
    this.digits = 0;
    if (this.nextMeasureBeats !== null) {
      this.measureBeats = this.nextMeasureBeats;
      this.nextMeasureBeats = null;
    }
  }

  private digit(ch: string): void {
    const t = this.time - this.offset;
    if (ch === '0' || ch === 'C' || ch === 'F' || ch === 'G') return;
    const note = NOTE_DIGITS[ch];
    if (note) {
      this.notes.push(note.accent ? { time: t, lane: note.lane, accent: true } : { time: t, lane: note.lane });
      return;
    }
    if (ch === '5' || ch === '6' || ch === '7' || ch === '9') {
      if (this.roll) return; // a roll inside a roll: the first one goes on
      this.roll = { start: t, bpm: this.bpm, big: ch === '6' || ch === '9', balloon: ch === '7' || ch === '9' };
      return;
    }
    if (ch === '8') {
      this.endRoll(t);
      return;
    }
    this.unknown.add(ch);
  }

  private endRoll(end: number): void {
    const roll = this.roll;
    if (!roll) return;
    this.roll = null;
    if (roll.balloon) {
      this.notes.push({ time: roll.start, lane: 'snare', accent: true });
      return;
    }
    const step = Math.max(30 / roll.bpm, 0.125);
    for (let t = roll.start, i = 0; i === 0 || t < end - 1e-6; t += step, i++) {
      this.notes.push(i === 0 && roll.big ? { time: t, lane: 'snare', accent: true } : { time: t, lane: 'snare' });
    }
  }

  /** Ends the chart: a last measure without its comma still counts; an open roll ends here. */
  finish(): void {
    if (this.digits > 0 || this.items.length > 0) this.endMeasure();
    this.endRoll(this.time - this.offset);
    if (this.beatsPerBar === null) this.beatsPerBar = 4;
  }
}

/** Parses TJA text. @throws ChartFileError */
export function parseTja(text: string): ParsedChartFile {
  const lines = splitLines(text);
  const header: Record<string, string> = {};
  const charts: CourseChart[] = [];
  const remarks = new Set<string>();
  let course = 'Oni';
  let style: 'single' | 'double' = 'single';
  let bpm = 120;
  let offset = 0;

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const text = stripComment(lines[i] as string);
    if (text === '') continue;
    const start = /^#START(?:\s+(P1|P2))?\s*$/i.exec(text);
    if (start) {
      const player = start[1] ? (start[1].toUpperCase() === 'P1' ? 0 : 1) : null;
      const reader = new ChartReader(offset, bpm);
      i = readChart(lines, i + 1, reader, lineNo);
      if (reader.branched) remarks.add('branches: the master branch is played');
      if (reader.unknown.size > 0)
        remarks.add(`unknown note letters (${[...reader.unknown].sort().join(', ')}) are not played`);
      charts.push({
        course,
        player: style === 'double' || player !== null ? (player ?? 0) : null,
        notes: reader.notes,
        tempo: reader.tempo,
        beatsPerBar: reader.beatsPerBar ?? 4,
        line: lineNo,
      });
      continue;
    }
    if (text.startsWith('#')) continue;
    const kv = /^([A-Za-z0-9_]+)\s*:(.*)$/.exec(text);
    if (!kv) {
      throw new ChartFileError(
        charts.length === 0 && Object.keys(header).length === 0
          ? 'this is not a TJA chart (it should start with header lines such as TITLE: and BPM:)'
          : `"${text.slice(0, 40)}" is neither a header line (KEY:value) nor inside #START … #END`,
        lineNo,
      );
    }
    const key = (kv[1] as string).toUpperCase();
    const value = (kv[2] as string).trim();
    header[key] = value;
    if (key === 'BPM') bpm = checkBpm(parseNumber(value, 'BPM', lineNo), lineNo);
    else if (key === 'OFFSET') offset = checkSeconds(parseNumber(value, 'OFFSET', lineNo), 'OFFSET', lineNo);
    else if (key === 'COURSE') {
      const c = COURSES[value.toLowerCase()];
      if (!c) throw new ChartFileError(`unknown COURSE "${value}" (Easy, Normal, Hard, Oni, Edit or 0–4)`, lineNo);
      course = c;
      style = 'single';
    } else if (key === 'STYLE') {
      const v = value.toLowerCase();
      style = v === 'double' || v === 'couple' || v === '2' ? 'double' : 'single';
    }
  }
  if (charts.length === 0) throw new ChartFileError('this TJA file holds no chart (no #START … #END)');

  const playable = charts.filter((c) => {
    if (c.course === 'Tower' || c.course === 'Dan') {
      remarks.add(`the ${c.course} course is not played`);
      return false;
    }
    return true;
  });
  const double = playable.filter((c) => c.player !== null);
  const hasDouble = double.some((c) => c.player === 0) && double.some((c) => c.player === 1);
  let chosen = playable;
  if (hasDouble) {
    chosen = double;
    if (playable.some((c) => c.player === null)) {
      remarks.add('the file holds two-player courses: its one-player courses are left out');
    }
  } else if (double.length > 0) {
    chosen = playable.map((c) => ({ ...c, player: null }));
  }
  const hasOni = chosen.some((c) => c.course === 'Oni');
  const hasEdit = chosen.some((c) => c.course === 'Edit');
  if (hasOni && hasEdit) remarks.add('the Edit (Ura) course is left out: Oni is played as Expert');
  else if (hasEdit) remarks.add('the Edit (Ura) course is played as Expert');

  const partCount = hasDouble ? 2 : 1;
  const parts: ImportPart[] = Array.from({ length: partCount }, () => ({}));
  const sources: (CourseChart | undefined)[][] = Array.from({ length: partCount }, () => []);
  let early = 0;
  for (const c of chosen) {
    const difficulty = c.course === 'Edit' ? (hasOni ? null : 'expert') : COURSE_DIFFICULTY[c.course];
    if (!difficulty) continue;
    const p = c.player ?? 0;
    const part = parts[p] as Partial<Record<Difficulty, ImportChart>>;
    if (part[difficulty]) {
      remarks.add(`two ${c.course} courses: the first is played`);
      continue;
    }
    const label = hasDouble ? `${c.course} P${p + 1}` : c.course;
    const tidy = tidyChart(c.notes, label);
    early += tidy.early;
    if (tidy.chart.notes.length === 0) {
      remarks.add(`the ${label} course has no notes and is left out`);
      continue;
    }
    part[difficulty] = tidy.chart;
    (sources[p] as (CourseChart | undefined)[])[order(difficulty)] = c;
  }
  requireNotes(parts);
  const earlyText = earlyRemark(early);
  if (earlyText) remarks.add(earlyText);

  // Bar lines and the BPM shown come from the hardest chart of part 0.
  const main =
    [...(sources[0] as (CourseChart | undefined)[])].reverse().find((c) => c) ??
    (sources[1] as (CourseChart | undefined)[]).find((c) => c) ??
    (chosen[0] as CourseChart);
  const tempo = tidyTempo(main.tempo);
  const artist = header.ARTIST ?? (header.SUBTITLE ?? '').replace(/^(--|\+\+)/, '').trim();
  return {
    format: 'tja',
    title: header.TITLE?.trim() || 'Untitled',
    artist,
    audioFile: header.WAVE?.trim() || null,
    tempo,
    beatsPerBar: main.beatsPerBar,
    parts,
    remarks: [...remarks],
  };
}

function order(d: Difficulty): number {
  return d === 'easy' ? 0 : d === 'normal' ? 1 : d === 'hard' ? 2 : 3;
}

function stripComment(line: string): string {
  const i = line.indexOf('//');
  return (i >= 0 ? line.slice(0, i) : line).trim();
}

/**
 * Feeds the chart lines after `#START` to `reader` up to `#END`, keeping only the master branch.
 * Returns the index of the `#END` line.
 */
function readChart(lines: readonly string[], from: number, reader: ChartReader, startLine: number): number {
  type Branch = 'N' | 'E' | 'M';
  let branches: Record<Branch, [string, number][]> | null = null;
  let current: Branch | null = null;
  const flush = () => {
    if (!branches) return;
    const chosen = branches.M.length > 0 ? branches.M : branches.E.length > 0 ? branches.E : branches.N;
    for (const [t, n] of chosen) reader.line(t, n);
    branches = null;
    current = null;
  };
  for (let i = from; i < lines.length; i++) {
    const text = stripComment(lines[i] as string);
    if (text === '') continue;
    const cmd = /^#([A-Z]+)/i.exec(text)?.[1]?.toUpperCase();
    if (cmd === 'END') {
      flush();
      reader.finish();
      return i;
    }
    if (cmd === 'START') throw new ChartFileError('#START inside a chart: the chart above has no #END', i + 1);
    if (cmd === 'BRANCHSTART') {
      flush();
      branches = { N: [], E: [], M: [] };
      reader.branched = true;
      continue;
    }
    if (cmd === 'BRANCHEND') {
      flush();
      continue;
    }
    if (branches && (cmd === 'N' || cmd === 'E' || cmd === 'M')) {
      current = cmd;
      continue;
    }
    if (branches && current) (branches as Record<Branch, [string, number][]>)[current].push([text, i + 1]);
    else reader.line(text, i + 1);
  }
  throw new ChartFileError('the chart has no #END: the file is cut short', startLine);
}
