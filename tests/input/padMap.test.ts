import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneForMidiNote } from '../../src/core/drumMap';
import { LANES, type Lane } from '../../src/core/units';
import {
  assignControl,
  clampThreshold,
  clearLane,
  controlProblem,
  controlsLabel,
  defaultLanes,
  defaultMidiLanes,
  type LaneControls,
  laneLookup,
  STANDARD_MENU_BUTTONS,
  STANDARD_PAD_LANES,
  unplayableLanes,
} from '../../src/input/padMap';

describe('default pads', () => {
  it("are DESIGN.md's MIDI defaults, cymbals on the hi-hat lane", () => {
    expect(defaultMidiLanes()).toEqual({
      kick: [35, 36],
      snare: [37, 38, 40],
      hihat: [22, 26, 42, 44, 46, 49, 51, 52, 53, 55, 57, 59],
      tom: [39, 41, 43, 45, 47, 48, 50, 58],
    });
  });

  it('play every note as the .mid importer reads it', () => {
    const lookup = laneLookup(defaultMidiLanes());
    for (let n = 0; n <= 127; n++) expect(lookup.get(n) ?? null).toBe(laneForMidiNote(n));
  });

  it("follow a Rock Band kit's colours on a standard gamepad: Y hi-hat, B snare, X and A tom, LB RB LT RT kick", () => {
    expect(STANDARD_PAD_LANES).toEqual({ hihat: [3], snare: [1], tom: [2, 0], kick: [4, 5, 6, 7] });
    expect(defaultLanes('gamepad')).toEqual(STANDARD_PAD_LANES);
    expect(STANDARD_MENU_BUTTONS).toEqual({ 8: 'back', 9: 'confirm', 12: 'up', 13: 'down', 14: 'left', 15: 'right' });
  });
});

describe('hit a pad to assign it', () => {
  const gm = defaultMidiLanes();

  it('adds a note to a lane (several per lane), and takes it from the lane that had it', () => {
    const a = assignControl(gm, 'tom', 21);
    expect(a.from).toBeNull();
    expect(a.lanes.tom).toEqual([...gm.tom, 21]);
    const b = assignControl(a.lanes, 'snare', 58);
    expect(b.from).toBe('tom');
    expect(b.lanes.tom).not.toContain(58);
    expect(b.lanes.snare).toEqual([37, 38, 40, 58]);
  });

  it('assigning a note to the lane it already plays changes nothing', () => {
    const a = assignControl(gm, 'snare', 38);
    expect(a).toEqual({ lanes: gm, from: null });
  });

  it('leaves the controls it was given alone', () => {
    const before = defaultMidiLanes();
    assignControl(before, 'kick', 38);
    expect(before).toEqual(defaultMidiLanes());
  });

  it('clears one lane, which is then unplayable', () => {
    const cleared = clearLane(gm, 'tom');
    expect(cleared.tom).toEqual([]);
    expect(cleared.kick).toEqual(gm.kick);
    expect(unplayableLanes(cleared)).toEqual(['tom']);
    expect(unplayableLanes(gm)).toEqual([]);
  });

  it('keeps a standard gamepad’s d-pad, Start and Back for the menus; notes and buttons in range', () => {
    for (const b of [8, 9, 12, 13, 14, 15]) expect(controlProblem('gamepad', true, b)).toBe('menu');
    expect(controlProblem('gamepad', false, 12)).toBeNull();
    expect(controlProblem('gamepad', true, 3)).toBeNull();
    expect(controlProblem('gamepad', true, 64)).toBe('range');
    expect(controlProblem('midi', true, 12)).toBeNull();
    expect(controlProblem('midi', true, 127)).toBeNull();
    expect(controlProblem('midi', true, 128)).toBe('range');
    expect(controlProblem('midi', true, 1.5)).toBe('range');
  });

  it('property: after any assignments each control plays at most one lane, and the last assignment holds', () => {
    const step = fc.tuple(fc.constantFrom(...LANES), fc.integer({ min: 0, max: 127 }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let lanes: LaneControls = defaultMidiLanes();
        const last = new Map<number, Lane>(laneLookup(lanes));
        for (const [lane, note] of steps) {
          lanes = assignControl(lanes, lane, note).lanes;
          last.set(note, lane);
        }
        const all = LANES.flatMap((l) => lanes[l]);
        expect(new Set(all).size).toBe(all.length);
        for (const [note, lane] of last) expect(lanes[lane]).toContain(note);
      }),
    );
  });
});

describe('labels and thresholds', () => {
  it('names controls as players know them', () => {
    expect(controlsLabel('midi', true, [38, 40])).toBe('38 40');
    expect(controlsLabel('gamepad', true, [2, 0])).toBe('X A');
    expect(controlsLabel('gamepad', false, [2, 0])).toBe('#2 #0');
    expect(controlsLabel('midi', true, defaultMidiLanes().hihat)).toBe('22 26 42 44 46 49 51 +5');
    expect(controlsLabel('midi', true, [])).toBe('');
  });

  it.each([
    [0, 1],
    [1, 1],
    [64.4, 64],
    [500, 127],
    [Number.NaN, 1],
  ])('clamps a threshold of %s to %s', (v, expected) => {
    expect(clampThreshold(v)).toBe(expected);
  });
});
