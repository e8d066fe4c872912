import { TempoMap } from '../core/tempo';
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
import { ChartFileError, type ImportNote, type ImportPart, type ParsedChartFile } from './types';

/*
 * Clone Hero / Moonscraper `.chart` files. Rules:
 * - `[Song]`: Name, Artist, Resolution (ticks per beat, a positive integer), Offset (seconds:
 *   the song time of tick 0, so note time = Offset + the tick's time), MusicStream (the audio).
 * - `[SyncTrack]`: `tick = B bpm×1000`, `tick = TS numerator [log2 denominator]` (the first TS
 *   gives beats per bar). Before the first B the tempo is 120 BPM.
 * - `[EasyDrums]`, `[MediumDrums]`, `[HardDrums]`, `[ExpertDrums]` → easy, normal, hard, expert
 *   (other tracks, guitar or bass, are ignored). `tick = N note length`:
 *   0 kick, 1 red, 2 yellow, 3 blue, 4 green (in 5-lane charts 4 is orange and 5 green),
 *   32 double kick (Expert+: played as kick, with a remark), 34–38 accent markers for notes 1–5 (34 red)
 *   (the note at that tick becomes an accent), 66–68 cymbal markers for yellow/blue/green.
 *   In a 4-lane .chart a yellow/blue/green note is a tom unless its cymbal marker is at the same tick.
 *   A 5-lane chart (any note 5) has yellow and orange cymbals, blue and green toms.
 * - Lanes: kick → kick, red → snare, cymbals → hi-hat, toms → tom.
 * - `S` (star power, solos), `E` (events) and ghost markers (40–44) do not change notes.
 */

const SECTIONS: Record<string, Difficulty> = {
  EasyDrums: 'easy',
  MediumDrums: 'normal',
  HardDrums: 'hard',
  ExpertDrums: 'expert',
};

interface Entry {
  tick: number;
  kind: string;
  values: number[];
  line: number;
}

/** Parses a .chart file's text. @throws ChartFileError */
export function parseCloneHeroChart(text: string): ParsedChartFile {
  const lines = splitLines(text);
  const sections = new Map<string, { line: number; body: { line: number; text: string }[] }>();
  let current: { line: number; body: { line: number; text: string }[] } | null = null;
  let open = false;
  let openLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] as string).replace(/^\uFEFF/, '').trim();
    if (t === '') continue;
    const head = /^\[(.+)\]$/.exec(t);
    if (head) {
      if (open) throw new ChartFileError(`section [${head[1]}] starts before the one above ends with "}"`, i + 1);
      current = { line: i + 1, body: [] };
      if (!sections.has(head[1] as string)) sections.set(head[1] as string, current);
      continue;
    }
    if (!current) throw new ChartFileError('this is not a .chart file (it should start with [Song])', i + 1);
    if (t === '{') {
      open = true;
      openLine = current.line;
      continue;
    }
    if (t === '}') {
      open = false;
      current = null;
      continue;
    }
    if (!open) throw new ChartFileError(`"${t.slice(0, 40)}" lies outside a section's { }`, i + 1);
    current.body.push({ line: i + 1, text: t });
  }
  if (open) throw new ChartFileError('this section has no closing "}": the file is cut short', openLine);
  const song = sections.get('Song');
  if (!song) throw new ChartFileError('this is not a .chart file: it has no [Song] section');

  const info: Record<string, string> = {};
  for (const { text: t } of song.body) {
    const m = /^(\w+)\s*=\s*(.*)$/.exec(t);
    if (m) info[m[1] as string] = (m[2] as string).replace(/^"(.*)"$/, '$1').trim();
  }
  const resLine = song.body.find((b) => /^Resolution\s*=/.test(b.text))?.line ?? song.line;
  const resolution = info.Resolution === undefined ? 192 : parseNumber(info.Resolution, 'Resolution', resLine);
  if (!Number.isInteger(resolution) || resolution <= 0 || resolution > 100000) {
    throw new ChartFileError(
      `Resolution (ticks per beat) must be a whole number above 0 (found ${resolution})`,
      resLine,
    );
  }
  const offLine = song.body.find((b) => /^Offset\s*=/.test(b.text))?.line ?? song.line;
  const offset =
    info.Offset === undefined ? 0 : checkSeconds(parseNumber(info.Offset, 'Offset', offLine), 'Offset', offLine);

  const remarks: string[] = [];
  const changes: { beat: number; bpm: number }[] = [];
  let beatsPerBar: number | null = null;
  for (const e of entries(sections.get('SyncTrack')?.body ?? [])) {
    if (e.kind === 'B') {
      changes.push({ beat: e.tick / resolution, bpm: checkBpm((e.values[0] ?? Number.NaN) / 1000, e.line) });
    } else if (e.kind === 'TS' && beatsPerBar === null) {
      const num = e.values[0] ?? 4;
      const den = 2 ** (e.values[1] ?? 2);
      const b = (num * 4) / den;
      beatsPerBar =
        Number.isInteger(b) && b >= 1 && b <= 16 ? b : Number.isInteger(num) && num >= 1 && num <= 16 ? num : 4;
    }
  }
  changes.sort((a, b) => a.beat - b.beat);
  if (changes.length === 0) remarks.push('the chart gives no BPM: 120 is used');
  if (changes[0]?.beat !== 0) changes.unshift({ beat: 0, bpm: 120 });
  const dedup = changes.filter(
    (c, i) => i === changes.length - 1 || (changes[i + 1] as { beat: number }).beat !== c.beat,
  );
  const map = new TempoMap(dedup);
  const seconds = (tick: number) => offset + map.toSeconds(tick / resolution);

  const part: ImportPart = {};
  let doubleKick = false;
  let early = 0;
  let drumSections = 0;
  for (const [name, difficulty] of Object.entries(SECTIONS)) {
    const sec = sections.get(name);
    if (!sec) continue;
    drumSections++;
    const read = readDrums(entries(sec.body), seconds);
    doubleKick ||= read.doubleKick;
    const tidy = tidyChart(read.notes, name);
    early += tidy.early;
    if (tidy.chart.notes.length > 0) part[difficulty] = tidy.chart;
  }
  if (drumSections === 0) {
    throw new ChartFileError('the chart has no drum part ([ExpertDrums], [HardDrums], [MediumDrums] or [EasyDrums])');
  }
  requireNotes([part]);
  if (doubleKick) remarks.push('double-kick (Expert+) notes are played as kick');
  const earlyText = earlyRemark(early);
  if (earlyText) remarks.push(earlyText);
  return {
    format: 'chart',
    title: info.Name || 'Untitled',
    artist: info.Artist || '',
    audioFile: info.MusicStream || info.GuitarStream || null,
    tempo: tidyTempo(dedup.map((c) => ({ time: offset + map.toSeconds(c.beat), bpm: c.bpm }))),
    beatsPerBar: beatsPerBar ?? 4,
    parts: [part],
    remarks,
  };
}

function* entries(body: readonly { line: number; text: string }[]): Generator<Entry> {
  for (const { line, text } of body) {
    const m = /^(\d+)\s*=\s*([A-Za-z]+)\s*(.*)$/.exec(text);
    if (!m) throw new ChartFileError(`"${text.slice(0, 40)}" is not a "tick = kind values" line`, line);
    const tick = Number(m[1]);
    if (!Number.isSafeInteger(tick)) throw new ChartFileError(`tick ${m[1]} is out of range`, line);
    const kind = (m[2] as string).toUpperCase();
    const rest = (m[3] as string).trim();
    // Events carry text; every other kind carries numbers.
    const values =
      kind === 'E' ? [] : rest === '' ? [] : rest.split(/\s+/).map((v) => parseNumber(v, `a ${kind} value`, line));
    yield { tick, kind, values, line };
  }
}

function readDrums(
  list: Iterable<Entry>,
  seconds: (tick: number) => number,
): { notes: ImportNote[]; doubleKick: boolean } {
  const byTick = new Map<number, { pads: Set<number>; cymbals: Set<number>; accents: Set<number>; line: number }>();
  let fiveLane = false;
  let doubleKick = false;
  for (const e of list) {
    if (e.kind !== 'N') continue;
    const n = e.values[0];
    if (n === undefined || !Number.isInteger(n)) throw new ChartFileError('a note (N) needs a number', e.line);
    let at = byTick.get(e.tick);
    if (!at) {
      at = { pads: new Set(), cymbals: new Set(), accents: new Set(), line: e.line };
      byTick.set(e.tick, at);
    }
    if (n >= 0 && n <= 5) {
      at.pads.add(n);
      if (n === 5) fiveLane = true;
    } else if (n === 32) {
      at.pads.add(0);
      doubleKick = true;
    } else if (n >= 66 && n <= 68) at.cymbals.add(n - 64);
    else if (n >= 34 && n <= 38) at.accents.add(n - 33); // 34 red … 38 5-lane green
  }
  const notes: ImportNote[] = [];
  for (const [tick, at] of byTick) {
    const time = checkSeconds(seconds(tick), 'a note', at.line);
    for (const pad of at.pads) {
      const lane = padLane(pad, fiveLane, at.cymbals.has(pad));
      notes.push(at.accents.has(pad) ? { time, lane, accent: true } : { time, lane });
    }
  }
  return { notes, doubleKick };
}

function padLane(pad: number, fiveLane: boolean, cymbalMarker: boolean): Lane {
  if (pad === 0) return 'kick';
  if (pad === 1) return 'snare';
  if (fiveLane) return pad === 2 || pad === 4 ? 'hihat' : 'tom';
  return cymbalMarker ? 'hihat' : 'tom';
}
