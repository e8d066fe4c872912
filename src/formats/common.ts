import { LANES, type Lane, type Seconds } from '../core/units';
import { ChartFileError, type ImportChart, type ImportNote, type ImportPart, type TempoPoint } from './types';

/*
 * What every parser shares: the size and sanity limits, text decoding (UTF-8 or Shift-JIS),
 * refusing binary files, and tidying a list of notes into an ImportChart.
 *
 * Limits (each refused with a ChartFileError in plain English):
 * - an empty (0-byte) file; a chart file over 10 MB (real charts are well under 1 MB);
 * - binary content in a text chart (a picture or audio file renamed .tja, say): a NUL byte,
 *   a known file signature, or bytes that are neither UTF-8 nor Shift-JIS;
 * - a BPM that is not a number, <= 0 or > 1000; a time or offset beyond an hour;
 * - a file with no playable note.
 * Notes that land before 0 s (before the audio starts) cannot be played: they are left out
 * and a remark says how many.
 */

export const MAX_CHART_BYTES = 10 * 1024 * 1024;
/** Longest time (s) any chart value may reach: offsets and notes beyond an hour are absurd. */
export const MAX_SECONDS = 3600;
export const MAX_BPM = 1000;

const SIGNATURES: readonly (readonly [string, readonly number[]])[] = [
  ['a PNG picture', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG picture', [0xff, 0xd8, 0xff]],
  ['a GIF picture', [0x47, 0x49, 0x46, 0x38]],
  ['a WebP picture or WAV audio (RIFF)', [0x52, 0x49, 0x46, 0x46]],
  ['a zip archive', [0x50, 0x4b, 0x03, 0x04]],
  ['an Ogg audio file', [0x4f, 0x67, 0x67, 0x53]],
  ['an MP3 audio file', [0x49, 0x44, 0x33]],
  ['a FLAC audio file', [0x66, 0x4c, 0x61, 0x43]],
  ['a MIDI file', [0x4d, 0x54, 0x68, 0x64]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
];

/** What a binary file's first bytes say it is ("a PNG picture"), or null. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const [what, sig] of SIGNATURES) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return what;
  }
  return null;
}

/** Refuses an empty file or one over `max` bytes. */
export function checkSize(bytes: Uint8Array, max = MAX_CHART_BYTES, what = 'chart files'): void {
  if (bytes.length === 0) throw new ChartFileError('the file is empty (0 bytes)');
  if (bytes.length > max) {
    throw new ChartFileError(
      `the file is ${(bytes.length / 1048576).toFixed(1)} MB; ${what} over ${max / 1048576} MB are refused`,
    );
  }
}

/**
 * Decodes a text chart: UTF-8 (with or without BOM), UTF-16 with a BOM, else Shift-JIS (older
 * TJA files). Refuses empty, oversized and binary files.
 */
export function decodeText(bytes: Uint8Array): string {
  checkSize(bytes);
  const kind = sniffBinary(bytes);
  if (kind) throw new ChartFileError(`this is ${kind}, not a chart`);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) throw new ChartFileError('this is a binary file (it holds NUL bytes), not a text chart');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    } catch {
      throw new ChartFileError('this is not a text chart: its bytes are neither UTF-8 nor Shift-JIS text');
    }
  }
  // Control characters other than tab, line feed, form feed and carriage return mean binary content.
  let controls = 0;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) controls++;
  }
  if (controls > 0) throw new ChartFileError('this is a binary file (it holds control bytes), not a text chart');
  return text;
}

/** Splits text into lines (CRLF, LF or CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** A number from chart text, or a ChartFileError naming `what`. */
export function parseNumber(raw: string, what: string, line: number | null): number {
  const t = raw.trim();
  const n = t === '' ? Number.NaN : Number(t);
  if (!Number.isFinite(n)) throw new ChartFileError(`${what} "${raw.trim()}" is not a number`, line);
  return n;
}

/** Refuses a BPM that is <= 0 or above 1000. */
export function checkBpm(bpm: number, line: number | null): number {
  if (!Number.isFinite(bpm) || bpm <= 0 || bpm > MAX_BPM) {
    throw new ChartFileError(`a BPM must be above 0 and at most ${MAX_BPM} (found ${bpm})`, line);
  }
  return bpm;
}

/** Refuses a time or offset (seconds) that is not finite or lies beyond an hour. */
export function checkSeconds(t: number, what: string, line: number | null): number {
  if (!Number.isFinite(t) || Math.abs(t) > MAX_SECONDS) {
    throw new ChartFileError(`${what} (${t} s) is beyond an hour`, line);
  }
  return t;
}

const LANE_ORDER: Record<Lane, number> = Object.fromEntries(LANES.map((l, i) => [l, i])) as Record<Lane, number>;

/** Orders notes by time, then lane. */
export function compareNotes(a: { time: number; lane: Lane }, b: { time: number; lane: Lane }): number {
  return a.time - b.time || LANE_ORDER[a.lane] - LANE_ORDER[b.lane];
}

/** Notes closer than this (s) on one lane are one note: files round times to the millisecond. */
const SAME_TIME = 0.0005;

/**
 * Sorts notes, merges notes of one lane at the same time (an accent wins) and leaves out notes
 * before 0 s. Returns the chart and how many notes were left out for being before the audio.
 */
export function tidyChart(notes: readonly ImportNote[], label: string): { chart: ImportChart; early: number } {
  const sorted = notes.filter((n) => n.time >= 0).sort(compareNotes);
  const early = notes.length - sorted.length;
  const out: ImportNote[] = [];
  const lastOfLane = new Map<Lane, number>();
  for (const n of sorted) {
    const prev = lastOfLane.get(n.lane);
    if (prev !== undefined) {
      const p = out[prev] as ImportNote;
      if (n.time - p.time < SAME_TIME) {
        if (n.accent && !p.accent) out[prev] = { ...p, accent: true };
        continue;
      }
    }
    lastOfLane.set(n.lane, out.length);
    out.push(n.accent ? { time: n.time, lane: n.lane, accent: true } : { time: n.time, lane: n.lane });
  }
  return { chart: { notes: out, label }, early };
}

/** The remark for notes left out before the audio starts, or null. */
export function earlyRemark(count: number): string | null {
  return count > 0
    ? `${count} note${count === 1 ? '' : 's'} before the audio starts could not be played and were left out`
    : null;
}

/** Refuses a file whose parts hold no note at all. */
export function requireNotes(parts: readonly ImportPart[]): void {
  const any = parts.some((p) => Object.values(p).some((c) => c && c.notes.length > 0));
  if (!any) throw new ChartFileError('the chart has no notes to play');
}

/** Sorted, de-duplicated tempo points (a later point at the same time wins). */
export function tidyTempo(points: readonly TempoPoint[]): TempoPoint[] {
  const out: TempoPoint[] = [];
  for (const p of [...points].sort((a, b) => a.time - b.time)) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.time - p.time) < 1e-9) out[out.length - 1] = p;
    else if (!last || last.bpm !== p.bpm) out.push(p);
  }
  return out;
}

/** Converts song seconds to beats along a tempo list (before the first point, its tempo extends back). */
export function beatClock(tempo: readonly TempoPoint[]): (t: Seconds) => number {
  const first = tempo[0] ?? { time: 0, bpm: 120 };
  const starts: number[] = [0];
  for (let i = 1; i < tempo.length; i++) {
    const a = tempo[i - 1] as TempoPoint;
    const b = tempo[i] as TempoPoint;
    starts.push((starts[i - 1] as number) + ((b.time - a.time) * a.bpm) / 60);
  }
  return (t) => {
    let lo = 0;
    let hi = tempo.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((tempo[mid] as TempoPoint).time <= t) lo = mid;
      else hi = mid - 1;
    }
    const p = tempo.length > 0 ? (tempo[lo] as TempoPoint) : first;
    return (starts[lo] as number) + ((t - p.time) * p.bpm) / 60;
  };
}
