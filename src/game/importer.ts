import { loadTimedSong, type Song, type TimedSongData } from '../core/song';
import type { Decibels, Seconds } from '../core/units';
import type { ParsedChartFile } from '../formats';
import { Emitter } from './emitter';
import {
  baseName,
  buildTimedSong,
  contentId,
  type FileKind,
  kindOfFile,
  midiMusic,
  musicEnd,
  pickAudio,
  sizeProblem,
} from './importPlan';
import type { SongLibrary } from './library';
import {
  type AudioRecord,
  LibraryStorageError,
  RECORD_VERSION,
  type SongDatabase,
  type SongRecord,
} from './songDatabase';

/*
 * Bringing songs in: the files the player chose or dropped, read, parsed, made into duets, their
 * music decoded and measured, stored in the song library (IndexedDB) and listed. Each chart is
 * one import: it either comes in whole (song, music, list entry) or not at all, with an error
 * notice naming the file (and the line); nothing else in the game changes. Imports run one at a
 * time, in the order chosen.
 */

/** A file as chosen: its name and size are known before its bytes are read. */
export interface ImportFile {
  readonly name: string;
  readonly size: number;
  bytes(): Promise<Uint8Array>;
}

/** Decoded music as the importer needs it: how long it plays and the gain that brings it to -16 LUFS. */
export interface MeasuredMusic {
  readonly duration: Seconds;
  readonly gainDb: Decibels;
}

/** The steps of one import, for the progress shown in the page. */
export type ImportStage = 'reading' | 'parsing' | 'decoding' | 'saving';

export interface ImportProgress {
  readonly file: string;
  readonly stage: ImportStage;
  /** 1-based position of this import in the batch, and the batch's size. */
  readonly index: number;
  readonly total: number;
}

export interface ImporterEvents extends Record<string, unknown> {
  /** What is being done now; null when the batch is over. */
  progress: ImportProgress | null;
}

/** The player-facing messages of an import (translated by the caller). */
export interface ImportMessages {
  imported(title: string, detail: { parts: number; click: boolean; remarks: readonly string[] }): void;
  failed(detail: string): void;
  /** Storage is full: `detail` names the file. */
  full(detail: string): void;
  /** A music file no chart asked for. */
  unused(file: string, alone: boolean): void;
}

export interface ImporterDeps {
  readonly db: SongDatabase;
  readonly library: SongLibrary;
  /** Decodes and measures music (src/audio); throws a plain-English error when it cannot. */
  measureMusic(key: string, bytes: Uint8Array, name: string): Promise<MeasuredMusic>;
  /** Drops what measureMusic kept of a music that was not imported after all. */
  forgetMusic?(key: string): void;
  readonly messages: ImportMessages;
}

/** A failure of one import, with the text of its notice. */
class ImportFailure extends Error {
  constructor(
    readonly detail: string,
    readonly quota = false,
  ) {
    super(detail);
  }
}

interface Chosen {
  readonly file: ImportFile;
  readonly kind: FileKind;
}

/**
 * The chart readers, with their zip and MIDI libraries, load the first time files are brought in:
 * the title need not wait for them.
 */
const loadFormats = () => import('../formats');
type Formats = Awaited<ReturnType<typeof loadFormats>>;

export class Importer extends Emitter<ImporterEvents> {
  private queue: Promise<unknown> = Promise.resolve();
  /** Offsets of songs as stored, so a re-import keeps the player's nudge. */
  private readonly offsets = new Map<string, number>();
  /** When each stored song was first imported: a re-import keeps its place in the list. */
  private readonly importedAt = new Map<string, string>();

  constructor(private readonly deps: ImporterDeps) {
    super();
  }

  /**
   * Loads the stored songs into the library. A record that no longer validates is left out with
   * its reason returned (it stays stored, untouched). Never throws: storage that cannot be read is
   * `unavailable` (why).
   */
  async load(): Promise<{ loaded: Song[]; problems: string[]; unavailable: string | null }> {
    const loaded: Song[] = [];
    const problems: string[] = [];
    let records: SongRecord[];
    try {
      records = await this.deps.db.all();
    } catch (e) {
      return { loaded, problems, unavailable: e instanceof Error ? e.message : String(e) };
    }
    records.sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
    for (const r of records) {
      try {
        const song = loadTimedSong(r.song);
        if (song.offsetMs !== undefined) this.offsets.set(song.id, song.offsetMs);
        this.importedAt.set(song.id, r.importedAt);
        this.deps.library.add(song);
        loaded.push(song);
      } catch (e) {
        problems.push(e instanceof Error ? e.message : String(e));
      }
    }
    return { loaded, problems, unavailable: null };
  }

  /** Imports a batch of chosen files (after any batch still running). Resolves with the songs imported. */
  importFiles(files: readonly ImportFile[]): Promise<Song[]> {
    const run = this.queue.then(() => this.importBatch(files));
    this.queue = run.catch(() => {});
    return run;
  }

  /** Deletes an imported song from storage and the list. @throws LibraryStorageError */
  async delete(id: string): Promise<void> {
    await this.deps.db.delete(id);
    this.offsets.delete(id);
    this.importedAt.delete(id);
    this.deps.library.remove(id);
  }

  /** Sets an imported song's offset (ms, clamped to ±1000), stored and in the list. @throws LibraryStorageError */
  async setOffset(id: string, offsetMs: number): Promise<Song | null> {
    const song = this.deps.library.get(id);
    if (song?.origin !== 'imported') return null;
    const ms = Math.round(Math.max(-1000, Math.min(1000, offsetMs)));
    await this.deps.db.setOffset(id, ms);
    this.offsets.set(id, ms);
    const next: Song = { ...song, offsetMs: ms };
    this.deps.library.add(next);
    return next;
  }

  /** A time stamp later than every song's so far (the list's order after a reload is import order). */
  private stamp(): string {
    let t = Date.now();
    for (const s of this.importedAt.values()) t = Math.max(t, Date.parse(s) + 1);
    return new Date(t).toISOString();
  }

  private async importBatch(files: readonly ImportFile[]): Promise<Song[]> {
    const { messages } = this.deps;
    let formats: Formats;
    try {
      formats = await loadFormats();
    } catch {
      messages.failed(
        `${files.map((f) => f.name).join(', ')}: the chart readers could not be loaded (check the connection, then try again)`,
      );
      return [];
    }
    const chosen: Chosen[] = [];
    for (const file of files) {
      const kind = kindOfFile(file.name);
      const problem = sizeProblem(kind, file.size);
      if (problem) messages.failed(`${file.name}: ${problem}`);
      else chosen.push({ file, kind });
    }
    const charts = chosen.filter((c) => c.kind !== 'audio');
    const audio = new Map(chosen.filter((c) => c.kind === 'audio').map((c) => [c.file.name, c.file]));
    const used = new Set<string>();
    const songs: Song[] = [];
    const onlyPair = charts.length === 1 && audio.size === 1;
    for (const [i, chart] of charts.entries()) {
      const step = (stage: ImportStage, file = chart.file.name) =>
        this.emit('progress', { file, stage, index: i + 1, total: charts.length });
      try {
        const song = await this.importOne(formats, chart, audio, used, onlyPair, step);
        songs.push(song);
      } catch (e) {
        const failure =
          e instanceof ImportFailure ? e : new ImportFailure(formats.describeChartError(chart.file.name, e), false);
        if (failure.quota) messages.full(failure.detail);
        else messages.failed(failure.detail);
      }
    }
    for (const name of audio.keys()) if (!used.has(name)) messages.unused(name, charts.length === 0);
    this.emit('progress', null);
    return songs;
  }

  private async importOne(
    { readOsz, parseChartFile, makeDuet }: Formats,
    chart: Chosen,
    pool: ReadonlyMap<string, ImportFile>,
    used: Set<string>,
    onlyPair: boolean,
    step: (stage: ImportStage, file?: string) => void,
  ): Promise<Song> {
    const name = chart.file.name;
    step('reading');
    const bytes = await chart.file.bytes();
    step('parsing');
    let parsed: ParsedChartFile;
    let inside: ReadonlyMap<string, Uint8Array> = new Map();
    if (chart.kind === 'osz') {
      const osz = readOsz(name, bytes);
      parsed = osz.chart;
      inside = osz.files;
    } else {
      parsed = parseChartFile(name, bytes);
    }
    const duet = makeDuet(parsed);
    const id = await contentId(bytes);

    // The music: a .mid's own, the .osz's, a file chosen with the chart, or a click track.
    let audio: TimedSongData['audio'] = { kind: 'click' };
    let end: Seconds | null = null;
    let audioRecord: AudioRecord | null = null;
    let music: { name: string; bytes: Uint8Array } | null = null;
    if (parsed.music && parsed.music.tracks.length > 0) {
      audio = { kind: 'synth', music: midiMusic(parsed.music) };
      end = musicEnd(parsed.music);
    } else if (parsed.audioFile) {
      const wanted = parsed.audioFile;
      const packed = inside.get(wanted);
      if (packed) music = { name: baseName(wanted), bytes: packed };
      else {
        const pick = pickAudio(wanted, [...pool.keys()], onlyPair);
        const file = pick === null ? undefined : pool.get(pick);
        if (!file) {
          throw new ImportFailure(
            `${name}: its music "${baseName(wanted)}" was not among the files: choose the chart and its music together`,
          );
        }
        step('reading', file.name);
        music = { name: file.name, bytes: await file.bytes() };
        used.add(file.name);
      }
    } else if (onlyPair) {
      // A chart that names no music (a Clone Hero .mid), chosen with exactly one music file.
      const [only] = pool.values();
      if (only) {
        step('reading', only.name);
        music = { name: only.name, bytes: await only.bytes() };
        used.add(only.name);
      }
    }
    let key: string | null = null;
    if (music) {
      key = await contentId(music.bytes, 'audio');
      step('decoding', music.name);
      let measured: MeasuredMusic;
      try {
        measured = await this.deps.measureMusic(key, music.bytes, music.name);
      } catch (e) {
        throw new ImportFailure(`${music.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
      audio = { kind: 'file', key, gainDb: Math.round(measured.gainDb * 100) / 100 };
      end = measured.duration;
      audioRecord = { key, name: baseName(music.name), bytes: copyOf(music.bytes) };
    }

    try {
      const data = buildTimedSong({ id, fileName: name, parsed, duet, audio, musicEnd: end });
      const offset = this.offsets.get(id);
      const stored: TimedSongData = offset === undefined ? data : { ...data, offsetMs: offset };
      // Validated exactly as a reload will read it.
      const song = loadTimedSong(stored);
      const at = this.importedAt.get(id) ?? this.stamp();
      step('saving');
      await this.deps.db.put(
        {
          id,
          version: RECORD_VERSION,
          song: stored,
          files: [name, ...(music ? [music.name] : [])],
          importedAt: at,
          audioKey: key,
        },
        audioRecord,
      );
      this.importedAt.set(id, at);
      this.deps.library.add(song);
      this.deps.messages.imported(song.title, {
        parts: parsed.parts.length,
        click: audio.kind === 'click',
        remarks: parsed.remarks,
      });
      return song;
    } catch (e) {
      if (key) this.deps.forgetMusic?.(key);
      if (e instanceof LibraryStorageError) throw new ImportFailure(`${name}: ${e.message}`, e.kind === 'quota');
      throw e;
    }
  }
}

/** The bytes in an ArrayBuffer of their own (a view may share a bigger one, e.g. inside a zip). */
function copyOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.byteLength === bytes.byteLength && bytes.byteOffset === 0 && bytes.buffer instanceof ArrayBuffer
    ? bytes.buffer
    : (bytes.slice().buffer as ArrayBuffer);
}
