import { HitWindows } from '../core/hitWindows';
import { DIFFICULTIES, type Difficulty, type Lane, type Seconds } from '../core/units';
import { beatClock, compareNotes } from './common';
import { ChartFileError, type ImportChart, type ImportNote, type ImportPart, type ParsedChartFile } from './types';

/*
 * Any chart becomes a duet at four difficulties. Part 0 is Takaichi (the drummer), part 1 Lee
 * (the novice).
 *
 * TWO PARTS. A two-player file (TJA STYLE:Double) keeps its parts; when part 1's hardest chart
 * has over 20 % more notes than part 0's, they are swapped so the drummer gets the harder one.
 * A part with no notes is ignored and the other is split as below.
 *
 * UNISON. On the hardest chart(s), each bar offers at most one unison note: a snare or kick note
 * on the bar's downbeat, an accent, or else on a beat (kick before snare, a note both parts
 * already share first, then the earliest); unison notes are at least 1 s apart. A song whose
 * snare and kick notes never fall on those gets them from its snare and kick notes anywhere, by
 * the same bar-and-second rule. Every unison note is put into BOTH parts at EVERY difficulty, at
 * the same time and lane (snare or kick, which Easy plays), marked `unison: true`, and is kept
 * first by every reduction, so the Harmony meter works whatever difficulties the players choose.
 *
 * SPLIT (one-part charts): "trading twos", as drummers trade fours. The unison notes are chosen
 * first (they belong to both players); the other notes are cut into phrases of two bars, the
 * phrases alternate between the players, and part 0 (the drummer) takes the alternate phrases
 * holding more notes (the first phrase on a tie). Each player keeps time in the other's phrases
 * with the unison accents. If two-bar phrases would give a player under a quarter of the notes,
 * one-bar phrases are tried, then one-beat phrases, and at last the chart's moments (notes at one
 * time) simply alternate. The hardest chart is shared out as it will be played (cleaned to the
 * Expert rules below around the unison notes). The same phrase choice splits every difficulty
 * the file has. A chart whose own notes all fall at one moment is played whole by both.
 *
 * REDUCTION (missing difficulties, derived from the next harder one: expert → hard → normal →
 * easy). Every note gets a strength: unison first; then its place in the bar (downbeat, beat,
 * eighth, sixteenth or triplet, finer), an accent counting one place stronger; then its drum
 * (kick, snare, tom, hi-hat). Notes of equal strength are taken in a spread order (bit-reversed
 * rank along time), so thinning is even across the song, never "the first 75 %". The strongest
 * are kept up to 75 % (hard), 55 % (normal), 55 % (easy) of the harder chart's notes, so each
 * chart is a subset of the harder one (Easy: after its lane fold) with strictly fewer notes
 * wherever the harder one has more than its unison notes. Easy plays snare and kick only:
 * hi-hat folds to snare, tom to kick.
 *
 * RULES EVERY CHART KEEPS (authored ones are cleaned to them, strongest notes first): no note
 * before 0 s; sorted by time; notes of one lane never closer than that difficulty's Good window
 * (Easy/Normal 108 ms, Hard/Expert 75 ms), so never two of one lane at once; at most one unison
 * note at a time; at most 3 notes at once on Hard, 2 on Normal, 1 on Easy, and Easy notes at
 * least 0.2 s apart whatever the lane. An authored lower difficulty is used when it has fewer
 * notes than the chart above it; otherwise that difficulty is derived.
 */

export interface DuetNote {
  readonly time: Seconds;
  readonly lane: Lane;
  readonly unison: boolean;
}
export type DuetChart = readonly DuetNote[];
export type DuetCharts = readonly [Readonly<Record<Difficulty, DuetChart>>, Readonly<Record<Difficulty, DuetChart>>];

/** Share of the harder chart's notes each derived difficulty keeps. */
export const KEEP_RATIO: Readonly<Record<Exclude<Difficulty, 'expert'>, number>> = {
  hard: 0.75,
  normal: 0.55,
  easy: 0.55,
};
/** Most notes at one time per difficulty. */
const MAX_CHORD: Readonly<Record<Difficulty, number>> = { easy: 1, normal: 2, hard: 3, expert: 4 };
/** Easy notes are at least this far apart (s), whatever their lanes. */
export const EASY_GAP: Seconds = 0.2;
/** Unison notes are at least this far apart (s). */
export const UNISON_GAP: Seconds = 1;
const SWAP_RATIO = 1.2;
const MIN_SHARE = 0.25;
const SAME = 1e-6;
const TOLERANCE_BEATS = 0.03;

/** The Good window of a difficulty in seconds: same-lane notes are never closer. */
export function laneGap(d: Difficulty): Seconds {
  return HitWindows.for(d).lateLimit / 1000;
}

/** Easy's lane fold: hi-hat → snare, tom → kick. */
export function foldLane(lane: Lane, d: Difficulty): Lane {
  if (d !== 'easy') return lane;
  return lane === 'hihat' ? 'snare' : lane === 'tom' ? 'kick' : lane;
}

/** Where notes sit in the bar: seconds → beats along the file's tempo, and the bar length. */
export interface Grid {
  readonly beats: (t: Seconds) => number;
  readonly beatsPerBar: number;
}

export function gridOf(file: Pick<ParsedChartFile, 'tempo' | 'beatsPerBar'>): Grid {
  const bpb = Number.isInteger(file.beatsPerBar) && file.beatsPerBar >= 1 ? file.beatsPerBar : 4;
  return { beats: beatClock(file.tempo), beatsPerBar: bpb };
}

function on(beat: number, step: number): boolean {
  const x = beat / step;
  return Math.abs(x - Math.round(x)) * step < TOLERANCE_BEATS;
}

/** 0 downbeat, 1 beat, 2 eighth, 3 sixteenth or triplet, 4 anything finer. */
export function metricLevel(t: Seconds, grid: Grid): number {
  const b = grid.beats(t);
  if (on(b, grid.beatsPerBar)) return 0;
  if (on(b, 1)) return 1;
  if (on(b, 0.5)) return 2;
  if (on(b, 0.25) || on(b, 1 / 3)) return 3;
  return 4;
}

function barOf(t: Seconds, grid: Grid): number {
  return Math.floor(grid.beats(t) / grid.beatsPerBar + TOLERANCE_BEATS / grid.beatsPerBar);
}

const LANE_WEIGHT: Record<Lane, number> = { kick: 3, snare: 2, tom: 1, hihat: 0 };

interface Working {
  readonly time: Seconds;
  readonly lane: Lane;
  readonly unison: boolean;
  readonly strength: number;
}

function strength(n: { time: Seconds; lane: Lane; accent?: boolean; unison?: boolean }, grid: Grid): number {
  const level = metricLevel(n.time, grid);
  return (n.unison ? 1000 : 0) + 10 * (5 - level + (n.accent ? 1 : 0)) + LANE_WEIGHT[n.lane];
}

function bitReverse(i: number, bits: number): number {
  let r = 0;
  for (let b = 0; b < bits; b++) r = (r << 1) | ((i >> b) & 1);
  return r;
}

/** Strongest first; equal strengths in spread order along time. */
function priorityOrder(notes: readonly Working[]): Working[] {
  const groups = new Map<number, Working[]>();
  for (const n of [...notes].sort(compareNotes)) {
    const g = groups.get(n.strength);
    if (g) g.push(n);
    else groups.set(n.strength, [n]);
  }
  const out: Working[] = [];
  for (const s of [...groups.keys()].sort((a, b) => b - a)) {
    const g = groups.get(s) as Working[];
    const bits = Math.ceil(Math.log2(Math.max(1, g.length)));
    const keyed = g.map((n, i) => ({ n, k: bitReverse(i, bits) }));
    keyed.sort((a, b) => a.k - b.k);
    for (const { n } of keyed) out.push(n);
  }
  return out;
}

/** Sorted times with neighbour look-ups. */
class TimeSet {
  readonly times: number[] = [];
  private index(t: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.times[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** True if a time lies strictly closer than `gap` to t (a time equal to t always counts). */
  near(t: number, gap: number): boolean {
    const i = this.index(t);
    const after = this.times[i];
    const before = this.times[i - 1];
    const g = Math.max(gap, SAME);
    return (after !== undefined && after - t < g - 1e-9) || (before !== undefined && t - before < g - 1e-9);
  }
  count(t: number): number {
    let n = 0;
    for (let i = this.index(t - SAME); i < this.times.length && (this.times[i] as number) <= t + SAME; i++) n++;
    return n;
  }
  add(t: number): void {
    this.times.splice(this.index(t), 0, t);
  }
}

/**
 * Keeps the strongest notes that obey a difficulty's rules, up to `target` notes.
 * Lanes must already be folded for Easy.
 */
function select(notes: readonly Working[], d: Difficulty, target: number): DuetNote[] {
  const gap = laneGap(d);
  const lanes = new Map<Lane, TimeSet>();
  const all = new TimeSet();
  const unison = new TimeSet();
  const kept: DuetNote[] = [];
  for (const n of priorityOrder(notes)) {
    if (kept.length >= target) break;
    const lane = lanes.get(n.lane) ?? new TimeSet();
    lanes.set(n.lane, lane);
    if (lane.near(n.time, gap)) continue;
    if (all.count(n.time) >= MAX_CHORD[d]) continue;
    if (d === 'easy' && all.near(n.time, EASY_GAP)) continue;
    if (n.unison && unison.near(n.time, SAME)) continue;
    lane.add(n.time);
    all.add(n.time);
    if (n.unison) unison.add(n.time);
    kept.push({ time: n.time, lane: n.lane, unison: n.unison });
  }
  return kept.sort(compareNotes);
}

/** An authored chart cleaned to difficulty d's rules, with the unison notes put in. */
export function sanitizeChart(
  notes: readonly ImportNote[],
  d: Difficulty,
  grid: Grid,
  unison: readonly UnisonNote[] = [],
): DuetNote[] {
  const taken = new Set(unison.map((u) => `${u.time}/${u.lane}`));
  const work: Working[] = [];
  for (const n of notes) {
    if (!(n.time >= 0) || !Number.isFinite(n.time)) continue;
    const lane = foldLane(n.lane, d);
    if (taken.has(`${n.time}/${lane}`)) continue;
    work.push({ time: n.time, lane, unison: false, strength: strength({ ...n, lane: n.lane }, grid) });
  }
  for (const u of unison)
    work.push({ time: u.time, lane: u.lane, unison: true, strength: strength({ ...u, unison: true }, grid) });
  return select(work, d, Number.POSITIVE_INFINITY);
}

/** Derives difficulty d from the next harder chart by the reduction rule. */
export function reduceChart(
  harder: readonly DuetNote[],
  d: Exclude<Difficulty, 'expert'>,
  grid: Grid,
  accents: ReadonlySet<number> = new Set(),
): DuetNote[] {
  const unisonCount = harder.filter((n) => n.unison).length;
  const n = harder.length;
  const target = n <= 1 ? n : Math.max(unisonCount, 1, Math.min(n - 1, Math.floor(n * KEEP_RATIO[d])));
  const work = harder.map(
    (x): Working => ({
      time: x.time,
      lane: foldLane(x.lane, d),
      unison: x.unison,
      strength: strength({ ...x, accent: accents.has(x.time) }, grid),
    }),
  );
  return select(work, d, target);
}

export interface UnisonNote {
  readonly time: Seconds;
  readonly lane: 'snare' | 'kick';
}

/** Chooses the unison notes from the hardest chart of each part (see UNISON above). */
export function chooseUnison(charts: readonly (readonly ImportNote[])[], grid: Grid): UnisonNote[] {
  const shared = new Set<string>();
  if (charts.length > 1) {
    const second = new Set((charts[1] ?? []).map((n) => `${n.time}/${n.lane}`));
    for (const n of charts[0] ?? []) if (second.has(`${n.time}/${n.lane}`)) shared.add(`${n.time}/${n.lane}`);
  }
  const seen = new Set<string>();
  const candidates: { time: Seconds; lane: 'snare' | 'kick'; tier: number; rank: number[] }[] = [];
  for (const chart of charts) {
    for (const n of chart) {
      if ((n.lane !== 'snare' && n.lane !== 'kick') || !(n.time >= 0)) continue;
      const key = `${n.time}/${n.lane}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const level = metricLevel(n.time, grid);
      const tier = level === 0 || n.accent ? 0 : level === 1 ? 1 : 2;
      candidates.push({
        time: n.time,
        lane: n.lane,
        tier,
        rank: [tier, shared.has(key) ? 0 : 1, n.lane === 'kick' ? 0 : 1, n.time],
      });
    }
  }
  const pick = (pool: typeof candidates): UnisonNote[] => {
    const best = new Map<number, (typeof candidates)[number]>();
    for (const c of pool) {
      const bar = barOf(c.time, grid);
      const b = best.get(bar);
      if (!b || lexLess(c.rank, b.rank)) best.set(bar, c);
    }
    const out: UnisonNote[] = [];
    for (const c of [...best.values()].sort((a, b) => a.time - b.time)) {
      const last = out[out.length - 1];
      if (!last || c.time - last.time >= UNISON_GAP) out.push({ time: c.time, lane: c.lane });
    }
    return out;
  };
  const strong = pick(candidates.filter((c) => c.tier <= 1));
  return strong.length > 0 ? strong : pick(candidates);
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  }
  return false;
}

function chartsOf(part: ImportPart): [Difficulty, ImportChart][] {
  return DIFFICULTIES.flatMap((d) => {
    const c = part[d];
    return c?.notes.some((n) => n.time >= 0) ? [[d, c] as [Difficulty, ImportChart]] : [];
  });
}

function hardestOf(part: ImportPart): ImportChart | null {
  const list = chartsOf(part);
  return list.length > 0 ? ((list[list.length - 1] as [Difficulty, ImportChart])[1] as ImportChart) : null;
}

type Side = (t: Seconds) => 0 | 1;

/**
 * Splits a one-part chart into two by trading phrases (see SPLIT above). Exported for tests.
 * Returns [part 0, part 1]; a part with no notes at some difficulty leaves it out.
 */
export function splitPart(part: ImportPart, grid: Grid, unison: readonly UnisonNote[] = []): [ImportPart, ImportPart] {
  const hardest = hardestOf(part);
  if (!hardest) return [part, part];
  // Unison notes are both players' anyway: only the other notes are shared out.
  const shared = new Set(unison.map((u) => `${u.time}/${u.lane}`));
  const own = (n: ImportNote) => n.time >= 0 && !shared.has(`${n.time}/${n.lane}`);
  // The hardest chart is shared out as it will be played: cleaned to Expert's rules around the
  // unison notes first, so no player's share is lost to a clash with a unison note.
  const playable = new Set(sanitizeChart(hardest.notes, 'expert', grid, unison).map((n) => `${n.time}/${n.lane}`));
  const notes = hardest.notes.filter((n) => own(n) && playable.has(`${n.time}/${n.lane}`));
  const phrases: ((t: Seconds) => number)[] = [
    (t) => Math.floor(barOf(t, grid) / 2),
    (t) => barOf(t, grid),
    (t) => Math.floor(grid.beats(t) + TOLERANCE_BEATS),
  ];
  let side: Side | null = null;
  for (const phraseOf of phrases) {
    const parity = (t: Seconds) => (((phraseOf(t) % 2) + 2) % 2) as 0 | 1;
    const even = notes.filter((n) => parity(n.time) === 0).length;
    const odd = notes.length - even;
    if (Math.min(even, odd) >= MIN_SHARE * notes.length) {
      const flip = odd > even;
      side = (t) => ((parity(t) === 0) !== flip ? 0 : 1);
      break;
    }
  }
  const out: [ImportPart, ImportPart] = [{}, {}];
  const authored = chartsOf(part);
  const topKey = (authored[authored.length - 1] as [Difficulty, ImportChart])[0];
  for (const [d, chart] of authored) {
    const valid = chart === hardest ? notes : chart.notes.filter(own);
    let which: (n: ImportNote) => 0 | 1;
    if (side) {
      const s = side;
      which = (n) => s(n.time);
    } else {
      // Alternate the chart's moments: every note at one time goes to the same player.
      const moments = [...new Set(valid.map((n) => n.time))].sort((a, b) => a - b);
      const index = new Map(moments.map((t, i) => [t, (i % 2) as 0 | 1]));
      which = (n) => index.get(n.time) as 0 | 1;
    }
    const halves: [ImportNote[], ImportNote[]] = [[], []];
    for (const n of valid) halves[which(n)].push(n);
    for (const p of [0, 1] as const) {
      // The hardest chart is never empty: if a player's share is, both play it whole.
      if (halves[p].length > 0) out[p][d] = { notes: halves[p], label: chart.label };
      else if (d === topKey) {
        const whole = valid.length > 0 ? valid : chart.notes.filter((n) => n.time >= 0);
        out[p][d] = { notes: whole, label: chart.label };
      }
    }
  }
  return out;
}

/** All four difficulties of one part (see REDUCTION and RULES above). */
export function fillPart(part: ImportPart, unison: readonly UnisonNote[], grid: Grid): Record<Difficulty, DuetNote[]> {
  const authored = chartsOf(part);
  const top = authored[authored.length - 1];
  if (!top) throw new ChartFileError('the chart has no notes to play');
  const accents = new Set<number>();
  for (const [, c] of authored) for (const n of c.notes) if (n.accent) accents.add(n.time);
  const out = {} as Record<Difficulty, DuetNote[]>;
  out.expert = sanitizeChart(top[1].notes, 'expert', grid, unison);
  const lower: Exclude<Difficulty, 'expert'>[] = ['hard', 'normal', 'easy'];
  let harder = out.expert;
  for (const d of lower) {
    const own = authored.find(([k]) => k === d && k !== top[0]);
    let chart: DuetNote[] | null = null;
    if (own) {
      const clean = sanitizeChart(own[1].notes, d, grid, unison);
      if (clean.length < harder.length) chart = clean;
    }
    chart ??= reduceChart(harder, d, grid, accents);
    out[d] = chart;
    harder = chart;
  }
  return out;
}

/**
 * Makes the two parts of a duet, each at easy, normal, hard and expert, from a parsed chart file.
 * @throws ChartFileError when the file has no note at or after 0 s
 */
export function makeDuet(file: ParsedChartFile): DuetCharts {
  const grid = gridOf(file);
  const withNotes = file.parts.filter((p) => hardestOf(p) !== null);
  if (withNotes.length === 0) throw new ChartFileError('the chart has no notes to play');
  let parts: [ImportPart, ImportPart];
  let unisonFrom: ImportChart[];
  if (withNotes.length >= 2) {
    let a = withNotes[0] as ImportPart;
    let b = withNotes[1] as ImportPart;
    if ((hardestOf(b) as ImportChart).notes.length > SWAP_RATIO * (hardestOf(a) as ImportChart).notes.length) {
      [a, b] = [b, a];
    }
    parts = [a, b];
    unisonFrom = [hardestOf(a) as ImportChart, hardestOf(b) as ImportChart];
  } else {
    const only = withNotes[0] as ImportPart;
    unisonFrom = [hardestOf(only) as ImportChart];
    parts = splitPart(only, grid, chooseUnison([(unisonFrom[0] as ImportChart).notes], grid));
  }
  const unison = chooseUnison(
    unisonFrom.map((c) => c.notes),
    grid,
  );
  return [fillPart(parts[0], unison, grid), fillPart(parts[1], unison, grid)];
}
