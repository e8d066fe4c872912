/*
 * Loudness and peak measurement after ITU-R BS.1770-4 (the LUFS of EBU R 128), in plain
 * TypeScript: no Tone.js, no Web Audio, so it runs in Node tests, in the bench and in the game.
 *
 * - K-weighting: a high shelf (+4 dB above ~1.7 kHz, the head's acoustic effect) then the
 *   "RLB" high-pass (~38 Hz), both derived from their analogue prototypes for any sample rate
 *   (at 48 kHz they give the coefficients printed in the standard).
 * - Mean square per channel over 400 ms blocks with 75 % overlap, summed over channels with
 *   weight 1 (left, right, centre: the only channels used here).
 * - Integrated loudness: blocks under the absolute gate (-70 LUFS) are dropped, then blocks
 *   more than 10 LU under the loudness of the remaining ones (relative gate).
 */

/** Loudness, K-weighted, relative to full scale (LUFS). */
export type Lufs = number;
/** Level relative to full scale: 0 dBFS is a sample of +-1. */
export type Dbfs = number;

/** A second-order section: b0, b1, b2, a1, a2 (a0 = 1). */
export interface Biquad {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

const ABSOLUTE_GATE: Lufs = -70;
const RELATIVE_GATE = -10;
const BLOCK = 0.4;
const STEP = 0.1;

/** The two K-weighting stages at `sampleRate` Hz (as libebur128 derives them). */
export function kWeighting(sampleRate: number): [shelf: Biquad, highpass: Biquad] {
  // Stage 1: high shelf.
  let f0 = 1681.974450955533;
  const gain = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = 10 ** (gain / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / q + k * k;
  const shelf: Biquad = {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  // Stage 2: the RLB high-pass.
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / sampleRate);
  a0 = 1 + k / q + k * k;
  const highpass: Biquad = { b0: 1, b1: -2, b2: 1, a1: (2 * (k * k - 1)) / a0, a2: (1 - k / q + k * k) / a0 };
  return [shelf, highpass];
}

/** A Butterworth-style high-pass section (RBJ cookbook) at `frequency` Hz with quality `q`. */
export function highpass(sampleRate: number, frequency: number, q = Math.SQRT1_2): Biquad {
  const w = (2 * Math.PI * frequency) / sampleRate;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  return {
    b0: (1 + cos) / 2 / a0,
    b1: -(1 + cos) / a0,
    b2: (1 + cos) / 2 / a0,
    a1: (-2 * cos) / a0,
    a2: (1 - alpha) / a0,
  };
}

/** Runs `input` through biquad sections in series (direct form I), returning a new array. */
export function filter(input: ArrayLike<number>, sections: readonly Biquad[]): Float64Array {
  const out = Float64Array.from(input as ArrayLike<number>);
  for (const s of sections) {
    let x1 = 0;
    let x2 = 0;
    let y1 = 0;
    let y2 = 0;
    for (let i = 0; i < out.length; i++) {
      const x = out[i] as number;
      const y = s.b0 * x + s.b1 * x1 + s.b2 * x2 - s.a1 * y1 - s.a2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      out[i] = y;
    }
  }
  return out;
}

/** dB of a power (mean square) relative to full scale, with the standard's -0.691 offset. */
function lufsOf(power: number): Lufs {
  return power > 0 ? -0.691 + 10 * Math.log10(power) : Number.NEGATIVE_INFINITY;
}

/**
 * Mean square of the K-weighted signal, summed over channels, for every 400 ms block
 * (100 ms apart). A signal shorter than one block has no blocks.
 */
export function blockPowers(channels: readonly ArrayLike<number>[], sampleRate: number): Float64Array {
  const block = Math.round(BLOCK * sampleRate);
  const step = Math.round(STEP * sampleRate);
  const length = Math.min(...channels.map((c) => c.length));
  const count = length < block ? 0 : Math.floor((length - block) / step) + 1;
  const powers = new Float64Array(count);
  if (count === 0) return powers;
  const stages = kWeighting(sampleRate);
  for (const channel of channels) {
    const weighted = filter(channel, stages);
    // Squared sums per 100 ms step; a block is four consecutive steps.
    const steps = Math.floor(length / step);
    const sums = new Float64Array(steps);
    for (let s = 0; s < steps; s++) {
      let sum = 0;
      for (let i = s * step; i < (s + 1) * step; i++) sum += (weighted[i] as number) ** 2;
      sums[s] = sum;
    }
    const per = block / step;
    for (let j = 0; j < count; j++) {
      let sum = 0;
      for (let s = j; s < j + per; s++) sum += sums[s] as number;
      powers[j] = (powers[j] as number) + sum / block;
    }
  }
  return powers;
}

/**
 * Integrated loudness (BS.1770-4) of one or more channels (mono, or left and right).
 * Returns -Infinity for silence or a signal shorter than 400 ms.
 */
export function integratedLoudness(channels: readonly ArrayLike<number>[], sampleRate: number): Lufs {
  const powers = blockPowers(channels, sampleRate);
  const gated = (threshold: Lufs): { power: number; n: number } => {
    let power = 0;
    let n = 0;
    for (const p of powers) {
      if (lufsOf(p) > threshold) {
        power += p;
        n++;
      }
    }
    return { power: n ? power / n : 0, n };
  };
  const absolute = gated(ABSOLUTE_GATE);
  if (absolute.n === 0) return Number.NEGATIVE_INFINITY;
  const relative = gated(lufsOf(absolute.power) + RELATIVE_GATE);
  return lufsOf(relative.power);
}

/** The loudest 400 ms block (maximum momentary loudness). */
export function maxMomentaryLoudness(channels: readonly ArrayLike<number>[], sampleRate: number): Lufs {
  let max = 0;
  for (const p of blockPowers(channels, sampleRate)) max = Math.max(max, p);
  return lufsOf(max);
}

/**
 * Loudness of a one-shot sound as one 400 ms block holding it (the momentary loudness of a
 * single hit): K-weighted energy over 400 ms, however long the sound is.
 */
export function hitLoudness(channels: readonly ArrayLike<number>[], sampleRate: number): Lufs {
  const stages = kWeighting(sampleRate);
  let energy = 0;
  for (const c of channels) for (const x of filter(c, stages)) energy += x * x;
  return lufsOf(energy / (BLOCK * sampleRate));
}

/** Largest absolute sample value over all channels (linear). */
export function samplePeak(channels: readonly ArrayLike<number>[]): number {
  let max = 0;
  for (const c of channels) {
    for (let i = 0; i < c.length; i++) {
      const a = Math.abs(c[i] as number);
      if (a > max) max = a;
    }
  }
  return max;
}

/** Number of samples whose absolute value exceeds `threshold` (linear), over all channels. */
export function samplesOver(channels: readonly ArrayLike<number>[], threshold: number): number {
  let n = 0;
  for (const c of channels) for (let i = 0; i < c.length; i++) if (Math.abs(c[i] as number) > threshold) n++;
  return n;
}

/** Half-length of the interpolation kernel used by truePeak, in input samples. */
const TP_TAPS = 12;
const TP_PHASES = 4;
let tpKernel: Float64Array[] | null = null;

/** Windowed-sinc interpolators for the three in-between phases of 4x oversampling. */
function truePeakKernel(): Float64Array[] {
  if (tpKernel) return tpKernel;
  const kernels: Float64Array[] = [];
  for (let p = 1; p < TP_PHASES; p++) {
    const k = new Float64Array(2 * TP_TAPS);
    for (let i = 0; i < 2 * TP_TAPS; i++) {
      // distance of input sample (n - TP_TAPS + 1 + i) from the point n + p/4
      const t = i - TP_TAPS + 1 - p / TP_PHASES;
      const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
      const window = 0.5 + 0.5 * Math.cos((Math.PI * t) / TP_TAPS); // Hann over +-TP_TAPS
      k[i] = sinc * window;
    }
    kernels.push(k);
  }
  tpKernel = kernels;
  return kernels;
}

/**
 * Estimated true peak (linear): the largest absolute value of the signal oversampled 4x with
 * a windowed-sinc interpolator (BS.1770-4 Annex 2 asks for at least 4x), including the
 * samples themselves.
 */
export function truePeak(channels: readonly ArrayLike<number>[]): number {
  const kernels = truePeakKernel();
  let max = samplePeak(channels);
  for (const c of channels) {
    const n = c.length;
    for (let i = 0; i < n - 1; i++) {
      // Interpolate only near loud samples: a true peak can only exceed the sample peak there.
      const here = Math.abs(c[i] as number);
      const next = Math.abs(c[i + 1] as number);
      if (Math.max(here, next) < max * 0.5) continue;
      for (const k of kernels) {
        let y = 0;
        for (let j = 0; j < k.length; j++) {
          const idx = i - TP_TAPS + 1 + j;
          if (idx >= 0 && idx < n) y += (c[idx] as number) * (k[j] as number);
        }
        const a = Math.abs(y);
        if (a > max) max = a;
      }
    }
  }
  return max;
}

/** A linear amplitude in dBFS. */
export function toDbfs(linear: number): Dbfs {
  return linear > 0 ? 20 * Math.log10(linear) : Number.NEGATIVE_INFINITY;
}

/** A dBFS level as a linear amplitude. */
export function fromDbfs(db: Dbfs): number {
  return 10 ** (db / 20);
}
