import * as v from 'valibot';
import { TempoMap } from './tempo';
import {
  type Beats,
  DIFFICULTIES,
  type Difficulty,
  LANES,
  type Lane,
  lanesFor,
  type PlayerId,
  type Seconds,
} from './units';

/*
 * The song model every part of the game plays: notes in song seconds (beats kept where the
 * song has them), one or two parts, any subset of difficulties, and audio that is either
 * synthesized from note data or a file. Shipped songs are authored in beats (chart.ts turns
 * them into this); imported songs arrive in seconds (`loadTimedSong`).
 */

export const SECTION_KINDS = ['intro', 'verse', 'chorus', 'break', 'bridge', 'outro'] as const;
export const INSTRUMENTS = ['bass', 'lead', 'pad', 'pluck', 'bell', 'keys', 'guitar', 'shaker'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
export type Instrument = (typeof INSTRUMENTS)[number];

/** A note of a loaded chart, in song seconds. */
export interface Note {
  /** Stable within a song: `p{part}-{difficulty}-{index}`. */
  readonly id: string;
  readonly time: Seconds;
  /** Where the song is authored in beats. */
  readonly beat?: Beats;
  readonly lane: Lane;
  readonly unison: boolean;
}

export interface Part {
  /** Who plays the part in the story, e.g. 'takaichi' or 'lee'. */
  readonly character: string;
  /** The difficulties this part has (at least one). */
  readonly charts: Readonly<Partial<Record<Difficulty, readonly Note[]>>>;
}

export interface Section {
  readonly time: Seconds;
  /** Where the song is authored in beats. */
  readonly beat?: Beats;
  readonly kind: SectionKind;
}

/** A backing track synthesized from note data: [beat, MIDI pitch, duration in beats, velocity 0..1]. */
export interface MusicTrack {
  readonly name: string;
  readonly instrument: Instrument;
  /** Track level in decibels. */
  readonly volume?: number;
  readonly notes: readonly (readonly [number, number, number, number])[];
}

export interface MusicData {
  readonly tracks: readonly MusicTrack[];
}

/** What the player hears besides the drums. */
export type SongAudio =
  /**
   * Synthesized by the game from note data timed by the song's tempo map, or by `tempo` when the
   * music keeps its own beats (an imported .mid: its tempo map in beats, beat 0 at song time 0).
   */
  | { readonly kind: 'synth'; readonly music: MusicData; readonly tempo?: TempoMap }
  /** A decoded audio file kept by the song library under `key`; song time 0 is its first sample. */
  | { readonly kind: 'file'; readonly key: string; readonly gainDb: number }
  /** No music: a click track on the beat. */
  | { readonly kind: 'click' };

/** A playable song, every time in seconds. */
export interface Song {
  readonly id: string;
  readonly title: string;
  readonly composer: string;
  /** Who made the music, as an imported chart names them (shipped songs have a composer only). */
  readonly artist?: string;
  /** Tempo at the first beat, for display. */
  readonly bpm: number;
  readonly beatsPerBar: number;
  readonly length: Seconds;
  readonly tempo: TempoMap;
  readonly sections: readonly Section[];
  /** One or two parts; with one, both players play it. */
  readonly parts: readonly [Part] | readonly [Part, Part];
  readonly audio: SongAudio;
  /** Shipped with the game, or brought by the player. */
  readonly origin: 'shipped' | 'imported';
  /** Per-song timing nudge the player set, ms (positive: the notes come later). */
  readonly offsetMs?: number;
}

/** The part a player slot plays: slot p plays part p, and both play the only part of a one-part song. */
export function partOf(song: Song, slot: PlayerId): Part {
  return (song.parts[slot] ?? song.parts[0]) as Part;
}

/** The difficulties a slot can pick on a song, easiest first. */
export function difficultiesOf(song: Song, slot: PlayerId): Difficulty[] {
  const charts = partOf(song, slot).charts;
  return DIFFICULTIES.filter((d) => charts[d] !== undefined);
}

/** The difficulty a slot gets when it asks for `wanted`: that one, else the nearest the part has. */
export function nearestDifficulty(song: Song, slot: PlayerId, wanted: Difficulty): Difficulty {
  const have = difficultiesOf(song, slot);
  if (have.includes(wanted)) return wanted;
  const w = DIFFICULTIES.indexOf(wanted);
  const byDistance = [...have].sort(
    (a, b) =>
      Math.abs(DIFFICULTIES.indexOf(a) - w) - Math.abs(DIFFICULTIES.indexOf(b) - w) ||
      DIFFICULTIES.indexOf(a) - DIFFICULTIES.indexOf(b),
  );
  return byDistance[0] ?? wanted;
}

/** The chart a slot plays at a difficulty (the nearest the song has). */
export function chartOf(song: Song, slot: PlayerId, difficulty: Difficulty): readonly Note[] {
  return partOf(song, slot).charts[nearestDifficulty(song, slot, difficulty)] ?? [];
}

/**
 * The charts two players play together, with `unison` kept only where both charts mark a
 * note at the same time (the players may have picked different difficulties).
 */
export function matchCharts(song: Song, difficulties: readonly [Difficulty, Difficulty]): [Note[], Note[]] {
  const a = chartOf(song, 0, difficulties[0]);
  const b = chartOf(song, 1, difficulties[1]);
  const key = (n: Note) => Math.round(n.time * 1e6);
  const unisonA = new Set(a.filter((n) => n.unison).map(key));
  const unisonB = new Set(b.filter((n) => n.unison).map(key));
  const keep = (notes: readonly Note[], other: Set<number>): Note[] =>
    notes.map((n) => (n.unison && !other.has(key(n)) ? { ...n, unison: false } : n));
  return [keep(a, unisonB), keep(b, unisonA)];
}

/** Thrown when song data is invalid; the message names the song, part, difficulty and note. */
export class SongFormatError extends Error {
  override name = 'SongFormatError';
}

/** A chart note as authored or imported, before it gets an id. */
interface RawNote {
  readonly time: number;
  readonly beat?: number;
  readonly lane: Lane;
  readonly unison?: boolean;
}

/**
 * Checks the schemas cannot express: lanes per difficulty, doubled notes, one unison note at
 * a time (per beat, for a song authored in beats). Returns the first problem, or null.
 */
export function findChartError(
  parts: readonly { readonly character: string; readonly charts: Partial<Record<Difficulty, readonly RawNote[]>> }[],
): string | null {
  for (const [pi, p] of parts.entries()) {
    for (const d of DIFFICULTIES) {
      const notes = p.charts[d];
      if (!notes) continue;
      const allowed = lanesFor(d);
      const seen = new Set<string>();
      const unison = new Set<number>();
      for (const [i, n] of notes.entries()) {
        const inBeats = n.beat !== undefined;
        const where = `part ${pi} (${p.character}), difficulty ${d}, note ${i} at ${inBeats ? `beat ${n.beat}` : `${n.time} s`}`;
        if (!allowed.includes(n.lane)) return `${where}: ${d} plays only ${allowed.join(' and ')}, not ${n.lane}`;
        const at = inBeats ? (n.beat as number) : Math.round(n.time * 1e6);
        if (seen.has(`${at}/${n.lane}`))
          return `${where}: two ${n.lane} notes ${inBeats ? 'on the same beat' : 'at the same time'}`;
        seen.add(`${at}/${n.lane}`);
        if (n.unison) {
          if (unison.has(at)) return `${where}: only one unison note ${inBeats ? 'a beat' : 'at a time'}`;
          unison.add(at);
        }
      }
    }
  }
  return null;
}

/* ---------- songs timed in seconds (imported) ---------- */

const finite = v.pipe(v.number(), v.finite());
const time = v.pipe(finite, v.minValue(0));

const TimedNoteSchema = v.strictObject({ time, lane: v.picklist(LANES), unison: v.optional(v.boolean()) });
const TimedChartSchema = v.pipe(
  v.array(TimedNoteSchema),
  v.minLength(1, 'a chart needs at least one note'),
  v.checkItems((n, i, all) => i === 0 || (all[i - 1] as { time: number }).time <= n.time, 'notes must be sorted'),
);
const TimedPartSchema = v.strictObject({
  character: v.pipe(v.string(), v.nonEmpty()),
  charts: v.pipe(
    v.strictObject(
      Object.fromEntries(DIFFICULTIES.map((d) => [d, v.optional(TimedChartSchema)])) as Record<
        Difficulty,
        v.OptionalSchema<typeof TimedChartSchema, undefined>
      >,
    ),
    v.check((c) => DIFFICULTIES.some((d) => c[d] !== undefined), 'a part needs at least one difficulty'),
  ),
});

const beat = v.pipe(finite, v.minValue(0), v.maxValue(100_000));
/**
 * Music an imported .mid brings: its tempo map in beats (beat 0 at song time 0, the first change
 * at beat 0) and its tracks, [beat, MIDI pitch, duration in beats, velocity 0..1] per note.
 */
const TimedMusicSchema = v.strictObject({
  tempo: v.pipe(
    v.array(v.strictObject({ beat, bpm: v.pipe(finite, v.minValue(10), v.maxValue(1000)) })),
    v.minLength(1),
    v.check((t) => t[0]?.beat === 0, 'the music tempo starts at beat 0'),
    v.checkItems(
      (t, i, all) => i === 0 || (all[i - 1] as { beat: number }).beat < t.beat,
      'music tempo changes must be sorted',
    ),
  ),
  tracks: v.pipe(
    v.array(
      v.strictObject({
        name: v.pipe(v.string(), v.maxLength(200)),
        instrument: v.picklist(INSTRUMENTS),
        volume: v.optional(v.pipe(finite, v.minValue(-60), v.maxValue(12))),
        notes: v.array(
          v.strictTuple([
            beat,
            v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(127)),
            v.pipe(finite, v.minValue(0), v.maxValue(10_000)),
            v.pipe(finite, v.minValue(0), v.maxValue(1)),
          ]),
        ),
      }),
    ),
    v.maxLength(64),
  ),
});

/** A song timed in seconds, as the song library stores an imported one. */
export const TimedSongSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'an id is lower-case letters, digits and dashes')),
  title: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)),
  composer: v.pipe(v.string(), v.maxLength(200)),
  artist: v.optional(v.pipe(v.string(), v.maxLength(200))),
  tempo: v.pipe(
    v.array(v.strictObject({ time: finite, bpm: v.pipe(finite, v.minValue(10), v.maxValue(1000)) })),
    v.minLength(1),
    v.checkItems(
      (t, i, all) => i === 0 || (all[i - 1] as { time: number }).time < t.time,
      'tempo changes must be sorted',
    ),
  ),
  beatsPerBar: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(16)),
  length: v.pipe(finite, v.minValue(1), v.maxValue(3600)),
  sections: v.optional(v.array(v.strictObject({ time, kind: v.picklist(SECTION_KINDS) })), []),
  parts: v.union([v.strictTuple([TimedPartSchema]), v.strictTuple([TimedPartSchema, TimedPartSchema])]),
  audio: v.variant('kind', [
    v.strictObject({ kind: v.literal('synth'), music: TimedMusicSchema }),
    v.strictObject({
      kind: v.literal('file'),
      key: v.pipe(v.string(), v.nonEmpty()),
      gainDb: v.pipe(finite, v.minValue(-60), v.maxValue(40)),
    }),
    v.strictObject({ kind: v.literal('click') }),
  ]),
  offsetMs: v.optional(v.pipe(finite, v.minValue(-1000), v.maxValue(1000))),
});
export type TimedSongData = v.InferInput<typeof TimedSongSchema>;

/**
 * Validates a song timed in seconds (an imported one) and makes it playable.
 * @throws SongFormatError naming where the data is wrong.
 */
export function loadTimedSong(data: unknown): Song {
  const parsed = v.safeParse(TimedSongSchema, data);
  if (!parsed.success) {
    const id = (data as { id?: unknown } | null)?.id;
    const issue = parsed.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.');
    throw new SongFormatError(
      `song "${typeof id === 'string' ? id : '(no id)'}": ${path ? `${path}: ` : ''}${issue?.message}`,
    );
  }
  const s = parsed.output;
  const error = findChartError(s.parts);
  if (error) throw new SongFormatError(`song "${s.id}": ${error}`);
  const tempo = TempoMap.fromTimes(s.tempo);
  const toPart = (p: (typeof s.parts)[number], pi: number): Part => ({
    character: p.character,
    charts: Object.fromEntries(
      DIFFICULTIES.flatMap((d) => {
        const notes = p.charts[d];
        return notes
          ? [
              [
                d,
                notes.map(
                  (n, i): Note => ({ id: `p${pi}-${d}-${i}`, time: n.time, lane: n.lane, unison: n.unison ?? false }),
                ),
              ],
            ]
          : [];
      }),
    ),
  });
  const parts = s.parts.map(toPart) as [Part] | [Part, Part];
  const audio: SongAudio =
    s.audio.kind === 'synth'
      ? { kind: 'synth', music: { tracks: s.audio.music.tracks }, tempo: new TempoMap(s.audio.music.tempo) }
      : s.audio;
  return {
    id: s.id,
    title: s.title,
    composer: s.composer,
    ...(s.artist ? { artist: s.artist } : {}),
    bpm: Math.round((s.tempo[0]?.bpm ?? 120) * 100) / 100,
    beatsPerBar: s.beatsPerBar,
    length: s.length,
    tempo,
    sections: s.sections,
    parts,
    audio,
    origin: 'imported',
    ...(s.offsetMs !== undefined ? { offsetMs: s.offsetMs } : {}),
  };
}
