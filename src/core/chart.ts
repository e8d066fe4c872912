import * as v from 'valibot';
import { findChartError, INSTRUMENTS, type Note, type Part, SECTION_KINDS, type Song, SongFormatError } from './song';
import { TempoMap } from './tempo';
import { DIFFICULTIES, type Difficulty, LANES } from './units';

/*
 * The authored song format. The shipped songs are written in beats (src/content/songs) and
 * validated here with a schema before anything plays them; loading turns them into the song
 * model of song.ts, every note in seconds.
 */

const finite = v.pipe(v.number(), v.finite());
const beat = v.pipe(finite, v.minValue(0));

const NoteSchema = v.strictObject({
  beat,
  lane: v.picklist(LANES),
  /** Marked on both parts at the same beat: the two players should hit it together. */
  unison: v.optional(v.boolean()),
});

const ChartSchema = v.pipe(
  v.array(NoteSchema),
  v.minLength(1, 'a chart needs at least one note'),
  v.checkItems(
    (n, i, all) => i === 0 || (all[i - 1] as { beat: number }).beat <= n.beat,
    'notes must be sorted by beat',
  ),
);

const chartsShape = Object.fromEntries(DIFFICULTIES.map((d) => [d, ChartSchema])) as Record<
  Difficulty,
  typeof ChartSchema
>;

const PartSchema = v.strictObject({
  /** Who plays the part in the story, e.g. 'takaichi' or 'lee'. */
  character: v.pipe(v.string(), v.nonEmpty()),
  charts: v.strictObject(chartsShape),
});

const MusicNoteSchema = v.strictTuple([
  beat,
  v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(127)),
  v.pipe(finite, v.minValue(0.01)),
  v.pipe(finite, v.minValue(0), v.maxValue(1)),
]);

const TrackSchema = v.strictObject({
  name: v.pipe(v.string(), v.nonEmpty()),
  instrument: v.picklist(INSTRUMENTS),
  /** Track level in decibels. */
  volume: v.optional(v.pipe(finite, v.minValue(-60), v.maxValue(6))),
  /** [beat, MIDI pitch, duration in beats, velocity 0..1] */
  notes: v.array(MusicNoteSchema),
});

export const SongSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'an id is lower-case letters, digits and dashes')),
    title: v.pipe(v.string(), v.nonEmpty()),
    composer: v.pipe(v.string(), v.nonEmpty()),
    tempo: v.pipe(
      v.array(v.strictObject({ beat, bpm: v.pipe(finite, v.minValue(30), v.maxValue(300)) })),
      v.minLength(1),
      v.check((t) => t[0]?.beat === 0, 'the first tempo change is at beat 0'),
      v.checkItems(
        (t, i, all) => i === 0 || (all[i - 1] as { beat: number }).beat < t.beat,
        'tempo changes must be sorted',
      ),
    ),
    beatsPerBar: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(12)),
    lengthBeats: v.pipe(finite, v.minValue(4)),
    sections: v.array(v.strictObject({ beat, kind: v.picklist(SECTION_KINDS) })),
    parts: v.strictTuple([PartSchema, PartSchema]),
    music: v.strictObject({ tracks: v.array(TrackSchema) }),
  }),
  // A raw check so that the issue's path names the part, difficulty and note, as every other message does.
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const song = dataset.value;
    for (const [pi, part] of song.parts.entries()) {
      for (const d of DIFFICULTIES) {
        const notes = part.charts[d];
        const i = notes.findIndex((n) => n.beat > song.lengthBeats);
        if (i < 0) continue;
        const n = notes[i] as { beat: number };
        const step = (key: string, input: object, value: unknown): v.ObjectPathItem => ({
          type: 'object',
          origin: 'value',
          input: input as Record<string, unknown>,
          key,
          value,
        });
        addIssue({
          message: `a note lies past the end of the song (beat ${n.beat} > ${song.lengthBeats})`,
          path: [
            step('parts', song, song.parts),
            { type: 'array', origin: 'value', input: song.parts as unknown[], key: pi, value: part },
            step('charts', part, part.charts),
            step(d, part.charts, notes),
            { type: 'array', origin: 'value', input: notes, key: i, value: n },
          ],
        });
        return;
      }
    }
  }),
);

export type { Instrument, MusicData, SectionKind } from './song';

/** A song as authored: beats, parts and backing-track data. */
export type SongData = v.InferInput<typeof SongSchema>;
export type NoteData = v.InferInput<typeof NoteSchema>;

/**
 * Validates authored song data and converts it to seconds.
 * @throws SongFormatError naming where the data is wrong.
 */
export function loadSong(data: unknown): Song {
  const parsed = v.safeParse(SongSchema, data);
  if (!parsed.success) throw new SongFormatError(describeIssues(data, parsed.issues));
  const s = parsed.output;
  const tempo = new TempoMap(s.tempo);
  const chartError = findChartError(
    s.parts.map((p) => ({
      character: p.character,
      charts: Object.fromEntries(
        DIFFICULTIES.map((d) => [d, p.charts[d].map((n) => ({ ...n, time: tempo.toSeconds(n.beat) }))]),
      ),
    })),
  );
  if (chartError) throw new SongFormatError(`song "${s.id}": ${chartError}`);
  const toPart = (p: (typeof s.parts)[number], partIndex: number): Part => ({
    character: p.character,
    charts: Object.fromEntries(
      DIFFICULTIES.map((d) => [
        d,
        p.charts[d].map((n, i) => ({
          id: `p${partIndex}-${d}-${i}`,
          time: tempo.toSeconds(n.beat),
          beat: n.beat,
          lane: n.lane,
          unison: n.unison ?? false,
        })),
      ]),
    ) as Record<Difficulty, Note[]>,
  });
  return {
    id: s.id,
    title: s.title,
    composer: s.composer,
    bpm: s.tempo[0]?.bpm ?? 120,
    beatsPerBar: s.beatsPerBar,
    length: tempo.toSeconds(s.lengthBeats),
    tempo,
    sections: s.sections.map((x) => ({ beat: x.beat, time: tempo.toSeconds(x.beat), kind: x.kind })),
    parts: [toPart(s.parts[0], 0), toPart(s.parts[1], 1)],
    audio: { kind: 'synth', music: s.music },
    origin: 'shipped',
  };
}

function describeIssues(data: unknown, issues: readonly v.BaseIssue<unknown>[]): string {
  const id =
    typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'string'
      ? (data as { id: string }).id
      : '(no id)';
  return issues
    .slice(0, 5)
    .map((issue) => `song "${id}": ${describePath(issue.path ?? [])}${issue.message}`)
    .join('\n');
}

function describePath(path: readonly { key: unknown }[]): string {
  const keys = path.map((p) => p.key);
  if (keys[0] === 'parts' && typeof keys[1] === 'number') {
    const where = [`part ${keys[1]}`];
    if (keys[2] === 'charts' && typeof keys[3] === 'string') where.push(`difficulty ${keys[3]}`);
    if (typeof keys[4] === 'number') where.push(`note ${keys[4]}`);
    const rest = keys.slice(keys[2] === 'charts' ? 5 : 2);
    return `${where.join(', ')}${rest.length ? ` (${rest.join('.')})` : ''}: `;
  }
  return keys.length ? `${keys.join('.')}: ` : '';
}

/**
 * Loads every song it can: a song with bad data is left out and its error returned, so one
 * broken song never stops the others from playing.
 */
export function loadSongs(data: readonly unknown[]): { songs: Song[]; errors: string[] } {
  const songs: Song[] = [];
  const errors: string[] = [];
  for (const d of data) {
    try {
      songs.push(loadSong(d));
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  return { songs, errors };
}
