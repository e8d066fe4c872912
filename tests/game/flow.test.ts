import { describe, expect, it } from 'vitest';
import { SONGS, TEST_SONG } from '../../src/content/songs';
import { loadSongs } from '../../src/core/chart';
import { LESSON_SONG } from '../../src/core/lineup';
import { PlayFlow } from '../../src/game/flow';
import { SongLibrary } from '../../src/game/library';
import { defaultSettings } from '../../src/game/settings';
import { MemoryStorage, SaveStore } from '../../src/game/storage';

function flow() {
  const library = new SongLibrary(loadSongs([...SONGS, TEST_SONG]).songs);
  const store = new SaveStore(new MemoryStorage(), () => defaultSettings());
  return { flow: new PlayFlow(library, store), library, store };
}

describe('PlayFlow', () => {
  it('starts on the first listed song, Duet at Normal', () => {
    const { flow: f, library } = flow();
    expect(f.selection).toEqual({
      songId: library.listed[0]?.id,
      mode: 'duet',
      difficulties: ['normal', 'normal'],
      cpuSkill: 'steady',
    });
    expect(library.listed.map((s) => s.id)).not.toContain('test-song');
  });

  it('choosing the Lesson takes its fixed song and difficulties', () => {
    const { flow: f } = flow();
    f.choose({ songId: 'nara-nights', difficulties: ['expert', 'easy'] });
    f.choose({ mode: 'lesson' });
    expect(f.selection).toMatchObject({ mode: 'lesson', songId: LESSON_SONG, difficulties: ['normal', 'normal'] });
  });

  it('a run is made from the selection, with the player offsets the lineup gives each seat', () => {
    const { flow: f } = flow();
    f.choose({ mode: 'solo', songId: 'test-song', difficulties: ['hard', 'easy'], cpuSkill: 'pro' });
    const settings = { ...defaultSettings(), players: [{ inputOffsetMs: 12 }, { inputOffsetMs: -7 }] } as ReturnType<
      typeof defaultSettings
    >;
    const run = f.begin(settings, 5);
    expect(run.offsetsMs).toEqual([12, 0]);
    expect(run.setup.difficulties).toEqual(['hard', 'easy']);
    expect(f.timed).toBe(run);
    f.end(run);
    expect(f.run).toBeNull();
    expect(f.timed).toBeNull();
  });

  it('finishing records bests for people only, and says which slots set one', () => {
    const { flow: f, store } = flow();
    f.choose({ mode: 'solo', songId: 'test-song', difficulties: ['hard', 'easy'] });
    const run = f.begin(defaultSettings(), 5);
    const results = run.results();
    // A clear (grade C or better): worth a "New best" (src/game/celebrate.ts).
    const scored = {
      ...results,
      players: results.players.map((p) => ({ ...p, score: 1000, accuracy: 0.9, hits: [...p.hits] })),
    };
    const told: unknown[] = [];
    const finished = f.finish(scored, (n) => told.push(n));
    expect(finished.newBest).toEqual([true, false]);
    expect(finished.improved).toEqual([false, false]);
    expect(f.last).toBe(finished);
    expect(store.best('test-song', 'solo', ['hard', 'easy'])?.players.map((p) => p?.score ?? null)).toEqual([
      1000,
      null,
    ]);
    expect(told).toEqual([]);
  });

  it('a first run of mashing is saved as the best but not celebrated', () => {
    const { flow: f, store } = flow();
    f.choose({ mode: 'solo', songId: 'test-song', difficulties: ['hard', 'easy'] });
    const run = f.begin(defaultSettings(), 5);
    const results = run.results();
    const mashed = {
      ...results,
      players: results.players.map((p) => ({
        ...p,
        score: 9000,
        accuracy: 0.17,
        grade: 'D' as const,
        hits: [...p.hits],
      })),
    };
    const finished = f.finish(mashed, () => {});
    expect(finished.newBest).toEqual([false, false]);
    expect(store.best('test-song', 'solo', ['hard', 'easy'])?.players[0]?.score).toBe(9000);
  });
});
