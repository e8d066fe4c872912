import type { Instrument } from '../core/chart';
import type { Difficulty, Lane, Seconds } from '../core/units';

/*
 * What every chart parser returns: notes in song seconds (seconds of the audio file, 0 = the
 * audio's start) on the game's four lanes, per difficulty, in one part or two. Parsers are
 * pure: bytes or text in, data out, and either a whole ParsedChartFile or a ChartFileError;
 * nothing partial is ever returned.
 */

export interface ImportNote {
  /** Song seconds: seconds of the audio file (0 = audio start). */
  readonly time: Seconds;
  readonly lane: Lane;
  /** A big/accented/cymbal-accent note (taiko big notes, osu finish, .chart accents, GM crashes). */
  readonly accent?: boolean;
}

export interface ImportChart {
  /** Sorted by time; never two notes of one lane at the same time; no note before 0 s. */
  readonly notes: readonly ImportNote[];
  /** The source's own name for it: 'Oni', 'Hard', 'ExpertDrums', an .osu Version. */
  readonly label: string;
}

export type ImportPart = Partial<Record<Difficulty, ImportChart>>;

/** A tempo change in song seconds. */
export interface TempoPoint {
  readonly time: Seconds;
  readonly bpm: number;
}

export interface MusicTrack {
  name: string;
  instrument: Instrument;
  /** Track level in decibels (from the track's first volume controller), when the file sets one. */
  volume?: number;
  /** [beat, MIDI pitch, duration in beats, velocity 0..1], as SongData['music'] tracks. */
  notes: [number, number, number, number][];
}

export interface ParsedChartFile {
  readonly format: 'tja' | 'osu' | 'chart' | 'mid';
  readonly title: string;
  readonly artist: string;
  /** The audio file the chart names (TJA WAVE, osu AudioFilename, .chart MusicStream…), or null. */
  readonly audioFile: string | null;
  /**
   * Tempo changes in song seconds, sorted, at least one (for bar lines and the BPM shown).
   * The first one is where the chart's beat 0 (its first bar line) falls, which may be before 0 s.
   */
  readonly tempo: readonly TempoPoint[];
  readonly beatsPerBar: number;
  /** One part, or two when the file holds a two-player chart (TJA STYLE:Double / #START P1 / P2). */
  readonly parts: readonly ImportPart[];
  /** .mid only: its non-drum tracks as music to synthesize (tempo in beats, tracks as SongData['music']). */
  readonly music?: {
    readonly tempo: readonly { beat: number; bpm: number }[];
    readonly tracks: readonly MusicTrack[];
  };
  /** Plain-English remarks to show the player, e.g. "branches: the master branch is played". */
  readonly remarks: readonly string[];
}

/**
 * Thrown for any file that cannot be read; message is plain English (without the line, which
 * `line` holds, 1-based, where there is one: see describeChartError).
 */
export class ChartFileError extends Error {
  override name = 'ChartFileError';
  readonly line: number | null;
  constructor(message: string, line: number | null = null) {
    super(message);
    this.line = line;
  }
}

/** "song.tja, line 12: a BPM must be above 0 and at most 1000" — the text of an error notice. */
export function describeChartError(fileName: string, error: unknown): string {
  if (error instanceof ChartFileError) {
    return `${fileName}${error.line === null ? '' : `, line ${error.line}`}: ${error.message}`;
  }
  return `${fileName}: ${error instanceof Error ? error.message : String(error)}`;
}
