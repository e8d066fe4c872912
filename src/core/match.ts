import type { Note } from './chart';
import { HitWindows } from './hitWindows';
import { type DrumInput, type NoteJudgement, PlayerJudge } from './judge';
import { isHit, type Judgement } from './judgement';
import { type Grade, gradeFor, type ScoredJudgement, ScoreProcessor } from './score';
import { type Histogram, histogram, mean, median, unstableRate } from './stats';
import type { Difficulty, Lane, Mode, Ms, PlayerId, Seconds } from './units';

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

interface UnisonSlot {
  readonly time: Seconds;
  results: [NoteJudgement | null, NoteJudgement | null];
}

/**
 * A two-player run of one song: judges presses, expires missed notes, scores each player
 * and tracks unison notes. Players are data: nothing here branches on which player it is.
 */
export class Match {
  private readonly judges: [PlayerJudge, PlayerJudge];
  private readonly scores: [ScoreProcessor, ScoreProcessor];
  private readonly judged: [Map<string, NoteJudgement>, Map<string, NoteJudgement>] = [new Map(), new Map()];
  private readonly unison = new Map<number, UnisonSlot>();
  private readonly listeners = new Set<MatchListener>();
  private unisonDecided = 0;
  private unisonTogether = 0;
  private readonly diffs: Ms[] = [];
  /** Inputs in arrival order, raw (before offsets): the replay of this run. */
  readonly inputs: DrumInput[] = [];

  constructor(readonly setup: MatchSetup) {
    this.judges = [0, 1].map(
      (p) => new PlayerJudge(p as PlayerId, setup.charts[p] ?? [], HitWindows.for(setup.difficulties[p] ?? 'normal')),
    ) as [PlayerJudge, PlayerJudge];
    this.scores = [new ScoreProcessor(setup.charts[0].length), new ScoreProcessor(setup.charts[1].length)];
    for (const notes of setup.charts)
      for (const n of notes) if (n.unison) this.unison.set(timeKey(n.time), { time: n.time, results: [null, null] });
  }

  /** Subscribes to judgements, ghost hits and unison results; returns the unsubscribe. */
  on(listener: MatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Judges one press. Returns its judgement, or null for a ghost hit. */
  press(input: DrumInput): ScoredJudgement | null {
    this.inputs.push(input);
    const time = this.corrected(input.player, input.time);
    this.expirePlayer(input.player, time);
    const j = this.judges[input.player].press(input.lane, time);
    if (!j) {
      this.emit({ type: 'ghost', player: input.player, lane: input.lane, time });
      return null;
    }
    return this.record(input.player, j);
  }

  /** Song time has reached `time` (raw clock): notes past their Good window become Misses. */
  advance(time: Seconds): void {
    for (const p of [0, 1] as const) this.expirePlayer(p, this.corrected(p, time));
  }

  /** True when every note of both charts is judged. */
  get finished(): boolean {
    return this.judges[0].unjudged === 0 && this.judges[1].unjudged === 0;
  }

  /** Live view of a player's score state. */
  player(p: PlayerId): Readonly<ScoreProcessor> {
    return this.scores[p];
  }

  /** Harmony so far (share of decided unison notes hit together); null if none decided yet. */
  get harmonySoFar(): number | null {
    return this.unisonDecided === 0 ? null : this.unisonTogether / this.unisonDecided;
  }

  /** Unison notes in the song. */
  get unisonCount(): number {
    return this.unison.size;
  }

  /** Results as of now; call `advance(Infinity)` first for a finished run. */
  results(): Results {
    const players = [0, 1].map((p) => this.playerResult(p as PlayerId));
    const duet = this.setup.mode === 'duet' && this.unison.size > 0;
    const [a, b] = players as [PlayerResult, PlayerResult];
    return {
      songId: this.setup.songId,
      mode: this.setup.mode,
      players,
      harmony: duet ? this.unisonTogether / this.unison.size : null,
      syncMs: duet ? median(this.diffs) : null,
      battle:
        this.setup.mode === 'battle'
          ? { winner: a.score === b.score ? null : a.score > b.score ? 0 : 1, margin: Math.abs(a.score - b.score) }
          : null,
    };
  }

  private corrected(p: PlayerId, time: Seconds): Seconds {
    return time - this.setup.inputOffsetsMs[p] / 1000;
  }

  private expirePlayer(p: PlayerId, time: Seconds): void {
    for (const j of this.judges[p].expire(time)) this.record(p, j);
  }

  private record(p: PlayerId, j: NoteJudgement): ScoredJudgement {
    const scored = this.scores[p].apply(j);
    this.judged[p].set(j.note.id, j);
    this.emit({ type: 'judgement', player: p, result: scored });
    if (j.note.unison) this.recordUnison(p, j);
    return scored;
  }

  private recordUnison(p: PlayerId, j: NoteJudgement): void {
    const slot = this.unison.get(timeKey(j.note.time));
    if (!slot) return;
    slot.results[p] = j;
    const [r0, r1] = slot.results;
    if (!r0 || !r1) return;
    const bothHit = isHit(r0.judgement) && isHit(r1.judgement) && r0.offsetMs !== null && r1.offsetMs !== null;
    // Offsets are whole microseconds; rounding the difference again keeps an exact 30 ms from
    // becoming 30.000000000000007 and failing the tolerance.
    const diffMs = bothHit ? Math.round(Math.abs((r0.offsetMs as number) - (r1.offsetMs as number)) * 1e3) / 1e3 : null;
    const together = diffMs !== null && diffMs <= UNISON_TOLERANCE_MS;
    this.unisonDecided++;
    if (together) this.unisonTogether++;
    if (diffMs !== null) this.diffs.push(diffMs);
    this.emit({ type: 'unison', time: slot.time, together, diffMs, harmony: this.unisonTogether / this.unisonDecided });
  }

  private playerResult(p: PlayerId): PlayerResult {
    const s = this.scores[p];
    const judged = this.judged[p];
    const chart = this.setup.charts[p];
    const hits = chart.map((n) => {
      const j = judged.get(n.id);
      return { noteId: n.id, offsetMs: j?.offsetMs ?? null, judgement: j?.judgement ?? ('miss' as const) };
    });
    const offsets = hits.filter((h) => isHit(h.judgement) && h.offsetMs !== null).map((h) => h.offsetMs as number);
    const misses = hits.filter((h) => h.judgement === 'miss').length;
    const counts = { ...s.counts, miss: misses };
    const windows = HitWindows.for(this.setup.difficulties[p]);
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
      histogram: histogram(offsets, windows.lateLimit, 5),
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

/**
 * Re-judges a recorded run: the inputs in time order (stable for equal times), then the
 * end of the song. Gives the same Results as the live run that recorded them.
 */
export function replay(setup: MatchSetup, inputs: readonly DrumInput[], endTime: Seconds = Infinity): Results {
  const m = new Match(setup);
  const ordered = inputs.map((input, i) => ({ input, i })).sort((a, b) => a.input.time - b.input.time || a.i - b.i);
  for (const { input } of ordered) m.press(input);
  m.advance(endTime);
  return m.results();
}
