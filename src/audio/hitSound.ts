import { filter, hitLoudness, type Lufs } from './loudness';

/*
 * Pure helpers that shape one-shot sounds (drums, percussion, clicks) after they are rendered:
 * level by loudness, the muted "miss" variant, and the velocity curve. No Web Audio here, so
 * they are tested in Node.
 */

/** Linear fade over the last few milliseconds, so every buffer ends on silence. */
const TAIL_FADE = 0.004;

/** Fades the last 4 ms of `data` to zero, in place. */
export function fadeTail(data: Float32Array, sampleRate: number): void {
  const fade = Math.min(data.length, Math.round(TAIL_FADE * sampleRate));
  for (let i = 0; i < fade; i++) {
    const idx = data.length - fade + i;
    data[idx] = (data[idx] as number) * (1 - (i + 1) / fade);
  }
}

/**
 * Scales `data` in place so that one hit reads `target` LUFS (its K-weighted energy in one
 * 400 ms block, as loudness.hitLoudness measures it): drums are levelled by how loud they
 * sound, not by their peaks. Returns the gain applied.
 */
export function levelTo(data: Float32Array, sampleRate: number, target: Lufs): number {
  const now = hitLoudness([data], sampleRate);
  if (!Number.isFinite(now)) throw new Error('a one-shot sound rendered silent');
  const gain = 10 ** ((target - now) / 20);
  for (let i = 0; i < data.length; i++) data[i] = (data[i] as number) * gain;
  return gain;
}

/** The most make-up gain the soft clip may ask for (dB): what clipping takes off is mostly spikes. */
const MAX_MAKEUP_DB = 6;

/** A soft clip towards `ceiling` (never reached), linear up to 60 % of it. */
function softClip(x: number, ceiling: number): number {
  const knee = 0.6 * ceiling;
  const a = Math.abs(x);
  if (a <= knee) return x;
  const room = ceiling - knee;
  return Math.sign(x) * (knee + room * Math.tanh((a - knee) / room));
}

/**
 * Levels `data` in place to `target` LUFS (as levelTo) with every sample under `maxPeak`
 * (linear). Where plain gain would put the peak higher, the sound's spikes (the first
 * milliseconds of a drum) are rounded off by a soft clip, as engineers clip drum transients,
 * with the gain found by bisection; if that would need more than MAX_MAKEUP_DB of extra gain,
 * the sound is left quieter instead. Returns the loudness reached (LUFS). Drums with tamed peaks sit in a mix
 * without driving the master limiter.
 */
export function levelWithPeak(data: Float32Array, sampleRate: number, target: Lufs, maxPeak: number): Lufs {
  const source = data.slice();
  const peak = peakOf(source);
  if (peak === 0) throw new Error('a one-shot sound rendered silent');
  const loudnessAt = (gain: number): Lufs => {
    for (let i = 0; i < data.length; i++) data[i] = softClip((source[i] as number) * gain, maxPeak);
    return hitLoudness([data], sampleRate);
  };
  const plain = 10 ** ((target - hitLoudness([source], sampleRate)) / 20);
  // Under the clip's knee the soft clip is the identity: plain gain is enough.
  if (plain * peak <= 0.6 * maxPeak) return loudnessAt(plain);
  let lo = plain;
  let hi = plain * 10 ** (MAX_MAKEUP_DB / 20);
  if (loudnessAt(hi) <= target) return hitLoudness([data], sampleRate);
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (loudnessAt(mid) < target) lo = mid;
    else hi = mid;
  }
  return loudnessAt(lo);
}

function peakOf(data: Float32Array): number {
  let max = 0;
  for (let i = 0; i < data.length; i++) max = Math.max(max, Math.abs(data[i] as number));
  return max;
}

export interface DampOptions {
  /** Low-pass corner in Hz (two one-pole stages): how much duller than the hit. */
  readonly cutoff: number;
  /** Decay time constant in seconds laid over the sound: how much shorter. */
  readonly decay: number;
  /** Loudness relative to the hit it is made from, in LU (negative: softer). */
  readonly relative: number;
}

/**
 * The sound of a Miss or a ghost press, made from a drum's hit: shorter (an extra exponential
 * decay), duller (low-passed) and softer (`relative` LU under the hit). A new array.
 */
export function dampen(hit: Float32Array, sampleRate: number, o: DampOptions): Float32Array {
  const k = 1 - Math.exp((-2 * Math.PI * o.cutoff) / sampleRate);
  const onePole = { b0: k, b1: 0, b2: 0, a1: k - 1, a2: 0 };
  const shaped = new Float32Array(hit.length);
  for (let i = 0; i < hit.length; i++) shaped[i] = (hit[i] as number) * Math.exp(-i / sampleRate / o.decay);
  const dull = Float32Array.from(filter(shaped, [onePole, onePole]));
  fadeTail(dull, sampleRate);
  levelTo(dull, sampleRate, hitLoudness([hit], sampleRate) + o.relative);
  return dull;
}

/** Quietest a press can sound, as a linear gain (-30 dB): a soft MIDI stroke still makes a sound. */
const MIN_VELOCITY_GAIN = 10 ** (-30 / 20);

/**
 * Linear gain for a velocity 0..1 (1 = the full hit; values outside are clamped): a power
 * curve close to how drummers and MIDI kits map stroke strength to level (0.5 is about -9 dB).
 */
export function velocityGain(velocity: number): number {
  const v = Math.min(1, Math.max(0, Number.isFinite(velocity) ? velocity : 1));
  return Math.max(MIN_VELOCITY_GAIN, v ** 1.5);
}
