import { describe, expect, it } from 'vitest';
import { stretch } from '../../src/audio/stretch';

/*
 * The WSOLA time stretcher of practice mode (src/audio/stretch.ts): exact lengths, pitch and
 * level kept, timing faithful (clicks and drum-like bursts land at t / rate), stereo aligned,
 * edges safe. Signals are synthesised here; the noise is seeded, so every run is the same.
 */

const RATE = 48000;
const MIN_RATE = 0.25;

function sine(frequency: number, seconds: number, sampleRate = RATE, amplitude = 0.5): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * sampleRate) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate),
  );
}

/** A seeded generator of noise in [-1, 1) (a linear congruential generator). */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

/** Drum-like hits at `times` (s): a noise burst decaying by 1 / e every 30 ms. */
function hits(times: readonly number[], seconds: number, seed = 1): Float32Array {
  const x = new Float32Array(Math.round(seconds * RATE));
  const random = noise(seed);
  for (const t of times) {
    const at = Math.round(t * RATE);
    for (let i = 0; i < 0.2 * RATE && at + i < x.length; i++) x[at + i] = 0.8 * random() * Math.exp(-i / (0.03 * RATE));
  }
  return x;
}

function rms(x: Float32Array, from = 0, to = x.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (x[i] as number) ** 2;
  return Math.sqrt(sum / (to - from));
}

const db = (ratio: number) => 20 * Math.log10(ratio);

/** Frequency from the rising zero crossings of `x[from..to)`, interpolated between samples. */
function frequency(x: Float32Array, from: number, to: number, sampleRate = RATE): number {
  const crossings: number[] = [];
  for (let i = from + 1; i < to; i++) {
    const a = x[i - 1] as number;
    const b = x[i] as number;
    if (a < 0 && b >= 0) crossings.push(i - 1 + a / (a - b));
  }
  const first = crossings[0] as number;
  const last = crossings[crossings.length - 1] as number;
  return ((crossings.length - 1) * sampleRate) / (last - first);
}

/** Time (s) of the largest |sample| within `radius` s of `t`. */
function peakNear(x: Float32Array, t: number, radius = 0.05): number {
  let best = 0;
  let at = 0;
  for (let i = Math.round((t - radius) * RATE); i < Math.round((t + radius) * RATE); i++) {
    if (Math.abs(x[i] as number) > best) {
      best = Math.abs(x[i] as number);
      at = i;
    }
  }
  return at / RATE;
}

/** Time (s) of the first sample within `radius` s of `t` reaching a quarter of the peak there. */
function onsetNear(x: Float32Array, t: number, radius = 0.05): number {
  const from = Math.round((t - radius) * RATE);
  const to = Math.round((t + radius) * RATE);
  let peak = 0;
  for (let i = from; i < to; i++) peak = Math.max(peak, Math.abs(x[i] as number));
  let i = from;
  while (Math.abs(x[i] as number) < peak / 4) i++;
  return i / RATE;
}

const allFinite = (x: Float32Array) => x.every(Number.isFinite);
/** Sample-for-sample equality (faster than toEqual on long arrays). */
const same = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((v, i) => v === b[i]);

describe('stretch: lengths and arguments', () => {
  it('makes exactly round(length / rate) samples for every channel', () => {
    for (const length of [0, 1, 7, 100, 2047, 2048, 12345, 48000]) {
      for (const rate of [MIN_RATE, 0.3, 0.5, 0.6, 0.75, 0.9, 0.999, 1]) {
        const out = stretch([sine(440, length / RATE), sine(220, length / RATE)], RATE, rate);
        expect(out).toHaveLength(2);
        for (const channel of out) expect(channel.length).toBe(Math.round(length / rate));
      }
    }
  }, 20_000);

  it('returns equal copies, not the inputs, at rate 1', () => {
    const input = [sine(440, 0.5), hits([0.1], 0.5)];
    const out = stretch(input, RATE, 1) as [Float32Array, Float32Array];
    expect(same(out[0], input[0] as Float32Array)).toBe(true);
    expect(same(out[1], input[1] as Float32Array)).toBe(true);
    expect(out[0]).not.toBe(input[0]);
    out[0][0] = 9;
    expect(input[0]?.[0]).toBe(0);
  }, 10_000);

  it('throws a RangeError for rates out of [0.25, 1], bad sample rates and unequal channels', () => {
    const x = sine(440, 0.1);
    for (const rate of [0, Number.NaN, 2, -0.5, 0.2, 1.01, Number.POSITIVE_INFINITY]) {
      expect(() => stretch([x], RATE, rate)).toThrow(RangeError);
      expect(() => stretch([x], RATE, rate)).toThrow(/rate must be in \[0\.25, 1\]/);
    }
    expect(() => stretch([x], 0, 0.5)).toThrow(/sample rate/);
    expect(() => stretch([x], Number.NaN, 0.5)).toThrow(RangeError);
    expect(() => stretch([x, x.subarray(1)], RATE, 0.5)).toThrow(/equal lengths/);
  }, 10_000);

  it('returns no channels for no channels', () => {
    expect(stretch([], RATE, 0.5)).toEqual([]);
  }, 10_000);
});

describe('stretch: pitch and level', () => {
  for (const sampleRate of [44100, 48000]) {
    for (const rate of [0.5, 0.75]) {
      it(`keeps a 440 Hz sine at 440 Hz and its RMS at rate ${rate}, ${sampleRate} Hz`, () => {
        const input = sine(440, 2, sampleRate);
        const [out] = stretch([input], sampleRate, rate) as [Float32Array];
        // The middle, away from the edges.
        const from = Math.round(0.1 * out.length);
        const to = Math.round(0.9 * out.length);
        expect(Math.abs(frequency(out, from, to, sampleRate) / 440 - 1)).toBeLessThan(0.01);
        expect(Math.abs(db(rms(out, from, to) / rms(input)))).toBeLessThan(1);
      }, 10_000);
    }
  }

  it('keeps a tone at its pitch and level between drum hits at rate 0.6', () => {
    const times = [0.3, 0.9, 1.5, 2.1, 2.7];
    const tone = sine(440, 3, RATE, 0.3);
    const drums = hits(times, 3);
    const [out] = stretch([tone.map((v, i) => v + (drums[i] as number))], RATE, 0.6) as [Float32Array];
    // Each hit lasts 0.2 s: from 0.25 s after it to the next one, only the tone sounds.
    for (let i = 1; i < times.length; i++) {
      const from = Math.round((((times[i - 1] as number) + 0.25) / 0.6) * RATE);
      const to = Math.round((((times[i] as number) - 0.02) / 0.6) * RATE);
      expect(Math.abs(frequency(out, from, to) / 440 - 1)).toBeLessThan(0.01);
      expect(Math.abs(db(rms(out, from, to) / rms(tone)))).toBeLessThan(1);
    }
  }, 10_000);
});

describe('stretch: timing', () => {
  for (const rate of [0.5, 0.75, MIN_RATE]) {
    it(`puts clicks every 0.5 s at t / rate (within 10 ms) at rate ${rate}`, () => {
      const times = [0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3.25, 3.75];
      const input = new Float32Array(4 * RATE);
      for (const t of times) input[Math.round(t * RATE)] = 1;
      const [out] = stretch([input], RATE, rate) as [Float32Array];
      const landed = times.map((t) => peakNear(out, t / rate));
      for (const [i, t] of times.entries()) expect(Math.abs((landed[i] as number) - t / rate)).toBeLessThan(0.01);
      for (let i = 1; i < landed.length; i++) {
        expect(Math.abs((landed[i] as number) - (landed[i - 1] as number) - 0.5 / rate)).toBeLessThan(0.01);
      }
      // Each click sounds once, whole: no copy above a tenth of it elsewhere within 40 ms.
      for (const t of landed) {
        const at = Math.round(t * RATE);
        let echo = 0;
        for (let i = at - 0.04 * RATE; i < at + 0.04 * RATE; i++) {
          if (Math.abs(i - at) > 0.001 * RATE) echo = Math.max(echo, Math.abs(out[i] as number));
        }
        expect(Math.abs(out[at] as number)).toBeGreaterThan(0.9);
        expect(echo).toBeLessThan(0.1);
      }
    }, 10_000);
  }

  for (const rate of [0.5, 0.75]) {
    it(`starts drum-like bursts at t / rate (within 10 ms), without an early copy, at rate ${rate}`, () => {
      const times = [0.2, 0.61, 1.003, 1.4217, 1.8, 2.35];
      const [out] = stretch([hits(times, 2.6)], RATE, rate) as [Float32Array];
      for (const t of times) {
        expect(Math.abs(onsetNear(out, t / rate) - t / rate)).toBeLessThan(0.01);
        // Quiet in the 40 ms before the onset (a doubled hit would sound there).
        const at = Math.round((t / rate) * RATE);
        expect(rms(out, at - 0.04 * RATE, at - 0.002 * RATE)).toBeLessThan(0.01);
      }
    }, 10_000);
  }

  it('keeps identical stereo channels identical and aligned', () => {
    const left = hits([0.3, 0.8], 1.2).map((v, i) => v + 0.3 * Math.sin((2 * Math.PI * 300 * i) / RATE));
    const [a, b] = stretch([left, left.slice()], RATE, 0.6) as [Float32Array, Float32Array];
    expect(same(a, b)).toBe(true);
    // Channels that are scaled copies stay scaled copies (one set of frame positions for all).
    const [c, d] = stretch([left, left.map((v) => -0.5 * v)], RATE, 0.6) as [Float32Array, Float32Array];
    let error = 0;
    for (let i = 0; i < c.length; i++) error = Math.max(error, Math.abs((d[i] as number) + 0.5 * (c[i] as number)));
    expect(error).toBeLessThan(1e-6);
    expect(rms(c)).toBeGreaterThan(0.1);
  }, 10_000);

  it('keeps different channels separate: each its own tone and level, silence silent', () => {
    const left = sine(440, 2);
    const right = sine(660, 2, RATE, 0.2);
    const silent = new Float32Array(left.length);
    const [l, r, s] = stretch([left, right, silent], RATE, 0.5) as [Float32Array, Float32Array, Float32Array];
    const from = 0.2 * RATE;
    const to = 3.8 * RATE;
    expect(Math.abs(frequency(l, from, to) / 440 - 1)).toBeLessThan(0.01);
    expect(Math.abs(frequency(r, from, to) / 660 - 1)).toBeLessThan(0.01);
    expect(Math.abs(db(rms(l, from, to) / rms(left)))).toBeLessThan(1);
    expect(Math.abs(db(rms(r, from, to) / rms(right)))).toBeLessThan(1);
    expect(s.every((v) => v === 0)).toBe(true);
  }, 10_000);
});

describe('stretch: edges', () => {
  it('gives finite, correctly sized output for inputs shorter than a frame', () => {
    for (const length of [1, 2, 5, 64, 500, 1500, 2047]) {
      const input = Float32Array.from({ length }, (_, i) => Math.sin(i / 3));
      for (const rate of [MIN_RATE, 0.5, 0.8]) {
        const [out] = stretch([input], RATE, rate) as [Float32Array];
        expect(out.length).toBe(Math.round(length / rate));
        expect(allFinite(out)).toBe(true);
        expect(Math.max(...out.map(Math.abs))).toBeLessThanOrEqual(1.0001);
      }
    }
  }, 10_000);

  it('keeps silence silent', () => {
    const out = stretch([new Float32Array(30000), new Float32Array(30000)], 44100, 0.55);
    for (const channel of out) {
      expect(channel.length).toBe(Math.round(30000 / 0.55));
      expect(channel.every((v) => v === 0)).toBe(true);
    }
  }, 10_000);

  it('turns NaN and infinite samples into silence, not NaN output', () => {
    const input = sine(440, 0.5);
    input[1000] = Number.NaN;
    input[5000] = Number.POSITIVE_INFINITY;
    input[9000] = Number.NEGATIVE_INFINITY;
    const [out] = stretch([input], RATE, 0.7) as [Float32Array];
    expect(allFinite(out)).toBe(true);
  }, 10_000);

  it('keeps the first and last sample times: a click at the start and one at the end', () => {
    const input = new Float32Array(RATE);
    input[0] = 1;
    input[RATE - 1] = 1;
    const [out] = stretch([input], RATE, 0.5) as [Float32Array];
    expect(peakNear(out, 0, 0.01)).toBeLessThan(0.01);
    expect(out.length).toBe(2 * RATE);
    expect(Math.max(...out.subarray(-0.005 * RATE).map(Math.abs))).toBeGreaterThan(0.9);
  }, 10_000);
});
