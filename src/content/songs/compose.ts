import type { Instrument, NoteData, SectionKind, SongData } from '../../core/chart';
import type { Beats, Difficulty, Lane } from '../../core/units';

/*
 * Small pure helpers for authoring songs: drum grids written as strings, arrangements of
 * phrases per part and difficulty, unison marks, chord progressions and melodies.
 * Everything here returns plain data in beats; the core validates it (loadSong).
 */

// ---------------------------------------------------------------------------------------
// Drums
// ---------------------------------------------------------------------------------------

/**
 * One bar of drums, one string per lane. A string covers the whole bar, so its length sets
 * the grid: 4 characters are quarter notes, 8 are eighths, 16 sixteenths, 12 triplet
 * eighths. `x`, `X` and `o` are hits; any other character is a rest; spaces and `|` are
 * ignored (use them to group beats).
 */
export type Pattern = Partial<Record<Lane, string>>;

/** A pattern, or several bars played in turn. */
export type Groove = Pattern | readonly Pattern[];

const DIFFS: readonly Difficulty[] = ['easy', 'normal', 'hard', 'expert'];
const EASY_LANES: readonly Lane[] = ['snare', 'kick'];
const LANE_ORDER: Record<Lane, number> = { kick: 0, snare: 1, tom: 2, hihat: 3 };
const HIT = /[xXo]/;

/** Removes grouping characters from a pattern string. */
function steps(s: string): string {
  return s.replace(/[\s|]/g, '');
}

/** The notes of one bar of a pattern starting at `start`. */
export function bar(pattern: Pattern, start: Beats, beatsPerBar = 4): NoteData[] {
  const out: NoteData[] = [];
  for (const [lane, raw] of Object.entries(pattern) as [Lane, string][]) {
    const s = steps(raw);
    if (s.length === 0) continue;
    const step = beatsPerBar / s.length;
    for (let i = 0; i < s.length; i++) {
      if (HIT.test(s[i] as string)) out.push({ beat: round(start + i * step), lane });
    }
  }
  return sortNotes(out);
}

/**
 * A phrase of `bars` bars: the groove (cycled bar by bar), with the last bars of every
 * `fillEvery` bars (default: the whole phrase) replaced by the fill.
 */
export interface Phrase {
  readonly bars: number;
  readonly groove: Groove;
  readonly fill?: Groove;
  readonly fillEvery?: number;
}

/** Notes of a phrase starting at bar `startBar`. */
export function phrase(p: Phrase, startBar: number, beatsPerBar = 4): NoteData[] {
  const groove = asBars(p.groove);
  const fill = p.fill ? asBars(p.fill) : [];
  const every = p.fillEvery ?? p.bars;
  const out: NoteData[] = [];
  for (let b = 0; b < p.bars; b++) {
    const inBlock = b % every;
    const fromEnd = every - inBlock; // 1 = last bar of the block
    const blockEndsInPhrase = b - inBlock + every <= p.bars;
    const pattern =
      blockEndsInPhrase && fromEnd <= fill.length
        ? (fill[fill.length - fromEnd] as Pattern)
        : (groove[b % groove.length] as Pattern);
    out.push(...bar(pattern, (startBar + b) * beatsPerBar, beatsPerBar));
  }
  return out;
}

function asBars(g: Groove): readonly Pattern[] {
  return Array.isArray(g) ? (g as readonly Pattern[]) : [g as Pattern];
}

/** Something that differs per difficulty. */
export type ByDifficulty<T> = Readonly<Record<Difficulty, T>>;
/** Something that differs per part (0 = the drummer, 1 = the novice) and difficulty. */
export type ByPart<T> = readonly [ByDifficulty<T>, ByDifficulty<T>];

/** The same value for every difficulty of both parts. */
export function same<T>(value: T): ByPart<T> {
  const d = { easy: value, normal: value, hard: value, expert: value };
  return [d, d];
}

/** The same per-difficulty values for both parts. */
export function bothParts<T>(value: ByDifficulty<T>): ByPart<T> {
  return [value, value];
}

/** One stretch of a song's form: a section kind and the grooves each chart plays in it. */
export interface FormEntry {
  readonly kind: SectionKind;
  readonly bars: number;
  readonly groove: ByPart<Groove>;
  readonly fill?: ByPart<Groove>;
  readonly fillEvery?: number;
}

/** A note both players should hit together; it is added to every chart if missing. */
export interface UnisonMark {
  readonly beat: Beats;
  readonly lane: 'snare' | 'kick';
}

/**
 * Builds one chart from the song's form: every entry's phrase in order, lanes the
 * difficulty does not have dropped, unison marks applied.
 */
export function buildChart(
  form: readonly FormEntry[],
  part: 0 | 1,
  difficulty: Difficulty,
  unisons: readonly UnisonMark[],
  beatsPerBar = 4,
): NoteData[] {
  let startBar = 0;
  const notes: NoteData[] = [];
  for (const f of form) {
    notes.push(
      ...phrase(
        {
          bars: f.bars,
          groove: f.groove[part][difficulty],
          ...(f.fill ? { fill: f.fill[part][difficulty] } : {}),
          ...(f.fillEvery ? { fillEvery: f.fillEvery } : {}),
        },
        startBar,
        beatsPerBar,
      ),
    );
    startBar += f.bars;
  }
  const allowed = difficulty === 'easy' ? notes.filter((n) => EASY_LANES.includes(n.lane)) : notes;
  return markUnison(allowed, unisons);
}

/** Builds all four charts of both parts. */
export function buildParts(
  form: readonly FormEntry[],
  characters: readonly [string, string],
  unisons: readonly UnisonMark[],
  beatsPerBar = 4,
): SongData['parts'] {
  const part = (p: 0 | 1) => ({
    character: characters[p],
    charts: Object.fromEntries(DIFFS.map((d) => [d, buildChart(form, p, d, unisons, beatsPerBar)])) as Record<
      Difficulty,
      NoteData[]
    >,
  });
  return [part(0), part(1)];
}

/**
 * Section marks of a form: one wherever the kind changes, or (with `everyEntry`) one for
 * every entry of the form, e.g. for each drum of a lesson.
 */
export function sectionsOf(form: readonly FormEntry[], beatsPerBar = 4, everyEntry = false): SongData['sections'] {
  const out: { beat: Beats; kind: SectionKind }[] = [];
  let b = 0;
  for (const f of form) {
    if (everyEntry || out[out.length - 1]?.kind !== f.kind) out.push({ beat: b * beatsPerBar, kind: f.kind });
    b += f.bars;
  }
  return out;
}

/** Total bars of a form. */
export function formBars(form: readonly FormEntry[]): number {
  return form.reduce((sum, f) => sum + f.bars, 0);
}

/**
 * Marks notes as unison: the note at each mark's beat and lane (added if missing) is
 * marked, and no other note is. Returns merged, sorted notes.
 */
export function markUnison(notes: readonly NoteData[], marks: readonly UnisonMark[]): NoteData[] {
  const wanted = new Map(marks.map((m) => [round(m.beat), m.lane]));
  const out = notes.map((n): NoteData => ({ beat: n.beat, lane: n.lane }));
  for (const [beat, lane] of wanted) {
    if (!out.some((n) => n.beat === beat && n.lane === lane)) out.push({ beat, lane });
  }
  return sortNotes(out.map((n) => (wanted.get(n.beat) === n.lane ? { ...n, unison: true } : n)));
}

/** Concatenates note lists, dropping doubled notes (same beat and lane), sorted. */
export function mergeNotes(...lists: readonly (readonly NoteData[])[]): NoteData[] {
  const byKey = new Map<string, NoteData>();
  for (const n of lists.flat()) {
    const key = `${n.beat}/${n.lane}`;
    const prev = byKey.get(key);
    byKey.set(key, prev?.unison || n.unison ? { beat: n.beat, lane: n.lane, unison: true } : { ...n });
  }
  return sortNotes([...byKey.values()]);
}

/** Sorts notes by beat, then lane (kick, snare, tom, hi-hat). */
export function sortNotes(notes: NoteData[]): NoteData[] {
  return notes.sort((a, b) => a.beat - b.beat || LANE_ORDER[a.lane] - LANE_ORDER[b.lane]);
}

function round(b: number): number {
  return Math.round(b * 1e6) / 1e6;
}

// ---------------------------------------------------------------------------------------
// Music
// ---------------------------------------------------------------------------------------

/** [beat, MIDI pitch, duration in beats, velocity 0..1] */
export type MusicNote = [beat: Beats, pitch: number, duration: Beats, velocity: number];
export type Track = SongData['music']['tracks'][number];

const PITCH_CLASS: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** MIDI pitch of a note name: 'C4' = 60, 'F#2', 'Bb3'. */
export function pitch(name: string): number {
  const m = /^([A-G])([#b]?)(-?\d)$/.exec(name);
  if (!m) throw new Error(`not a note name: ${name}`);
  const acc = m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0;
  return (Number(m[3]) + 1) * 12 + (PITCH_CLASS[m[1] as string] as number) + acc;
}

const QUALITIES: Record<string, readonly number[]> = {
  '': [0, 4, 7],
  m: [0, 3, 7],
  '7': [0, 4, 7, 10],
  m7: [0, 3, 7, 10],
  maj7: [0, 4, 7, 11],
  sus2: [0, 2, 7],
  sus4: [0, 5, 7],
  add9: [0, 4, 7, 14],
  madd9: [0, 3, 7, 14],
  '5': [0, 7, 12],
};

/** A chord symbol's root pitch class (0..11) and intervals: 'C', 'Am', 'G7', 'F#m7', 'E5'. */
export function parseChord(symbol: string): { root: number; intervals: readonly number[] } {
  const m = /^([A-G])([#b]?)(.*)$/.exec(symbol);
  const intervals = m ? QUALITIES[m[3] as string] : undefined;
  if (!m || !intervals) throw new Error(`not a chord symbol: ${symbol}`);
  const acc = m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0;
  return { root: ((PITCH_CLASS[m[1] as string] as number) + acc + 12) % 12, intervals };
}

/** The lowest pitch of a pitch class at or above `low`. */
function above(pc: number, low: number): number {
  return low + ((((pc - low) % 12) + 12) % 12);
}

/** Chord tones voiced close together in [low, low + 12), sorted upwards. */
export function voicing(symbol: string, low: number): number[] {
  const { root, intervals } = parseChord(symbol);
  const pcs = [...new Set(intervals.map((i) => (root + i) % 12))];
  return pcs.map((pc) => above(pc, low)).sort((a, b) => a - b);
}

/** A chord progression: [symbol, length in beats] played one after the other. */
export type Progression = readonly (readonly [symbol: string, beats: Beats])[];

/** Repeats a progression. */
export function times(prog: Progression, n: number): Progression {
  return Array.from({ length: n }, () => prog).flat();
}

/** Length of a progression in beats. */
export function progLength(prog: Progression): Beats {
  return prog.reduce((s, [, b]) => s + b, 0);
}

/** Sustained chords: one note per chord tone, voiced in [low, low + 12). */
export function padNotes(start: Beats, prog: Progression, low = 55, velocity = 0.5): MusicNote[] {
  const out: MusicNote[] = [];
  let b = start;
  for (const [symbol, len] of prog) {
    for (const p of voicing(symbol, low)) out.push([b, p, len * 0.98, velocity]);
    b += len;
  }
  return out;
}

/**
 * A line that follows the chords, written as a one-bar pattern of chord degrees cycled
 * over the progression: `1` root, `3` third, `5` fifth, `7` seventh (flat if the chord has
 * none), `8` octave, `-` holds the previous note, anything else is a rest. The root is
 * placed in [low, low + 12). `gate` shortens every note (1 = full length).
 */
export function chordLine(
  start: Beats,
  prog: Progression,
  pattern: string,
  opts: { low?: number; velocity?: number; gate?: number; beatsPerBar?: number; accent?: number } = {},
): MusicNote[] {
  const { low = 36, velocity = 0.8, gate = 0.9, beatsPerBar = 4, accent = 0.1 } = opts;
  const s = steps(pattern);
  const step = beatsPerBar / s.length;
  const total = progLength(prog);
  const out: MusicNote[] = [];
  let last: MusicNote | null = null;
  for (let i = 0; i * step < total - 1e-9; i++) {
    const b = i * step;
    const c = s[i % s.length] as string;
    if (c === '-') {
      if (last) last[2] = round(last[2] + step);
      continue;
    }
    last = null;
    const symbol = chordAt(prog, b);
    const { root, intervals } = parseChord(symbol);
    const r = above(root, low);
    const offset: Record<string, number> = {
      '1': 0,
      '3': intervals[1] ?? 4,
      '5': intervals[2] ?? 7,
      '7': intervals[3] !== undefined && intervals[3] < 12 ? intervals[3] : 10,
      '8': 12,
    };
    const o = offset[c];
    if (o === undefined) continue;
    const vel = Math.min(1, velocity + (b % 1 === 0 ? accent : 0));
    last = [round(start + b), r + o, round(step * gate), round(vel)];
    out.push(last);
  }
  return out;
}

function chordAt(prog: Progression, beat: Beats): string {
  let b = 0;
  for (const [symbol, len] of prog) {
    if (beat < b + len - 1e-9) return symbol;
    b += len;
  }
  return (prog[prog.length - 1] as readonly [string, number])[0];
}

/**
 * A melody: whitespace-separated tokens, one per `step` beats. A note name ('E5', 'F#4')
 * starts a note, `-` holds it, `.` is a rest. A trailing `!` accents the note.
 */
export function melody(start: Beats, step: Beats, text: string, velocity = 0.75): MusicNote[] {
  const out: MusicNote[] = [];
  let last: MusicNote | null = null;
  text
    .trim()
    .split(/\s+/)
    .forEach((tok, i) => {
      if (tok === '-') {
        if (last) last[2] = round(last[2] + step);
        return;
      }
      if (tok === '.') {
        last = null;
        return;
      }
      const accented = tok.endsWith('!');
      last = [
        round(start + i * step),
        pitch(accented ? tok.slice(0, -1) : tok),
        step,
        round(Math.min(1, velocity + (accented ? 0.15 : 0))),
      ];
      out.push(last);
    });
  return out.map(([b, p, d, v]) => [b, p, round(d * 0.95), v]);
}

/**
 * A rhythm on one pitch, one bar pattern cycled over `bars` bars: `X` loud, `x` normal,
 * `o` soft, anything else a rest.
 */
export function pulse(
  start: Beats,
  bars: number,
  pattern: string,
  opts: { pitch?: number; velocity?: number; beatsPerBar?: number; length?: Beats } = {},
): MusicNote[] {
  const { pitch: p = 60, velocity = 0.6, beatsPerBar = 4, length } = opts;
  const s = steps(pattern);
  const step = beatsPerBar / s.length;
  const out: MusicNote[] = [];
  for (let i = 0; i < bars * s.length; i++) {
    const c = s[i % s.length] as string;
    const v = c === 'X' ? 1 : c === 'x' ? 0.75 : c === 'o' ? 0.45 : 0;
    if (v > 0) out.push([round(start + i * step), p, round(length ?? step * 0.5), round(velocity * v)]);
  }
  return out;
}

/** Moves music notes by `by` beats. */
export function shift(notes: readonly MusicNote[], by: Beats): MusicNote[] {
  return notes.map(([b, p, d, v]) => [round(b + by), p, d, v]);
}

/** Transposes music notes by semitones. */
export function transpose(notes: readonly MusicNote[], semitones: number): MusicNote[] {
  return notes.map(([b, p, d, v]) => [b, p + semitones, d, v]);
}

/** A backing track with its notes sorted by beat. */
export function track(
  name: string,
  instrument: Instrument,
  volume: number,
  ...parts: readonly (readonly MusicNote[])[]
): Track {
  const notes = parts.flat().map(([b, p, d, v]): MusicNote => [b, p, d, v]);
  notes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { name, instrument, volume, notes };
}

// ---------------------------------------------------------------------------------------
// Arranging
// ---------------------------------------------------------------------------------------

/**
 * General MIDI drum notes of the groove bed (the `shaker` instrument plays them by pitch).
 * None of them is a player's drum: the bed has no kick, snare, tom or closed hi-hat.
 */
export const GM = {
  clap: 39,
  openHat: 46,
  crash: 49,
  ride: 51,
  rideBell: 53,
  tambourine: 54,
  cowbell: 56,
  hiBongo: 60,
  loBongo: 61,
  muteConga: 62,
  openConga: 63,
  lowConga: 64,
  cabasa: 69,
  maracas: 70,
  claves: 75,
  hiWoodBlock: 76,
  loWoodBlock: 77,
  triangle: 81,
  shaker: 82,
} as const;

/** One percussion sound of the bed in a rhythm (see pulse): `X` loud, `x` normal, `o` soft. */
export function perc(start: Beats, bars: number, pattern: string, note: number, velocity = 0.6): MusicNote[] {
  return pulse(start, bars, pattern, { pitch: note, velocity, length: 0.25 });
}

/** Power chords: every note becomes its root, fifth and octave (the fifth and octave a little softer). */
export function power(notes: readonly MusicNote[]): MusicNote[] {
  return notes.flatMap(([b, p, d, v]): MusicNote[] => [
    [b, p, d, v],
    [b, p + 7, d, round(v * 0.9)],
    [b, p + 12, d, round(v * 0.85)],
  ]);
}

/** Only the notes that start in [from, to) beats. */
export function between(notes: readonly MusicNote[], from: Beats, to: Beats): MusicNote[] {
  return notes.filter(([b]) => b >= from - 1e-9 && b < to - 1e-9);
}

/** A song's mastering trim: adds `db` to every track's volume, so the backing meets its loudness. */
export function trim(db: number, tracks: readonly Track[]): Track[] {
  return tracks.map((t) => ({ ...t, volume: round((t.volume ?? 0) + db) }));
}
