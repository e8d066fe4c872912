import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DIFFICULTIES,
  type DrumInput,
  JUDGEMENTS,
  type Judgement,
  LANES,
  type Lane,
  Match,
  type MatchSetup,
  type Note,
  type PlayerId,
  replay,
  ScoreProcessor,
} from '../../src/core';
import { finished, judged, makeSetup, note, unisonCount } from './helpers';

/*
 * Invariants over random runs. Charts sit on a 50 ms grid, so neighbouring notes of a lane
 * can share windows; presses land near the grid with ±150 ms of jitter, so every window,
 * the early-Miss zone, ghosts and forced misses all occur.
 */

const STEP = 0.05;
const MAX_STEP = 300;

interface Scenario {
  setup: MatchSetup;
  inputs: [DrumInput[], DrumInput[]];
}

const chartArb = (player: PlayerId, unisonSteps: number[]) =>
  fc
    .uniqueArray(fc.record({ step: fc.integer({ min: 0, max: MAX_STEP }), lane: fc.constantFrom(...LANES) }), {
      maxLength: 40,
      selector: (n) => `${n.step}/${n.lane}`,
    })
    .map((raw) => {
      const unisonLane: Lane = player === 0 ? 'snare' : 'kick';
      const cells = raw.filter((n) => !(unisonSteps.includes(n.step) && n.lane === unisonLane));
      const all = [
        ...cells.map((n) => ({ ...n, unison: false })),
        ...unisonSteps.map((step) => ({ step, lane: unisonLane, unison: true })),
      ].sort((a, b) => a.step - b.step);
      return all.map((n, i): Note => note(`p${player}-${i}`, 1 + n.step * STEP, n.lane, n.unison));
    });

const pressesArb = (player: PlayerId) =>
  fc
    .array(
      fc.record({
        step: fc.integer({ min: -2, max: MAX_STEP + 4 }),
        jitter: fc.double({ min: -0.15, max: 0.15, noNaN: true }),
        lane: fc.constantFrom(...LANES),
      }),
      { maxLength: 60 },
    )
    .map((ps) =>
      ps
        .map((p): DrumInput => ({ player, lane: p.lane, time: 1 + p.step * STEP + p.jitter }))
        .sort((a, b) => a.time - b.time),
    );

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .uniqueArray(fc.integer({ min: 0, max: MAX_STEP }), { maxLength: 5 })
  .chain((unisonSteps) =>
    fc.record({
      charts: fc.tuple(chartArb(0, unisonSteps), chartArb(1, unisonSteps)),
      inputs: fc.tuple(pressesArb(0), pressesArb(1)),
      difficulties: fc.tuple(fc.constantFrom(...DIFFICULTIES), fc.constantFrom(...DIFFICULTIES)),
      offsets: fc.tuple(fc.integer({ min: -60, max: 60 }), fc.double({ min: -60, max: 60, noNaN: true })),
      mode: fc.constantFrom<('duet' | 'battle')[]>('duet', 'battle'),
    }),
  )
  .map(({ charts, inputs, difficulties, offsets, mode }) => ({
    setup: makeSetup(charts, { difficulties, offsets, mode }),
    inputs,
  }));

/** Merges the two players' presses: `pattern[k]` picks whose press comes next; each player's order is kept. */
function interleave([a, b]: [DrumInput[], DrumInput[]], pattern: boolean[]): DrumInput[] {
  const out: DrumInput[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; i < a.length || j < b.length; k++) {
    const takeA = j >= b.length || (i < a.length && (pattern[k % Math.max(1, pattern.length)] ?? true));
    out.push((takeA ? a[i++] : b[j++]) as DrumInput);
  }
  return out;
}

function runLive(setup: MatchSetup, inputs: readonly DrumInput[]): Match {
  const m = new Match(setup);
  for (const i of inputs) m.press(i);
  m.advance(Number.POSITIVE_INFINITY);
  return m;
}

const RUNS = { numRuns: 300 };

describe('properties', () => {
  it('every score is an integer in [0, 1,000,000] and every accuracy in [0, 1]', () => {
    fc.assert(
      fc.property(scenarioArb, ({ setup, inputs }) => {
        const m = new Match(setup);
        const check = (score: number, accuracy: number) => {
          expect(Number.isInteger(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1_000_000);
          expect(accuracy).toBeGreaterThanOrEqual(0);
          expect(accuracy).toBeLessThanOrEqual(1);
        };
        m.on((e) => {
          if (e.type === 'judgement') check(e.result.scoreAfter, m.player(e.player).accuracy);
        });
        for (const i of interleave(inputs, [true, false])) m.press(i);
        m.advance(Number.POSITIVE_INFINITY);
        for (const p of m.results().players) check(p.score, p.accuracy);
      }),
      RUNS,
    );
  }, 20_000);

  it('score and accuracy of any judgement sequence stay in range', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...JUDGEMENTS), { maxLength: 300 }), fc.nat(50), (js, unplayed) => {
        const s = new ScoreProcessor(js.length + unplayed);
        js.forEach((j, i) => {
          const r = s.apply(judged(j, i));
          expect(Number.isInteger(r.scoreAfter)).toBe(true);
          expect(r.scoreAfter).toBeGreaterThanOrEqual(r.scoreBefore);
          expect(r.scoreAfter).toBeLessThanOrEqual(1_000_000);
        });
        expect(s.accuracy).toBeLessThanOrEqual(1);
        if (unplayed === 0 && js.length > 0 && js.every((j) => j === 'perfect')) expect(s.score).toBe(1_000_000);
      }),
      { numRuns: 100 },
    );
  }, 20_000);

  it('making any one judgement worse never raises accuracy or score', () => {
    const case_ = fc
      .array(fc.constantFrom(...JUDGEMENTS), { minLength: 1, maxLength: 200 })
      .chain((js) => fc.tuple(fc.constant(js), fc.nat(js.length - 1), fc.integer({ min: 1, max: 3 })));
    fc.assert(
      fc.property(case_, ([js, at, steps]) => {
        const rank = JUDGEMENTS.indexOf(js[at] as Judgement);
        fc.pre(rank < JUDGEMENTS.length - 1);
        const worse = [...js];
        worse[at] = JUDGEMENTS[Math.min(JUDGEMENTS.length - 1, rank + steps)] as Judgement;
        const run = (list: Judgement[]) => {
          const s = new ScoreProcessor(list.length);
          for (const [i, j] of list.entries()) s.apply(judged(j, i));
          return s;
        };
        const before = run(js);
        const after = run(worse);
        expect(after.accuracy).toBeLessThan(before.accuracy);
        expect(after.score).toBeLessThanOrEqual(before.score);
      }),
      { numRuns: 1000 },
    );
  }, 20_000);

  it('the interleaving of the two players’ presses does not change the results', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        ({ setup, inputs }, pattern) => {
          const sequential = runLive(setup, [...inputs[0], ...inputs[1]]).results();
          const mixed = runLive(setup, interleave(inputs, pattern)).results();
          const reversed = runLive(setup, [...inputs[1], ...inputs[0]]).results();
          expect(mixed).toEqual(sequential);
          expect(reversed).toEqual(sequential);
        },
      ),
      RUNS,
    );
  }, 20_000);

  it('replaying a live run’s inputs gives deep-equal results, whatever advance calls the live run saw', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), {
          minLength: 1,
          maxLength: 40,
        }),
        ({ setup, inputs }, pattern, advances) => {
          const order = interleave(inputs, pattern);
          const live = new Match(setup);
          let lastAdvance = 0;
          order.forEach((input, k) => {
            // an advance never passes a press still to come, of either player
            const nextTime = Math.min(...order.slice(k).map((x) => x.time));
            const frac = advances[k % advances.length];
            if (frac !== undefined && nextTime >= lastAdvance) {
              lastAdvance = nextTime - frac * (nextTime - lastAdvance);
              live.advance(lastAdvance);
            }
            live.press(input);
          });
          live.advance(Number.POSITIVE_INFINITY);
          expect(live.inputs).toEqual(order);
          expect(replay(setup, live.inputs)).toEqual(live.results());
        },
      ),
      RUNS,
    );
  }, 20_000);

  it('after advance(Infinity) every note of each chart is judged exactly once', () => {
    fc.assert(
      fc.property(scenarioArb, ({ setup, inputs }) => {
        const m = new Match(setup);
        const seen: [string[], string[]] = [[], []];
        let harmonySoFar: number | null = null;
        m.on((e) => {
          if (e.type === 'judgement') seen[e.player].push(e.result.note.id);
          if (e.type === 'unison') harmonySoFar = e.harmony;
        });
        for (const i of interleave(inputs, [false])) m.press(i);
        m.advance(Number.POSITIVE_INFINITY);
        expect(finished(m)).toBe(true);
        const r = m.results();
        for (const p of [0, 1] as const) {
          const chart = setup.charts[p];
          expect(seen[p].length).toBe(chart.length);
          expect([...seen[p]].sort()).toEqual(chart.map((n) => n.id).sort());
          const c = r.players[p]?.counts;
          expect((c?.perfect ?? 0) + (c?.great ?? 0) + (c?.good ?? 0) + (c?.miss ?? 0)).toBe(chart.length);
          expect(m.player(p).judged).toBe(chart.length);
        }
        if (setup.mode === 'duet' && unisonCount(setup) > 0) {
          expect(r.harmony).toBeGreaterThanOrEqual(0);
          expect(r.harmony).toBeLessThanOrEqual(1);
          expect(harmonySoFar).toBe(r.harmony);
        }
      }),
      RUNS,
    );
  }, 20_000);

  it('a press is judged by the hit-window table for its offset', () => {
    fc.assert(
      fc.property(scenarioArb, ({ setup, inputs }) => {
        const m = new Match(setup);
        for (const input of interleave(inputs, [true])) {
          const r = m.press(input);
          if (!r) continue;
          const d = setup.difficulties[input.player];
          const table = { easy: 108, normal: 108, hard: 75, expert: 75 }[d];
          const early = { easy: 125, normal: 125, hard: 108, expert: 108 }[d];
          expect(r.note.lane).toBe(input.lane);
          expect(r.offsetMs).not.toBeNull();
          expect(r.offsetMs as number).toBeLessThanOrEqual(table);
          expect(r.offsetMs as number).toBeGreaterThanOrEqual(-early);
          if (r.judgement === 'miss') expect(r.offsetMs as number).toBeLessThan(-table);
        }
      }),
      RUNS,
    );
  }, 20_000);
});
