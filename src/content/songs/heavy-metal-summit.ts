import type { SongData } from '../../core/chart';
import {
  type ByDifficulty,
  type ByPart,
  buildParts,
  chordLine,
  type FormEntry,
  formBars,
  type Groove,
  type MusicNote,
  melody,
  type Pattern,
  type Progression,
  padNotes,
  sectionsOf,
  times,
  track,
  transpose,
  type UnisonMark,
} from './compose';

/*
 * Heavy Metal Summit: Takaichi's heavy metal. E minor at 168 BPM: chugging power-chord
 * riffs, a galloping verse, a chorus over double-kick runs (part 0, Expert), a half-time
 * breakdown and a guitar-synth solo.
 *
 * Form (bars): intro 0-5 (guitar alone for two bars), verse 6-13, chorus 14-21,
 * break 22-25, bridge (solo) 26-33, chorus 34-41, outro 42-45.
 */

const BPM = 168;
const REST: Pattern = {};

const INTRO: ByPart<Pattern> = [
  {
    easy: { kick: 'x---x---', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x--xx---', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x-xx----x-xx----', snare: '----x-------x---', hihat: 'x-x-x-x-x-x-x-x-' },
  },
  {
    easy: { kick: 'x---x---' },
    normal: { kick: 'x---x---', hihat: 'x-x-x-x-' },
    hard: { kick: 'x---x---', snare: '--x---x-', hihat: 'x-x-x-x-' },
    expert: { kick: 'x---x---', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
];
/** Sticks counting in the second bar (hi-hat, so from Normal on). */
const COUNT: Pattern = { hihat: 'x-x-x-x-' };
const intro = (d: ByDifficulty<Pattern>): ByDifficulty<Groove> => ({
  easy: [REST, REST, d.easy, d.easy, d.easy],
  normal: [REST, COUNT, d.normal, d.normal, d.normal],
  hard: [REST, COUNT, d.hard, d.hard, d.hard],
  expert: [REST, COUNT, d.expert, d.expert, d.expert],
});

const VERSE: ByPart<Pattern> = [
  {
    easy: { kick: 'x--xx---', snare: '--x---x-' },
    normal: { kick: 'x--xx--x', snare: '--x---x-', hihat: 'xxxxxxxx' },
    hard: { kick: 'xx-xxx-x', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x-xxx-xxx-xxx-xx', snare: '----x-------x---', hihat: 'x-x-x-x-x-x-x-x-' },
  },
  {
    easy: { kick: 'x---x---', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x--xx---', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'xx-xx-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
];

const CHORUS: ByPart<Pattern> = [
  {
    easy: { kick: 'x-x-x-x-', snare: '--x---x-' },
    normal: { kick: 'xxxxxxxx', snare: '--x---x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'xxxxxxxx', snare: '--x---x-', hihat: 'xxxxxxxx' },
    // Double-kick run under the chorus.
    expert: { kick: 'xxxxxxxxxxxxxxxx', snare: '----x-------x---', hihat: 'x-x-x-x-x-x-x-x-' },
  },
  {
    easy: { kick: 'x-x-x-x-', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'xxxxxxxx' },
    hard: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'xxxxxxxx', snare: '--x---x-', hihat: 'x-x-x-x-' },
  },
];

const FILL: ByPart<Pattern> = [
  {
    easy: { kick: 'x-------', snare: '--x-xxxx' },
    normal: { kick: 'x-------', snare: '--x-xx--', tom: '------xx', hihat: 'x-------' },
    hard: {
      kick: 'x---------------',
      snare: '----x-x-xxxx----',
      tom: '------------xxxx',
      hihat: 'x-x-------------',
    },
    expert: {
      kick: 'x-----------x-x-',
      snare: '--xx-xxxxxxx----',
      tom: '------------xxxx',
      hihat: 'x---------------',
    },
  },
  {
    easy: { kick: 'x-------', snare: '----x-x-' },
    normal: { kick: 'x-------', snare: '--x-x---', tom: '------x-', hihat: 'x-------' },
    hard: { kick: 'x-------', snare: '--x-xx--', tom: '------xx', hihat: 'x-------' },
    expert: { kick: 'x-------', snare: '--x-xxx-', tom: '-------x', hihat: 'x-x-----' },
  },
];

/** Half-time breakdown: kicks lock to the guitar chugs. */
const BREAK: ByPart<Pattern> = [
  {
    easy: { kick: 'x--x--x-', snare: '----x---' },
    normal: { kick: 'x--x--x-', snare: '----x---', hihat: 'x-x-x-x-' },
    hard: { kick: 'x--x--xx', snare: '----x---', hihat: 'x-x-x-x-' },
    expert: { kick: 'xx-xx-x---xx-x--', snare: '--------x-------', hihat: 'x---x---x---x---' },
  },
  {
    easy: { kick: 'x-------', snare: '----x---' },
    normal: { kick: 'x-----x-', snare: '----x---', hihat: 'x---x---' },
    hard: { kick: 'x--x--x-', snare: '----x---', hihat: 'x---x---' },
    expert: { kick: 'x--x--x-', snare: '----x---', hihat: 'x-x-x-x-' },
  },
];

/** Driving beat under the solo. */
const SOLO: ByPart<Pattern> = [
  {
    easy: { kick: 'x--xx---', snare: '--x---x-' },
    normal: { kick: 'x--xx---', snare: '--x---x-', hihat: 'xxxxxxxx' },
    hard: { kick: 'xx-xx-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'xxx-xxx-xxx-xxx-', snare: '----x-------x---', hihat: 'x-x-x-x-x-x-x-x-' },
  },
  {
    easy: { kick: 'x---x---', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x--xx---', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'xx-xx-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
];

const END: ByDifficulty<Pattern> = {
  easy: { kick: 'x-------', snare: 'x-------' },
  normal: { kick: 'x-------', snare: 'x-------', hihat: 'x-------' },
  hard: { kick: 'x-------', snare: 'x-------', hihat: 'x-------' },
  expert: { kick: 'x-------', snare: 'x-------', hihat: 'x-------' },
};
const fillThenEnd = (f: ByDifficulty<Pattern>): ByDifficulty<Groove> => ({
  easy: [f.easy, END.easy],
  normal: [f.normal, END.normal],
  hard: [f.hard, END.hard],
  expert: [f.expert, END.expert],
});

const FORM: FormEntry[] = [
  { kind: 'intro', bars: 6, groove: [intro(INTRO[0]), intro(INTRO[1])], fill: FILL },
  { kind: 'verse', bars: 8, groove: VERSE, fill: FILL, fillEvery: 4 },
  { kind: 'chorus', bars: 8, groove: CHORUS, fill: FILL, fillEvery: 4 },
  { kind: 'break', bars: 4, groove: BREAK, fill: FILL },
  { kind: 'bridge', bars: 8, groove: SOLO, fill: FILL, fillEvery: 4 },
  { kind: 'chorus', bars: 8, groove: CHORUS, fill: FILL, fillEvery: 4 },
  { kind: 'outro', bars: 4, groove: CHORUS, fill: [fillThenEnd(FILL[0]), fillThenEnd(FILL[1])] },
];

const BARS = formBars(FORM); // 46
const downbeats = (from: number, to: number): UnisonMark[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ beat: (from + i) * 4, lane: 'kick' }));

const UNISON: UnisonMark[] = [
  { beat: 24, lane: 'kick' }, // verse
  { beat: 55, lane: 'snare' }, // end of verse
  ...downbeats(14, 21),
  { beat: 88, lane: 'kick' }, // breakdown
  { beat: 103, lane: 'snare' },
  { beat: 104, lane: 'kick' }, // solo
  ...downbeats(34, 41),
  { beat: 180, lane: 'kick' }, // the last hit
];

// --- music -------------------------------------------------------------------------------
// Guitar notes are power-chord ROOTS (E2 = 40 .. D#3 = 51); the synth adds fifth and octave.

const RIFF = ['E2 E2 .  E2 G2 .  A2 .', 'E2 E2 .  E2 Bb2 - A2 G2'].join(' ');
const RIFF_A = ['A2 A2 .  A2 C3 .  D3 .', 'A2 A2 .  A2 Eb3 - D3 C3'].join(' ');
const TURN = ['C3 -  -  -  D3 -  -  -', 'B2 .  B2 .  B2 B2 B2 B2'].join(' ');
const BREAKDOWN = ['E2 .  .  E2 .  .  E2 .', 'E2 .  .  E2 .  .  F2 .'].join(' ');

const CHORUS_PROG: Progression = times(
  [
    ['E5', 4],
    ['C5', 4],
    ['G5', 4],
    ['D5', 4],
  ],
  2,
);
const SOLO_PROG: Progression = times(
  [
    ['A5', 4],
    ['C5', 4],
    ['D5', 4],
    ['B5', 4],
  ],
  2,
);

const riffs: MusicNote[] = [
  ...melody(0, 0.5, `${RIFF} ${RIFF} E2 E2 .  E2 G2 .  A2 .`, 0.85),
  ...melody(20, 0.5, 'E2 E2 E2 E2 G2! - F#2! -', 0.9),
  ...melody(24, 0.5, `${RIFF} ${RIFF} ${RIFF_A} ${TURN}`, 0.85),
  ...chordLine(56, CHORUS_PROG, '1111 1111', { low: 38, gate: 0.8, accent: 0.15 }),
  ...melody(88, 0.5, `${BREAKDOWN} ${BREAKDOWN}`, 0.95),
  ...chordLine(104, SOLO_PROG, '11.11.1.', { low: 40, gate: 0.8, accent: 0.15 }),
  ...chordLine(136, CHORUS_PROG, '1111 1111', { low: 38, gate: 0.8, accent: 0.15 }),
  ...chordLine(
    168,
    [
      ['E5', 4],
      ['D5', 4],
      ['C5', 4],
    ],
    '1111 1111',
    { low: 38, gate: 0.8, accent: 0.15 },
  ),
  [180, 40, 3.5, 1],
];

const guitar = track('guitar', 'guitar', -9, riffs);
// The bass doubles the riff an octave down.
const bass = track('bass', 'bass', -8, transpose(riffs, -12));

const CHORUS_LEAD = 'E5 - G5 B5 C6 - B5 G5 D5 - G5 - F#5 - - - E5 - G5 B5 C6 - D6 E6 D6 - B5 G5 A5 - F#5 -';
const SOLO_LINE = [
  'A4 C5 E5 A5 G5 E5 C5 E5',
  'G5 -  E5 G5 C6 -  B5 G5',
  'A5 -  F#5 A5 D6 - C6 A5',
  'B5 -  -  A5 F#5 D#5 F#5 B5',
  'C6 B5 A5 E5 A5 B5 C6 E6',
  'D6 C6 G5 E5 G5 C6 -  -',
  'F#5 A5 D6 F#6 E6 D6 A5 F#5',
  'D#6 - B5 -  F#5 - D#5 -',
].join(' ');

const lead = track(
  'lead',
  'lead',
  -10,
  melody(56, 1, CHORUS_LEAD, 0.75),
  melody(104, 0.5, SOLO_LINE, 0.8),
  melody(136, 1, CHORUS_LEAD, 0.8),
  melody(168, 1, 'G5 - F#5 - E5 - D5 - E5 - - -', 0.75),
);

const pad = track(
  'pad',
  'pad',
  -20,
  padNotes(
    56,
    [
      ['Em', 4],
      ['C', 4],
      ['G', 4],
      ['D', 4],
      ['Em', 4],
      ['C', 4],
      ['G', 4],
      ['D', 4],
    ],
    55,
    0.4,
  ),
  padNotes(88, [['Em', 16]], 52, 0.35),
  padNotes(
    136,
    [
      ['Em', 4],
      ['C', 4],
      ['G', 4],
      ['D', 4],
      ['Em', 4],
      ['C', 4],
      ['G', 4],
      ['D', 4],
    ],
    55,
    0.4,
  ),
);

export const song: SongData = {
  id: 'heavy-metal-summit',
  title: 'Heavy Metal Summit',
  composer: 'Drum Diplomacy',
  tempo: [{ beat: 0, bpm: BPM }],
  beatsPerBar: 4,
  lengthBeats: BARS * 4,
  sections: sectionsOf(FORM),
  parts: buildParts(FORM, ['takaichi', 'lee'], UNISON),
  music: { tracks: [guitar, bass, lead, pad] },
};
