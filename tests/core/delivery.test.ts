import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DIFFICULTIES,
  type DrumInput,
  type Judgement,
  LANES,
  type Lane,
  Match,
  type MatchEvent,
  type Note,
  type PlayerId,
  replay,
} from '../../src/core';
import { harmonySoFar, makeSetup, note, press, recordedMatch, unisonCount } from './helpers';

/*
 * A run's results are a pure function of its timestamped inputs (DESIGN.md): however late a
 * press is delivered, and whatever `advance` calls come between, it is judged by its own stamp.
 */

describe('a press delivered late is judged by its stamp', () => {
  it('takes back an expiry Miss when a press stamped inside the window arrives after it', () => {
    const chart = [note('a', 1, 'snare'), note('b', 2, 'snare')];
    const { match, events } = recordedMatch(makeSetup([chart, []]));
    match.advance(1.5);
    expect(match.player(0).counts.miss).toBe(1);
    const r = match.press(press(0, 'snare', 1.01));
    expect(r?.judgement).toBe('perfect');
    expect(r?.note.id).toBe('a');
    expect(match.player(0).counts).toEqual({ perfect: 1, great: 0, good: 0, miss: 0 });
    expect(match.player(0).combo).toBe(1);
    const kinds = events.map((e) =>
      e.type === 'judgement' || e.type === 'revert' ? `${e.type}:${e.result.note.id}:${e.result.judgement}` : e.type,
    );
    expect(kinds).toEqual(['judgement:a:miss', 'revert:a:miss', 'judgement:a:perfect']);
    match.press(press(0, 'snare', 2));
    match.advance(Number.POSITIVE_INFINITY);
    expect(match.results()).toEqual(replay(match.setup, match.inputs));
    expect(match.results().players[0]?.grade).toBe('SS');
  });

  it('a press that arrives after a later one takes the earlier note back, and combo and score follow time order', () => {
    const chart = [note('a', 1, 'snare'), note('b', 1.05, 'snare'), note('c', 1.5, 'kick')];
    const { match, events } = recordedMatch(makeSetup([chart, []]));
    // 1.05 arrives first and takes a late (+50: Great); the kick at 1.50 expires b as a Miss;
    // then 1.00 arrives: a and b are both taken back and become Perfect.
    expect(match.press(press(0, 'snare', 1.05))?.judgement).toBe('great');
    match.press(press(0, 'kick', 1.5));
    const late = match.press(press(0, 'snare', 1));
    expect(late?.note.id).toBe('a');
    expect(late?.judgement).toBe('perfect');
    expect(match.player(0).counts.perfect).toBe(3);
    expect(events.filter((e) => e.type === 'revert').map((e) => e.type === 'revert' && e.result.note.id)).toEqual([
      'a',
      'b',
    ]);
    match.advance(Number.POSITIVE_INFINITY);
    expect(match.results()).toEqual(replay(match.setup, match.inputs));
    expect(match.results().players[0]?.score).toBe(1_000_000);
  });

  it('re-decides a unison note when a late press turns a Miss into a hit together', () => {
    const charts: [Note[], Note[]] = [[note('a', 1, 'snare', true)], [note('b', 1, 'kick', true)]];
    const { match, events } = recordedMatch(makeSetup(charts));
    match.press(press(0, 'snare', 1));
    match.advance(2);
    expect(harmonySoFar(events)).toBe(0);
    match.press(press(1, 'kick', 1.01));
    expect(harmonySoFar(events)).toBe(1);
    const unison = events.filter((e) => e.type === 'unison');
    expect(unison.map((e) => e.type === 'unison' && [e.together, e.harmony])).toEqual([
      [false, 0],
      [true, 1],
    ]);
    match.advance(Number.POSITIVE_INFINITY);
    expect(match.results().harmony).toBe(1);
    expect(match.results().syncMs).toBe(10);
  });

  it('a late press that takes no note is a ghost, with its event', () => {
    const { match, events } = recordedMatch(makeSetup([[note('a', 1, 'snare')], []]));
    match.press(press(0, 'snare', 1));
    expect(match.press(press(0, 'snare', 0.5))).toBeNull();
    expect(events.at(-1)).toEqual({ type: 'ghost', player: 0, lane: 'snare', time: 0.5 });
  });
});

/* ---------- the property: any delivery delays, any advance calls ---------- */

const STEP = 0.05;
const MAX_STEP = 200;

const chartArb = (player: PlayerId, unisonSteps: number[]) =>
  fc
    .uniqueArray(fc.record({ step: fc.integer({ min: 0, max: MAX_STEP }), lane: fc.constantFrom(...LANES) }), {
      maxLength: 30,
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

/** A press with its stamp and how long after the stamp it is delivered (0 to 2 s). */
const deliveredArb = () =>
  fc.array(
    fc.record({
      step: fc.integer({ min: -2, max: MAX_STEP + 4 }),
      jitter: fc.double({ min: -0.15, max: 0.15, noNaN: true }),
      lane: fc.constantFrom(...LANES),
      delay: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2, noNaN: true })),
    }),
    { maxLength: 40 },
  );

const caseArb = fc.uniqueArray(fc.integer({ min: 0, max: MAX_STEP }), { maxLength: 5 }).chain((unisonSteps) =>
  fc.record({
    charts: fc.tuple(chartArb(0, unisonSteps), chartArb(1, unisonSteps)),
    presses: fc.tuple(deliveredArb(), deliveredArb()),
    difficulties: fc.tuple(fc.constantFrom(...DIFFICULTIES), fc.constantFrom(...DIFFICULTIES)),
    offsets: fc.tuple(fc.integer({ min: -60, max: 60 }), fc.integer({ min: -60, max: 60 })),
    /** Real times at which the frame loop calls advance(now). */
    frames: fc.array(fc.double({ min: 0, max: 1 + MAX_STEP * STEP + 3, noNaN: true }), { maxLength: 60 }),
  }),
);

describe('order-independent judging', () => {
  it('any inputs, delivered with any delays up to 2 s and any advance() calls between them, give exactly the results of replay()', () => {
    fc.assert(
      fc.property(caseArb, ({ charts, presses, difficulties, offsets, frames }) => {
        const setup = makeSetup(charts, { difficulties, offsets });
        type Delivery = { at: number; input?: DrumInput };
        const deliveries: Delivery[] = [];
        const inputs: DrumInput[] = [];
        for (const p of [0, 1] as const)
          for (const x of presses[p]) {
            const input: DrumInput = { player: p, lane: x.lane, time: 1 + x.step * STEP + x.jitter };
            inputs.push(input);
            deliveries.push({ at: input.time + x.delay, input });
          }
        for (const f of frames) deliveries.push({ at: f });
        deliveries.sort((a, b) => a.at - b.at);

        const live = new Match(setup);
        // What the screen would show: each note's latest judgement, from the events alone.
        const shown = [new Map<string, Judgement>(), new Map<string, Judgement>()];
        const events: MatchEvent[] = [];
        live.on((e: MatchEvent) => {
          events.push(e);
          if (e.type === 'judgement') shown[e.player]?.set(e.result.note.id, e.result.judgement);
          else if (e.type === 'revert') shown[e.player]?.delete(e.result.note.id);
        });
        for (const d of deliveries) {
          if (d.input) live.press(d.input);
          else live.advance(d.at);
        }
        live.advance(Number.POSITIVE_INFINITY);

        const expected = replay(setup, inputs);
        expect(live.results()).toEqual(expected);
        for (const p of [0, 1] as const) {
          const fromEvents = Object.fromEntries(shown[p] ?? []);
          const fromResults = Object.fromEntries(expected.players[p]?.hits.map((h) => [h.noteId, h.judgement]) ?? []);
          expect(fromEvents).toEqual(fromResults);
          expect(live.player(p).score).toBe(expected.players[p]?.score);
        }
        // Once every unison note is decided, the last unison event shows the final Harmony.
        if (unisonCount(setup) > 0) expect(harmonySoFar(events)).toBe(live.results().harmony);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
