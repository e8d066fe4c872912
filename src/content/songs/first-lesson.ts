import type { SongData } from '../../core/chart';
import {
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
  pulse,
  same,
  sectionsOf,
  track,
  trim,
  type UnisonMark,
} from './compose';

/*
 * First Lesson: the tutorial groove, C major at 90 BPM. Two bars to count in, then each
 * drum alone for three bars of quarter notes (kick, snare, hi-hat, tom; the same in both
 * parts and every difficulty, Easy skipping hi-hat and tom), then a short real groove.
 *
 * Form (bars): count 0-1, kick 2-4, snare 5-7, hi-hat 8-10, tom 11-13 (all 'intro'),
 * verse 14-17, chorus 18-19, outro 20.
 */

const BPM = 90;
const QUARTERS = 'x-x-x-x-';

const VERSE: ByPart<Pattern> = [
  {
    easy: { kick: 'x---xx--', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'xxxxxxxx' },
    hard: { kick: 'x---xx--', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x--xxx--', snare: '--x---xx', hihat: 'xxxxxxxx' },
  },
  {
    easy: { kick: 'x---x---', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x---x---', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x---xx--', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
];

const FILL: ByPart<Pattern> = [
  {
    easy: { kick: 'x---x---', snare: '--x-x-xx' },
    normal: { kick: 'x---x---', snare: '--x-x---', tom: '------xx', hihat: 'x-x-----' },
    hard: { kick: 'x---x---', snare: '--x-xx--', tom: '------xx', hihat: 'xxx-----' },
    expert: {
      kick: 'x-------x-------',
      snare: '----x---x-x-x---',
      tom: '-------------x-x',
      hihat: 'x-x-x-----------',
    },
  },
  {
    easy: { kick: 'x---x---', snare: '--x---xx' },
    normal: { kick: 'x---x---', snare: '--x-----', tom: '------x-', hihat: 'x-x-x---' },
    hard: { kick: 'x---x---', snare: '--x-x---', tom: '------xx', hihat: 'x-x-----' },
    expert: { kick: 'x---x---', snare: '--x-xx--', tom: '------xx', hihat: 'xxx-----' },
  },
];

const CHORUS: ByPart<Pattern> = [
  {
    easy: { kick: 'x-x-x-x-', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'xxxxxxxx' },
    hard: { kick: 'x--xx---', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x--xx---', snare: '--x---xx', hihat: 'x-xxx-xxx-xxx-xx' },
  },
  {
    easy: { kick: 'x---x---', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x---x---', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x--xx---', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
];

const alone = (lane: 'kick' | 'snare' | 'hihat' | 'tom'): ByPart<Groove> => same({ [lane]: QUARTERS });

const FORM: FormEntry[] = [
  { kind: 'intro', bars: 2, groove: same({}) },
  { kind: 'intro', bars: 3, groove: alone('kick') },
  { kind: 'intro', bars: 3, groove: alone('snare') },
  { kind: 'intro', bars: 3, groove: alone('hihat') },
  { kind: 'intro', bars: 3, groove: alone('tom') },
  { kind: 'verse', bars: 4, groove: VERSE, fill: FILL },
  { kind: 'chorus', bars: 2, groove: CHORUS },
  { kind: 'outro', bars: 1, groove: same({ kick: 'x-------' }) },
];

const BARS = formBars(FORM); // 21

const UNISON: UnisonMark[] = [
  { beat: 8, lane: 'kick' },
  { beat: 12, lane: 'kick' },
  { beat: 16, lane: 'kick' },
  { beat: 20, lane: 'snare' },
  { beat: 24, lane: 'snare' },
  { beat: 28, lane: 'snare' },
  { beat: 56, lane: 'kick' }, // the groove starts
  { beat: 72, lane: 'kick' },
  { beat: 76, lane: 'kick' },
  { beat: 80, lane: 'kick' }, // the last hit
];

// --- music -------------------------------------------------------------------------------
// The lesson bars are three different four-bar phrases, each with its own turn of the keys'
// tune (quarter notes a novice can count along to), so the drum-by-drum lesson never loops.
// A shaker keeps the pulse from the first lesson bar, so a missed note leaves no hole.

const PHRASE_1: Progression = [
  ['C', 4],
  ['Am', 4],
  ['F', 4],
  ['G', 4],
];
const PHRASE_2: Progression = [
  ['C', 4],
  ['Em', 4],
  ['F', 4],
  ['G', 4],
];
const PHRASE_3: Progression = [
  ['Am', 4],
  ['F', 4],
  ['Dm7', 4],
  ['G', 4],
];
const GROOVE_PROG: Progression = [
  ['C', 4],
  ['G', 4],
  ['Am', 4],
  ['F', 4],
  ['F', 4],
  ['G', 4],
];

const LESSON_TUNE = [
  // phrase 1 (the kick): a rising call and a falling answer
  'G4 C5 E5 -   E5 D5 C5 -   A4 C5 F5 E5   D5 -  -  .',
  // phrase 2 (the snare): the call reaches higher
  'G4 C5 E5 G5  G5 -  E5 B4  C5 -  A4 C5   D5 -  B4 .',
  // phrase 3 (hi-hat and tom): climbing to the groove
  'A4 C5 E5 A5  G5 F5 E5 C5  D5 F5 A5 -    G5 F5 D5 B4',
].join(' ');

const pad = track(
  'pad',
  'pad',
  -14,
  padNotes(
    0,
    [
      ['C', 4],
      ['G', 4],
    ],
    55,
    0.35,
  ),
  padNotes(8, [...PHRASE_1, ...PHRASE_2, ...PHRASE_3], 55, 0.4),
  padNotes(56, GROOVE_PROG, 55, 0.45),
  padNotes(80, [['C', 4]], 55, 0.4),
);

const bass = track(
  'bass',
  'bass',
  -9,
  chordLine(8, PHRASE_1, '1---5---', { gate: 0.9, velocity: 0.7 }),
  chordLine(24, PHRASE_2, '1---5-3-', { gate: 0.9, velocity: 0.7 }),
  chordLine(40, PHRASE_3, '1--58-5-', { gate: 0.8, velocity: 0.7 }),
  chordLine(56, GROOVE_PROG, '1--15-8-', { gate: 0.7, velocity: 0.75 }),
  [[80, 36, 3.5, 0.8]],
);

// A bell counts in the first two bars.
const count = track('count', 'bell', -10, pulse(0, 2, 'Xxxx', { pitch: 84, length: 0.5, velocity: 0.7 }));

const keys = track(
  'keys',
  'keys',
  -2,
  melody(8, 1, LESSON_TUNE, 0.6),
  melody(56, 1, 'G4 C5 E5 D5 D5 - B4 G4 A4 C5 E5 G5 F5 - E5 C5 A4 C5 F5 A5 G5 - D5 B4 C5 - - -', 0.7),
);

// The chorus adds a plucked counter-line, an arpeggio answering the keys.
const counter = track(
  'counter',
  'pluck',
  -10,
  chordLine(
    72,
    [
      ['F', 4],
      ['G', 4],
    ],
    '1358 5358',
    { low: 65, velocity: 0.5, gate: 0.5, accent: 0.1 },
  ),
);

const bed = track(
  'bed',
  'shaker',
  1,
  // lessons: a shaker on the beat
  perc(8, 12, 'Xxxx', GM.shaker, 0.55),
  // groove: eighths, a clave push, a tambourine on 2 and 4 in the chorus
  perc(56, 6, 'xoxoxoxo', GM.shaker, 0.55),
  perc(56, 4, '...x ..x.', GM.claves, 0.45),
  perc(72, 2, '.x.x', GM.tambourine, 0.5),
  perc(80, 1, 'X...', GM.crash, 0.5),
);

export const song: SongData = {
  id: 'first-lesson',
  title: 'First Lesson',
  composer: 'Drum Diplomacy',
  tempo: [{ beat: 0, bpm: BPM }],
  beatsPerBar: 4,
  lengthBeats: BARS * 4,
  sections: sectionsOf(FORM, 4, true),
  parts: buildParts(FORM, ['takaichi', 'lee'], UNISON),
  music: { tracks: trim(-0.5, [bass, pad, keys, counter, count, bed]) },
};
