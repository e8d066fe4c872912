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
/** General MIDI notes of the players' own drums: kicks, snares, toms, closed and pedal hi-hats. */
const PLAYER_DRUMS = [35, 36, 37, 38, 40, 41, 42, 43, 44, 45, 47, 48, 50];
/** Backing tracks that carry a tune. */
const MELODY_TRACKS = ['lead', 'hook', 'keys', 'melody'];

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

  it("holds no player's drum in the backing track (only a light percussion bed) and keeps music inside the song", () => {
    for (const t of data.music.tracks) {
      expect(t.notes.length).toBeGreaterThan(0);
      for (const [beat, , dur] of t.notes) expect(beat + dur).toBeLessThanOrEqual(data.lengthBeats + 1e-9);
      // the bed plays percussion by GM drum note: never a kick, snare, tom or closed hi-hat
      if (t.instrument === 'shaker') for (const [, note] of t.notes) expect(PLAYER_DRUMS).not.toContain(note);
    }
  });

  it('has a groove bed that keeps the pulse from the first bar the players play', () => {
    const bed = data.music.tracks.filter((t) => t.instrument === 'shaker').flatMap((t) => t.notes.map((n) => n[0]));
    expect(bed.length).toBeGreaterThan(0);
    const first = Math.min(...songOf(data).parts.flatMap((p) => (p.charts.easy ?? []).map((n) => n.beat ?? 0)));
    expect(Math.min(...bed)).toBeLessThanOrEqual(first);
  });

  it('has a melody within its first eight bars', () => {
    const melodic = data.music.tracks.filter((t) => MELODY_TRACKS.includes(t.name));
    if (data.id === 'test-song') return; // bass and shaker only
    const first = Math.min(...melodic.flatMap((t) => t.notes.map((n) => n[0])));
    expect(first).toBeLessThan(8 * data.beatsPerBar);
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

describe('arrangements', () => {
  const byId = (id: string): SongData => ALL.find((s) => s.id === id) as SongData;

  it('lifts every second chorus: it is no copy of the first', () => {
    for (const data of SONGS) {
      const choruses = data.sections.filter((s) => s.kind === 'chorus').map((s) => s.beat);
      if (choruses.length < 2) continue;
      const [a, b] = choruses as [number, number];
      const notesFrom = (start: number) =>
        data.music.tracks
          .flatMap((t) =>
            t.notes.filter((n) => n[0] >= start && n[0] < start + 32).map((n) => `${t.name}:${n[0] - start}:${n[1]}`),
          )
          .sort();
      expect(notesFrom(b), data.id).not.toEqual(notesFrom(a));
      // more is going on the second time round
      expect(notesFrom(b).length, data.id).toBeGreaterThan(notesFrom(a).length);
    }
  });

  it('gives Heavy Metal Summit real power chords and a bass line of its own', () => {
    const data = byId('heavy-metal-summit');
    const guitar = data.music.tracks.find((t) => t.name === 'guitar')?.notes ?? [];
    const bass = data.music.tracks.find((t) => t.name === 'bass')?.notes ?? [];
    const chords = new Map<number, number[]>();
    for (const [beat, note] of guitar) chords.set(beat, [...(chords.get(beat) ?? []), note]);
    for (const [beat, notes] of chords) {
      const root = Math.min(...notes);
      expect(
        notes.sort((x, y) => x - y),
        `beat ${beat}`,
      ).toEqual([root, root + 7, root + 12]);
    }
    // a bass note "doubles" the riff when a guitar chord on the same root starts at the same beat
    const doubled = bass.filter(([beat, note]) => {
      const chord = chords.get(beat);
      return chord !== undefined && (Math.min(...chord) - note) % 12 === 0;
    });
    expect(doubled.length / bass.length).toBeLessThan(0.5);
  });
});
