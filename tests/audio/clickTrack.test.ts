import { describe, expect, it } from 'vitest';
import { clickTimes } from '../../src/audio/clickTrack';
import { TempoMap } from '../../src/core/tempo';

describe('click track', () => {
  it("clicks every beat from a point on (the last beats before the first bar too), each bar's first beat accented", () => {
    const tempo = TempoMap.fromTimes([
      { time: 0.5, bpm: 120 },
      { time: 2.5, bpm: 60 },
    ]);
    const clicks = clickTimes(tempo, 4, 0, 6).map((c) => [Math.round(c.time * 1000) / 1000, c.accent]);
    expect(clicks).toEqual([
      [0, false],
      [0.5, true],
      [1, false],
      [1.5, false],
      [2, false],
      [2.5, true],
      [3.5, false],
      [4.5, false],
      [5.5, false],
    ]);
  });

  it('resumes mid-song on the next beat, never before 0 s', () => {
    const tempo = TempoMap.fromTimes([{ time: -0.25, bpm: 120 }]);
    expect(clickTimes(tempo, 3, -5, 1).map((c) => c.time)).toEqual([0.25, 0.75]);
    expect(clickTimes(tempo, 3, 1.1, 2.3).map((c) => [c.time, c.accent])).toEqual([
      [1.25, true],
      [1.75, false],
      [2.25, false],
    ]);
  });
});
