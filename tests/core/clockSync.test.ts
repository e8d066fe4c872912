import { describe, expect, it } from 'vitest';
import { ClockSync } from '../../src/core/clockSync';

describe('ClockSync', () => {
  it('maps both ways once a sample has arrived', () => {
    const c = new ClockSync();
    expect(c.ready).toBe(false);
    c.addSample(1000, 5);
    expect(c.ready).toBe(true);
    expect(c.audioTimeAt(1500)).toBeCloseTo(5.5, 9);
    expect(c.perfTimeAt(5.5)).toBeCloseTo(1500, 6);
  });

  it('ignores jitter below the resync threshold, so conversions stay repeatable', () => {
    const c = new ClockSync(48, 2);
    c.addSample(0, 10);
    const before = c.audioTimeAt(12_345);
    for (let i = 1; i < 200; i++) c.addSample(i * 16, 10 + (i * 16) / 1000 + ((i % 7) - 3) * 0.0003);
    expect(c.audioTimeAt(12_345)).toBe(before);
    expect(c.resyncs).toBe(0);
  });

  it('follows a real drift once the median moves past the threshold', () => {
    const c = new ClockSync(8, 2);
    for (let i = 0; i < 8; i++) c.addSample(i, 1 + i / 1000);
    for (let i = 8; i < 16; i++) c.addSample(i, 1 + i / 1000 + 0.005);
    expect(c.resyncs).toBeGreaterThan(0);
    expect(c.audioTimeAt(0)).toBeCloseTo(1.005, 9);
  });

  it('rejects outliers through the median', () => {
    const c = new ClockSync(5, 2);
    for (const [p, a] of [
      [0, 2],
      [10, 2.01],
      [20, 2.5],
      [30, 2.03],
      [40, 2.04],
    ] as const)
      c.addSample(p, a);
    expect(c.audioTimeAt(0)).toBeCloseTo(2, 9);
  });

  it('reset forgets the relation', () => {
    const c = new ClockSync();
    c.addSample(0, 3);
    c.reset();
    expect(c.ready).toBe(false);
    c.addSample(0, 7);
    expect(c.audioTimeAt(0)).toBe(7);
  });
});
