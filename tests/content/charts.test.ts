import { describe, expect, it } from 'vitest';
import { SONGS, TEST_SONG } from '../../src/content/songs';
import { chartOf, loadSong, matchCharts, type Note, type Song, type SongData } from '../../src/core';
import { DIFFICULTIES, type Difficulty, type Lane } from '../../src/core/units';

/*
 * Checks every authored song: it loads, is long enough, and its charts are playable and
 * fair for two players who may pick different difficulties.
 */

const ALL: SongData[] = [...SONGS, TEST_SONG];
const loaded = new Map<string, Song>(ALL.map((s) => [s.id, loadSong(s)]));
const songOf = (data: SongData): Song => loaded.get(data.id) as Song;

/** Closest allowed gap between two notes of one lane, in seconds. */
const MIN_GAP: Record<Difficulty, number> = { easy: 0.11, normal: 0.11, hard: 0.08, expert: 0.08 };
const LANES: readonly Lane[] = ['hihat', 'snare', 'tom', 'kick'];
const SHORT: Record<string, { min: number; max: number }> = {
  'first-lesson': { min: 40, max: 60 },
  'test-song': { min: 15, max: 17 },
};

const cases = ALL.map((s) => [s.id, s] as const);

/** Pairs of a chart and where it is, for messages. */
function charts(song: Song): { part: 0 | 1; difficulty: Difficulty; notes: readonly Note[] }[] {
  return ([0, 1] as const).flatMap((part) =>
    DIFFICULTIES.map((difficulty) => ({ part, difficulty, notes: chartOf(song, part, difficulty) })),
  );
}

describe('song catalogue', () => {
  it('lists the four songs in order, then the test song', () => {
    expect(SONGS.map((s) => s.id)).toEqual(['first-lesson', 'nara-nights', 'shuttle-diplomacy', 'heavy-metal-summit']);
    expect(TEST_SONG.id).toBe('test-song');
  });

  it('has unique ids and titles', () => {
    expect(new Set(ALL.map((s) => s.id)).size).toBe(ALL.length);
    expect(new Set(ALL.map((s) => s.title.toLowerCase())).size).toBe(ALL.length);
  });
});

describe.each(cases)('%s', (_id, data) => {
  it('loads', () => {
    expect(() => loadSong(data)).not.toThrow();
    expect(data.composer).toBe('Drum Diplomacy');
    expect(data.beatsPerBar).toBe(4);
  });

  it('is long enough', () => {
    const song = songOf(data);
    const range = SHORT[data.id] ?? { min: 60, max: 120 };
    expect(song.length).toBeGreaterThanOrEqual(range.min);
    expect(song.length).toBeLessThanOrEqual(range.max);
  });

  it('has an intro, verse, chorus, break and outro', () => {
    const kinds = new Set(data.sections.map((s) => s.kind));
    for (const k of ['intro', 'verse', 'chorus', 'outro'] as const) expect(kinds).toContain(k);
    if (data.id !== 'first-lesson' && data.id !== 'test-song') expect(kinds).toContain('break');
  });

  it('holds no drum kit in the backing track and keeps music inside the song', () => {
    for (const t of data.music.tracks) {
      expect(t.notes.length).toBeGreaterThan(0);
      for (const [beat, , dur] of t.notes) expect(beat + dur).toBeLessThanOrEqual(data.lengthBeats + 1e-9);
    }
  });

  it('leaves a bar before the first note', () => {
    for (const c of charts(songOf(data)))
      expect(c.notes[0]?.beat, `part ${c.part} ${c.difficulty}`).toBeGreaterThanOrEqual(4);
  });

  it('spaces notes of one lane far enough apart to play', () => {
    const problems: string[] = [];
    for (const c of charts(songOf(data))) {
      for (const lane of LANES) {
        const times = c.notes.filter((n) => n.lane === lane).map((n) => n.time);
        for (let i = 1; i < times.length; i++) {
          const gap = (times[i] as number) - (times[i - 1] as number);
          if (gap < MIN_GAP[c.difficulty] - 1e-9)
            problems.push(
              `part ${c.part} ${c.difficulty} ${lane} at ${(times[i] as number).toFixed(3)} s: gap ${gap.toFixed(3)} s`,
            );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses only snare and kick on Easy', () => {
    const song = songOf(data);
    for (const part of [0, 1] as const) {
      const lanes = new Set(chartOf(song, part, 'easy').map((n) => n.lane));
      expect([...lanes].sort()).toEqual(['kick', 'snare']);
    }
  });

  it('uses all four drums from Normal on', () => {
    const song = songOf(data);
    for (const part of [0, 1] as const)
      for (const d of ['normal', 'hard', 'expert'] as const)
        expect(new Set(chartOf(song, part, d).map((n) => n.lane)).size, `part ${part} ${d}`).toBe(4);
  });

  it('gets strictly denser from Easy to Expert in both parts', () => {
    const song = songOf(data);
    for (const part of [0, 1] as const) {
      const counts = DIFFICULTIES.map((d) => chartOf(song, part, d).length);
      for (let i = 1; i < counts.length; i++)
        expect(counts[i], `part ${part}: ${counts.join(' < ')}`).toBeGreaterThan(counts[i - 1] as number);
    }
  });

  it('gives the drummer (part 0) at least as many notes as the novice (part 1)', () => {
    const song = songOf(data);
    for (const d of DIFFICULTIES)
      expect(chartOf(song, 0, d).length, d).toBeGreaterThanOrEqual(chartOf(song, 1, d).length);
  });

  it('shares at least four unison notes for every pairing of difficulties', () => {
    const song = songOf(data);
    for (const d0 of DIFFICULTIES) {
      for (const d1 of DIFFICULTIES) {
        const [a, b] = matchCharts(song, [d0, d1]);
        const ua = a.filter((n) => n.unison);
        const ub = b.filter((n) => n.unison);
        const where = `${d0} with ${d1}`;
        expect(ua.length, where).toBeGreaterThanOrEqual(4);
        // Nothing marked unison is lost when the partner picks another difficulty.
        expect(ua.length, where).toBe(chartOf(song, 0, d0).filter((n) => n.unison).length);
        expect(ub.length, where).toBe(chartOf(song, 1, d1).filter((n) => n.unison).length);
        expect(
          ua.map((n) => n.time),
          where,
        ).toEqual(ub.map((n) => n.time));
        for (const n of [...ua, ...ub]) expect(['snare', 'kick'], where).toContain(n.lane);
      }
    }
  });

  it('rejects a corrupted note, naming the song, part, difficulty and note', () => {
    const broken = structuredClone(data) as SongData;
    const chart = broken.parts[1].charts.hard;
    (chart[3] as { lane: string }).lane = 'cowbell';
    expect(() => loadSong(broken)).toThrow(new RegExp(`song "${data.id}".*part 1.*difficulty hard.*note 3`, 's'));
  });
});
