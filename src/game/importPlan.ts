import type { TimedSongData } from '../core/song';
import type { Seconds } from '../core/units';
import type { DuetCharts, ParsedChartFile } from '../formats';

/*
 * The plain rules of an import, kept apart from the page so Node tests can hold them:
 * what kind each chosen file is, how big it may be, which audio file goes with which chart,
 * the content ids, and the stored song a parsed chart becomes.
 */

/** Music files the importer decodes (what the browser can play decides the rest). */
const AUDIO_EXTENSIONS = /\.(mp3|ogg|oga|opus|wav|m4a|aac|mp4|flac|webm)$/i;

/** An .osz carries its music: bigger than a chart, refused over this (as src/formats/osz.ts). */
export const MAX_OSZ_BYTES = 64 * 1024 * 1024;
/** A text or MIDI chart (as src/formats/common.ts). */
export const MAX_CHART_BYTES = 10 * 1024 * 1024;
/** A music file: a 6-minute 44.1 kHz WAV fits; larger files are refused before they are read. */
export const MAX_AUDIO_BYTES = 64 * 1024 * 1024;

/** Title and artist as stored (the song schema's limit). */
const MAX_TEXT = 200;
/** A song ends at most this long after its last note, even when its music goes on. */
export const OUTRO: Seconds = 8;
/** …and at least this long after it. */
export const TAIL: Seconds = 1.5;

export type FileKind = 'audio' | 'osz' | 'chart';

/** What a chosen file is taken for, by its name: music, an .osz, or a chart (or an unknown file to sniff). */
export function kindOfFile(name: string): FileKind {
  if (AUDIO_EXTENSIONS.test(name)) return 'audio';
  if (/\.osz$/i.test(name)) return 'osz';
  return 'chart';
}

/** The limit for a file of that kind, bytes. */
export function sizeLimit(kind: FileKind): number {
  return kind === 'audio' ? MAX_AUDIO_BYTES : kind === 'osz' ? MAX_OSZ_BYTES : MAX_CHART_BYTES;
}

/** Why a file is refused before it is read (empty, or over its limit), or null. */
export function sizeProblem(kind: FileKind, size: number): string | null {
  if (size === 0) return 'the file is empty (0 bytes)';
  const limit = sizeLimit(kind);
  if (size <= limit) return null;
  const what = kind === 'audio' ? 'music files' : kind === 'osz' ? '.osz archives' : 'chart files';
  return `the file is ${(size / 1048576).toFixed(1)} MB; ${what} over ${limit / 1048576} MB are refused`;
}

/** The last part of a path ("Songs/x/song.ogg" → "song.ogg"). */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function stem(name: string): string {
  return baseName(name)
    .replace(/\.[^.]*$/, '')
    .toLowerCase();
}

/**
 * The music file chosen for a chart that names `wanted`: the one of that name (case and folders
 * ignored), else the one with the same name but another extension (song.ogg converted to
 * song.mp3), else — when the player chose exactly one chart and one music file together — that
 * one. Null when none fits.
 */
export function pickAudio(wanted: string, available: readonly string[], onlyPair: boolean): string | null {
  const want = baseName(wanted).toLowerCase();
  const exact = available.find((n) => baseName(n).toLowerCase() === want);
  if (exact !== undefined) return exact;
  const sameStem = available.filter((n) => stem(n) === stem(want));
  if (sameStem.length === 1) return sameStem[0] as string;
  return onlyPair && available.length === 1 ? (available[0] as string) : null;
}

/** A content id from a SHA-256 digest: `imported-` and its first 12 hex digits. */
export function idFromDigest(digest: ArrayBuffer, prefix = 'imported'): string {
  const hex = [...new Uint8Array(digest).subarray(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${prefix}-${hex}`;
}

/** The id of bytes' content (SHA-256 through Web Crypto, in the page and in Node). */
export async function contentId(bytes: Uint8Array, prefix = 'imported'): Promise<string> {
  return idFromDigest(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>), prefix);
}

/** How long an imported song is: its music, but ending within OUTRO after the last note. */
export function songLength(lastNote: Seconds, musicEnd: Seconds | null): Seconds {
  const minimum = lastNote + TAIL;
  if (musicEnd === null) return Math.max(1, minimum);
  return Math.max(1, Math.min(Math.max(musicEnd, minimum), lastNote + OUTRO));
}

/** Title for the list: the chart's own, else the file's name without extension. */
export function titleOf(parsed: ParsedChartFile, fileName: string): string {
  const own = parsed.title.trim();
  return (own || baseName(fileName).replace(/\.[^.]*$/, '') || 'Untitled').slice(0, MAX_TEXT);
}

/** The music a .mid brings, as the song schema stores it (its tempo in beats tidied). */
export function midiMusic(
  music: NonNullable<ParsedChartFile['music']>,
): Extract<TimedSongData['audio'], { kind: 'synth' }>['music'] {
  const tempo: { beat: number; bpm: number }[] = [];
  for (const t of [...music.tempo].sort((a, b) => a.beat - b.beat)) {
    const last = tempo[tempo.length - 1];
    if (last && Math.abs(last.beat - t.beat) < 1e-9) last.bpm = t.bpm;
    else tempo.push({ beat: t.beat, bpm: t.bpm });
  }
  if (tempo[0]?.beat !== 0) tempo.unshift({ beat: 0, bpm: tempo[0]?.bpm ?? 120 });
  return {
    tempo,
    tracks: music.tracks.slice(0, 64).map((t) => ({
      name: t.name.slice(0, MAX_TEXT),
      instrument: t.instrument,
      ...(t.volume !== undefined ? { volume: Math.max(-60, Math.min(12, t.volume)) } : {}),
      notes: t.notes.map(([b, p, d, v]) => [b, p, d, Math.max(0, Math.min(1, v))] as [number, number, number, number]),
    })),
  };
}

/** The last beat a .mid's music sounds at, in song seconds (by its beat tempo). */
export function musicEnd(music: NonNullable<ParsedChartFile['music']>): Seconds {
  const tempo = [...music.tempo].sort((a, b) => a.beat - b.beat);
  let end = 0;
  for (const t of music.tracks) for (const [b, , d] of t.notes) end = Math.max(end, b + d);
  // beats → seconds along the tempo list
  let seconds = 0;
  let beat = 0;
  let bpm = tempo[0]?.bpm ?? 120;
  for (const t of tempo) {
    if (t.beat >= end) break;
    seconds += ((t.beat - beat) * 60) / bpm;
    beat = t.beat;
    bpm = t.bpm;
  }
  return seconds + ((end - beat) * 60) / bpm;
}

export interface SongParts {
  readonly id: string;
  readonly fileName: string;
  readonly parsed: ParsedChartFile;
  readonly duet: DuetCharts;
  readonly audio: TimedSongData['audio'];
  /** How long the music plays (a file's decoded length, a .mid's last note), or null for a click track. */
  readonly musicEnd: Seconds | null;
}

/**
 * The stored form of an imported song: the duet as its two parts (Takaichi the drummer's part
 * first), four difficulties each, times rounded to the microsecond. Validate it with
 * loadTimedSong before keeping it.
 */
export function buildTimedSong(p: SongParts): TimedSongData {
  const round = (t: number) => Math.round(t * 1e6) / 1e6;
  let lastNote = 0;
  const parts = p.duet.map((charts, i) => ({
    character: i === 0 ? 'takaichi' : 'lee',
    charts: Object.fromEntries(
      Object.entries(charts).map(([d, notes]) => {
        for (const n of notes) lastNote = Math.max(lastNote, n.time);
        return [d, notes.map((n) => ({ time: round(n.time), lane: n.lane, ...(n.unison ? { unison: true } : {}) }))];
      }),
    ),
  })) as unknown as TimedSongData['parts'];
  const tempo: { time: number; bpm: number }[] = [];
  for (const t of p.parsed.tempo) {
    const time = round(t.time);
    const last = tempo[tempo.length - 1];
    if (last && time <= last.time) continue;
    tempo.push({ time, bpm: t.bpm });
  }
  const artist = p.parsed.artist.trim().slice(0, MAX_TEXT);
  return {
    id: p.id,
    title: titleOf(p.parsed, p.fileName),
    composer: artist,
    ...(artist ? { artist } : {}),
    tempo,
    beatsPerBar: Math.max(1, Math.min(16, Math.round(p.parsed.beatsPerBar) || 4)),
    length: round(songLength(lastNote, p.musicEnd)),
    parts,
    audio: p.audio,
  };
}
