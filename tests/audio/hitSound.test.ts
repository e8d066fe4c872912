import { describe, expect, it } from 'vitest';
import { dampen, fadeTail, levelTo, levelWithPeak, velocityGain } from '../../src/audio/hitSound';
import { hitLoudness, samplePeak } from '../../src/audio/loudness';
import { spectralCentroid } from '../../src/audio/spectrum';

const RATE = 48000;

/** A snare-like hit: a decaying 200 Hz tone plus decaying noise. */
function drum(seconds = 0.3, seed = 3): Float32Array {
  let s = seed;
  return Float32Array.from({ length: Math.round(seconds * RATE) }, (_, i) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    const t = i / RATE;
    return (
      0.6 * Math.exp(-t / 0.07) * Math.sin(2 * Math.PI * 200 * t) + 0.5 * Math.exp(-t / 0.05) * (s / 2 ** 31 - 0.5)
    );
  });
}

/** Seconds until the sound has fallen 40 dB under its peak for good. */
function length40(x: Float32Array): number {
  const floor = samplePeak([x]) / 100;
  let last = 0;
  for (let i = 0; i < x.length; i++) if (Math.abs(x[i] as number) > floor) last = i;
  return last / RATE;
}

describe('one-shot shaping', () => {
  it('levels a sound by loudness', () => {
    const x = drum();
    levelTo(x, RATE, -20);
    expect(hitLoudness([x], RATE)).toBeCloseTo(-20, 6);
    expect(() => levelTo(new Float32Array(100), RATE, -20)).toThrow(/silent/);
  });

  it('levels a spiky sound without letting its peak past the limit', () => {
    const x = drum();
    x[10] = 5; // a needle
    const loud = levelWithPeak(x, RATE, -20, 10 ** (-8 / 20));
    expect(samplePeak([x])).toBeLessThanOrEqual(10 ** (-8 / 20) + 1e-6);
    expect(loud).toBeCloseTo(hitLoudness([x], RATE), 6);
    expect(loud).toBeGreaterThan(-21);
  });

  it('leaves a sound quieter rather than over its peak when clipping is not enough', () => {
    const x = drum();
    const loud = levelWithPeak(x, RATE, -3, 10 ** (-20 / 20));
    expect(samplePeak([x])).toBeLessThanOrEqual(0.1 + 1e-6);
    expect(loud).toBeLessThan(-3);
  });

  it('fades the tail to silence', () => {
    const x = new Float32Array(1000).fill(1);
    fadeTail(x, RATE);
    expect(x[999]).toBe(0);
    expect(x[0]).toBe(1);
  });

  it('makes the muted sound softer, duller and shorter than the hit, never silent', () => {
    const hit = drum();
    const muted = dampen(hit, RATE, { cutoff: 1000, decay: 0.02, relative: -12 });
    expect(hitLoudness([muted], RATE) - hitLoudness([hit], RATE)).toBeCloseTo(-12, 3);
    expect(spectralCentroid(muted, RATE)).toBeLessThan(spectralCentroid(hit, RATE) * 0.7);
    expect(length40(muted)).toBeLessThan(length40(hit));
    expect(samplePeak([muted])).toBeGreaterThan(0);
  });

  it('maps velocity to level: full at 1, about -9 dB at 0.5, never silent, clamped', () => {
    expect(velocityGain(1)).toBe(1);
    expect(20 * Math.log10(velocityGain(0.5))).toBeCloseTo(-9, 0);
    expect(velocityGain(0)).toBeGreaterThan(0);
    expect(velocityGain(2)).toBe(1);
    expect(velocityGain(-1)).toBe(velocityGain(0));
    expect(velocityGain(Number.NaN)).toBe(1);
    for (let v = 0.1; v <= 1; v += 0.1) expect(velocityGain(v)).toBeGreaterThan(velocityGain(v - 0.1));
  });
});
