import { describe, expect, it } from 'vitest';
import { TEST_SONG } from '../../src/content/songs';
import { loadSong } from '../../src/core/chart';
import { lineupFor, practiceLineup, watchLineup } from '../../src/core/lineup';
import type { PracticeProgress } from '../../src/core/practice';
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
    expect(audio.starts).toEqual([{ from: -2, leadIn: 0.15, rate: 1 }]);
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

/** Lets `seconds` of song clock pass frame by frame (16 ms frames). */
function pass(run: Run, audio: FakeAudio, seconds: number) {
  for (let t = 0; t < seconds * 1000; t += 16) {
    audio.now += 16;
    run.update(audio.now);
  }
}

describe('Run: watching, seeking, speed, practice loops, ghosts', () => {
  /** A battle with varied offsets, recorded, and a lineup that watches it. */
  function recordedBattle() {
    const first = makeRun('battle', { playerOffsetsMs: [15, -10] });
    const presses = ([0, 1] as const)
      .flatMap((slot) =>
        first.run.charts[slot].map((n, i) => ({
          slot,
          n,
          at: (first.run.perfTimeOf(slot, n.time) as number) + ((i * 37) % 140) - 70,
        })),
      )
      .sort((a, b) => a.at - b.at);
    for (const { slot, n, at } of presses) {
      first.audio.now = at;
      first.run.update(at);
      first.run.press({ player: slot, lane: n.lane, at });
    }
    pass(first.run, first.audio, 5);
    const recorded = {
      inputs: first.run.match.inputs,
      offsetsMs: first.run.offsetsMs,
      seats: ['local', 'local'] as const,
    };
    return { first, recorded, watching: watchLineup('battle') };
  }

  it('seeking back and forth while watching ends with the results of the run', () => {
    const { first, recorded, watching } = recordedBattle();
    const { run, audio, results } = makeRun('battle', { lineup: watching, recorded });
    const resets: number[] = [];
    run.on('reset', ({ time }) => resets.push(time));
    expect(run.watching).toBe(true);
    pass(run, audio, 4);
    run.seek(10);
    expect(run.songTime(audio.now)).toBeLessThan(10);
    pass(run, audio, 1);
    expect(run.songTime(audio.now)).toBeGreaterThan(10.5);
    // everything recorded before 10 s is judged at once
    const judgedAt10 = run.match.results().players[0]?.hits.filter((h) => h.judgement !== 'miss').length ?? 0;
    expect(judgedAt10).toBeGreaterThan(0);
    run.seek(1);
    pass(run, audio, 2);
    run.pause();
    run.seek(-99); // clamped to the start, stays paused
    expect(run.state).toBe('paused');
    expect(run.songTime(audio.now)).toBe(run.span.start);
    run.resume();
    expect(audio.starts.at(-1)).toMatchObject({ from: run.span.start, rate: 1 });
    pass(run, audio, 25);
    expect(resets).toEqual([10, 1, run.span.start]);
    const { seats, ...again } = results[0] as RunResults;
    const { seats: _s, ...before } = first.results[0] as RunResults;
    expect(again).toEqual(before);
    expect(seats).toEqual(['local', 'local']);
  });

  it('speed: the song clock runs at the rate (0.5–2×), and a played run cannot be sought', () => {
    const { recorded, watching } = recordedBattle();
    const { run, audio } = makeRun('battle', { lineup: watching, recorded, rate: 0.5 });
    expect(audio.starts[0]?.rate).toBe(0.5);
    pass(run, audio, 3);
    const a = run.songTime(audio.now) as number;
    pass(run, audio, 2);
    expect((run.songTime(audio.now) as number) - a).toBeCloseTo(1, 1);
    const rates: number[] = [];
    run.on('rate', (r) => rates.push(r));
    run.setRate(2, audio.now);
    run.setRate(5, audio.now); // clamped: already 2
    run.setRate(2, audio.now);
    expect(rates).toEqual([2]);
    pass(run, audio, 1);
    const b = run.songTime(audio.now) as number;
    pass(run, audio, 1);
    expect((run.songTime(audio.now) as number) - b).toBeCloseTo(2, 1);
    const played = makeRun('duet');
    pass(played.run, played.audio, 3);
    const before = played.audio.starts.length;
    played.run.seek(8);
    expect(played.audio.starts.length).toBe(before);
  });

  it('practice: loops bars 3–4 at half speed, counts loops, speeds up after clean loops, never finishes', () => {
    const practice = { fromBar: 3, toBar: 4, speed: 0.5, speedUp: true, demo: null };
    const { run, audio, results } = makeRun('duet', { practice });
    expect(run.range).toEqual({ from: 4, to: 8 });
    expect(run.charts[0].every((n) => n.time >= 4 && n.time < 8)).toBe(true);
    expect(audio.starts[0]).toMatchObject({ from: 2, rate: 0.5 }); // four beats of count-in before bar 3
    const loops: PracticeProgress[] = [];
    run.on('loop', (p) => loops.push(p));
    const resets: number[] = [];
    run.on('reset', (r) => resets.push(r.time));
    /** One loop played: every note on time, but `skip` of player 0's notes left alone. */
    const playLoop = (skip: number) => {
      const presses = ([0, 1] as const)
        .flatMap((slot) => run.charts[slot].map((n) => ({ slot, n, at: run.perfTimeOf(slot, n.time) as number })))
        .filter((_, i) => i >= skip)
        .sort((x, y) => x.at - y.at);
      for (const { slot, n, at } of presses) {
        audio.now = at;
        run.update(at);
        run.press({ player: slot, lane: n.lane, at });
      }
      const before = loops.length;
      while (loops.length === before) {
        audio.now += 16;
        run.update(audio.now);
      }
    };
    playLoop(0);
    playLoop(1);
    playLoop(0);
    playLoop(0);
    expect(loops.map((l) => [l.loops, l.last?.clean, l.last?.speed, l.speed])).toEqual([
      [1, true, 0.5, 0.5],
      [2, false, 0.5, 0.5],
      [3, true, 0.5, 0.5],
      [4, true, 0.5, 0.55],
    ]);
    expect(audio.starts.at(-1)).toMatchObject({ from: 2, rate: 0.55 });
    expect(resets.length).toBe(4); // a fresh match for each loop after the first
    expect(results).toEqual([]);
    expect(run.state).toBe('playing');
  });

  it('practice demo: the game plays one part perfectly, the other is played here', () => {
    const practice = { fromBar: 1, toBar: 8, speed: 1, speedUp: false, demo: 0 as const };
    const { run, audio } = makeRun('duet', { practice, lineup: practiceLineup('duet', 0) });
    const loops: PracticeProgress[] = [];
    let demoScore = 0;
    run.on('loop', (p) => {
      loops.push(p);
      demoScore = run.match.player(0).score;
    });
    pass(run, audio, 20);
    expect(loops.length).toBe(1);
    // the demo's part: all Perfect, heard; nobody played slot 1, so the loop was not clean
    expect(demoScore).toBe(1_000_000);
    expect(loops[0]?.last).toMatchObject({ clean: false, hits: 0 });
    expect(audio.hits.filter((h) => h.player === 0 && !h.muted).length).toBeGreaterThanOrEqual(run.charts[0].length);
  });

  it('a ghost: the best run judged silently beside the live one', () => {
    const { recorded } = recordedBattle();
    const { run, audio, results } = makeRun('battle', { ghost: recorded, playerOffsetsMs: [15, -10] });
    expect(run.ghostScore(0)).toBe(0);
    expect(run.ghostPresses(0).length).toBe(recorded.inputs.filter((i) => i.player === 0).length);
    expect(run.ghostPresses(0)[0]?.time).toBeCloseTo(
      Math.min(...recorded.inputs.filter((i) => i.player === 0).map((i) => i.time)) - 0.015,
      9,
    );
    pass(run, audio, 8);
    const midway = run.ghostScore(0) as number;
    expect(midway).toBeGreaterThan(0);
    expect(run.match.player(0).score).toBe(0);
    pass(run, audio, 20);
    expect(run.ghostScore(0)).toBeGreaterThan(midway);
    expect(results[0]?.players[0]?.score).toBe(0);
    expect(makeRun('duet').run.ghostScore(0)).toBeNull();
    expect(makeRun('duet').run.ghostPresses(0)).toEqual([]);
  });
});
