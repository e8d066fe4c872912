import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chartOf,
  DIFFICULTIES,
  type Difficulty,
  LANES,
  lanesFor,
  loadSong,
  loadSongs,
  matchCharts,
  type NoteData,
  partOf,
  SECTION_KINDS,
  type SongData,
  SongFormatError,
} from '../../src/core';
import { validSong } from './helpers';

/** The message loadSong throws for `data`, failing the test if it does not throw. */
function rejection(data: unknown): string {
  try {
    loadSong(data);
  } catch (e) {
    expect(e).toBeInstanceOf(SongFormatError);
    expect((e as Error).name).toBe('SongFormatError');
    return (e as Error).message;
  }
  throw new Error('loadSong accepted invalid data');
}

function withSong(edit: (s: SongData) => void): SongData {
  const s = validSong();
  edit(s);
  return s;
}

describe('loadSong', () => {
  const song = loadSong(validSong());

  it('keeps the song metadata and converts lengths to seconds', () => {
    expect(song.id).toBe('test-song');
    expect(song.title).toBe('Test Song');
    expect(song.composer).toBe('Nobody');
    expect(song.bpm).toBe(120);
    expect(song.beatsPerBar).toBe(4);
    // 8 beats at 120 BPM + 8 beats at 60 BPM
    expect(song.length).toBeCloseTo(12, 12);
    expect(song.sections).toEqual([
      { beat: 0, time: 0, kind: 'intro' },
      { beat: 8, time: 4, kind: 'chorus' },
    ]);
    expect(song.audio).toEqual({ kind: 'synth', music: validSong().music });
    expect(song.tempo.toSeconds(10)).toBeCloseTo(6, 12);
  });

  it('gives every note an id, a time in seconds and a unison flag', () => {
    expect(partOf(song, 0).character).toBe('takaichi');
    expect(partOf(song, 1).character).toBe('lee');
    expect(chartOf(song, 0, 'hard')).toEqual([
      { id: 'p0-hard-0', time: 0, beat: 0, lane: 'kick', unison: false },
      { id: 'p0-hard-1', time: 1, beat: 2, lane: 'tom', unison: false },
      { id: 'p0-hard-2', time: 2, beat: 4, lane: 'snare', unison: true },
      { id: 'p0-hard-3', time: 6, beat: 10, lane: 'hihat', unison: false },
    ]);
    expect(chartOf(song, 1, 'expert').map((n) => [n.id, n.time])).toEqual([
      ['p1-expert-0', 1],
      ['p1-expert-1', 2],
      ['p1-expert-2', 5],
      ['p1-expert-3', 12],
    ]);
    for (const d of DIFFICULTIES) expect(chartOf(song, 0, d).length).toBe(validSong().parts[0].charts[d].length);
  });

  it('accepts two different lanes on one beat and a note exactly at the end', () => {
    // normal part 0 has kick and hihat on beat 0; expert part 1 ends on beat 16 = lengthBeats
    expect(
      chartOf(song, 0, 'normal')
        .slice(0, 2)
        .map((n) => n.lane),
    ).toEqual(['kick', 'hihat']);
    expect(chartOf(song, 1, 'expert').at(-1)?.beat).toBe(16);
  });

  describe('rejects bad data with a message naming song, part, difficulty and note', () => {
    it('a lane that does not exist', () => {
      const msg = rejection(
        withSong((s) => {
          (s.parts[1].charts.hard[2] as { lane: string }).lane = 'cowbell';
        }),
      );
      expect(msg).toContain('song "test-song"');
      expect(msg).toContain('part 1, difficulty hard, note 2 (lane)');
    });

    it('notes out of order', () => {
      const msg = rejection(
        withSong((s) => {
          s.parts[0].charts.expert[2] = { beat: 0.5, lane: 'snare' };
        }),
      );
      expect(msg).toBe('song "test-song": part 0, difficulty expert, note 2: notes must be sorted by beat');
    });

    it('Easy using the hihat', () => {
      const msg = rejection(
        withSong((s) => {
          s.parts[1].charts.easy.unshift({ beat: 1, lane: 'hihat' });
        }),
      );
      expect(msg).toBe(
        'song "test-song": part 1 (lee), difficulty easy, note 0 at beat 1: easy plays only snare and kick, not hihat',
      );
    });

    it('the same lane twice on a beat', () => {
      const msg = rejection(
        withSong((s) => {
          s.parts[0].charts.hard.splice(1, 0, { beat: 0, lane: 'kick' });
        }),
      );
      expect(msg).toBe(
        'song "test-song": part 0 (takaichi), difficulty hard, note 1 at beat 0: two kick notes on the same beat',
      );
    });

    it('two unison notes on one beat', () => {
      const msg = rejection(
        withSong((s) => {
          s.parts[1].charts.normal.push({ beat: 4, lane: 'snare', unison: true });
        }),
      );
      expect(msg).toBe(
        'song "test-song": part 1 (lee), difficulty normal, note 2 at beat 4: only one unison note a beat',
      );
    });

    it('a note past the end of the song', () => {
      const msg = rejection(
        withSong((s) => {
          s.parts[1].charts.expert.push({ beat: 16.5, lane: 'tom' });
        }),
      );
      expect(msg).toContain('song "test-song"');
      expect(msg).toContain('part 1, difficulty expert, note 4');
      expect(msg).toContain('past the end of the song');
    });

    it('a beat of the wrong type', () => {
      const msg = rejection(
        withSong((s) => {
          (s.parts[0].charts.normal[1] as { beat: unknown }).beat = '0';
        }),
      );
      expect(msg).toMatch(/^song "test-song": part 0, difficulty normal, note 1 \(beat\): .*number/);
    });

    it('a negative or non-finite beat', () => {
      expect(
        rejection(
          withSong((s) => {
            s.parts[0].charts.easy[0] = { beat: -1, lane: 'kick' };
          }),
        ),
      ).toContain('part 0, difficulty easy, note 0 (beat)');
      expect(
        rejection(
          withSong((s) => {
            s.parts[0].charts.easy[1] = { beat: Number.POSITIVE_INFINITY, lane: 'kick' };
          }),
        ),
      ).toContain('part 0, difficulty easy, note 1 (beat)');
    });

    it('an unknown key on a note', () => {
      const msg = rejection(
        withSong((s) => {
          (s.parts[0].charts.hard[0] as NoteData & { velocity?: number }).velocity = 1;
        }),
      );
      expect(msg).toContain('part 0, difficulty hard, note 0 (velocity)');
    });

    it('an empty chart', () => {
      expect(
        rejection(
          withSong((s) => {
            s.parts[1].charts.easy = [];
          }),
        ),
      ).toBe('song "test-song": part 1, difficulty easy: a chart needs at least one note');
    });

    it('a missing difficulty', () => {
      const msg = rejection(
        withSong((s) => {
          delete (s.parts[0].charts as Partial<Record<Difficulty, NoteData[]>>).expert;
        }),
      );
      expect(msg).toContain('song "test-song": part 0, difficulty expert: ');
    });

    it('a part-level field', () => {
      expect(
        rejection(
          withSong((s) => {
            s.parts[1].character = '';
          }),
        ),
      ).toMatch(/^song "test-song": part 1 \(character\): /);
    });

    it('a song-level field, naming its path', () => {
      expect(
        rejection(
          withSong((s) => {
            s.beatsPerBar = 4.5;
          }),
        ),
      ).toMatch(/^song "test-song": beatsPerBar: /);
      expect(
        rejection(
          withSong((s) => {
            s.tempo[0] = { beat: 1, bpm: 120 };
          }),
        ),
      ).toContain('the first tempo change is at beat 0');
      expect(rejection(withSong((s) => void s.tempo.push({ beat: 8, bpm: 90 })))).toContain(
        'tempo changes must be sorted',
      );
      expect(
        rejection(
          withSong((s) => {
            s.tempo[1] = { beat: 8, bpm: 400 };
          }),
        ),
      ).toMatch(/tempo\.1\.bpm: /);
    });

    it('a bad id, quoting the id given', () => {
      expect(
        rejection(
          withSong((s) => {
            s.id = 'Bad ID';
          }),
        ),
      ).toBe('song "Bad ID": id: an id is lower-case letters, digits and dashes');
    });

    it('input that is not a song object', () => {
      for (const data of [42, null, 'song', [], undefined]) expect(rejection(data)).toMatch(/^song "\(no id\)": /);
      expect(rejection({ id: 7 })).toMatch(/^song "\(no id\)": /);
      expect(rejection({ id: 'half-a-song' })).toMatch(/^song "half-a-song": /);
    });

    it('lists at most five problems, one a line', () => {
      const msg = rejection({ id: 'x' });
      expect(msg.split('\n').length).toBe(5);
      for (const line of msg.split('\n')) expect(line).toMatch(/^song "x": /);
    });
  });
});

describe('loadSongs', () => {
  it('keeps the good songs and reports the broken one by name', () => {
    const good = validSong();
    const bad = { ...validSong(), id: 'broken-song', tempo: [] };
    const { songs, errors } = loadSongs([good, bad]);
    expect(songs.map((s) => s.id)).toEqual([good.id]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('broken-song');
  });
});

describe('matchCharts', () => {
  // Part 0 normal marks unison on beats 4 and 8; part 1 hard on 4 and 8; easy (p0) and expert (p1) only on 4.
  const song = loadSong(
    withSong((s) => {
      s.parts[0].charts.normal.push({ beat: 8, lane: 'tom', unison: true });
      s.parts[1].charts.hard[2] = { beat: 8, lane: 'tom', unison: true };
    }),
  );
  const unisonBeats = (notes: readonly { beat?: number; unison: boolean }[]) =>
    notes.filter((n) => n.unison).map((n) => n.beat);

  it('keeps unison where both parts mark the same beat', () => {
    const [a, b] = matchCharts(song, ['normal', 'hard']);
    expect(unisonBeats(a)).toEqual([4, 8]);
    expect(unisonBeats(b)).toEqual([4, 8]);
  });

  it('drops unison marked by only one part', () => {
    const [a, b] = matchCharts(song, ['easy', 'hard']);
    expect(unisonBeats(a)).toEqual([4]);
    expect(unisonBeats(b)).toEqual([4]);
    const [c, d] = matchCharts(song, ['normal', 'expert']);
    expect(unisonBeats(c)).toEqual([4]);
    expect(unisonBeats(d)).toEqual([4]);
  });

  it('changes nothing else and leaves the loaded song alone', () => {
    const [a, b] = matchCharts(song, ['easy', 'hard']);
    expect(b.map(({ unison: _, ...rest }) => rest)).toEqual(chartOf(song, 1, 'hard').map(({ unison: _, ...r }) => r));
    expect(a).toEqual(chartOf(song, 0, 'easy'));
    expect(unisonBeats(chartOf(song, 1, 'hard'))).toEqual([4, 8]);
  });
});

/** Random valid songs, built to satisfy every rule loadSong checks. */
const noteListArb = (d: Difficulty, lengthSteps: number) =>
  fc
    .uniqueArray(
      fc.record({
        step: fc.integer({ min: 0, max: lengthSteps }),
        lane: fc.constantFrom(...lanesFor(d)),
        unison: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 24, selector: (n) => `${n.step}/${n.lane}` },
    )
    .map((notes) => {
      const unisonSteps = new Set<number>();
      return notes
        .sort((a, b) => a.step - b.step)
        .map(({ step, lane, unison }): NoteData => {
          let u = unison;
          if (u) {
            if (unisonSteps.has(step)) u = false;
            unisonSteps.add(step);
          }
          return u === undefined ? { beat: step / 4, lane } : { beat: step / 4, lane, unison: u };
        });
    });

/**
 * Built once, outside `chain`: fast-check compiles the pattern each time `stringMatching` is called,
 * which inside `chain` (once per generated song) cost more than everything else in the test.
 */
const songIdArb = fc.stringMatching(/^[a-z0-9-]{1,12}$/);

const songArb: fc.Arbitrary<SongData> = fc
  .record({
    lengthSteps: fc.integer({ min: 16, max: 256 }),
    tempoBeats: fc.uniqueArray(fc.integer({ min: 1, max: 63 })),
  })
  .chain(({ lengthSteps, tempoBeats }) => {
    const part = fc.record({
      character: fc.string({ minLength: 1, maxLength: 8 }),
      charts: fc.record(
        Object.fromEntries(DIFFICULTIES.map((d) => [d, noteListArb(d, lengthSteps)])) as Record<
          Difficulty,
          fc.Arbitrary<NoteData[]>
        >,
      ),
    });
    return fc.record({
      id: songIdArb,
      title: fc.string({ minLength: 1, maxLength: 12 }),
      composer: fc.string({ minLength: 1, maxLength: 12 }),
      tempo: fc
        .array(fc.double({ min: 30, max: 300, noNaN: true }), {
          minLength: tempoBeats.length + 1,
          maxLength: tempoBeats.length + 1,
        })
        .map((bpms) => [0, ...tempoBeats.sort((a, b) => a - b)].map((beat, i) => ({ beat, bpm: bpms[i] as number }))),
      beatsPerBar: fc.integer({ min: 2, max: 12 }),
      lengthBeats: fc.constant(lengthSteps / 4),
      sections: fc.array(
        fc.record({ beat: fc.integer({ min: 0, max: 64 }), kind: fc.constantFrom(...SECTION_KINDS) }),
        { maxLength: 4 },
      ),
      parts: fc.tuple(part, part),
      music: fc.record({
        tracks: fc.array(
          fc.record({
            name: fc.string({ minLength: 1, maxLength: 6 }),
            instrument: fc.constantFrom('bass', 'lead', 'pad', 'bell' as const),
            notes: fc.array(
              fc.tuple(
                fc.integer({ min: 0, max: 64 }),
                fc.integer({ min: 0, max: 127 }),
                fc.double({ min: 0.01, max: 8, noNaN: true }),
                fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
              ),
              { maxLength: 4 },
            ),
          }),
          { maxLength: 2 },
        ),
      }),
    });
  });

describe('song schema (property)', () => {
  it('random valid songs load, and survive a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(songArb, (data) => {
        const song = loadSong(data);
        expect(loadSong(JSON.parse(JSON.stringify(data)))).toEqual(song);
        for (const [pi, part] of song.parts.entries()) {
          for (const d of DIFFICULTIES) {
            const notes = part.charts[d] ?? [];
            expect(notes.length).toBe(data.parts[pi]?.charts[d].length);
            notes.forEach((n, i) => {
              // The expects below cost ~20 µs each, thousands per run: only reached when one would fail.
              const prev = notes[i - 1];
              const fine = n.id === `p${pi}-${d}-${i}` && LANES.includes(n.lane) && n.time <= song.length + 1e-9;
              if (fine && (prev === undefined || n.time >= prev.time)) return;
              expect(n.id).toBe(`p${pi}-${d}-${i}`);
              expect(LANES).toContain(n.lane);
              expect(n.time).toBeLessThanOrEqual(song.length + 1e-9);
              if (i > 0) expect(n.time).toBeGreaterThanOrEqual((notes[i - 1] as { time: number }).time);
            });
          }
        }
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});
