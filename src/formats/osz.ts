import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { DIFFICULTIES, type Difficulty } from '../core/units';
import { checkSize, decodeText, earlyRemark, tidyChart } from './common';
import { type OsuBeatmap, readOsuBeatmap, UnplayableModeError } from './osu';
import { ChartFileError, type ImportChart, type ImportPart, type ParsedChartFile } from './types';

/*
 * .osz: a zip of .osu difficulties and their audio (and often images and a video).
 * - Zip bombs and huge files: the archive itself may be at most 64 MB (larger ones usually carry
 *   a video; export the beatmap without it). Before anything is inflated, the sizes the archive
 *   declares are checked: at most 2,000 entries, each file we read at most 50 MB (an .osu at most
 *   10 MB), all of them together at most 200 MB. While inflating, a file that grows past its
 *   declared size (a lying header) stops the read at once.
 * - Only the .osu files and the audio files (.mp3 .ogg .wav .m4a .aac .flac .opus) are inflated;
 *   images and videos are skipped unread.
 * - Every taiko or mania .osu becomes a difficulty of one chart: sorted by density (notes per
 *   second of chart); with four or fewer, the densest is expert, the next hard, then normal,
 *   then easy; with more than four, four spread evenly from the easiest to the densest are kept
 *   and a remark names the ones left out. Difficulties of another mode (osu!standard, catch,
 *   too many mania keys) or without notes are skipped with a remark; a damaged .osu refuses the
 *   whole archive (naming it and its line), and so does an archive with no difficulty left.
 * - Title, artist, tempo and audio file come from the densest difficulty. When the archive holds
 *   that audio, `audioFile` is its path in the archive (a key of `files`, matched without case,
 *   beside the .osu); otherwise it is the name the .osu gives.
 */

export const MAX_OSZ_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 2000;
const MAX_ENTRY_BYTES = 50 * 1024 * 1024;
const MAX_OSU_BYTES = 10 * 1024 * 1024;
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
const AUDIO = /\.(mp3|ogg|wav|m4a|aac|flac|opus)$/i;
/** Compressed data pushed to the inflater at a time, so a lying entry is caught within one chunk. */
const CHUNK = 64 * 1024;

/** Inflates the wanted entries of a zip, refusing bombs. @throws ChartFileError */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  checkSize(bytes, MAX_OSZ_BYTES, '.osz archives');
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ChartFileError('this is not a zip archive (.osz)');
  const declared = new Map<string, number>();
  let entries = 0;
  let total = 0;
  try {
    // Central directory only: the filter sees every entry's declared sizes and inflates nothing.
    unzipSync(bytes, {
      filter(file) {
        entries++;
        if (entries > MAX_ENTRIES) throw new ChartFileError(`the archive holds more than ${MAX_ENTRIES} files`);
        if (!wanted(file.name)) return false;
        const limit = /\.osu$/i.test(file.name) ? MAX_OSU_BYTES : MAX_ENTRY_BYTES;
        if (file.originalSize > limit) {
          throw new ChartFileError(
            `"${file.name}" would unpack to ${(file.originalSize / 1048576).toFixed(0)} MB (at most ${limit / 1048576} MB): refused as a possible zip bomb`,
          );
        }
        total += file.originalSize;
        if (total > MAX_TOTAL_BYTES) {
          throw new ChartFileError(
            `the archive would unpack to more than ${MAX_TOTAL_BYTES / 1048576} MB: refused as a possible zip bomb`,
          );
        }
        declared.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof ChartFileError) throw e;
    throw new ChartFileError(`the zip archive is damaged or cut short (${(e as Error).message})`);
  }

  const out = new Map<string, Uint8Array>();
  const parts = new Map<string, Uint8Array[]>();
  const sizes = new Map<string, number>();
  let failure: ChartFileError | null = null;
  const unzip = new Unzip((file) => {
    const limit = declared.get(file.name);
    if (limit === undefined) return;
    parts.set(file.name, []);
    sizes.set(file.name, 0);
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = new ChartFileError(`"${file.name}" in the archive is damaged (${err.message})`);
        return;
      }
      const size = (sizes.get(file.name) as number) + data.length;
      sizes.set(file.name, size);
      if (size > limit) {
        failure = new ChartFileError(
          `"${file.name}" unpacks to more than the archive declares: refused as a possible zip bomb`,
        );
        file.terminate();
        return;
      }
      (parts.get(file.name) as Uint8Array[]).push(data);
      if (final) out.set(file.name, concat(parts.get(file.name) as Uint8Array[], size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += CHUNK) {
      unzip.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), at + CHUNK >= bytes.length);
    }
  } catch (e) {
    throw new ChartFileError(`the zip archive is damaged or cut short (${(e as Error).message})`);
  }
  if (failure) throw failure;
  for (const name of declared.keys()) {
    if (!out.has(name)) throw new ChartFileError(`"${name}" in the archive is cut short`);
  }
  return out;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Reads an .osz: its .osu difficulties as one chart, plus its audio files. @throws ChartFileError */
export function readOsz(
  _fileName: string,
  bytes: Uint8Array,
): { chart: ParsedChartFile; files: ReadonlyMap<string, Uint8Array> } {
  const entries = readZip(bytes, (name) => /\.osu$/i.test(name) || AUDIO.test(name));
  const maps: { name: string; map: OsuBeatmap; chart: ImportChart; density: number; early: number }[] = [];
  const remarks: string[] = [];
  for (const [name, data] of entries) {
    if (!/\.osu$/i.test(name)) continue;
    try {
      const map = readOsuBeatmap(decodeText(data));
      const tidy = tidyChart(map.notes, map.version);
      const notes = tidy.chart.notes;
      if (notes.length === 0) {
        remarks.push(`"${baseName(name)}" has no notes and is left out`);
        continue;
      }
      const span = (notes[notes.length - 1]?.time ?? 0) - (notes[0]?.time ?? 0);
      maps.push({ name, map, chart: tidy.chart, density: notes.length / Math.max(1, span), early: tidy.early });
      for (const r of map.remarks) if (!remarks.includes(r)) remarks.push(r);
    } catch (e) {
      // Another mode is skipped; a damaged difficulty refuses the whole archive (nothing partial).
      if (e instanceof UnplayableModeError) remarks.push(`"${baseName(name)}" is left out: ${e.message}`);
      else if (e instanceof ChartFileError) throw new ChartFileError(`"${name}" in the archive: ${e.message}`, e.line);
      else throw e;
    }
  }
  if (maps.length === 0) {
    const why = remarks.length > 0 ? `: ${remarks.join('; ')}` : '';
    throw new ChartFileError(`the .osz holds no playable osu!taiko or osu!mania difficulty${why}`);
  }
  maps.sort((a, b) => a.density - b.density || a.chart.notes.length - b.chart.notes.length);
  let kept = maps;
  if (maps.length > 4) {
    const pick = new Set([0, 1, 2, 3].map((k) => Math.round((k * (maps.length - 1)) / 3)));
    kept = maps.filter((_, i) => pick.has(i));
    const left = maps.filter((_, i) => !pick.has(i)).map((m) => m.map.version);
    remarks.push(`${maps.length} difficulties: ${left.join(', ')} ${left.length === 1 ? 'is' : 'are'} left out`);
  }
  const part: ImportPart = {};
  const levels = DIFFICULTIES.slice(4 - kept.length) as Difficulty[];
  kept.forEach((m, i) => {
    part[levels[i] as Difficulty] = m.chart;
  });
  const early = earlyRemark(kept.reduce((n, m) => n + m.early, 0));
  if (early) remarks.push(early);
  const main = (kept[kept.length - 1] as (typeof kept)[number]).map;
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of entries) if (AUDIO.test(name)) files.set(name, data);
  const audio = main.audioFile;
  // The .osu names its audio relative to its own folder inside the archive.
  const wantedAudio = audio?.toLowerCase();
  const audioFile = wantedAudio
    ? ([...files.keys()].find((n) => n.toLowerCase() === wantedAudio || n.toLowerCase().endsWith(`/${wantedAudio}`)) ??
      audio)
    : null;
  return {
    chart: {
      format: 'osu',
      title: main.title,
      artist: main.artist,
      audioFile,
      tempo: main.tempo,
      beatsPerBar: main.beatsPerBar,
      parts: [part],
      remarks,
    },
    files,
  };
}
