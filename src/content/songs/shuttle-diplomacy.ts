import type { SongData } from '../../core/chart';
import {
  type ByDifficulty,
  type ByPart,
  buildParts,
  chordLine,
  type FormEntry,
  formBars,
  GM,
  type Groove,
  melody,
  type Pattern,
  type Progression,
  padNotes,
  perc,
  sectionsOf,
  times,
  track,
  transpose,
  trim,
  type UnisonMark,
} from './compose';

/*
 * Shuttle Diplomacy: a K-pop-style anthem in E major at 123 BPM. Arpeggiated verse, a
 * rising pre-chorus, a big IV-V-iii-vi chorus with a synth lead, a half-time break.
 *
 * Form (bars): intro 0-3, verse 4-11, pre-chorus (bridge) 12-15, chorus 16-23,
 * break 24-27 (half time), chorus 28-35, outro 36-37.
 */

const BPM = 123;
const REST: Pattern = {};

const withRest = (d: ByDifficulty<Pattern>): ByDifficulty<Groove> => ({
  easy: [REST, d.easy, d.easy],
  normal: [REST, d.normal, d.normal],
  hard: [REST, d.hard, d.hard],
  expert: [REST, d.expert, d.expert],
});

const INTRO: ByPart<Pattern> = [
  {
    easy: { kick: 'x-x-x-x-' },
    normal: { kick: 'x-x-x-x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x-x-x-x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x-x-x-x-', snare: '-------x', hihat: 'xxxxxxxx' },
  },
  {
    easy: { kick: 'x---x---' },
    normal: { kick: 'x---x---', hihat: 'x-x-x-x-' },
    hard: { kick: 'x-x-x-x-', hihat: 'x-x-x-x-' },
    expert: { kick: 'x-x-x-x-', hihat: 'xxxxxxxx' },
  },
];

const VERSE: ByPart<Pattern> = [
  {
    easy: { kick: 'x--x--x-', snare: '--x---x-' },
    normal: { kick: 'x--x--x-', snare: '--x---x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x--x--x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x-----x---x-x---', snare: '----x-------x--x', hihat: 'x-xxx-xxx-xxx-xx' },
  },
  {
    easy: { kick: 'x---x---', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x--x--x-', snare: '--x---x-', hihat: 'x-x-x-x-' },
    expert: { kick: 'x--x--x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
];

const FILL: ByPart<Pattern> = [
  {
    easy: { kick: 'x--x----', snare: '--x-x-xx' },
    normal: { kick: 'x--x----', snare: '--x-xx--', tom: '------xx', hihat: 'x-------' },
    hard: {
      kick: 'x-----x---------',
      snare: '----x---x-xx----',
      tom: '------------x-xx',
      hihat: 'x-x-------------',
    },
    expert: {
      kick: 'x-----x-----x---',
      snare: '----x--xx-xx----',
      tom: '------------xxxx',
      hihat: 'x-x-x-----------',
    },
  },
  {
    easy: { kick: 'x---x---', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', tom: '-----x--', hihat: 'x-------' },
    hard: { kick: 'x--x----', snare: '--x---x-', tom: '----xx--', hihat: 'x-------' },
    expert: { kick: 'x--x----', snare: '--x---xx', tom: '----xx--', hihat: 'xx------' },
  },
];

const PRE: ByPart<Pattern> = [
  {
    easy: { kick: 'x-x-x-x-', snare: '--x---x-' },
    normal: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x-x-x-x-', snare: '----x-------x---', hihat: 'xxxxxxxxxxxxxxxx' },
  },
  {
    easy: { kick: 'x---x---', snare: '--x---x-' },
    normal: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'x---x---' },
    hard: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'x-x-x-x-' },
    expert: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
];

/** A snare build into the chorus. */
const BUILD: ByPart<Pattern> = [
  {
    easy: { kick: 'x---x---', snare: 'x-x-xxxx' },
    normal: { kick: 'x---x---', snare: 'xxxxxxxx' },
    hard: { kick: 'x---x---x-------', snare: 'x-x-x-x-xxxxxxxx', hihat: 'x---x-----------' },
    expert: { kick: 'x---x---x---x---', snare: 'x-xxx-xxxxxxxxxx', tom: '-x---x----------', hihat: 'x---x-----------' },
  },
  {
    easy: { kick: 'x-------', snare: '--x-x-x-' },
    normal: { kick: 'x-------', snare: 'x-x-x-xx', hihat: 'x-------' },
    hard: { kick: 'x---x---', snare: 'x-x-xxxx', hihat: 'x-------' },
    expert: { kick: 'x---x---', snare: 'xxxxxxxx', hihat: 'x-------' },
  },
];

const CHORUS: ByPart<Pattern> = [
  {
    easy: { kick: 'x-x-x-x-', snare: '--x---xx' },
    normal: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
    hard: { kick: 'x---x---x-x-x---', snare: '----x-------x---', hihat: 'x-xxx-xxx-xxx-xx' },
    expert: { kick: 'x---x-x-x-x-x--x', snare: '----x-------x-x-', hihat: 'xxxxxxxxxxxxxxxx' },
  },
  {
    easy: { kick: 'x-x-x-x-', snare: '--x---x-' },
    normal: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: '-x-x-x-x' },
    hard: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x---x---x-x-x---', snare: '----x-------x---', hihat: 'x-x-x-x-x-x-x-x-' },
  },
];

/** Half time: the snare moves to beat 3. */
const HALF: ByPart<Pattern> = [
  {
    easy: { kick: 'x-----x-', snare: '----x---' },
    normal: { kick: 'x-------', snare: '----x---', hihat: 'x-x-x-x-' },
    hard: { kick: 'x--x----', snare: '----x---', hihat: 'x-x-x-x-' },
    expert: { kick: 'x------x--x-----', snare: '--------x-------', hihat: 'x-x-x-x-x-x-x-x-' },
  },
  {
    easy: { kick: 'x-------', snare: '----x---' },
    normal: { kick: 'x-------', snare: '----x---', hihat: 'x---x---' },
    hard: { kick: 'x-------', snare: '----x---', hihat: 'x-x-x-x-' },
    expert: { kick: 'x--x----', snare: '----x---', hihat: 'xxxxxxxx' },
  },
];

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

const FORM: FormEntry[] = [
  { kind: 'intro', bars: 4, groove: [withRest(INTRO[0]), withRest(INTRO[1])], fill: FILL },
  { kind: 'verse', bars: 8, groove: VERSE, fill: FILL, fillEvery: 4 },
  { kind: 'bridge', bars: 4, groove: PRE, fill: BUILD },
  { kind: 'chorus', bars: 8, groove: CHORUS, fill: FILL, fillEvery: 4 },
  { kind: 'break', bars: 4, groove: HALF, fill: BUILD },
  { kind: 'chorus', bars: 8, groove: CHORUS, fill: FILL, fillEvery: 4 },
  { kind: 'outro', bars: 2, groove: CHORUS, fill: END },
];

const BARS = formBars(FORM); // 38
const downbeats = (from: number, to: number): UnisonMark[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ beat: (from + i) * 4, lane: 'kick' }));

const UNISON: UnisonMark[] = [
  { beat: 16, lane: 'kick' }, // verse
  { beat: 48, lane: 'kick' }, // pre-chorus
  { beat: 63, lane: 'snare' }, // top of the build
  ...downbeats(16, 23),
  { beat: 96, lane: 'kick' }, // half-time break
  { beat: 111, lane: 'snare' },
  ...downbeats(28, 35),
  { beat: 148, lane: 'kick' }, // the last hit
];

// --- music -------------------------------------------------------------------------------
// A hook from the first bar, a verse melody on the keys, the lead for the pre-chorus and the
// chorus. The second chorus lifts a semitone (E to F major, prepared by a C at the end of the
// break), adds a high plucked counter-line, and the groove bed fills out.

/** The key change: the second chorus and the outro are a semitone up. */
const LIFT = 1;

const VERSE_PROG: Progression = [
  ['C#m', 4],
  ['A', 4],
  ['E', 4],
  ['B', 4],
];
const PRE_PROG: Progression = [
  ['F#m', 4],
  ['G#m', 4],
  ['A', 4],
  ['B', 4],
];
const CHORUS_PROG: Progression = [
  ['A', 4],
  ['B', 4],
  ['G#m', 4],
  ['C#m', 4],
  ['A', 4],
  ['B', 4],
  ['E', 4],
  ['Bsus4', 2],
  ['B', 2],
];
/** The half-time break ends on C, the dominant of the new key. */
const BREAK_PROG: Progression = [
  ['A', 4],
  ['B', 4],
  ['C#m', 4],
  ['Csus4', 2],
  ['C', 2],
];

/** The intro's hook: a two-bar call, answered. */
const INTRO_HOOK = [
  'E5  .   G#5 .   F#5 E5  C#5 .',
  'E5  .   C#5 B4  A4  .   B4  C#5',
  'E5  .   G#5 .   F#5 E5  B4  .',
  'D#5 .   E5  F#5 -   -   .   .',
].join(' ');
const VERSE_MELODY = [
  'C#5 .   C#5 E5  -   C#5 B4  .',
  'C#5 .   A4  -   -   .   .   .',
  'E5  .   E5  G#5 -   E5  B4  .',
  'D#5 -   -   .   B4  C#5 D#5 .',
  'E5  .   C#5 E5  -   G#5 F#5 E5',
  'C#5 .   A4  C#5 -   .   .   .',
  'B4  .   E5  G#5 -   F#5 E5  .',
  'F#5 -   -   -   .   .   .   .',
].join(' ');
const PRE_LEAD = [
  'F#4 -   A4  -   C#5 -   -   -',
  'G#4 -   B4  -   D#5 -   -   -',
  'A4  -   C#5 -   E5  -   F#5 -',
  'F#5 -   -   -   D#5 -   B4  -',
].join(' ');
const CHORUS_LEAD = [
  'C#5 -   E5  -   F#5 -   E5  C#5',
  'D#5 -   F#5 -   B5  -   A5  G#5',
  'G#5 -   -   F#5 E5  -   D#5 E5',
  'C#5 -   -   -   .   .   B4  C#5',
  'E5  -   F#5 -   G#5 -   A5  G#5',
  'F#5 -   D#5 -   B4  -   F#5 G#5',
  'G#5 -   -   -   F#5 -   E5  -',
  'F#5 -   -   -   .   .   .   .',
].join(' ');
/** High above the lead in the second chorus (written in E): sixteenth-note sparkle on chord tones. */
const COUNTER_PATTERN = '8.5. 3.5. 8.5. 3.5.';
const BREAK_BELL = [
  'E5  .   .   C#5 .   .   B4  .',
  'F#5 .   .   D#5 .   .   B4  .',
  'E5  .   .   G#5 .   .   C#6 .',
  'C6  -   -   -   -   -   -   -',
].join(' ');

const pad = track(
  'pad',
  'pad',
  -14,
  padNotes(0, VERSE_PROG, 56, 0.4),
  padNotes(16, times(VERSE_PROG, 2), 56, 0.4),
  padNotes(48, PRE_PROG, 56, 0.5),
  padNotes(64, CHORUS_PROG, 56, 0.55),
  padNotes(96, BREAK_PROG, 56, 0.5),
  transpose(padNotes(112, CHORUS_PROG, 56, 0.6), LIFT),
  transpose(
    padNotes(
      144,
      [
        ['A', 4],
        ['E', 4],
      ],
      56,
      0.45,
    ),
    LIFT,
  ),
);

const bass = track(
  'bass',
  'bass',
  -7,
  chordLine(4, VERSE_PROG.slice(1), '1--1--1-', { gate: 0.8, low: 33 }),
  chordLine(16, times(VERSE_PROG, 2), '1--1--1-', { gate: 0.8, low: 33 }),
  chordLine(48, PRE_PROG, '11111111', { gate: 0.6, low: 33 }),
  chordLine(64, CHORUS_PROG, '1118 1118', { gate: 0.6, low: 33 }),
  chordLine(96, BREAK_PROG, '1------- ----5-8-', { gate: 0.9, low: 33 }),
  transpose(chordLine(112, CHORUS_PROG, '1118 1118', { gate: 0.6, low: 33 }), LIFT),
  transpose(chordLine(144, [['A', 4]], '1--1--1-', { gate: 0.8, low: 33 }), LIFT),
  [[148, 40 + LIFT, 3.5, 0.9]],
);

const arp = track(
  'arp',
  'pluck',
  -9,
  chordLine(0, VERSE_PROG, '1-5-8-5-3-5-8-5-', { low: 61, velocity: 0.5, gate: 0.5, accent: 0 }),
  chordLine(16, times(VERSE_PROG, 2), '1-5-8-5-3-5-8-5-', { low: 61, velocity: 0.45, gate: 0.5, accent: 0 }),
  chordLine(64, CHORUS_PROG, '1583 1583 1583 1583', { low: 61, velocity: 0.4, gate: 0.4, accent: 0 }),
  transpose(chordLine(112, CHORUS_PROG, '1583 1583 1583 1583', { low: 61, velocity: 0.4, gate: 0.4, accent: 0 }), LIFT),
);

const hook = track('hook', 'pluck', -4, melody(0, 0.5, INTRO_HOOK, 0.7));

const melodyTrack = track('melody', 'keys', -2, melody(16, 0.5, VERSE_MELODY, 0.7));

const lead = track(
  'lead',
  'lead',
  -5,
  melody(48, 0.5, PRE_LEAD, 0.7),
  melody(64, 0.5, CHORUS_LEAD, 0.8),
  transpose(melody(112, 0.5, CHORUS_LEAD, 0.85), LIFT),
  transpose(melody(144, 0.5, 'E5 -  F#5 - G#5 - B5 -  B5 -  -  -  -  -  -  -'), LIFT),
);

const counter = track(
  'counter',
  'pluck',
  -9,
  transpose(chordLine(112, CHORUS_PROG, COUNTER_PATTERN, { low: 73, velocity: 0.45, gate: 0.6, accent: 0.1 }), LIFT),
);

const bell = track('bell', 'bell', -12, melody(96, 0.5, BREAK_BELL, 0.5));

const bed = track(
  'bed',
  'shaker',
  4,
  // intro: a shaker; verse: shaker eighths with a wood-block push
  perc(0, 4, 'x.x.x.x.', GM.shaker, 0.45),
  perc(16, 8, 'oxoxoxox', GM.shaker, 0.5),
  perc(16, 8, '...x ..x. .... ..x.', GM.hiWoodBlock, 0.35),
  // pre-chorus: sixteenths build
  perc(48, 4, 'xoxo xoxo xoxo xoxo', GM.shaker, 0.45),
  // chorus: claps on 2 and 4, shaker sixteenths
  perc(64, 1, 'X...', GM.crash, 0.45),
  perc(64, 8, '.X.X', GM.clap, 0.45),
  perc(64, 8, 'xoxo xoxo xoxo xoxo', GM.shaker, 0.45),
  // half-time break: a tambourine on 3, a soft shaker
  perc(96, 4, '..X.', GM.tambourine, 0.45),
  perc(96, 4, 'x.x.x.x.', GM.shaker, 0.35),
  // second chorus: fuller
  perc(112, 1, 'X...', GM.crash, 0.5),
  perc(112, 8, '.X.X', GM.clap, 0.5),
  perc(112, 8, 'xoxo xoxo xoxo xoxo', GM.shaker, 0.45),
  perc(112, 8, '.x.x.x.x', GM.tambourine, 0.4),
  perc(112, 8, '.x.x.x.x', GM.openHat, 0.3),
  perc(128, 1, 'X...', GM.crash, 0.45),
  // outro
  perc(144, 1, 'x.x.x.x.', GM.shaker, 0.4),
  perc(148, 1, 'X...', GM.crash, 0.45),
);

export const song: SongData = {
  id: 'shuttle-diplomacy',
  title: 'Shuttle Diplomacy',
  composer: 'Drum Diplomacy',
  tempo: [{ beat: 0, bpm: BPM }],
  beatsPerBar: 4,
  lengthBeats: BARS * 4,
  sections: sectionsOf(FORM),
  parts: buildParts(FORM, ['takaichi', 'lee'], UNISON),
  music: { tracks: trim(-4.6, [bass, pad, arp, hook, melodyTrack, lead, counter, bell, bed]) },
};
