import type { SongData } from '../../core/chart';
import {
  type ByPart,
  buildParts,
  chordLine,
  type FormEntry,
  formBars,
  type Groove,
  melody,
  type Pattern,
  type Progression,
  padNotes,
  pulse,
  sectionsOf,
  times,
  track,
  type UnisonMark,
} from './compose';

/*
 * Nara Nights: a disco-pop groove in D dorian at 114 BPM. Four on the floor, an octave
 * bouncing bass, a soft pad and a plucky hook. 34 bars.
 *
 * Form (bars): intro 0-3, verse 4-11, chorus 12-19, break 20-23, chorus 24-31, outro 32-33.
 */

const BPM = 114;
const REST: Pattern = {};
const END: ByPart<Groove> = [
  {
    easy: { kick: 'x-------' },
    normal: { kick: 'x-------', hihat: 'x-------' },
    hard: { kick: 'x-------', hihat: 'x-------' },
    expert: { kick: 'x-------', hihat: 'x-------' },
  },
  {
    easy: { kick: 'x-------' },
    normal: { kick: 'x-------', hihat: 'x-------' },
    hard: { kick: 'x-------', hihat: 'x-------' },
    expert: { kick: 'x-------', hihat: 'x-------' },
  },
];

const INTRO: ByPart<Pattern> = [
  {
    easy: { kick: 'x-x-x-x-' },
    normal: { kick: 'x-x-x-x-', hihat: '-x-x-x-x' },
    hard: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: '-x-x-x-x' },
    expert: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
  {
    easy: { kick: 'x---x---' },
    normal: { kick: 'x---x---', hihat: '-x-x-x-x' },
    hard: { kick: 'x-x-x-x-', hihat: '-x-x-x-x' },
    expert: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: '-x-x-x-x' },
  },
];

const VERSE: ByPart<Pattern> = [
  {
    easy: { kick: 'x-x-x-x-', snare: '--x---x-' },
    normal: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: '-x-x-x-x' },
    hard: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x---x---x---x--x', snare: '----x--x----x---', hihat: 'xxxxxxxxxxxxxxxx' },
  },
  {
    easy: { kick: 'x---x---', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: '-x-x-x-x' },
    expert: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
];

const FILL: ByPart<Pattern> = [
  {
    easy: { kick: 'x-x-x---', snare: '--x---xx' },
    normal: { kick: 'x-x-x---', snare: '--x-xx--', tom: '------xx', hihat: '-x------' },
    hard: {
      kick: 'x---x---x-------',
      snare: '----x-------xx--',
      tom: '--------xx----xx',
      hihat: 'x-x-x-x---------',
    },
    expert: {
      kick: 'x---x---x---x---',
      snare: '----x---xxx-x---',
      tom: '-------------xxx',
      hihat: 'xxxxxxxx--------',
    },
  },
  {
    easy: { kick: 'x---x---', snare: '--x---xx' },
    normal: { kick: 'x---x---', snare: '--x---x-', tom: '-------x', hihat: 'x-x-x---' },
    hard: { kick: 'x-x-x---', snare: '--x---x-', tom: '-----x-x', hihat: '-x-x----' },
    expert: { kick: 'x-x-x---', snare: '--x---xx', tom: '----xx--', hihat: 'xxxx----' },
  },
];

const CHORUS: ByPart<Pattern> = [
  {
    easy: { kick: 'x-x-x-x-', snare: '--x--xx-' },
    normal: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
    hard: { kick: 'x-x-x-x-', snare: '----x-------x--x', hihat: 'x-xxx-xxx-xxx-xx' },
    expert: { kick: 'x---x---x-x-x---', snare: '----x--x-x--x---', hihat: 'xxxxxxxxxxxxxxxx' },
  },
  {
    easy: { kick: 'x-x-x-x-', snare: '--x---x-' },
    normal: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: '-x-x-x-x' },
    hard: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x-x-x-x-', snare: '--x--xx-', hihat: 'x-xxx-xxx-xxx-xx' },
  },
];

const BREAK: ByPart<Pattern> = [
  {
    easy: { kick: 'x---x---', snare: '------x-' },
    normal: { kick: 'x---x---', snare: '------x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x---x---', snare: '--x---x-', hihat: '-x-x-x-x' },
    expert: { kick: 'x---x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
  {
    easy: { kick: 'x-------', snare: '----x---' },
    normal: { kick: 'x---x---', snare: '------x-', hihat: 'x---x---' },
    hard: { kick: 'x---x---', snare: '--x---x-', hihat: 'x---x---' },
    expert: { kick: 'x---x---', snare: '--x---x-', hihat: '-x-x-x-x' },
  },
];

/** The last bar of the break: a snare build into the chorus. */
const BUILD: ByPart<Pattern> = [
  {
    easy: { kick: 'x-------', snare: '--x-x-xx' },
    normal: { kick: 'x-------', snare: 'xxxxxxxx' },
    hard: { kick: 'x-------x-------', snare: 'x-x-x-x-xxxxxxxx' },
    expert: { kick: 'x---x---x---x---', snare: 'x-x-x-x-xxxxxxxx', tom: '--x---x---------' },
  },
  {
    easy: { kick: 'x-------', snare: '----x-x-' },
    normal: { kick: 'x-------', snare: 'x-x-x-x-' },
    hard: { kick: 'x-------', snare: 'x-x-xxxx' },
    expert: { kick: 'x---x---', snare: 'xxxxxxxx' },
  },
];

const FORM: FormEntry[] = [
  {
    kind: 'intro',
    bars: 4,
    groove: [mapPart(INTRO[0], (p) => [REST, p, p]), mapPart(INTRO[1], (p) => [REST, p, p])],
    fill: FILL,
  },
  { kind: 'verse', bars: 8, groove: VERSE, fill: FILL, fillEvery: 4 },
  { kind: 'chorus', bars: 8, groove: CHORUS, fill: FILL, fillEvery: 4 },
  { kind: 'break', bars: 4, groove: BREAK, fill: BUILD },
  { kind: 'chorus', bars: 8, groove: CHORUS, fill: FILL, fillEvery: 4 },
  { kind: 'outro', bars: 2, groove: VERSE, fill: END },
];

function mapPart<T, U>(d: Readonly<Record<'easy' | 'normal' | 'hard' | 'expert', T>>, f: (t: T) => U) {
  return { easy: f(d.easy), normal: f(d.normal), hard: f(d.hard), expert: f(d.expert) };
}

const BARS = formBars(FORM); // 34
const bars = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => (from + i) * 4);

const UNISON: UnisonMark[] = [
  { beat: 16, lane: 'kick' }, // verse
  { beat: 47, lane: 'snare' }, // end of verse
  ...bars(12, 19).map((beat) => ({ beat, lane: 'kick' as const })), // chorus downbeats
  { beat: 80, lane: 'kick' }, // break
  { beat: 95, lane: 'snare' }, // end of the build
  ...bars(24, 31).map((beat) => ({ beat, lane: 'kick' as const })),
  { beat: 132, lane: 'kick' }, // the last hit
];

// --- music -------------------------------------------------------------------------------

const VAMP: Progression = [
  ['Dm7', 4],
  ['G7', 4],
];
const VERSE_PROG: Progression = [...times(VAMP, 2), ['Bbmaj7', 4], ['Am7', 4], ['Gm7', 4], ['A7', 4]];
const CHORUS_PROG: Progression = [
  ['Bbmaj7', 4],
  ['C7', 4],
  ['Am7', 4],
  ['Dm7', 4],
  ['Bbmaj7', 4],
  ['C7', 4],
  ['Fmaj7', 4],
  ['A7', 4],
];
const BREAK_PROG: Progression = [
  ['Dm7', 8],
  ['Bbmaj7', 4],
  ['A7', 4],
];

const HOOK = [
  '.  A4 .  D5 -  C5 A4 .',
  'B4 -  G4 .  F4 G4 -  .',
  '.  A4 .  D5 -  C5 A4 D5',
  'F5 -  E5 D5 -  C5 -  .',
].join(' ');
const HOOK_B = [
  'D5 -  C5 A4 -  F4 -  .',
  'E5 -  C5 -  A4 -  G4 .',
  'F4 -  G4 A4 -  Bb4 - D5',
  'C#5 - E5 -  G5 -  E5 C#5',
].join(' ');
const CHORUS_HOOK = [
  'D5 -  F5 -  A5 -  G5 F5',
  'E5 -  G5 -  C5 -  .  .',
  'E5 -  C5 A4 -  G4 A4 C5',
  'D5 -  -  -  .  .  A4 C5',
  'D5 -  F5 -  A5 -  Bb5 A5',
  'G5 -  E5 -  C5 -  .  .',
  'A5 -  G5 F5 -  E5 F5 A5',
  'E5 -  C#5 - .  A4 .  .',
].join(' ');

const pad = track(
  'pad',
  'pad',
  -16,
  padNotes(0, times(VAMP, 2), 57, 0.45),
  padNotes(16, VERSE_PROG, 57, 0.45),
  padNotes(48, CHORUS_PROG, 57, 0.55),
  padNotes(80, BREAK_PROG, 57, 0.5),
  padNotes(96, CHORUS_PROG, 57, 0.55),
  padNotes(128, [['Dm7', 8]], 57, 0.45),
);

const bass = track(
  'bass',
  'bass',
  -8,
  chordLine(4, [['G7', 4], ...VAMP], '1818 1818', { gate: 0.6 }),
  chordLine(16, VERSE_PROG, '1818 1818', { gate: 0.6 }),
  chordLine(48, CHORUS_PROG, '1-8- 1-81 -8-5 -7-8', { gate: 0.7 }),
  chordLine(80, BREAK_PROG.slice(0, 1), '1--- ---- 5--- 8-7-', { gate: 0.9 }),
  chordLine(88, BREAK_PROG.slice(1), '1-1- 1-1- 1-1- 1-11', { gate: 0.6 }),
  chordLine(96, CHORUS_PROG, '1-8- 1-81 -8-5 -7-8', { gate: 0.7 }),
  chordLine(128, [['Dm7', 4]], '1818 1818', { gate: 0.6 }),
  [[132, 38, 3.5, 0.9]],
);

const pluck = track(
  'hook',
  'pluck',
  -10,
  melody(8, 0.5, HOOK.split(' ').filter(Boolean).slice(0, 16).join(' ')),
  melody(16, 0.5, HOOK),
  melody(32, 0.5, HOOK_B),
  melody(48, 0.5, CHORUS_HOOK, 0.8),
  melody(96, 0.5, CHORUS_HOOK, 0.85),
  melody(128, 0.5, '.  A4 .  D5 -  C5 A4 .  D5 - - - - - - -'),
);

const lead = track(
  'lead',
  'lead',
  -14,
  // A long answering line in the break.
  melody(80, 1, 'A5 - - G5 F5 - E5 - D5 - - - C#5 - E5 -', 0.6),
);

const shaker = track(
  'shaker',
  'shaker',
  -22,
  pulse(0, 20, 'xoxoxoxo'),
  pulse(88, 2, 'xoxoxoxo'),
  pulse(96, 8, 'xoxoxoxo'),
);

export const song: SongData = {
  id: 'nara-nights',
  title: 'Nara Nights',
  composer: 'Drum Diplomacy',
  tempo: [{ beat: 0, bpm: BPM }],
  beatsPerBar: 4,
  lengthBeats: BARS * 4,
  sections: sectionsOf(FORM),
  parts: buildParts(FORM, ['takaichi', 'lee'], UNISON),
  music: { tracks: [bass, pad, pluck, lead, shaker] },
};
