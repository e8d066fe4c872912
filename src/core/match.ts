import { HitWindows } from './hitWindows';
import { type DrumInput, type NoteJudgement, PlayerJudge } from './judge';
import { isHit, type Judgement } from './judgement';
import { type Grade, gradeFor, type ScoredJudgement, ScoreProcessor } from './score';
import type { Note } from './song';
import { type Histogram, histogram, mean, median, unstableRate } from './stats';
import { type Difficulty, LANES, type Lane, type Mode, type Ms, PLAYERS, type PlayerId, type Seconds } from './units';

/** Both players' hits on a unison note must be within this many ms to count as together. */
export const UNISON_TOLERANCE_MS: Ms = 30;
/** Fewer judged hits than this give no offset suggestion. */
export const MIN_HITS_FOR_SUGGESTION = 50;

/** Everything needed to judge a run; with the inputs it is a complete replay. */
export interface MatchSetup {
  readonly songId: string;
  readonly mode: Mode;
  /** Charts by player, from `matchCharts`, so unison flags agree. */
  readonly charts: readonly [readonly Note[], readonly Note[]];
  readonly difficulties: readonly [Difficulty, Difficulty];
  /** Each player's input offset: positive when their presses land late. */
  readonly inputOffsetsMs: readonly [Ms, Ms];
}

export type MatchEvent =
  | { readonly type: 'judgement'; readonly player: PlayerId; readonly result: ScoredJudgement }
  /**
   * A judgement taken back: a press delivered late, but stamped inside this note's window (or
   * before presses already judged), changed how the note is judged. A `judgement` event for
   * the note's new judgement follows, unless it is no longer judged at all.
   */
  | { readonly type: 'revert'; readonly player: PlayerId; readonly result: ScoredJudgement }
  | { readonly type: 'ghost'; readonly player: PlayerId; readonly lane: Lane; readonly time: Seconds }
  | {
      readonly type: 'unison';
      readonly time: Seconds;
      readonly together: boolean;
      /** |difference| of the two offset-corrected hits; null unless both hit. */
      readonly diffMs: Ms | null;
      /** Harmony so far: share of unison notes decided that were hit together. */
      readonly harmony: number;
    };

export type MatchListener = (event: MatchEvent) => void;

export interface PlayerResult {
  counts: Record<Judgement, number>;
  accuracy: number;
  score: number;
  grade: Grade;
  maxCombo: number;
  meanOffsetMs: Ms;
  unstableRate: number;
  /**
   * Input offset that would have centred this run: the current offset plus the median
   * offset-corrected hit offset; null under MIN_HITS_FOR_SUGGESTION hits.
   */
  suggestedOffsetMs: Ms | null;
  hits: { noteId: string; offsetMs: Ms | null; judgement: Judgement }[];
  histogram: Histogram;
  difficulty: Difficulty;
}

export interface Results {
  songId: string;
  mode: Mode;
  players: PlayerResult[];
  harmony: number | null;
  syncMs: Ms | null;
  /** Battle: the higher score wins; null winner on a tie. */
  battle: { winner: PlayerId | null; margin: number } | null;
}

/** A press as the judge sees it: offset-corrected, with its place in the canonical order. */
interface Press {
  readonly time: Seconds;
  readonly lane: Lane;
  /** Arrival number: the last tie-break (equal time and lane presses are interchangeable). */
  readonly seq: number;
}

/** One player's run: the canonical order of their presses and what it made. */
interface Track {
  readonly player: PlayerId;
  readonly notes: readonly Note[];
  readonly windows: HitWindows;
  judge: PlayerJudge;
  /** Presses in the canonical order: time, then lane, then arrival. */
  readonly presses: Press[];
  /** Judgements in the order the canonical replay makes them, with score snapshots. */
  results: ScoredJudgement[];
  /** Current judgement of each judged note. */
  byNote: Map<string, ScoredJudgement>;
  score: ScoreProcessor;
  /** Latest time expiry has reached (offset-corrected). */
  horizon: Seconds;
  /** Latest time of an expiry Miss made so far. */
  lastMiss: Seconds;
}

interface UnisonSlot {
  readonly time: Seconds;
  results: [NoteJudgement | null, NoteJudgement | null];
  /** The decided outcome, once both players' notes are judged. */
  outcome: { together: boolean; diffMs: Ms | null } | null;
}

/**
 * A two-player run of one song: judges presses, expires missed notes, scores each player
 * and tracks unison notes. Players are data: nothing here branches on which player it is.
 *
 * Results are a pure function of the timestamped inputs, whatever order they arrive in and
 * whenever time is advanced: a press is judged by its own time exactly as if it had arrived at
 * once. Inputs that arrive in time order (the usual case) are judged incrementally; one that
 * arrives after a later press, or after a note it could have taken was declared missed,
 * re-judges that player's run in time order, and the events say what changed (`revert`, then
 * the new `judgement`s), as osu!'s JudgementProcessor reverts and re-applies results.
 */
export class Match {
  private readonly tracks: [Track, Track];
  private readonly unison = new Map<number, UnisonSlot>();
  private readonly listeners = new Set<MatchListener>();
  private unisonDecided = 0;
  private unisonTogether = 0;
  private seq = 0;
  /** Inputs in arrival order, raw (before offsets): the replay of this run. */
  readonly inputs: DrumInput[] = [];

  constructor(readonly setup: MatchSetup) {
    this.tracks = [this.makeTrack(0), this.makeTrack(1)];
    for (const notes of setup.charts)
      for (const n of notes)
        if (n.unison) this.unison.set(timeKey(n.time), { time: n.time, results: [null, null], outcome: null });
  }

  /** Subscribes to judgements, reverts, ghost hits and unison results; returns the unsubscribe. */
  on(listener: MatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Judges one press by its own time. Returns its judgement, or null for a ghost hit (a press
   * that, in time order, takes no note).
   */
  press(input: DrumInput): ScoredJudgement | null {
    this.inputs.push(input);
    const track = this.tracks[input.player];
    const press: Press = { time: this.corrected(input.player, input.time), lane: input.lane, seq: this.seq++ };
    const at = insertionIndex(track.presses, press);
    track.presses.splice(at, 0, press);
    // In order: nothing already decided could change. Otherwise judge the player's run again.
    const inOrder = at === track.presses.length - 1 && press.time > track.lastMiss;
    if (!inOrder) return this.rejudge(track, press);
    this.expire(track, press.time);
    const j = track.judge.press(press.lane, press.time);
    if (!j) {
      this.emit({ type: 'ghost', player: track.player, lane: press.lane, time: press.time });
      return null;
    }
    return this.record(track, j);
  }

  /** Song time has reached `time` (raw clock): notes past their Good window become Misses. */
  advance(time: Seconds): void {
    for (const p of PLAYERS) {
      const track = this.tracks[p];
      const t = this.corrected(p, time);
      if (t > track.horizon) track.horizon = t;
      this.expire(track, t);
    }
  }

  /** Live view of a player's score state. */
  player(p: PlayerId): Readonly<ScoreProcessor> {
    return this.tracks[p].score;
  }

  /** The current judgement of every note a player has had judged, in the order they were made. */
  judged(p: PlayerId): readonly ScoredJudgement[] {
    return [...this.tracks[p].byNote.values()];
  }

  /** Results as of now; call `advance(Infinity)` first for a finished run. */
  results(): Results {
    const players = PLAYERS.map((p) => this.playerResult(p));
    const duet = this.setup.mode === 'duet' && this.unison.size > 0;
    const [a, b] = players as [PlayerResult, PlayerResult];
    const diffs: Ms[] = [];
    for (const slot of this.unison.values()) if (slot.outcome?.diffMs != null) diffs.push(slot.outcome.diffMs);
    return {
      songId: this.setup.songId,
      mode: this.setup.mode,
      players,
      harmony: duet ? this.unisonTogether / this.unison.size : null,
      syncMs: duet ? median(diffs) : null,
      battle:
        this.setup.mode === 'battle'
          ? { winner: a.score === b.score ? null : a.score > b.score ? 0 : 1, margin: Math.abs(a.score - b.score) }
          : null,
    };
  }

  private makeTrack(player: PlayerId): Track {
    const notes = this.setup.charts[player];
    const windows = HitWindows.for(this.setup.difficulties[player]);
    return {
      player,
      notes,
      windows,
      judge: new PlayerJudge(player, notes, windows),
      presses: [],
      results: [],
      byNote: new Map(),
      score: new ScoreProcessor(notes.length),
      horizon: Number.NEGATIVE_INFINITY,
      lastMiss: Number.NEGATIVE_INFINITY,
    };
  }

  private corrected(p: PlayerId, time: Seconds): Seconds {
    return time - this.setup.inputOffsetsMs[p] / 1000;
  }

  private expire(track: Track, time: Seconds): void {
    for (const j of track.judge.expire(time)) {
      if (j.time > track.lastMiss) track.lastMiss = j.time;
      this.record(track, j);
    }
  }

  private record(track: Track, j: NoteJudgement): ScoredJudgement {
    const scored = track.score.apply(j);
    track.results.push(scored);
    track.byNote.set(j.note.id, scored);
    this.emit({ type: 'judgement', player: track.player, result: scored });
    if (j.note.unison) this.setUnison(track.player, j.note, j);
    return scored;
  }

  /**
   * Judges a player's whole run again in the canonical order (every press in time order, each
   * expiring the notes it has passed, then expiry up to the horizon), emits what changed, and
   * returns what `press` made of the press that caused it.
   */
  private rejudge(track: Track, cause: Press): ScoredJudgement | null {
    const judge = new PlayerJudge(track.player, track.notes, track.windows);
    const sequence: NoteJudgement[] = [];
    let lastMiss = Number.NEGATIVE_INFINITY;
    let caused: NoteJudgement | null = null;
    const expire = (t: Seconds) => {
      for (const j of judge.expire(t)) {
        if (j.time > lastMiss) lastMiss = j.time;
        sequence.push(j);
      }
    };
    for (const p of track.presses) {
      expire(p.time);
      const j = judge.press(p.lane, p.time);
      if (j) sequence.push(j);
      if (p === cause) caused = j;
    }
    expire(track.horizon);

    const score = new ScoreProcessor(track.notes.length);
    const results = sequence.map((j) => score.apply(j));
    const byNote = new Map(results.map((r) => [r.note.id, r]));
    const old = track.byNote;
    track.judge = judge;
    track.results = results;
    track.byNote = byNote;
    track.score = score;
    track.lastMiss = lastMiss;

    const same = (a: ScoredJudgement, b: ScoredJudgement) =>
      a.judgement === b.judgement && a.offsetMs === b.offsetMs && a.time === b.time;
    for (const [id, before] of old) {
      const now = byNote.get(id);
      if (now && same(before, now)) continue;
      this.emit({ type: 'revert', player: track.player, result: before });
      if (!now && before.note.unison) this.setUnison(track.player, before.note, null);
    }
    for (const r of results) {
      const before = old.get(r.note.id);
      if (before && same(before, r)) continue;
      this.emit({ type: 'judgement', player: track.player, result: r });
      if (r.note.unison) this.setUnison(track.player, r.note, r);
    }
    if (!caused) {
      this.emit({ type: 'ghost', player: track.player, lane: cause.lane, time: cause.time });
      return null;
    }
    return byNote.get((caused as NoteJudgement).note.id) ?? null;
  }

  /** Sets one player's judgement of a unison note and re-decides its slot. */
  private setUnison(p: PlayerId, note: Note, j: NoteJudgement | null): void {
    const slot = this.unison.get(timeKey(note.time));
    if (!slot) return;
    slot.results[p] = j;
    const [r0, r1] = slot.results;
    const before = slot.outcome;
    let outcome: UnisonSlot['outcome'] = null;
    if (r0 && r1) {
      const bothHit = isHit(r0.judgement) && isHit(r1.judgement) && r0.offsetMs !== null && r1.offsetMs !== null;
      // Offsets are whole microseconds; rounding the difference again keeps an exact 30 ms from
      // becoming 30.000000000000007 and failing the tolerance.
      const diffMs = bothHit
        ? Math.round(Math.abs((r0.offsetMs as number) - (r1.offsetMs as number)) * 1e3) / 1e3
        : null;
      outcome = { together: diffMs !== null && diffMs <= UNISON_TOLERANCE_MS, diffMs };
    }
    if (before?.together === outcome?.together && before?.diffMs === outcome?.diffMs) return;
    if (before) {
      this.unisonDecided--;
      if (before.together) this.unisonTogether--;
    }
    slot.outcome = outcome;
    if (!outcome) return;
    this.unisonDecided++;
    if (outcome.together) this.unisonTogether++;
    this.emit({
      type: 'unison',
      time: slot.time,
      together: outcome.together,
      diffMs: outcome.diffMs,
      harmony: this.unisonTogether / this.unisonDecided,
    });
  }

  private playerResult(p: PlayerId): PlayerResult {
    const track = this.tracks[p];
    const s = track.score;
    const hits = track.notes.map((n) => {
      const j = track.byNote.get(n.id);
      return { noteId: n.id, offsetMs: j?.offsetMs ?? null, judgement: j?.judgement ?? ('miss' as const) };
    });
    const offsets = hits.filter((h) => isHit(h.judgement) && h.offsetMs !== null).map((h) => h.offsetMs as number);
    const misses = hits.filter((h) => h.judgement === 'miss').length;
    const counts = { ...s.counts, miss: misses };
    return {
      counts,
      accuracy: s.accuracy,
      score: s.score,
      grade: gradeFor(s.accuracy, misses),
      maxCombo: s.maxCombo,
      meanOffsetMs: mean(offsets),
      unstableRate: unstableRate(offsets),
      // Offsets here are already corrected, so the current input offset is added back.
      suggestedOffsetMs:
        offsets.length >= MIN_HITS_FOR_SUGGESTION ? (median(offsets) as number) + this.setup.inputOffsetsMs[p] : null,
      hits,
      histogram: histogram(offsets, track.windows.lateLimit, 5),
      difficulty: this.setup.difficulties[p],
    };
  }

  private emit(e: MatchEvent): void {
    for (const l of this.listeners) l(e);
  }
}

function timeKey(t: Seconds): number {
  return Math.round(t * 1e6);
}

/** The canonical order of presses: time, then lane, then arrival. */
function comparePresses(a: Press, b: Press): number {
  return a.time - b.time || LANES.indexOf(a.lane) - LANES.indexOf(b.lane) || a.seq - b.seq;
}

/** Where `press` goes in `sorted` (after every press that comes before it). */
function insertionIndex(sorted: readonly Press[], press: Press): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePresses(sorted[mid] as Press, press) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Re-judges a recorded run: the inputs (in any order: the Match puts them in time order), then
 * the end of the song. Gives the same Results as the live run that recorded them.
 */
export function replay(setup: MatchSetup, inputs: readonly DrumInput[], endTime: Seconds = Infinity): Results {
  const m = new Match(setup);
  const ordered = inputs
    .map((input, i) => ({ input, i }))
    .sort(
      (a, b) => a.input.time - b.input.time || LANES.indexOf(a.input.lane) - LANES.indexOf(b.input.lane) || a.i - b.i,
    );
  for (const { input } of ordered) m.press(input);
  m.advance(endTime);
  return m.results();
}
