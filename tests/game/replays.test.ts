import { describe, expect, it } from 'vitest';
import { SONGS, TEST_SONG } from '../../src/content/songs';
import { translate } from '../../src/content/strings';
import { loadSongs } from '../../src/core/chart';
import { encodeReplay, loadReplay, parseReplay, type ReplayDoc, replayChecksum } from '../../src/core/replay';
import { type FinishedRun, PlayFlow, type RunPlan } from '../../src/game/flow';
import { SongLibrary } from '../../src/game/library';
import { importReplay, replayProblemText } from '../../src/game/replayIo';
import {
  bestReplayKey,
  LAST_KEPT,
  MemoryReplayBackend,
  type ReplayRecord,
  ReplayStore,
  type ReplayStoreProblem,
} from '../../src/game/replayStore';
import { defaultSettings } from '../../src/game/settings';
import { MemoryStorage, SaveStore } from '../../src/game/storage';
import type { Run, RunResults } from '../../src/run/run';
import { FakeAudio } from '../run/fakeAudio';

const library = new SongLibrary(loadSongs([...SONGS, TEST_SONG]).songs);
const settings = defaultSettings();

/** Plays a run to its end with the fake clock: every note of the local slots `offsetMs` late, every `skip`th left. */
function playThrough(run: Run, offsetMs = 0, skip = 0): RunResults {
  const audio = new FakeAudio();
  let results: RunResults | null = null;
  run.on('results', (r) => {
    results = r;
  });
  run.start(audio);
  const locals = ([0, 1] as const).filter((p) => run.lineup.seats[p].kind === 'local');
  const presses = locals
    .flatMap((slot) => run.charts[slot].map((n, i) => ({ slot, n, i, at: run.perfTimeOf(slot, n.time) as number })))
    .filter(({ i }) => skip === 0 || i % skip !== 0)
    .sort((a, b) => a.at - b.at);
  for (const { slot, n, at } of presses) {
    audio.now = at + offsetMs;
    run.update(audio.now);
    run.press({ player: slot, lane: n.lane, at: audio.now });
  }
  for (let k = 0; k < 2000 && !results; k++) {
    audio.now += 16;
    run.update(audio.now);
  }
  if (!results) throw new Error('the run never ended');
  return results;
}

function makeFlow() {
  const store = new SaveStore(new MemoryStorage(), () => defaultSettings());
  const kept: { doc: ReplayDoc; humans: readonly number[] }[] = [];
  const keeper = {
    keep: async (doc: ReplayDoc, humans: readonly (0 | 1)[]) => {
      kept.push({ doc, humans });
    },
  };
  const flow = new PlayFlow(library, store, keeper, () => new Date('2026-12-03T12:00:00.000Z'));
  return { flow, store, kept };
}

/** Plays the flow's plan to its end and finishes it. */
function finishPlan(flow: PlayFlow, plan: RunPlan, offsetMs = 0, skip = 0): FinishedRun {
  flow.setPlan(plan);
  const run = flow.begin(settings, 11);
  const results = playThrough(run, offsetMs, skip);
  return flow.finish(results, () => {});
}

describe('the flow keeps every finished run as a replay', () => {
  it('a played duet becomes the last replay (the hook’s replay()), kept, and opens with the same results', () => {
    const { flow, kept } = makeFlow();
    flow.choose({ songId: 'test-song', mode: 'duet', difficulties: ['hard', 'normal'] });
    expect(flow.lastReplay).toBeNull();
    const done = finishPlan(flow, { kind: 'play' }, 7, 5);
    expect(done.kind).toBe('play');
    const text = flow.lastReplay as string;
    expect(text).toBe(encodeReplay(done.replay as ReplayDoc));
    expect(kept.map((k) => k.humans)).toEqual([[0, 1]]);
    const opened = loadReplay(text, (id) => library.get(id));
    if (!opened.ok) throw new Error(JSON.stringify(opened.problem));
    const { title: _t, difficulties: _d, seats: _s, ...judged } = done.results;
    expect(opened.value.results).toEqual(judged);
    expect(opened.value.doc).toMatchObject({
      recordedAt: '2026-12-03T12:00:00.000Z',
      seats: ['local', 'local'],
      difficulties: ['hard', 'normal'],
      seed: 11,
    });
  });

  it('watching it: the same results, no best recorded, the last replay unchanged, differences none', () => {
    const { flow, store, kept } = makeFlow();
    flow.choose({ songId: 'test-song', mode: 'battle', difficulties: ['expert', 'easy'] });
    const played = finishPlan(flow, { kind: 'play' }, -12, 4);
    const text = flow.lastReplay;
    const before = store.best('test-song', 'battle', ['expert', 'easy']);
    const opened = loadReplay(text as string, (id) => library.get(id));
    if (!opened.ok) throw new Error('bad');
    flow.choose({ songId: 'nara-nights', mode: 'duet' });
    const watched = finishPlan(flow, { kind: 'watch', replay: opened.value, rate: 2 });
    expect(flow.selection).toMatchObject({ songId: 'test-song', mode: 'battle', difficulties: ['expert', 'easy'] });
    expect(watched.kind).toBe('watch');
    expect(watched.differences).toEqual([]);
    expect(watched.results.players).toEqual(played.results.players);
    expect(watched.results.seats).toEqual(['local', 'local']);
    expect(watched.newBest).toEqual([false, false]);
    expect(flow.lastReplay).toBe(text);
    expect(kept.length).toBe(1);
    expect(store.best('test-song', 'battle', ['expert', 'easy'])).toEqual(before);
  });

  it('racing a recorded run: the ghost plays slot 1, only slot 0 can set a best', () => {
    const { flow, kept } = makeFlow();
    flow.choose({ songId: 'test-song', mode: 'duet', difficulties: ['hard', 'hard'] });
    finishPlan(flow, { kind: 'play' }, 0, 3);
    const opened = loadReplay(flow.lastReplay as string, (id) => library.get(id));
    if (!opened.ok) throw new Error('bad');
    const race = finishPlan(flow, { kind: 'race', replay: opened.value, ghost: 1 });
    expect(race.results.seats).toEqual(['local', 'replay']);
    // the ghost plays back exactly what was recorded in slot 1
    expect(race.results.players[1]).toEqual(opened.value.results.players[1]);
    expect(race.results.players[0]?.score).toBe(1_000_000);
    expect(race.newBest).toEqual([true, false]);
    expect(kept.at(-1)?.humans).toEqual([0]);
  });

  it('a ghost beside your part: the run gets the best run’s inputs, judged silently', () => {
    const { flow } = makeFlow();
    flow.choose({ songId: 'test-song', mode: 'duet', difficulties: ['hard', 'hard'] });
    const first = finishPlan(flow, { kind: 'play' }, 0, 3);
    flow.setPlan({ kind: 'play', ghost: first.replay });
    const run = flow.begin(settings, 3);
    expect(run.setup.ghost?.inputs.length).toBe(first.replay?.inputs.length);
    expect(run.ghostPresses(0).length).toBeGreaterThan(0);
  });

  it('practice: the plan’s bars and speed, the demo slot autoplayed; never reaches results', () => {
    const { flow } = makeFlow();
    flow.choose({ songId: 'nara-nights', mode: 'solo', difficulties: ['hard', 'easy'] });
    flow.setPlan({ kind: 'practice', setup: { fromBar: 30, toBar: 12, speed: 0.3, speedUp: true, demo: 0 } });
    const run = flow.begin(settings, 1);
    expect(run.setup.practice).toEqual({ fromBar: 12, toBar: 30, speed: 0.5, speedUp: true, demo: 0 });
    expect(run.rate).toBe(0.5);
    expect(run.lineup.seats.map((s) => s.kind)).toEqual(['cpu', 'local']);
    expect(run.range?.from).toBeGreaterThan(0);
  });
});

describe('the replay store (IndexedDB, here in memory)', () => {
  const doc = (score: number, recordedAt: string, harmony: number | null = null): ReplayDoc => {
    const { flow } = makeFlow();
    flow.choose({ songId: 'test-song', mode: 'duet', difficulties: ['hard', 'normal'] });
    const d = finishPlan(flow, { kind: 'play' }).replay as ReplayDoc;
    // A document with other recorded results (the checksum made to fit): ranks differently.
    const changed = {
      ...d,
      recordedAt,
      results: { ...d.results, scores: [score, score] as [number, number], harmony },
    };
    const parsed = parseReplay(JSON.stringify({ ...changed, checksum: 'x' }));
    expect(parsed.ok).toBe(false);
    return { ...changed, checksum: makeReplayChecksum(changed) };
  };

  it('keeps the last runs (at most LAST_KEPT) and the best per song, mode and difficulties', async () => {
    const problems: ReplayStoreProblem[] = [];
    const backend = new MemoryReplayBackend();
    const store = new ReplayStore(backend, (p) => problems.push(p));
    const first = doc(500_000, '2026-12-01T00:00:00.000Z');
    expect(await store.keep(first, [0, 1])).toEqual({ best: true });
    expect(await store.keep(doc(400_000, '2026-12-02T00:00:00.000Z'), [0, 1])).toEqual({ best: false });
    expect(await store.keep(doc(500_000, '2026-12-02T00:00:01.000Z', 0.5), [0, 1])).toEqual({ best: true });
    expect(await store.keep(doc(600_000, '2026-12-02T00:00:02.000Z'), [])).toEqual({ best: false });
    const best = await store.best('test-song', 'duet', ['hard', 'normal']);
    expect(best?.results.harmony).toBe(0.5);
    for (let i = 0; i < LAST_KEPT + 3; i++)
      await store.keep(doc(1000 + i, `2026-12-03T00:00:${String(i).padStart(2, '0')}.000Z`), [0]);
    const all = await store.list();
    expect(all.filter((s) => s.record.kind === 'last').length).toBe(LAST_KEPT);
    expect(all.filter((s) => s.record.kind === 'best').length).toBe(1);
    expect(all[0]?.doc.recordedAt).toBe(`2026-12-03T00:00:${String(LAST_KEPT + 2).padStart(2, '0')}.000Z`);
    await store.remove(bestReplayKey('test-song', 'duet', ['hard', 'normal']));
    expect(await store.best('test-song', 'duet', ['hard', 'normal'])).toBeNull();
    expect(problems).toEqual([]);
  });

  it('a stored record that no longer reads is skipped and reported, never deleted', async () => {
    const problems: ReplayStoreProblem[] = [];
    const backend = new MemoryReplayBackend();
    const store = new ReplayStore(backend, (p) => problems.push(p));
    await store.keep(doc(1, '2026-12-01T00:00:00.000Z'), [0]);
    const good = (await backend.all())[0] as ReplayRecord;
    const bad: ReplayRecord = { ...good, key: 'last:bad', text: good.text.slice(0, 80) };
    await backend.put(bad);
    expect((await store.list()).length).toBe(2);
    expect(problems).toEqual([{ kind: 'unreadable', key: 'last:bad', problem: { kind: 'truncated' } }]);
    expect(await backend.get('last:bad')).toBeDefined();
  });

  it('without IndexedDB, or when it fails: memory for the session, said once', async () => {
    const problems: ReplayStoreProblem[] = [];
    const none = new ReplayStore(Promise.resolve(null), (p) => problems.push(p));
    await none.keep(doc(1, '2026-12-01T00:00:00.000Z'), [0]);
    expect((await none.list()).length).toBe(2);
    expect(problems).toEqual([{ kind: 'unavailable' }]);
    const failing = {
      put: async () => {
        throw new Error('QuotaExceededError');
      },
      get: async () => {
        throw new Error('gone');
      },
      delete: async () => {
        throw new Error('gone');
      },
      all: async () => {
        throw new Error('gone');
      },
    };
    const told: ReplayStoreProblem[] = [];
    const store = new ReplayStore(failing, (p) => told.push(p));
    expect(await store.keep(doc(1, '2026-12-01T00:00:00.000Z'), [0])).toEqual({ best: false });
    expect(await store.list()).toEqual([]);
    await store.keep(doc(1, '2026-12-01T00:00:00.000Z'), [0]);
    expect((await store.list()).length).toBe(2);
    expect(told).toEqual([{ kind: 'failed', detail: 'Error: QuotaExceededError' }]);
    const listing = new ReplayStore({ ...failing, all: failing.all }, (p) => told.push(p));
    expect(await listing.best('test-song', 'duet', ['hard', 'normal'])).toBeNull();
    await listing.remove('x');
  });
});

describe('opening a replay file (the import input)', () => {
  function host() {
    const notices: { level: string; text: string }[] = [];
    const plans: RunPlan[] = [];
    const goTo: string[] = [];
    return {
      notices,
      plans,
      goTo,
      host: {
        library,
        notices: {
          info: (text: string) => notices.push({ level: 'info', text }),
          error: (text: string) => notices.push({ level: 'error', text }),
        },
        flow: { setPlan: (p: RunPlan) => plans.push(p) },
        events: { emit: (_: 'goTo', scene: string) => goTo.push(scene) },
        t: (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars),
      },
    };
  }

  it('a good file is watched at once, saying it judged the same', () => {
    const { flow } = makeFlow();
    flow.choose({ songId: 'test-song', mode: 'duet', difficulties: ['hard', 'normal'] });
    finishPlan(flow, { kind: 'play' });
    const h = host();
    const opened = importReplay(h.host, flow.lastReplay as string, 'friend.ddreplay');
    expect(opened?.doc.song.id).toBe('test-song');
    expect(h.plans).toMatchObject([{ kind: 'watch', rate: 1 }]);
    expect(h.goTo).toEqual(['Play']);
    expect(h.notices).toEqual([{ level: 'info', text: 'Judged again by this version: the same results as recorded.' }]);
  });

  it('a bad file: an error naming it and the problem, nothing else changes', () => {
    const { flow } = makeFlow();
    flow.choose({ songId: 'test-song', mode: 'duet', difficulties: ['hard', 'normal'] });
    finishPlan(flow, { kind: 'play' });
    const text = flow.lastReplay as string;
    const doc = JSON.parse(text) as ReplayDoc;
    const forged = (d: ReplayDoc) => JSON.stringify({ ...d, checksum: makeReplayChecksum(d) });
    const cases: [string, string, RegExp][] = [
      ['corrupt', 'PNG\u0000 garbage', /"a\.ddreplay" is not a replay file that can be read/],
      ['truncated', text.slice(0, text.length / 2), /"a\.ddreplay" is incomplete: the file was cut short/],
      ['tampered', text.replace('"hard"', '"expert"'), /was changed after it was saved/],
      ['future', JSON.stringify({ ...doc, version: 7 }), /newer version of the game \(replay version 7\)/],
      ['invalid', forged({ ...doc, seed: -1 }), /"a\.ddreplay" is damaged: seed/],
      [
        'missing song',
        forged({ ...doc, song: { ...doc.song, id: 'summit-anthem', title: 'Summit Anthem' } }),
        /a replay of "Summit Anthem", a song you do not have/,
      ],
      [
        'chart changed',
        forged({ ...doc, song: { ...doc.song, charts: [doc.song.charts[0], '0123456789abcdef'] } }),
        /another version of the chart of "Self-Test Groove" \(Player 2\)/,
      ],
    ];
    for (const [what, bad, message] of cases) {
      const h = host();
      expect(importReplay(h.host, bad, 'a.ddreplay'), what).toBeNull();
      expect(h.notices.length, what).toBe(1);
      expect(h.notices[0]?.level, what).toBe('error');
      expect(h.notices[0]?.text, what).toMatch(message);
      expect(h.plans, what).toEqual([]);
      expect(h.goTo, what).toEqual([]);
    }
    expect(replayProblemText(host().host, { kind: 'corrupt', detail: 'x' }, 'f')).toBe(
      '"f" is not a replay file that can be read (x).',
    );
  });
});

function makeReplayChecksum(doc: Omit<ReplayDoc, 'checksum'>): string {
  return replayChecksum(doc);
}
