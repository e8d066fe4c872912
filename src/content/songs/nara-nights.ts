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
  sectionsOf,
  times,
  track,
  transpose,
  trim,
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
// The second chorus lifts: it moves up a whole step (D dorian to E dorian, prepared by a B7 at
// the end of the break), a lead sings a slow counter-melody under the hook, and the groove bed
// fills out (tambourine sixteenths, open hats on the off-beats, claps).

/** The key change: the second chorus and the outro are a whole step up. */
const LIFT = 2;

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
/** The break ends on B7, the dominant of the new key. */
const BREAK_PROG: Progression = [
  ['Dm7', 8],
  ['Bbmaj7', 4],
  ['B7', 4],
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
/** Under the hook in the second chorus: half notes, chord tones moving against it (written in D). */
const COUNTER = 'A4 F4  G4 E4  E4 G4  F4 A4  F4 D4  E4 G4  A4 C5  C#5 E5';

const pad = track(
  'pad',
  'pad',
  -8,
  padNotes(0, times(VAMP, 2), 57, 0.45),
  padNotes(16, VERSE_PROG, 57, 0.45),
  padNotes(48, CHORUS_PROG, 57, 0.55),
  padNotes(80, BREAK_PROG, 57, 0.5),
  transpose(padNotes(96, CHORUS_PROG, 57, 0.6), LIFT),
  transpose(padNotes(128, [['Dm7', 8]], 57, 0.45), LIFT),
);

const bass = track(
  'bass',
  'bass',
  -11,
  chordLine(4, [['G7', 4], ...VAMP], '1818 1818', { gate: 0.6 }),
  chordLine(16, VERSE_PROG, '1818 1818', { gate: 0.6 }),
  chordLine(48, CHORUS_PROG, '1-8- 1-81 -8-5 -7-8', { gate: 0.7 }),
  chordLine(80, BREAK_PROG.slice(0, 1), '1--- ---- 5--- 8-7-', { gate: 0.9 }),
  chordLine(88, BREAK_PROG.slice(1), '1-1- 1-1- 1-1- 1-11', { gate: 0.6 }),
  transpose(chordLine(96, CHORUS_PROG, '1-8- 1-81 -8-5 -7-8', { gate: 0.7 }), LIFT),
  transpose(chordLine(128, [['Dm7', 4]], '1818 1818', { gate: 0.6 }), LIFT),
  [[132, 38 + LIFT, 3.5, 0.9]],
);

const hook = track(
  'hook',
  'pluck',
  -7,
  melody(8, 0.5, HOOK.split(' ').filter(Boolean).slice(0, 16).join(' ')),
  melody(16, 0.5, HOOK),
  melody(32, 0.5, HOOK_B),
  melody(48, 0.5, CHORUS_HOOK, 0.8),
  transpose(melody(96, 0.5, CHORUS_HOOK, 0.85), LIFT),
  transpose(melody(128, 0.5, '.  A4 .  D5 -  C5 A4 .  D5 - - - - - - -'), LIFT),
);

const lead = track(
  'lead',
  'lead',
  -14,
  // A long answering line in the break, ending on the new key's leading note.
  melody(80, 1, 'A5 - - G5 F5 - E5 - D5 - - - D#5 - F#5 -', 0.6),
  // The second chorus's counter-melody.
  transpose(melody(96, 2, COUNTER, 0.5), LIFT),
);

const bed = track(
  'bed',
  'shaker',
  1,
  // intro and verse: a soft shaker, congas from the verse on
  perc(0, 4, 'xoxoxoxo', GM.shaker, 0.5),
  perc(16, 8, 'xoxo xoxo xoxo xoxo', GM.shaker, 0.4),
  perc(16, 8, 'x..x ..x. ..x. x...', GM.muteConga, 0.45),
  perc(16, 8, '.... .... x... ..x.', GM.lowConga, 0.45),
  // chorus: shaker, tambourine on the off-beats, claps on 2 and 4
  perc(48, 8, 'xoxoxoxo', GM.shaker, 0.5),
  perc(48, 8, '.x.x.x.x', GM.tambourine, 0.4),
  perc(48, 8, '.x.x', GM.clap, 0.45),
  perc(48, 1, 'X...', GM.crash, 0.4),
  // break: congas alone, the shaker returns for the build
  perc(80, 2, 'x..x ..x. ..x. x.x.', GM.openConga, 0.45),
  perc(88, 2, 'xoxoxoxo', GM.shaker, 0.5),
  // second chorus: fuller
  perc(96, 1, 'X...', GM.crash, 0.5),
  perc(96, 8, 'xoxo xoxo xoxo xoxo', GM.shaker, 0.45),
  perc(96, 8, 'oxox oxox oxox oxox', GM.tambourine, 0.35),
  perc(96, 8, '.x.x.x.x', GM.openHat, 0.35),
  perc(96, 8, '.X.X', GM.clap, 0.5),
  perc(96, 8, 'x..x ..x. ..x. x...', GM.muteConga, 0.4),
  // outro
  perc(128, 2, 'xoxoxoxo', GM.shaker, 0.45),
  perc(132, 1, 'X...', GM.crash, 0.45),
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
  music: { tracks: trim(0.4, [bass, pad, hook, lead, bed]) },
};
