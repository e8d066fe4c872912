import type { SongData } from '../../core/chart';
import {
  type ByPart,
  buildParts,
  chordLine,
  type FormEntry,
  formBars,
  type Pattern,
  pulse,
  same,
  sectionsOf,
  track,
  type UnisonMark,
} from './compose';

/*
 * A short song for automated tests: 8 bars at 120 BPM (16 s), eighth notes at most, all
 * four drums from Normal on, six unison notes. Bass and shaker only.
 *
 * Form (bars): intro 0, verse 1-3, chorus 4-6, outro 7.
 */

const BPM = 120;

const VERSE: ByPart<Pattern> = [
  {
    easy: { kick: 'x---x---', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x---x---', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x--xx---', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
  {
    easy: { kick: 'x---x---', snare: '------x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'x---x---' },
    hard: { kick: 'x---x---', snare: '--x---x-', hihat: 'x-x-x-x-' },
    expert: { kick: 'x---x---', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
];

const FILL: ByPart<Pattern> = [
  {
    easy: { kick: 'x---x---', snare: '--x---xx' },
    normal: { kick: 'x---x---', snare: '--x-x---', tom: '------xx', hihat: 'x-------' },
    hard: { kick: 'x---x---', snare: '--x-xx--', tom: '------xx', hihat: 'x-x-----' },
    expert: { kick: 'x--xx---', snare: '--x-xx--', tom: '------xx', hihat: 'xxx-----' },
  },
  {
    easy: { kick: 'x---x---', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x-----', tom: '-----x--', hihat: 'x-------' },
    hard: { kick: 'x---x---', snare: '--x-----', tom: '----xx--', hihat: 'x-x-----' },
    expert: { kick: 'x---x---', snare: '--x---x-', tom: '----xx--', hihat: 'xxx-----' },
  },
];

const CHORUS: ByPart<Pattern> = [
  {
    easy: { kick: 'x-x-x-x-', snare: '--x---x-' },
    normal: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: '-x-x-x-x' },
    hard: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x-xxx-x-', snare: '--x---xx', hihat: 'xxxxxxxx' },
  },
  {
    easy: { kick: 'x---x---', snare: '--x---x-' },
    normal: { kick: 'x---x---', snare: '--x---x-', hihat: 'x-x-x-x-' },
    hard: { kick: 'x---x---', snare: '--x---x-', hihat: 'xxxxxxxx' },
    expert: { kick: 'x-x-x-x-', snare: '--x---x-', hihat: 'xxxxxxxx' },
  },
];

const FORM: FormEntry[] = [
  { kind: 'intro', bars: 1, groove: same({}) },
  { kind: 'verse', bars: 3, groove: VERSE, fill: FILL },
  { kind: 'chorus', bars: 3, groove: CHORUS, fill: FILL },
  { kind: 'outro', bars: 1, groove: same({ kick: 'x-------' }) },
];

const UNISON: UnisonMark[] = [
  { beat: 15, lane: 'snare' },
  { beat: 16, lane: 'kick' },
  { beat: 20, lane: 'kick' },
  { beat: 24, lane: 'kick' },
  { beat: 27, lane: 'snare' },
  { beat: 28, lane: 'kick' },
];

const bass = track(
  'bass',
  'bass',
  -8,
  chordLine(
    0,
    [
      ['Am', 4],
      ['F', 4],
      ['C', 4],
      ['G', 4],
      ['Am', 4],
      ['F', 4],
      ['C', 4],
    ],
    '1-1-5-8-',
    { gate: 0.7 },
  ),
  [[28, 45, 3.5, 0.9]],
);

const shaker = track('shaker', 'shaker', -2, pulse(0, 7, 'xoxoxoxo', { pitch: 82, length: 0.25, velocity: 0.5 }));

export const song: SongData = {
  id: 'test-song',
  title: 'Self-Test Groove',
  composer: 'Drum Diplomacy',
  tempo: [{ beat: 0, bpm: BPM }],
  beatsPerBar: 4,
  lengthBeats: formBars(FORM) * 4,
  sections: sectionsOf(FORM),
  parts: buildParts(FORM, ['takaichi', 'lee'], UNISON),
  music: { tracks: [bass, shaker] },
};
