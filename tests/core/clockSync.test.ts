import fc from 'fast-check';
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

  it('ignores jitter inside the dead band, so conversions stay repeatable', () => {
    const c = new ClockSync({ window: 48, deadbandMs: 2 });
    c.addSample(0, 10);
    const before = c.audioTimeAt(12_345);
    for (let i = 1; i < 200; i++) c.addSample(i * 16, 10 + (i * 16) / 1000 + ((i % 7) - 3) * 0.0003);
    expect(c.audioTimeAt(12_345)).toBe(before);
  });

  it('rejects outliers through the median', () => {
    const c = new ClockSync({ window: 5, deadbandMs: 2 });
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

  it('slews toward a glitch of the audio clock at 1 ms a second instead of jumping', () => {
    const c = new ClockSync({ window: 8 });
    for (let i = 0; i <= 10; i++) c.addSample(i * 100, 1 + i / 10);
    // The audio clock loses 10 ms at 1.1 s (an underrun under load).
    for (let i = 11; i <= 40; i++) c.addSample(i * 100, 1 + i / 10 - 0.01);
    const offset = (t: number) => (c.audioTimeAt(t) - t / 1000 - 1) * 1000;
    expect(offset(1000)).toBeCloseTo(0, 6);
    // never more than 1 ms a second, toward the new relation
    for (let t = 1000; t < 20_000; t += 250) {
      expect(offset(t + 250) - offset(t)).toBeLessThanOrEqual(1e-9);
      expect(offset(t) - offset(t + 250)).toBeLessThanOrEqual(0.25 + 1e-9);
    }
    expect(offset(30_000)).toBeCloseTo(-10, 6);
  });

  it('steps at once over a large gap (a context resumed, a long dropout)', () => {
    const c = new ClockSync({ window: 4 });
    for (let i = 0; i < 4; i++) c.addSample(i * 100, 1 + i / 10);
    for (let i = 4; i < 8; i++) c.addSample(i * 100, 1 + i / 10 - 0.2);
    expect(c.audioTimeAt(900)).toBeCloseTo(1.9 - 0.2, 9);
  });

  it('slews a larger slip (a stalled page: 45 ms) faster, closing it within 10 s', () => {
    const c = new ClockSync({ window: 4 });
    for (let i = 0; i < 4; i++) c.addSample(i * 100, 1 + i / 10);
    for (let i = 4; i < 8; i++) c.addSample(i * 100, 1 + i / 10 - 0.045);
    const offset = (t: number) => (c.audioTimeAt(t) - t / 1000 - 1) * 1000;
    expect(offset(1000)).toBeGreaterThan(-4.5);
    expect(offset(12_000)).toBeCloseTo(-45, 6);
  });

  it('a stamp converts the same however much later it is converted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 5, maxLength: 80 }),
        fc.integer({ min: 0, max: 79 }),
        (glitches, at) => {
          const c = new ClockSync({ window: 6 });
          let lost = 0;
          const stamp = 100 * Math.min(at, glitches.length - 1) + 37;
          let first: number | null = null;
          glitches.forEach((g, i) => {
            lost += Math.abs(g) > 0.03 ? g : 0;
            c.addSample(i * 100, 5 + i / 10 + lost, i * 100);
            // the event, stamped at `stamp`, is converted when it is delivered, then again later
            if (i * 100 >= stamp && first === null) first = c.audioTimeAt(stamp);
          });
          if (first !== null) expect(c.audioTimeAt(stamp)).toBe(first);
        },
      ),
      { numRuns: 200 },
    );
  }, 20_000);

  it('perfTimeAt inverts audioTimeAt while slewing', () => {
    const c = new ClockSync({ window: 4 });
    for (let i = 0; i < 4; i++) c.addSample(i * 100, 1 + i / 10);
    for (let i = 4; i < 12; i++) c.addSample(i * 100, 1 + i / 10 - 0.01);
    for (const t of [0, 450, 1234.5, 5000, 20_000]) expect(c.perfTimeAt(c.audioTimeAt(t))).toBeCloseTo(t, 6);
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

describe('ClockSync across a step', () => {
  it('perfTimeAt finds instants on both sides of a step of the relation', () => {
    const c = new ClockSync({ window: 4 });
    for (let i = 0; i < 4; i++) c.addSample(i * 100, 1 + i / 10);
    // the audio clock gains 200 ms at once: stepped
    for (let i = 4; i < 8; i++) c.addSample(i * 100, 1 + i / 10 + 0.2);
    for (const t of [0, 150, 350, 600, 700, 5000]) expect(c.perfTimeAt(c.audioTimeAt(t))).toBeCloseTo(t, 6);
  });

  it('property: perfTimeAt inverts audioTimeAt through any glitches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.12, max: 0.12, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        (glitches, t) => {
          const c = new ClockSync({ window: 3 });
          let lost = 0;
          glitches.forEach((g, i) => {
            if (i % 5 === 4) lost += g;
            c.addSample(i * 100, 2 + i / 10 + lost);
          });
          expect(c.perfTimeAt(c.audioTimeAt(t))).toBeCloseTo(t, 3);
        },
      ),
      { numRuns: 300 },
    );
  }, 20_000);
});
