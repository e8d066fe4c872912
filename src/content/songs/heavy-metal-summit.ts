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
  type MusicNote,
  melody,
  type Pattern,
  type Progression,
  padNotes,
  perc,
  power,
  sectionsOf,
  times,
  track,
  trim,
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
// The guitar plays real power chords (root, fifth and octave: see `power`), double-tracked
// wide. The bass has a line of its own: it holds long roots under the chugging riff and walks
// between them, climbs through the chords under the solo, and drops to a low E under the
// breakdown. A lead
// melody enters in the third bar; the second chorus adds a harmony lead and more cymbals.

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
const OUTRO_PROG: Progression = [
  ['E5', 4],
  ['D5', 4],
  ['C5', 4],
];

/** The riff's roots; the guitar plays each as a power chord. */
const roots: MusicNote[] = [
  ...melody(0, 0.5, `${RIFF} ${RIFF} E2 E2 .  E2 G2 .  A2 .`, 0.85),
  ...melody(20, 0.5, 'E2 E2 E2 E2 G2! - F#2! -', 0.9),
  ...melody(24, 0.5, `${RIFF} ${RIFF} ${RIFF_A} ${TURN}`, 0.85),
  ...chordLine(56, CHORUS_PROG, '1111 1111', { low: 38, gate: 0.8, accent: 0.15 }),
  ...melody(88, 0.5, `${BREAKDOWN} ${BREAKDOWN}`, 0.95),
  ...chordLine(104, SOLO_PROG, '11.11.1.', { low: 40, gate: 0.8, accent: 0.15 }),
  ...chordLine(136, CHORUS_PROG, '1111 1111', { low: 38, gate: 0.8, accent: 0.15 }),
  ...chordLine(168, OUTRO_PROG, '1111 1111', { low: 38, gate: 0.8, accent: 0.15 }),
  [180, 40, 3.5, 1],
];

const guitar = track('guitar', 'guitar', -9, power(roots));

// The bass, bar by bar (eighth-note steps): long roots with walks, not the riff.
const BASS_RIFF = 'E1 -  -  -  -  -  -  -  E1 -  -  -  -  -  D2 B1';
const BASS_RIFF_A = 'A1 -  -  -  -  -  -  -  A1 -  -  -  -  -  G1 E1';
const BASS_TURN = 'C2 -  -  -  D2 -  -  -  B1 -  -  -  F#1 - A1 B1';
const BASS_CHORUS = [
  'E2 -  -  -  D2 -  B1 -',
  'C2 -  -  -  B1 -  G1 -',
  'G1 -  -  -  A1 -  B1 -',
  'D2 -  -  -  C2 -  A1 -',
].join(' ');
const BASS_CHORUS_2 = [
  'E2 -  -  -  D2 -  B1 -',
  'C2 -  -  -  B1 -  G1 -',
  'G1 -  -  -  A1 -  B1 -',
  'D2 -  -  -  E2 -  F#2 -',
].join(' ');
// Under the solo: the root, then up through the third and fifth against the guitar's stabs
// (the chords' own thirds, which the power chords leave out).
const SOLO_BASS = '1--3 5-3-';
const SOLO_HARMONY: Progression = times(
  [
    ['Am', 4],
    ['C', 4],
    ['D', 4],
    ['B', 4],
  ],
  2,
);

const bass = track(
  'bass',
  'bass',
  -3,
  // the guitar plays the first two bars alone
  melody(8, 0.5, `${BASS_RIFF} E1 - - - - - - - E1 - - - G1 - F#1 -`, 0.85),
  melody(24, 0.5, `${BASS_RIFF} ${BASS_RIFF} ${BASS_RIFF_A} ${BASS_TURN}`, 0.85),
  melody(56, 0.5, `${BASS_CHORUS} ${BASS_CHORUS_2}`, 0.85),
  melody(88, 0.5, 'E1 - - - - - - - - - - - - - - - E1 - - - - - - - - - - - - - F1 -', 0.95),
  chordLine(104, SOLO_HARMONY, SOLO_BASS, { low: 28, gate: 0.85, accent: 0.1 }),
  melody(136, 0.5, `${BASS_CHORUS} ${BASS_CHORUS_2}`, 0.9),
  melody(168, 0.5, 'E2 - - - D2 - B1 - D2 - - - C2 - A1 - C2 - - - B1 - - -', 0.9),
  [[180, 28, 3.5, 1]],
);

/** The lead's first entrance, over the intro riff (bars 2-5). */
const INTRO_LEAD = [
  'E5 -  -  -  -  -  G5 -',
  'F#5 - -  -  E5 -  D5 -',
  'E5 -  -  -  -  -  B5 -',
  'A5 -  G5 -  F#5 - D#5 -',
].join(' ');
/** The verse: long notes that leave room for the riff. */
const VERSE_LEAD = [
  'B4 -  -  -  -  -  -  -',
  'C5 -  B4 -  A4 -  G4 -',
  'B4 -  -  -  -  -  -  -',
  'E5 -  D5 -  B4 -  -  -',
  'C5 -  -  -  -  -  -  -',
  'E5 -  D5 -  C5 -  A4 -',
  'C5 -  -  -  D5 -  -  -',
  'D#5 - -  -  F#5 - -  -',
].join(' ');
const CHORUS_LEAD = 'E5 - G5 B5 C6 - B5 G5 D5 - G5 - F#5 - - - E5 - G5 B5 C6 - D6 E6 D6 - B5 G5 A5 - F#5 -';
/** The second chorus's harmony lead: one chord tone a bar, under the melody. */
const HARMONY = 'B4 - - - E5 - - - D5 - - - F#5 - - - G5 - - - E5 - - - D5 - - - F#5 - - -';
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
  -4,
  melody(8, 0.5, INTRO_LEAD, 0.7),
  melody(24, 0.5, VERSE_LEAD, 0.6),
  melody(56, 1, CHORUS_LEAD, 0.75),
  melody(104, 0.5, SOLO_LINE, 0.8),
  melody(136, 1, CHORUS_LEAD, 0.8),
  melody(168, 1, 'G5 - F#5 - E5 - D5 - E5 - - -', 0.75),
);

const counter = track('counter', 'lead', -10, melody(136, 1, HARMONY, 0.6));

const pad = track(
  'pad',
  'pad',
  -6,
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
    0.45,
  ),
);

const bed = track(
  'bed',
  'shaker',
  11,
  // intro and verse: a ride bell on the beat, crashes where sections start
  perc(8, 4, 'xoxo', GM.rideBell, 0.4),
  perc(8, 1, 'X...', GM.crash, 0.45),
  perc(24, 8, 'xoxo', GM.rideBell, 0.4),
  perc(24, 1, 'X...', GM.crash, 0.45),
  // chorus: ride eighths, a crash every four bars
  perc(56, 8, 'xoxoxoxo', GM.ride, 0.35),
  ...[56, 72].map((b) => perc(b, 1, 'X...', GM.crash, 0.5)),
  // breakdown: only the bell, on the half-time backbeat
  perc(88, 4, '..X.', GM.rideBell, 0.4),
  // solo: ride bell quarters, a crash every four bars
  perc(104, 8, 'xoxo', GM.rideBell, 0.4),
  ...[104, 120].map((b) => perc(b, 1, 'X...', GM.crash, 0.45)),
  // second chorus: fuller, a crash every two bars
  perc(136, 8, 'xoxoxoxo', GM.ride, 0.4),
  perc(136, 8, '..x...x.', GM.rideBell, 0.35),
  ...[136, 144, 152, 160].map((b) => perc(b, 1, 'X...', GM.crash, 0.5)),
  // outro
  perc(168, 3, 'xoxoxoxo', GM.ride, 0.35),
  perc(168, 1, 'X...', GM.crash, 0.5),
  perc(180, 1, 'X...', GM.crash, 0.55),
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
  music: { tracks: trim(-9.6, [guitar, bass, lead, counter, pad, bed]) },
};
