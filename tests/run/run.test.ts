import { describe, expect, it } from 'vitest';
import { TEST_SONG } from '../../src/content/songs';
import { loadSong } from '../../src/core/chart';
import { lineupFor } from '../../src/core/lineup';
import type { Difficulty, Mode, PlayerId } from '../../src/core/units';
import { Run, type RunResults, type RunSetup } from '../../src/run/run';
import { FakeAudio } from './fakeAudio';

const song = loadSong(TEST_SONG);

function makeRun(mode: Mode, opts: Partial<RunSetup> = {}): { run: Run; audio: FakeAudio; results: RunResults[] } {
  const run = new Run({
    song,
    lineup: lineupFor(mode),
    difficulties: ['hard', 'normal'] as [Difficulty, Difficulty],
    playerOffsetsMs: [0, 0],
    seed: 7,
    hitSounds: true,
    ...opts,
  });
  const audio = new FakeAudio();
  const results: RunResults[] = [];
  run.on('results', (r) => results.push(r));
  run.start(audio);
  return { run, audio, results };
}

/** Presses every note of `slots` exactly on time with `keys` (whose key set plays it), frame by frame. */
function playPerfectly(run: Run, audio: FakeAudio, slots: PlayerId[], keys: (slot: PlayerId) => PlayerId) {
  const presses = slots
    .flatMap((slot) => run.charts[slot].map((n) => ({ slot, n, at: run.perfTimeOf(slot, n.time) as number })))
    .sort((a, b) => a.at - b.at);
  for (const { slot, n, at } of presses) {
    audio.now = at;
    run.update(at);
    run.press({ player: keys(slot), lane: n.lane, at });
  }
  audio.now += 5000;
  run.update(audio.now);
}

describe('Run (in Node, with a fake clock)', () => {
  it('starts with a four-beat count-in after the engine’s lead-in, and clicks each beat', () => {
    const { run, audio } = makeRun('duet');
    expect(run.state).toBe('playing');
    expect(audio.loaded?.id).toBe('test-song');
    expect(audio.starts).toEqual([{ from: -2, leadIn: 0.15 }]);
    expect(audio.clicks.map((c) => [c.songTime, c.accent])).toEqual([
      [-2, true],
      [-1.5, false],
      [-1, false],
      [-0.5, false],
    ]);
  });

  it('a perfect duet: both 1,000,000, SS, Harmony 1, and results that say what was played', () => {
    const { run, audio, results } = makeRun('duet');
    playPerfectly(run, audio, [0, 1], (s) => s);
    expect(run.state).toBe('ended');
    const r = results[0] as RunResults;
    expect(r.players.map((p) => [p.score, p.grade])).toEqual([
      [1_000_000, 'SS'],
      [1_000_000, 'SS'],
    ]);
    expect(r.harmony).toBe(1);
    expect(r).toMatchObject({ songId: 'test-song', title: song.title, mode: 'duet', difficulties: ['hard', 'normal'] });
    expect(r.seats).toEqual(['local', 'local']);
    expect(audio.hits.every((h) => !h.muted)).toBe(true);
  });

  it('a press delivered after its note was declared missed is still judged by its stamp', () => {
    const { run, audio, results } = makeRun('battle');
    const notes = run.charts[0];
    for (const n of notes) {
      const at = run.perfTimeOf(0, n.time) as number;
      // the frame loop has already passed this note's window by 700 ms when the press arrives
      audio.now = at + 700;
      run.update(audio.now);
      run.press({ player: 0, lane: n.lane, at });
    }
    audio.now += 5000;
    run.update(audio.now);
    expect(results[0]?.players[0]?.counts).toEqual({ perfect: notes.length, great: 0, good: 0, miss: 0 });
  });

  it('Solo: the CPU partner plays slot 1 through the match, heard at its exact times; either key set plays slot 0', () => {
    const { run, audio, results } = makeRun('solo');
    playPerfectly(run, audio, [0], () => 1);
    const r = results[0] as RunResults;
    expect(r.players[0]?.score).toBe(1_000_000);
    expect(r.seats).toEqual(['local', 'cpu']);
    const cpu = r.players[1];
    expect((cpu?.counts.perfect ?? 0) + (cpu?.counts.great ?? 0)).toBeGreaterThan(run.charts[1].length * 0.8);
    const cpuHits = audio.hits.filter((h) => h.player === 1);
    expect(cpuHits.length).toBeGreaterThan(0);
    expect(cpuHits.every((h) => h.at !== undefined)).toBe(true);
  });

  it('Lesson: presses from player 1’s keys play the novice part (slot 1); the teacher plays slot 0', () => {
    const { run, audio, results } = makeRun('lesson');
    playPerfectly(run, audio, [1], () => 0);
    expect(results[0]?.players[1]?.score).toBe(1_000_000);
    expect(results[0]?.seats).toEqual(['cpu', 'local']);
  });

  it('a ghost press and an early Miss make the muted sound; a hit the full drum', () => {
    const { run, audio } = makeRun('duet');
    const n = run.charts[0][0];
    if (!n) throw new Error('no notes');
    const t = run.perfTimeOf(0, n.time) as number;
    audio.now = t - 2000;
    run.press({ player: 0, lane: n.lane, at: t - 2000 }); // ghost
    run.press({ player: 0, lane: n.lane, at: t - 100 }); // early Miss (Hard: inside −108 ms)
    run.press({ player: 1, lane: 'kick', at: t - 2000 }); // ghost of the other player
    expect(audio.hits.map((h) => [h.player, h.muted])).toEqual([
      [0, true],
      [0, true],
      [1, true],
    ]);
  });

  it('the device’s own offset and the player’s offset both move judging, not the sound', () => {
    const { run, audio, results } = makeRun('battle', { playerOffsetsMs: [20, 0] });
    for (const n of run.charts[0]) {
      // perfTimeOf includes the player's 20 ms; the device adds 15 ms of its own latency
      const at = (run.perfTimeOf(0, n.time) as number) + 15;
      audio.now = at;
      run.update(at);
      run.press({ player: 0, lane: n.lane, at, deviceOffsetMs: 15, velocity: 0.5 });
    }
    audio.now += 5000;
    run.update(audio.now);
    expect(results[0]?.players[0]?.score).toBe(1_000_000);
    expect(audio.hits.every((h) => h.velocity === 0.5)).toBe(true);
  });

  it('pause stops the clock and ignores presses; resume counts in three beats before the pause point', () => {
    const { run, audio } = makeRun('duet');
    audio.now = (run.perfTimeOf(0, 4) as number) + 0;
    run.update(audio.now);
    run.pause();
    expect(run.state).toBe('paused');
    expect(run.songTime(audio.now + 1e6)).toBeCloseTo(4, 9);
    run.press({ player: 0, lane: 'kick', at: audio.now });
    const heard = audio.hits.length;
    expect(heard).toBe(0);
    const counts: { until: number; beats: number }[] = [];
    run.on('countIn', (c) => counts.push(c));
    run.resume();
    expect(counts).toEqual([{ until: 4, beats: 3 }]);
    expect(audio.starts.at(-1)?.from).toBeCloseTo(2.5, 9);
  });

  it('a replay seat plays a recorded run back: the same results', () => {
    const first = makeRun('duet');
    playPerfectly(first.run, first.audio, [0, 1], (s) => s);
    const recorded = { inputs: first.run.match.inputs, offsetsMs: [0, 0] as const };
    const watching = { ...lineupFor('duet'), seats: [{ kind: 'replay' }, { kind: 'replay' }] as const };
    const { run, audio, results } = makeRun('duet', { lineup: watching, recorded });
    for (let t = 0; t < 20_000; t += 16) {
      audio.now += 16;
      run.update(audio.now);
    }
    const { title: _t, seats: _s, ...again } = results[0] as RunResults;
    const { title: _t2, seats: _s2, ...before } = first.results[0] as RunResults;
    expect(again).toEqual(before);
  });
});
