import type { Results } from './match';
import type { Note, Song } from './song';
import type { PlayerId, Seconds } from './units';

/*
 * Practice maths: bars of a song's timeline, a looped range of them, the speed it is played at
 * and the optional gradual speed-up after clean loops. Pure: the run (src/run) loops the song
 * and hands each finished loop here.
 */

/** Slowest and fastest practice speed (a share of the song's tempo). */
export const PRACTICE_MIN_SPEED = 0.5;
export const PRACTICE_MAX_SPEED = 1;
/** Practice speeds move in steps of this much. */
export const PRACTICE_SPEED_STEP = 0.05;
/** Clean loops in a row after which the gradual speed-up adds a step. */
export const CLEAN_LOOPS_TO_SPEED_UP = 2;
/** Watching a replay: its playback speeds. */
export const WATCH_SPEEDS = [0.5, 0.75, 1, 1.5, 2] as const;

/** What to practise: bars `fromBar`..`toBar` (1-based, inclusive), how fast, and who plays what. */
export interface PracticeSetup {
  readonly fromBar: number;
  readonly toBar: number;
  /** 0.5..1 of the song's tempo. */
  readonly speed: number;
  /** Add a speed step after CLEAN_LOOPS_TO_SPEED_UP clean loops in a row (up to full speed). */
  readonly speedUp: boolean;
  /** A part played perfectly by the game (an autoplay demo), or null. */
  readonly demo: PlayerId | null;
}

/** Number of whole or partial bars of a song. */
export function barCount(song: Song): number {
  const beats = song.tempo.toBeats(song.length);
  return Math.max(1, Math.ceil(beats / song.beatsPerBar - 1e-9));
}

/** Song time at which bar `bar` (1-based) starts. */
export function barStart(song: Song, bar: number): Seconds {
  return song.tempo.toSeconds((bar - 1) * song.beatsPerBar);
}

/** The bar (1-based) playing at a song time, clamped to the song's bars. */
export function barAt(song: Song, time: Seconds): number {
  const bar = Math.floor(song.tempo.toBeats(time) / song.beatsPerBar + 1e-9) + 1;
  return Math.min(barCount(song), Math.max(1, bar));
}

/** A practice range in song seconds: [from, to). */
export interface LoopRange {
  readonly from: Seconds;
  readonly to: Seconds;
}

/** Bars `fromBar`..`toBar` in song seconds (clamped and ordered). */
export function loopRange(song: Song, fromBar: number, toBar: number): LoopRange {
  const n = barCount(song);
  const a = clampInt(Math.min(fromBar, toBar), 1, n);
  const b = clampInt(Math.max(fromBar, toBar), 1, n);
  return { from: barStart(song, a), to: barStart(song, b + 1) };
}

/** The bars (1-based, inclusive) of each section of a song, in order. */
export function sectionBars(song: Song): { kind: string; fromBar: number; toBar: number }[] {
  const n = barCount(song);
  return song.sections.map((s, i) => {
    const next = song.sections[i + 1];
    const fromBar = barAt(song, s.time);
    const toBar = next ? Math.max(fromBar, barAt(song, next.time - 1e-6)) : n;
    return { kind: s.kind, fromBar, toBar };
  });
}

/** Notes of a chart in a range (from inclusive, to exclusive). */
export function notesIn(notes: readonly Note[], range: LoopRange): Note[] {
  return notes.filter((n) => n.time >= range.from - 1e-9 && n.time < range.to - 1e-9);
}

/**
 * The hardest bar of a pair of charts: the one with the most notes of both together (the
 * earliest of equals). The bar a player wants to loop at half speed.
 */
export function hardestBar(song: Song, charts: readonly (readonly Note[])[]): number {
  const counts = new Map<number, number>();
  for (const chart of charts)
    for (const n of chart) counts.set(barAt(song, n.time), (counts.get(barAt(song, n.time)) ?? 0) + 1);
  let best = 1;
  let most = -1;
  for (const [bar, c] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (c > most) {
      best = bar;
      most = c;
    }
  }
  return best;
}

/** A practice speed as allowed: within 0.5..1, on the 5 % steps. */
export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return PRACTICE_MAX_SPEED;
  const stepped = Math.round(speed / PRACTICE_SPEED_STEP) * PRACTICE_SPEED_STEP;
  return Math.round(Math.min(PRACTICE_MAX_SPEED, Math.max(PRACTICE_MIN_SPEED, stepped)) * 100) / 100;
}

/** A practice setup with every field within bounds for a song. */
export function normalizePractice(song: Song, setup: PracticeSetup): PracticeSetup {
  const n = barCount(song);
  const a = clampInt(Math.min(setup.fromBar, setup.toBar), 1, n);
  const b = clampInt(Math.max(setup.fromBar, setup.toBar), 1, n);
  return { fromBar: a, toBar: b, speed: clampSpeed(setup.speed), speedUp: setup.speedUp, demo: setup.demo };
}

/** How one loop went for the players who practise. */
export interface LoopOutcome {
  /** 1 for the first loop. */
  readonly index: number;
  /** The speed it was played at. */
  readonly speed: number;
  /** Every note of the practising players hit (Good or better). */
  readonly clean: boolean;
  readonly hits: number;
  readonly notes: number;
}

/** Where a practice session stands after its loops so far. */
export interface PracticeProgress {
  readonly loops: number;
  readonly cleanLoops: number;
  /** Clean loops in a row, up to now. */
  readonly cleanStreak: number;
  /** Speed of the next loop. */
  readonly speed: number;
  readonly last: LoopOutcome | null;
}

/** A practice session before its first loop. */
export function startProgress(setup: PracticeSetup): PracticeProgress {
  return { loops: 0, cleanLoops: 0, cleanStreak: 0, speed: clampSpeed(setup.speed), last: null };
}

/**
 * Judges one finished loop and says what comes next: a clean loop (every note of the
 * practising slots hit) extends the streak; with `speedUp`, every CLEAN_LOOPS_TO_SPEED_UP clean
 * loops in a row add PRACTICE_SPEED_STEP (up to full speed) and start a new streak.
 * @param results the loop's results (of its notes only).
 * @param slots the slots whose notes count (the practising people, not a demo or CPU).
 */
export function afterLoop(
  progress: PracticeProgress,
  setup: PracticeSetup,
  results: Results,
  slots: readonly PlayerId[],
): PracticeProgress {
  let hits = 0;
  let notes = 0;
  for (const p of slots) {
    // A Match's results always hold both players.
    const r = results.players[p] as Results['players'][number];
    notes += r.hits.length;
    hits += r.counts.perfect + r.counts.great + r.counts.good;
  }
  const clean = notes > 0 && hits === notes;
  const index = progress.loops + 1;
  const last: LoopOutcome = { index, speed: progress.speed, clean, hits, notes };
  let streak = clean ? progress.cleanStreak + 1 : 0;
  let speed = progress.speed;
  if (setup.speedUp && streak >= CLEAN_LOOPS_TO_SPEED_UP && speed < PRACTICE_MAX_SPEED) {
    speed = clampSpeed(speed + PRACTICE_SPEED_STEP);
    streak = 0;
  }
  return { loops: index, cleanLoops: progress.cleanLoops + (clean ? 1 : 0), cleanStreak: streak, speed, last };
}

function clampInt(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(Number.isFinite(x) ? x : lo)));
}
