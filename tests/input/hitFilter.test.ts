import { describe, expect, it } from 'vitest';
import { HitFilter, MERGE_MS } from '../../src/input/hitFilter';
import { defaultMidiLanes, NO_THRESHOLDS, STANDARD_PAD_LANES } from '../../src/input/padMap';

describe('HitFilter', () => {
  it('maps notes by DESIGN.md defaults; other notes play nothing', () => {
    const f = new HitFilter(defaultMidiLanes());
    expect(f.hit(38, 100, 1000)).toEqual({ outcome: 'press', lane: 'snare' });
    expect(f.hit(36, 100, 1000)).toEqual({ outcome: 'press', lane: 'kick' });
    expect(f.hit(22, 100, 1000)).toEqual({ outcome: 'press', lane: 'hihat' });
    expect(f.hit(58, 100, 1000)).toEqual({ outcome: 'press', lane: 'tom' });
    expect(f.hit(60, 100, 1000)).toEqual({ outcome: 'unmapped', lane: null });
  });

  it(`merges a second trigger on one lane within ${MERGE_MS} ms (head and rim), by the stamps`, () => {
    const f = new HitFilter(defaultMidiLanes());
    expect(f.hit(38, 100, 1000).outcome).toBe('press');
    expect(f.hit(40, 60, 1004).outcome).toBe('merged');
    expect(f.hit(38, 90, 1000 + MERGE_MS).outcome).toBe('merged');
    expect(f.hit(38, 90, 1000 + MERGE_MS + 0.5).outcome).toBe('press');
  });

  it('measures the window from the last press, so a roll of triggers never merges for ever', () => {
    const f = new HitFilter(defaultMidiLanes());
    expect([0, 10, 20, 30, 40].map((t) => f.hit(38, 100, 1000 + t).outcome)).toEqual([
      'press',
      'merged',
      'press',
      'merged',
      'press',
    ]);
  });

  it('never merges different lanes, nor a stamp delivered out of order outside the window', () => {
    const f = new HitFilter(defaultMidiLanes());
    expect(f.hit(38, 100, 1000).outcome).toBe('press');
    expect(f.hit(36, 100, 1000).outcome).toBe('press');
    expect(f.hit(42, 100, 1001).outcome).toBe('press');
    expect(f.hit(38, 100, 990).outcome).toBe('merged');
    expect(f.hit(38, 100, 950).outcome).toBe('press');
  });

  it('ignores hits under the lane threshold (crosstalk); they open no merge window', () => {
    const f = new HitFilter(defaultMidiLanes(), { ...NO_THRESHOLDS, tom: 30 });
    expect(f.hit(48, 29, 1000)).toEqual({ outcome: 'quiet', lane: 'tom' });
    expect(f.hit(48, 30, 1005)).toEqual({ outcome: 'press', lane: 'tom' });
    expect(f.hit(38, 5, 1005).outcome).toBe('press');
  });

  it('a device without velocity (a gamepad) is never quiet', () => {
    const f = new HitFilter(STANDARD_PAD_LANES, { hihat: 127, snare: 127, tom: 127, kick: 127 });
    expect(f.hit(1, undefined, 0)).toEqual({ outcome: 'press', lane: 'snare' });
    expect(f.hit(3, undefined, 0)).toEqual({ outcome: 'press', lane: 'hihat' });
    expect(f.hit(6, undefined, 0)).toEqual({ outcome: 'press', lane: 'kick' });
    expect(f.hit(7, undefined, 5).outcome).toBe('merged');
  });

  it('new pads take effect at once and merging carries on', () => {
    const f = new HitFilter(defaultMidiLanes());
    expect(f.hit(38, 100, 1000).outcome).toBe('press');
    f.configure({ ...defaultMidiLanes(), snare: [38, 60] });
    expect(f.laneOf(60)).toBe('snare');
    expect(f.hit(60, 100, 1005).outcome).toBe('merged');
    expect(f.hit(60, 100, 1100).outcome).toBe('press');
  });
});
