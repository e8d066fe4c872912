import { describe, expect, it } from 'vitest';
import { SONGS, TEST_SONG } from '../../src/content/songs';
import { loadSong } from '../../src/core/chart';
import { ghostLineup, practiceLineup, watchLineup } from '../../src/core/lineup';
import type { Results } from '../../src/core/match';
import {
  afterLoop,
  barAt,
  barCount,
  barStart,
  CLEAN_LOOPS_TO_SPEED_UP,
  clampSpeed,
  hardestBar,
  loopRange,
  normalizePractice,
  notesIn,
  type PracticeSetup,
  sectionBars,
  startProgress,
} from '../../src/core/practice';
import { matchCharts } from '../../src/core/song';

const song = loadSong(TEST_SONG); // 120 BPM, 4/4: a bar is 2 s
const nara = loadSong(SONGS[1]);

const setup = (o: Partial<PracticeSetup> = {}): PracticeSetup => ({
  fromBar: 2,
  toBar: 3,
  speed: 0.5,
  speedUp: true,
  demo: null,
  ...o,
});

/** Results where player `p` hit `hits` of `notes`. */
function results(hits: [number, number], notes: [number, number]): Results {
  const player = (p: 0 | 1) => ({
    counts: { perfect: hits[p], great: 0, good: 0, miss: notes[p] - hits[p] },
    hits: Array.from({ length: notes[p] }, () => ({ noteId: 'x', offsetMs: 0, judgement: 'perfect' as const })),
  });
  return { players: [player(0), player(1)] } as unknown as Results;
}

describe('bars of the timeline', () => {
  it('counts bars and finds their times both ways', () => {
    expect(barCount(song)).toBe(8);
    expect(barStart(song, 1)).toBe(0);
    expect(barStart(song, 3)).toBe(4);
    expect(barAt(song, 0)).toBe(1);
    expect(barAt(song, 3.999)).toBe(2);
    expect(barAt(song, 4)).toBe(3);
    expect(barAt(song, -5)).toBe(1);
    expect(barAt(song, 999)).toBe(8);
  });

  it('a range of bars in song seconds, clamped and ordered', () => {
    expect(loopRange(song, 2, 3)).toEqual({ from: 2, to: 6 });
    expect(loopRange(song, 3, 2)).toEqual({ from: 2, to: 6 });
    expect(loopRange(song, -4, 99)).toEqual({ from: 0, to: 16 });
    expect(loopRange(song, Number.NaN, 1)).toEqual({ from: 0, to: 2 });
  });

  it('sections as bar ranges that tile the song', () => {
    const bars = sectionBars(nara);
    expect(bars.length).toBe(nara.sections.length);
    expect(bars[0]?.fromBar).toBe(1);
    expect(bars.at(-1)?.toBar).toBe(barCount(nara));
    for (let i = 1; i < bars.length; i++) expect(bars[i]?.fromBar).toBe((bars[i - 1]?.toBar ?? 0) + 1);
  });

  it('notes in a range: from inclusive, to exclusive', () => {
    const chart = matchCharts(song, ['expert', 'expert'])[0];
    const inRange = notesIn(chart, { from: 2, to: 4 });
    expect(inRange.length).toBeGreaterThan(0);
    expect(inRange.every((n) => n.time >= 2 && n.time < 4)).toBe(true);
    expect(inRange.length).toBe(chart.filter((n) => n.time >= 2 && n.time < 4).length);
  });

  it('the hardest bar has the most notes of both parts', () => {
    const charts = matchCharts(nara, ['expert', 'expert']);
    const bar = hardestBar(nara, charts);
    const count = (b: number) => charts.flat().filter((n) => barAt(nara, n.time) === b).length;
    for (let b = 1; b <= barCount(nara); b++) expect(count(bar)).toBeGreaterThanOrEqual(count(b));
    expect(hardestBar(song, [[], []])).toBe(1);
  });
});

describe('practice speed and loops', () => {
  it('speeds are 50–100 % in 5 % steps', () => {
    expect(clampSpeed(0.5)).toBe(0.5);
    expect(clampSpeed(0.1)).toBe(0.5);
    expect(clampSpeed(1.7)).toBe(1);
    expect(clampSpeed(0.62)).toBe(0.6);
    expect(clampSpeed(0.63)).toBe(0.65);
    expect(clampSpeed(Number.NaN)).toBe(1);
    expect(normalizePractice(song, setup({ fromBar: 9, toBar: 0, speed: 0.33 }))).toEqual(
      setup({ fromBar: 1, toBar: 8, speed: 0.5 }),
    );
  });

  it('counts loops and clean loops; every two clean loops in a row add 5 % up to 100 %', () => {
    const s = setup({ speed: 0.9 });
    let p = startProgress(s);
    expect(p).toEqual({ loops: 0, cleanLoops: 0, cleanStreak: 0, speed: 0.9, last: null });
    const clean = results([4, 3], [4, 3]);
    const dirty = results([3, 3], [4, 3]);
    p = afterLoop(p, s, clean, [0, 1]);
    expect(p).toMatchObject({ loops: 1, cleanLoops: 1, cleanStreak: 1, speed: 0.9 });
    expect(p.last).toEqual({ index: 1, speed: 0.9, clean: true, hits: 7, notes: 7 });
    p = afterLoop(p, s, dirty, [0, 1]);
    expect(p).toMatchObject({ loops: 2, cleanLoops: 1, cleanStreak: 0, speed: 0.9 });
    expect(p.last?.clean).toBe(false);
    for (let i = 0; i < CLEAN_LOOPS_TO_SPEED_UP; i++) p = afterLoop(p, s, clean, [0, 1]);
    expect(p).toMatchObject({ loops: 4, cleanLoops: 3, cleanStreak: 0, speed: 0.95 });
    for (let i = 0; i < 6; i++) p = afterLoop(p, s, clean, [0, 1]);
    expect(p.speed).toBe(1);
    expect(p.cleanStreak).toBeGreaterThan(0);
  });

  it('without the speed-up the speed stays; only the practising slots count', () => {
    const s = setup({ speedUp: false });
    let p = startProgress(s);
    for (let i = 0; i < 5; i++) p = afterLoop(p, s, results([4, 0], [4, 3]), [0]);
    expect(p).toMatchObject({ loops: 5, cleanLoops: 5, speed: 0.5 });
    // a loop with no notes for the practising slot is not clean
    expect(afterLoop(startProgress(s), s, results([0, 0], [0, 3]), [0]).last?.clean).toBe(false);
  });
});

describe('lineups for watching, ghosts and practice', () => {
  it('watching: both slots play back', () => {
    expect(watchLineup('duet').seats.map((s) => s.kind)).toEqual(['replay', 'replay']);
    expect(watchLineup('lesson')).toMatchObject({ mode: 'lesson', back: 'ModeSelect', fixed: null });
  });

  it('a ghost in one slot, a person in the other', () => {
    expect(ghostLineup('battle', 1).seats.map((s) => s.kind)).toEqual(['local', 'replay']);
    expect(ghostLineup('duet', 0).seats.map((s) => s.kind)).toEqual(['replay', 'local']);
  });

  it('practice: the demo part is played perfectly by the game, the other here', () => {
    const demo = practiceLineup('duet', 0);
    expect(demo.seats[0]).toMatchObject({ kind: 'cpu', skill: { name: 'autoplay', sigmaMs: 0, missChance: 0 } });
    expect(demo.seats[1].kind).toBe('local');
    expect(practiceLineup('solo', 1).seats.map((s) => s.kind)).toEqual(['local', 'cpu']);
    expect(practiceLineup('solo', 0).seats.map((s) => s.kind)).toEqual(['cpu', 'local']);
    expect(practiceLineup('duet', null).seats.map((s) => s.kind)).toEqual(['local', 'local']);
  });
});
