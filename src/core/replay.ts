import * as v from 'valibot';
import type { DrumInput } from './judge';
import type { SeatKind } from './lineup';
import { type MatchSetup, type PlayerResult, type Results, replay } from './match';
import { matchCharts, type Note, type Song } from './song';
import {
  DIFFICULTIES,
  type Difficulty,
  LANES,
  type Lane,
  MODES,
  type Mode,
  type Ms,
  OFFSET_LIMIT_MS,
  PLAYERS,
  type PlayerId,
  type Seconds,
} from './units';

/*
 * A run as data: the replay file a player exports, imports and watches. It holds what the
 * judge needs (song, charts, difficulties, seats, offsets, every timestamped input) and the
 * results as they were recorded. On load it is validated, its checksum checked, its song and
 * charts looked up, and it is judged again by the rules of the game that opens it; where those
 * results differ from the recorded ones, the caller is told.
 *
 * Version 1, as JSON text (keys in this order; `checksum` over the rest, see `replayChecksum`):
 *   format      "drum-diplomacy-replay"
 *   version     1
 *   recordedAt  ISO time the run finished
 *   song        { id, title, contentId, charts: [chart id of slot 0, of slot 1] }
 *   mode        duet | battle | solo | lesson
 *   difficulties [slot 0, slot 1]
 *   seats       [slot 0, slot 1]: local | cpu | replay | remote (who played it)
 *   offsetsMs   [slot 0, slot 1]: the input offsets the run was judged with
 *   seed        the run's seed (the CPU partner's draw)
 *   inputs      [[slot, lane, song seconds before offsets], ...] in arrival order
 *   results     { scores, counts, harmony } as recorded
 *   checksum    16 hex digits
 */

export const REPLAY_FORMAT = 'drum-diplomacy-replay';
export const REPLAY_VERSION = 1;
/** What a replay file's name ends with. */
export const REPLAY_EXTENSION = '.ddreplay';
/** More inputs than this is not a run of any song this game plays (an hour at 25 presses/s). */
export const MAX_REPLAY_INPUTS = 90_000;
/** No input of a run lies further than this from the song (seconds). */
const MAX_INPUT_TIME: Seconds = 4000;

const SEAT_KINDS = ['local', 'cpu', 'replay', 'remote'] as const satisfies readonly SeatKind[];

/* ---------- hashing ---------- */

/**
 * A 64-bit content hash of a string (two independent 32-bit FNV-1a style lanes with a final
 * avalanche), as 16 hex digits. Not a defence against someone who means to forge a file (no
 * client-side check can be): it catches edits, damage and truncation.
 */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** The identity of a chart as played: every note's time (µs), lane and unison flag. */
export function chartId(notes: readonly Note[]): string {
  return contentHash(notes.map((n) => `${Math.round(n.time * 1e6)}${n.lane[0]}${n.unison ? 'u' : ''}`).join(','));
}

/**
 * The identity of a song's content as judged: its length, bars (the tempo) and every chart of
 * every part. Music and title do not enter it.
 */
export function songContentId(song: Song): string {
  const bars: number[] = [];
  const bpb = song.beatsPerBar;
  for (let b = 0; bars.length < 2000; b += bpb) {
    const t = song.tempo.toSeconds(b);
    bars.push(Math.round(t * 1e6));
    if (t > song.length) break;
  }
  const parts = song.parts.map((p) =>
    DIFFICULTIES.map((d) => {
      const notes = p.charts[d];
      return notes ? `${d}:${chartId(notes)}` : '';
    }).join('|'),
  );
  return contentHash([song.id, Math.round(song.length * 1e3), bpb, bars.join(','), ...parts].join('/'));
}

/* ---------- schema ---------- */

const finite = v.pipe(v.number(), v.finite());
const difficulty = v.picklist(DIFFICULTIES);
const hex16 = v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'expected 16 hex digits'));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_REPLAY_INPUTS));
const CountsSchema = v.strictObject({ perfect: count, great: count, good: count, miss: count });
const offset = v.pipe(finite, v.minValue(-OFFSET_LIMIT_MS - 100), v.maxValue(OFFSET_LIMIT_MS + 100));

const InputSchema = v.strictTuple([
  v.picklist([0, 1] as const),
  v.picklist(LANES),
  v.pipe(finite, v.minValue(-MAX_INPUT_TIME), v.maxValue(MAX_INPUT_TIME)),
]);

/** A replay file of version 1, as parsed (before its checksum, song and charts are checked). */
export const ReplaySchema = v.strictObject({
  format: v.literal(REPLAY_FORMAT),
  version: v.literal(REPLAY_VERSION),
  recordedAt: v.pipe(v.string(), v.isoTimestamp()),
  song: v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,120}$/, 'a song id is lower-case letters, digits and dashes')),
    title: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)),
    contentId: hex16,
    charts: v.strictTuple([hex16, hex16]),
  }),
  mode: v.picklist(MODES),
  difficulties: v.strictTuple([difficulty, difficulty]),
  seats: v.strictTuple([v.picklist(SEAT_KINDS), v.picklist(SEAT_KINDS)]),
  offsetsMs: v.strictTuple([offset, offset]),
  seed: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff)),
  inputs: v.pipe(v.array(InputSchema), v.maxLength(MAX_REPLAY_INPUTS)),
  results: v.strictObject({
    scores: v.strictTuple([
      v.pipe(finite, v.minValue(0), v.maxValue(1_000_000)),
      v.pipe(finite, v.minValue(0), v.maxValue(1_000_000)),
    ]),
    counts: v.strictTuple([CountsSchema, CountsSchema]),
    harmony: v.nullable(v.pipe(finite, v.minValue(0), v.maxValue(1))),
  }),
  checksum: hex16,
});

export type ReplayDoc = v.InferOutput<typeof ReplaySchema>;
type Counts = ReplayDoc['results']['counts'][number];

/* ---------- making a replay ---------- */

/** What a finished run hands over to become a replay. */
export interface RecordedRun {
  readonly song: Song;
  readonly mode: Mode;
  readonly difficulties: readonly [Difficulty, Difficulty];
  readonly seats: readonly [SeatKind, SeatKind];
  readonly offsetsMs: readonly [Ms, Ms];
  readonly seed: number;
  /** Every input in arrival order, raw song seconds (as `Match.inputs`). */
  readonly inputs: readonly DrumInput[];
  readonly results: Results;
  /** When the run finished, ISO 8601. */
  readonly recordedAt: string;
}

/** The checksum of a replay: the hash of its JSON without the checksum, keys in schema order. */
export function replayChecksum(doc: Omit<ReplayDoc, 'checksum'> & { checksum?: string }): string {
  const { checksum: _ignored, ...rest } = doc;
  return contentHash(JSON.stringify(rest));
}

/** Makes the replay document of a finished run (its charts' identities taken from the song). */
export function makeReplay(run: RecordedRun): ReplayDoc {
  const charts = matchCharts(run.song, run.difficulties);
  const body: Omit<ReplayDoc, 'checksum'> = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    recordedAt: run.recordedAt,
    song: {
      id: run.song.id,
      title: run.song.title,
      contentId: songContentId(run.song),
      charts: [chartId(charts[0]), chartId(charts[1])],
    },
    mode: run.mode,
    difficulties: [run.difficulties[0], run.difficulties[1]],
    seats: [run.seats[0], run.seats[1]],
    offsetsMs: [run.offsetsMs[0], run.offsetsMs[1]],
    seed: run.seed >>> 0,
    inputs: run.inputs.map((i): [PlayerId, Lane, Seconds] => [i.player, i.lane, i.time]),
    results: summaryOf(run.results),
  };
  return { ...body, checksum: replayChecksum(body) };
}

/** The replay file's text. */
export function encodeReplay(doc: ReplayDoc): string {
  return `${JSON.stringify(doc)}\n`;
}

/** A file name for a replay: `<song id>-<mode>-<difficulties>-<date>.ddreplay`. */
export function replayFileName(doc: ReplayDoc): string {
  const date = doc.recordedAt.slice(0, 19).replaceAll(':', '').replace('T', '-');
  return `${doc.song.id}-${doc.mode}-${doc.difficulties.join('-')}-${date}${REPLAY_EXTENSION}`;
}

function summaryOf(r: Results): ReplayDoc['results'] {
  // A Match's results always hold both players.
  const [a, b] = r.players as [PlayerResult, PlayerResult];
  const counts = ({ counts: c }: PlayerResult): Counts => ({
    perfect: c.perfect,
    great: c.great,
    good: c.good,
    miss: c.miss,
  });
  return { scores: [a.score, b.score], counts: [counts(a), counts(b)], harmony: r.harmony };
}

/* ---------- reading a replay ---------- */

/** Why a replay file cannot be opened. */
export type ReplayProblem =
  /** Not text of JSON at all, or JSON of something else. */
  | { readonly kind: 'corrupt'; readonly detail: string }
  /** JSON that stops before its end: the file was cut short. */
  | { readonly kind: 'truncated' }
  /** A replay from a newer game. */
  | { readonly kind: 'future'; readonly version: number }
  /** Well-formed, but a field is out of bounds or missing. */
  | { readonly kind: 'invalid'; readonly detail: string }
  /** Its content does not match its checksum: edited or damaged. */
  | { readonly kind: 'tampered' }
  /** The song is not in this game's library. */
  | { readonly kind: 'missing-song'; readonly songId: string; readonly title: string }
  /** The song is here, but a chart the run was played on is not the same any more. */
  | { readonly kind: 'chart-changed'; readonly title: string; readonly slot: PlayerId };

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: ReplayProblem };

/**
 * Reads a replay file's text: JSON, format, version, every field, the checksum. Never throws.
 * @param text the file's whole text.
 */
export function parseReplay(text: string): Parsed<ReplayDoc> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const trimmed = text.trim();
    // A replay that starts like one but does not close is a file cut short.
    const cut = trimmed.startsWith('{') && trimmed.includes(`"${REPLAY_FORMAT}"`) && !trimmed.endsWith('}');
    return cut ? fail({ kind: 'truncated' }) : fail({ kind: 'corrupt', detail: (e as Error).message.slice(0, 120) });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('format' in data)) {
    return fail({ kind: 'corrupt', detail: 'not a replay file' });
  }
  const { format, version } = data as { format: unknown; version: unknown };
  if (format !== REPLAY_FORMAT) return fail({ kind: 'corrupt', detail: 'not a replay file' });
  if (typeof version === 'number' && Number.isInteger(version) && version > REPLAY_VERSION) {
    return fail({ kind: 'future', version });
  }
  const parsed = v.safeParse(ReplaySchema, data);
  if (!parsed.success) {
    // A failed parse has at least one issue, and every field of the schema has a path.
    const issue = parsed.issues[0] as v.BaseIssue<unknown>;
    const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
    return fail({ kind: 'invalid', detail: `${path}: ${issue.message}`.slice(0, 160) });
  }
  const doc = parsed.output;
  if (replayChecksum(doc) !== doc.checksum) return fail({ kind: 'tampered' });
  return { ok: true, value: doc };
}

/** A replay whose song and charts are here: ready to be judged again and watched. */
export interface OpenedReplay {
  readonly doc: ReplayDoc;
  readonly song: Song;
  /** The judge's setup: charts of this game's song, the recorded offsets. */
  readonly setup: MatchSetup;
  readonly inputs: readonly DrumInput[];
  /** The run judged again by this game's rules. */
  readonly results: Results;
  /** Where those results differ from the recorded ones (empty: the same). */
  readonly differences: readonly string[];
}

/**
 * Finds a replay's song and checks its charts, then judges the run again.
 * @param findSong the library lookup by song id.
 */
export function openReplay(doc: ReplayDoc, findSong: (id: string) => Song | undefined): Parsed<OpenedReplay> {
  const song = findSong(doc.song.id);
  if (!song) return fail({ kind: 'missing-song', songId: doc.song.id, title: doc.song.title });
  const charts = matchCharts(song, doc.difficulties);
  for (const p of PLAYERS) {
    if (chartId(charts[p]) !== doc.song.charts[p]) return fail({ kind: 'chart-changed', title: song.title, slot: p });
  }
  const setup: MatchSetup = {
    songId: song.id,
    mode: doc.mode,
    charts,
    difficulties: doc.difficulties,
    inputOffsetsMs: doc.offsetsMs,
  };
  const inputs = replayInputs(doc);
  const results = replay(setup, inputs);
  return { ok: true, value: { doc, song, setup, inputs, results, differences: compareResults(doc.results, results) } };
}

/** The inputs of a replay as the judge takes them. */
export function replayInputs(doc: ReplayDoc): DrumInput[] {
  return doc.inputs.map(([player, lane, time]) => ({ player, lane, time }));
}

/**
 * What differs between results as recorded and as judged now, one line each (e.g.
 * "player 1 score: 998000 → 1000000"); empty when they agree.
 */
export function compareResults(recorded: ReplayDoc['results'], now: Results): string[] {
  const out: string[] = [];
  const again = summaryOf(now);
  for (const p of PLAYERS) {
    const was = recorded.scores[p];
    const is = again.scores[p];
    if (was !== is) out.push(`player ${p + 1} score: ${was} → ${is}`);
    for (const j of ['perfect', 'great', 'good', 'miss'] as const) {
      if (recorded.counts[p][j] !== again.counts[p][j])
        out.push(`player ${p + 1} ${j}: ${recorded.counts[p][j]} → ${again.counts[p][j]}`);
    }
  }
  if (recorded.harmony !== again.harmony) out.push(`harmony: ${fmt(recorded.harmony)} → ${fmt(again.harmony)}`);
  return out;
}

/** Reads and opens a replay file in one step. */
export function loadReplay(text: string, findSong: (id: string) => Song | undefined): Parsed<OpenedReplay> {
  const parsed = parseReplay(text);
  return parsed.ok ? openReplay(parsed.value, findSong) : parsed;
}

function fmt(h: number | null): string {
  return h === null ? '–' : `${Math.round(h * 1000) / 10}%`;
}

function fail<T>(problem: ReplayProblem): Parsed<T> {
  return { ok: false, problem };
}
