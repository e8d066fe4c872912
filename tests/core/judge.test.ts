import { describe, expect, it } from 'vitest';
import {
  HitWindows,
  lowerBound,
  Match,
  type MatchEvent,
  offsetMsOf,
  PlayerJudge,
  replay,
  UNISON_TOLERANCE_MS,
} from '../../src/core';
import { finished, harmonySoFar, judgementsOf, makeSetup, note, press, recordedMatch, unisonCount } from './helpers';

/*
 * Replays as tests: a small chart, a list of presses, the judgements expected out.
 * Difficulty is Hard (Perfect ±25, Great ±50, Good ±75, early Miss -108 ms) unless stated.
 */

describe('offsetMsOf', () => {
  it('is press minus note in ms, rounded to the microsecond', () => {
    expect(offsetMsOf(1.0251, 1)).toBe(25.1);
    expect(offsetMsOf(0.3 + 0.075, 0.3)).toBe(75);
    expect(offsetMsOf(0.9, 1)).toBe(-100);
  });

  it('never gives negative zero for a press exactly on the note', () => {
    // 0.3 - 0.1 is 0.19999999999999998 in floating point
    expect(Object.is(offsetMsOf(0.3 - 0.1, 0.2), 0)).toBe(true);
  });
});

describe('lowerBound', () => {
  const values = Float64Array.from([1, 2, 2, 3, 5]);
  it.each([
    [0, 0],
    [1, 0],
    [1.5, 1],
    [2, 1],
    [3, 3],
    [4, 4],
    [5, 4],
    [6, 5],
  ])('first index >= %s is %s', (x, i) => {
    expect(lowerBound(values, x)).toBe(i);
  });

  it('is 0 on an empty list', () => {
    expect(lowerBound(new Float64Array(0), 3)).toBe(0);
  });
});

describe('PlayerJudge', () => {
  it('sorts each lane, counts unjudged notes, and ignores lanes without notes', () => {
    const judge = new PlayerJudge(
      0,
      [note('b', 2, 'snare'), note('a', 1, 'snare'), note('k', 1, 'kick')],
      HitWindows.for('hard'),
    );
    expect(judge.unjudged).toBe(3);
    expect(judge.press('tom', 1)).toBeNull();
    expect(judge.press('snare', 1.01)?.note.id).toBe('a');
    expect(judge.unjudged).toBe(2);
    expect(judge.expire(10).map((j) => [j.note.id, j.judgement, j.offsetMs, j.time])).toEqual([
      ['k', 'miss', null, 1.075],
      ['b', 'miss', null, 2.075],
    ]);
    expect(judge.unjudged).toBe(0);
    expect(judge.expire(20)).toEqual([]);
  });
});

describe('Match replays', () => {
  it('two players pressing in the same millisecond are judged independently', () => {
    const { match, events } = recordedMatch(makeSetup([[note('a', 1, 'snare')], [note('b', 1, 'snare')]]));
    expect(match.press(press(0, 'snare', 1.01))?.judgement).toBe('perfect');
    expect(match.press(press(1, 'snare', 1.01))?.judgement).toBe('perfect');
    expect(judgementsOf(events, 0)).toEqual([['a', 'perfect', 10]]);
    expect(judgementsOf(events, 1)).toEqual([['b', 'perfect', 10]]);
    expect(finished(match)).toBe(true);
  });

  it('both hands on one chord: two lanes at the same time, pressed in the same millisecond', () => {
    const setup = makeSetup([[note('s', 1, 'snare'), note('k', 1, 'kick')], []]);
    const r = replay(setup, [press(0, 'kick', 1.03), press(0, 'snare', 1.03)]);
    expect(r.players[0]?.hits).toEqual([
      { noteId: 's', offsetMs: 30, judgement: 'great' },
      { noteId: 'k', offsetMs: 30, judgement: 'great' },
    ]);
    expect(r.players[0]?.maxCombo).toBe(2);
  });

  it('an early press in the Miss window takes the note as a Miss; the exact press after it is a ghost', () => {
    const { match, events } = recordedMatch(makeSetup([[note('a', 1, 'snare')], []]));
    const early = match.press(press(0, 'snare', 0.9));
    expect(early).toMatchObject({ judgement: 'miss', offsetMs: -100, comboAfter: 0 });
    expect(match.press(press(0, 'snare', 1))).toBeNull();
    expect(events.map((e) => e.type)).toEqual(['judgement', 'ghost']);
    expect(finished(match)).toBe(true);
    expect(match.results().players[0]?.counts).toEqual({ perfect: 0, great: 0, good: 0, miss: 1 });
  });

  it('after an early Miss, the exact press takes the next note of the lane', () => {
    const setup = makeSetup([[note('a', 1, 'snare'), note('b', 1.05, 'snare')], []]);
    const r = replay(setup, [press(0, 'snare', 0.9), press(0, 'snare', 1)]);
    expect(r.players[0]?.hits).toEqual([
      { noteId: 'a', offsetMs: -100, judgement: 'miss' },
      { noteId: 'b', offsetMs: -50, judgement: 'great' },
    ]);
  });

  it('a press just before the Miss window is a ghost and leaves the note for a later press', () => {
    const setup = makeSetup([[note('a', 1, 'snare')], []]);
    // 108.001 ms early on Hard: outside every window
    const r = replay(setup, [press(0, 'snare', 1 - 0.108001), press(0, 'snare', 1)]);
    expect(r.players[0]?.hits).toEqual([{ noteId: 'a', offsetMs: 0, judgement: 'perfect' }]);
  });

  it('a ghost hit changes nothing: no combo break, no score change, a ghost event', () => {
    const chart = [note('a', 1, 'snare'), note('b', 2, 'snare'), note('c', 3, 'snare')];
    const { match, events } = recordedMatch(makeSetup([chart, []]));
    match.press(press(0, 'snare', 1));
    match.press(press(0, 'snare', 2));
    const before = { ...match.player(0), counts: { ...match.player(0).counts }, score: match.player(0).score };
    expect(before.combo).toBe(2);
    // a lane with no notes at all, and a lane with notes but none in reach
    expect(match.press(press(0, 'tom', 2.5))).toBeNull();
    expect(match.press(press(0, 'snare', 2.5))).toBeNull();
    const p = match.player(0);
    expect({ combo: p.combo, maxCombo: p.maxCombo, score: p.score, counts: p.counts }).toEqual({
      combo: 2,
      maxCombo: 2,
      score: before.score,
      counts: before.counts,
    });
    expect(events.slice(-2)).toEqual([
      { type: 'ghost', player: 0, lane: 'tom', time: 2.5 },
      { type: 'ghost', player: 0, lane: 'snare', time: 2.5 },
    ]);
    expect(match.press(press(0, 'snare', 3))?.comboAfter).toBe(3);
    expect(match.results().players[0]?.grade).toBe('SS');
  });

  it('a note becomes a forced Miss only once time passes the end of its Good window', () => {
    const { match, events } = recordedMatch(makeSetup([[note('a', 1, 'snare')], []]));
    match.advance(1.075);
    expect(events).toEqual([]);
    expect(finished(match)).toBe(false);
    match.advance(1.075001);
    expect(judgementsOf(events, 0)).toEqual([['a', 'miss', null]]);
    expect(events[0]?.type === 'judgement' && events[0].result.time).toBe(1.075);
    expect(finished(match)).toBe(true);
  });

  it('the forced-miss edge follows the lenient windows on Normal', () => {
    const { match, events } = recordedMatch(
      makeSetup([[note('a', 1, 'snare')], []], { difficulties: ['normal', 'hard'] }),
    );
    match.advance(1.108);
    expect(events).toEqual([]);
    expect(match.press(press(0, 'snare', 1.108))?.judgement).toBe('good');
  });

  it('a press expires the notes it has passed before judging itself', () => {
    const setup = makeSetup([[note('a', 1, 'snare'), note('b', 1.2, 'kick')], []]);
    const { match, events } = recordedMatch(setup);
    match.press(press(0, 'kick', 1.2));
    expect(judgementsOf(events, 0)).toEqual([
      ['a', 'miss', null],
      ['b', 'perfect', 0],
    ]);
  });

  it('a press after the last note is a ghost', () => {
    const { match, events } = recordedMatch(makeSetup([[note('a', 1, 'snare')], []]));
    expect(match.press(press(0, 'snare', 1))?.judgement).toBe('perfect');
    expect(match.press(press(0, 'snare', 1.3))).toBeNull();
    expect(match.press(press(0, 'snare', 9))).toBeNull();
    expect(events.map((e) => e.type)).toEqual(['judgement', 'ghost', 'ghost']);
  });

  it('two presses on one lane: the earliest unjudged note in reach wins', () => {
    const setup = makeSetup([[note('a', 1, 'snare'), note('b', 1.06, 'snare')], []]);
    // 1.03 is +30 from a and -30 from b: a takes it
    expect(replay(setup, [press(0, 'snare', 1.03), press(0, 'snare', 1.06)]).players[0]?.hits).toEqual([
      { noteId: 'a', offsetMs: 30, judgement: 'great' },
      { noteId: 'b', offsetMs: 0, judgement: 'perfect' },
    ]);
    // the same millisecond twice: the first press takes a, the second b
    expect(replay(setup, [press(0, 'snare', 1.02), press(0, 'snare', 1.02)]).players[0]?.hits).toEqual([
      { noteId: 'a', offsetMs: 20, judgement: 'perfect' },
      { noteId: 'b', offsetMs: -40, judgement: 'great' },
    ]);
  });

  it("applies each player's input offset to judging and to expiry", () => {
    const setup = makeSetup([[note('a', 1, 'snare'), note('b', 2, 'snare')], [note('c', 1, 'kick')]], {
      offsets: [40, -20],
    });
    const { match, events } = recordedMatch(setup);
    const late = match.press(press(0, 'snare', 1.04));
    expect(late).toMatchObject({ judgement: 'perfect' });
    expect(Object.is(late?.offsetMs, 0)).toBe(true);
    expect(match.press(press(1, 'kick', 0.98))).toMatchObject({ judgement: 'perfect', offsetMs: 0 });
    // player 0's note b closes at 2.075 corrected, i.e. 2.115 on the raw clock
    match.advance(2.115);
    expect(finished(match)).toBe(false);
    match.advance(2.115001);
    expect(finished(match)).toBe(true);
    expect(judgementsOf(events, 0)).toEqual([
      ['a', 'perfect', 0],
      ['b', 'miss', null],
    ]);
    // an uncorrected on-time press is early for a player whose presses land late
    expect(replay(setup, [press(0, 'snare', 1)]).players[0]?.hits[0]).toEqual({
      noteId: 'a',
      offsetMs: -40,
      judgement: 'great',
    });
  });

  it('records the raw inputs in arrival order', () => {
    const match = new Match(makeSetup([[note('a', 1, 'snare')], []], { offsets: [30, 0] }));
    match.press(press(0, 'snare', 1.03));
    match.press(press(1, 'tom', 0.5));
    expect(match.inputs).toEqual([press(0, 'snare', 1.03), press(1, 'tom', 0.5)]);
  });
});

describe('unison', () => {
  const unisonSetup = (offsets: [number, number] = [0, 0], difficulty: 'hard' | 'normal' = 'hard') =>
    makeSetup([[note('a', 2, 'snare', true)], [note('b', 2, 'kick', true)]], {
      offsets,
      difficulties: [difficulty, difficulty],
    });
  const unisonEvents = (events: MatchEvent[]) => events.filter((e) => e.type === 'unison');

  it.each([
    ['10 ms apart', 2.01, 2.0, true, 10],
    ['exactly 30 ms apart', 2.01, 1.98, true, 30],
    ['31 ms apart', 2.0, 2.031, false, 31],
    ['49 ms apart, both Great', 2.024, 1.975, false, 49],
  ])('%s: together %s', (_, t0, t1, together, diffMs) => {
    const { match, events } = recordedMatch(unisonSetup());
    match.press(press(0, 'snare', t0));
    expect(unisonEvents(events)).toEqual([]);
    match.press(press(1, 'kick', t1));
    expect(unisonEvents(events)).toEqual([{ type: 'unison', time: 2, together, diffMs, harmony: together ? 1 : 0 }]);
    const r = match.results();
    expect(r.harmony).toBe(together ? 1 : 0);
    expect(r.syncMs).toBe(diffMs);
  });

  it('exactly 30 ms counts as together even where the float difference of the offsets is not exact', () => {
    // offsets -63.998 and -93.998 ms: their float difference is 30.000000000000007
    const { match, events } = recordedMatch(unisonSetup([0, 0], 'normal'));
    expect(match.press(press(0, 'snare', 2 - 0.063998))?.offsetMs).toBe(-63.998);
    expect(match.press(press(1, 'kick', 2 - 0.093998))?.offsetMs).toBe(-93.998);
    expect(unisonEvents(events)).toEqual([{ type: 'unison', time: 2, together: true, diffMs: 30, harmony: 1 }]);
  });

  it('is judged on offset-corrected times', () => {
    // raw presses 70 ms apart; corrected +10 and -20 ms
    const r = replay(unisonSetup([40, 0]), [press(0, 'snare', 2.05), press(1, 'kick', 1.98)]);
    expect(r.harmony).toBe(1);
    expect(r.syncMs).toBe(30);
  });

  it('one player missing: not together, no sync sample', () => {
    const { match, events } = recordedMatch(unisonSetup());
    match.press(press(0, 'snare', 2));
    match.advance(3);
    expect(unisonEvents(events)).toEqual([{ type: 'unison', time: 2, together: false, diffMs: null, harmony: 0 }]);
    expect(match.results()).toMatchObject({ harmony: 0, syncMs: null });
  });

  it('an early Miss by one player is not together even when the presses are close', () => {
    // Normal: player 0 is 120 ms early (Miss), player 1 is 100 ms early (Good), 20 ms apart
    const r = replay(unisonSetup([0, 0], 'normal'), [press(0, 'snare', 1.88), press(1, 'kick', 1.9)]);
    expect(r.players.map((p) => p.hits[0]?.judgement)).toEqual(['miss', 'good']);
    expect(r.harmony).toBe(0);
    expect(r.syncMs).toBeNull();
  });

  it('harmony is the share of unison notes hit together; sync is the median difference', () => {
    const times = [1, 2, 3, 4];
    const setup = makeSetup([
      [...times.map((t, i) => note(`a${i}`, t, 'snare', true)), note('x', 5, 'tom')],
      [...times.map((t, i) => note(`b${i}`, t, 'kick', true)), note('y', 5, 'tom')],
    ]);
    const { match, events } = recordedMatch(setup);
    expect(unisonCount(setup)).toBe(4);
    expect(harmonySoFar(events)).toBeNull();
    const inputs = [
      press(0, 'snare', 1),
      press(1, 'kick', 1.01), // 10 ms: together
      press(0, 'snare', 2.02),
      press(1, 'kick', 2), // 20 ms: together
      press(0, 'snare', 3.04),
      press(1, 'kick', 3), // 40 ms: apart
      press(0, 'snare', 4), // player 1 misses note 4
    ];
    for (const input of inputs) match.press(input);
    expect(harmonySoFar(events)).toBeCloseTo(2 / 3, 12);
    match.advance(Number.POSITIVE_INFINITY);
    expect(unisonEvents(events).map((e) => e.type === 'unison' && [e.together, e.diffMs, e.harmony])).toEqual([
      [true, 10, 1],
      [true, 20, 1],
      [false, 40, 2 / 3],
      [false, null, 0.5],
    ]);
    const r = match.results();
    expect(r.harmony).toBe(0.5);
    expect(r.syncMs).toBe(20);
    expect(r.battle).toBeNull();
    expect(replay(setup, inputs)).toEqual(r);
  });

  it('undecided unison notes count against harmony in early results', () => {
    const setup = makeSetup([
      [note('a0', 1, 'snare', true), note('a1', 2, 'snare', true)],
      [note('b0', 1, 'kick', true), note('b1', 2, 'kick', true)],
    ]);
    const r = replay(setup, [press(0, 'snare', 1), press(1, 'kick', 1)], 1.5);
    expect(r.harmony).toBe(0.5);
    expect(r.players[0]?.hits[1]).toEqual({ noteId: 'a1', offsetMs: null, judgement: 'miss' });
  });

  it('harmony and sync are null outside a duet, or in a duet without unison notes', () => {
    const battle = replay(
      makeSetup([[note('a', 1, 'snare', true)], [note('b', 1, 'kick', true)]], { mode: 'battle' }),
      [],
    );
    expect([battle.harmony, battle.syncMs]).toEqual([null, null]);
    const plain = replay(makeSetup([[note('a', 1, 'snare')], [note('b', 1, 'kick')]]), []);
    expect([plain.harmony, plain.syncMs]).toEqual([null, null]);
  });

  it('the tolerance is 30 ms', () => {
    expect(UNISON_TOLERANCE_MS).toBe(30);
  });
});

describe('battle', () => {
  const chart = (p: 0 | 1) => [note(`p${p}a`, 1, 'snare'), note(`p${p}b`, 2, 'snare')];
  const setup = makeSetup([chart(0), chart(1)], { mode: 'battle' });

  it('the higher score wins, by the score difference', () => {
    const r = replay(setup, [
      press(0, 'snare', 1),
      press(0, 'snare', 2),
      press(1, 'snare', 1),
      press(1, 'snare', 2.04),
    ]);
    const [a, b] = r.players.map((p) => p.score) as [number, number];
    expect(a).toBe(1_000_000);
    expect(b).toBeLessThan(a);
    expect(r.battle).toEqual({ winner: 0, margin: a - b });
  });

  it('player 1 can win', () => {
    const r = replay(setup, [press(0, 'snare', 1), press(1, 'snare', 1), press(1, 'snare', 2)]);
    expect(r.battle?.winner).toBe(1);
    expect(r.battle?.margin).toBe((r.players[1]?.score ?? 0) - (r.players[0]?.score ?? 0));
  });

  it('a tie has no winner', () => {
    const r = replay(setup, [press(0, 'snare', 1.03), press(1, 'snare', 0.97)]);
    expect(r.players[0]?.score).toBe(r.players[1]?.score);
    expect(r.battle).toEqual({ winner: null, margin: 0 });
  });
});

describe('listeners', () => {
  it('receive judgement, ghost and unison events with combo and score snapshots', () => {
    const setup = makeSetup([[note('a', 1, 'snare'), note('b', 2, 'snare', true)], [note('c', 2, 'kick', true)]]);
    const { match, events } = recordedMatch(setup);
    match.press(press(0, 'snare', 1));
    match.press(press(0, 'hihat', 1.5));
    match.press(press(0, 'snare', 2.04));
    match.press(press(1, 'kick', 2.02));
    expect(events.map((e) => e.type)).toEqual(['judgement', 'ghost', 'judgement', 'judgement', 'unison']);
    const [first, , second] = events;
    expect(first).toMatchObject({
      type: 'judgement',
      player: 0,
      result: { judgement: 'perfect', offsetMs: 0, time: 1, comboBefore: 0, comboAfter: 1, scoreBefore: 0 },
    });
    expect(second).toMatchObject({ result: { judgement: 'great', offsetMs: 40, comboBefore: 1, comboAfter: 2 } });
    if (first?.type !== 'judgement' || second?.type !== 'judgement') throw new Error('expected judgements');
    expect(first.result.scoreAfter).toBeGreaterThan(0);
    expect(second.result.scoreBefore).toBe(first.result.scoreAfter);
    expect(second.result.scoreAfter).toBe(match.player(0).score);
    expect(events[4]).toEqual({ type: 'unison', time: 2, together: true, diffMs: 20, harmony: 1 });
  });

  it('stop receiving events once unsubscribed; other listeners still do', () => {
    const match = new Match(makeSetup([[note('a', 1, 'snare'), note('b', 2, 'snare')], []]));
    const a: MatchEvent[] = [];
    const b: MatchEvent[] = [];
    const offA = match.on((e) => a.push(e));
    match.on((e) => b.push(e));
    match.press(press(0, 'snare', 1));
    offA();
    match.press(press(0, 'snare', 2));
    expect([a.length, b.length]).toEqual([1, 2]);
  });
});

describe('results', () => {
  it('list every note in chart order, report the difficulty, and count unjudged notes as misses', () => {
    const setup = makeSetup([[note('a', 1, 'snare'), note('b', 2, 'kick')], [note('c', 1, 'tom')]], {
      difficulties: ['easy', 'expert'],
    });
    const match = new Match(setup);
    match.press(press(0, 'kick', 2.05));
    const r = match.results();
    expect(r.songId).toBe('test-song');
    expect(r.mode).toBe('duet');
    expect(r.players[0]?.difficulty).toBe('easy');
    expect(r.players[1]?.difficulty).toBe('expert');
    expect(r.players[0]?.hits).toEqual([
      { noteId: 'a', offsetMs: null, judgement: 'miss' },
      { noteId: 'b', offsetMs: 50, judgement: 'great' },
    ]);
    expect(r.players[0]?.counts).toEqual({ perfect: 0, great: 1, good: 0, miss: 1 });
    expect(r.players[1]?.counts).toEqual({ perfect: 0, great: 0, good: 0, miss: 1 });
    expect(finished(match)).toBe(false);
  });

  it('a player with an empty chart (solo) scores 0 and never holds up the end', () => {
    const match = new Match(makeSetup([[note('a', 1, 'snare')], []], { mode: 'solo' }));
    match.press(press(0, 'snare', 1));
    expect(finished(match)).toBe(true);
    const r = match.results();
    expect(r.players[1]).toMatchObject({ score: 0, accuracy: 0, hits: [], maxCombo: 0 });
    expect(r.players[0]).toMatchObject({ score: 1_000_000, grade: 'SS' });
    expect([r.harmony, r.syncMs, r.battle]).toEqual([null, null, null]);
  });

  it('replay sorts recorded inputs by time', () => {
    const setup = makeSetup([[note('a', 1, 'snare'), note('b', 1.05, 'snare')], []]);
    const inputs = [press(0, 'snare', 1.05), press(0, 'snare', 1)];
    // sorted: 1.00 takes a (Perfect), then 1.05 takes b (Perfect)
    expect(replay(setup, inputs).players[0]?.counts.perfect).toBe(2);
    // fed live in the given order, the late-delivered 1.00 takes a back from 1.05: the same as sorted
    const live = new Match(setup);
    for (const i of inputs) live.press(i);
    expect(live.results().players[0]?.hits.map((h) => h.offsetMs)).toEqual([0, 0]);
    // equal times keep their recorded order: player 1's press is recorded first either way
    const tie = [press(1, 'kick', 1), press(0, 'snare', 1)];
    const m = new Match(makeSetup([[note('a', 1, 'snare')], [note('k', 1, 'kick')]]));
    for (const i of tie) m.press(i);
    expect(replay(m.setup, m.inputs)).toEqual(m.results());
  });
});
