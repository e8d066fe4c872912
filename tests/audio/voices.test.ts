import { describe, expect, it } from 'vitest';
import { type Envelope, SQUARE_8, scheduleEnvelope, TRIANGLE_8 } from '../../src/audio/voices';

type Event =
  | { kind: 'set'; value: number; time: number }
  | { kind: 'ramp'; value: number; time: number }
  | { kind: 'target'; value: number; time: number; tau: number };

/** An AudioParam stand-in that records automation and evaluates it as Web Audio does. */
class FakeParam {
  readonly events: Event[] = [];
  setValueAtTime(value: number, time: number) {
    this.events.push({ kind: 'set', value, time });
    return this;
  }
  linearRampToValueAtTime(value: number, time: number) {
    this.events.push({ kind: 'ramp', value, time });
    return this;
  }
  setTargetAtTime(value: number, time: number, tau: number) {
    this.events.push({ kind: 'target', value, time, tau });
    return this;
  }
  valueAt(t: number): number {
    let v = 0;
    let vTime = 0;
    for (let i = 0; i < this.events.length; i++) {
      const e = this.events[i] as Event;
      if (e.time > t) {
        if (e.kind === 'ramp') return v + ((e.value - v) * (t - vTime)) / (e.time - vTime);
        break;
      }
      const next = this.events[i + 1];
      if (e.kind === 'target') {
        const until = next && next.time <= t ? next.time : t;
        v = e.value + (v - e.value) * Math.exp(-(until - e.time) / e.tau);
        vTime = until;
        if (until === t) return v;
      } else {
        v = e.value;
        vTime = e.time;
      }
    }
    return v;
  }
}

const ENV: Envelope = { attack: 0.01, decay: 0.2, sustain: 0.5, release: 0.4 };

describe('note envelopes', () => {
  it('rises, decays to sustain, and releases from where it is, with no jump', () => {
    const p = new FakeParam();
    const stop = scheduleEnvelope(p as unknown as AudioParam, 1, 2, 0.8, ENV);
    expect(p.valueAt(1)).toBe(0);
    expect(p.valueAt(1.01)).toBeCloseTo(0.8, 6);
    expect(p.valueAt(1.5)).toBeCloseTo(0.4, 2); // sustain 0.5 of 0.8
    // continuous through note off
    expect(p.valueAt(2)).toBeCloseTo(p.valueAt(1.999), 3);
    expect(p.valueAt(2.4)).toBeLessThan(0.01);
    expect(stop).toBeCloseTo(2 + 8 * 0.1, 6);
  });

  it('releases a note shorter than its attack from part-way up', () => {
    const p = new FakeParam();
    scheduleEnvelope(p as unknown as AudioParam, 0, 0.005, 1, ENV);
    expect(p.valueAt(0.005)).toBeCloseTo(0.5, 6);
    expect(p.valueAt(0.5)).toBeLessThan(0.01);
  });

  it('moves around a base (a filter that opens and closes)', () => {
    const p = new FakeParam();
    scheduleEnvelope(p as unknown as AudioParam, 0, 1, 1000, ENV, 100);
    expect(p.valueAt(0)).toBe(100);
    expect(p.valueAt(0.01)).toBeCloseTo(1000, 3);
    expect(p.valueAt(0.9)).toBeCloseTo(550, 0);
    expect(p.valueAt(3)).toBeCloseTo(100, 0);
  });

  it('builds square and triangle waves from odd harmonics', () => {
    expect(SQUARE_8.filter((_, i) => i % 2 === 1).every((x) => x === 0)).toBe(true);
    expect(TRIANGLE_8[2]).toBeCloseTo(-1 / 9, 9);
  });
});
