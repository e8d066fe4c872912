import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * The master limiter's AudioWorklet processor (src/audio/limiter.worklet.js), run in Node with
 * stand-ins for the worklet globals, block by block as the audio thread would.
 */

const SOURCE = readFileSync(new URL('../../src/audio/limiter.worklet.js', import.meta.url), 'utf8');
const RATE = 48000;

interface Processor {
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
  port: { messages: unknown[] };
}
type ProcessorClass = new (options?: { processorOptions?: Record<string, number> }) => Processor;

function load(): ProcessorClass {
  let registered: ProcessorClass | null = null;
  class Base {
    port = {
      messages: [] as unknown[],
      postMessage(m: unknown) {
        this.messages.push(m);
      },
    };
  }
  new Function('AudioWorkletProcessor', 'registerProcessor', 'sampleRate', SOURCE)(
    Base,
    (name: string, cls: ProcessorClass) => {
      expect(name).toBe('drum-diplomacy-limiter');
      registered = cls;
    },
    RATE,
  );
  if (!registered) throw new Error('no processor registered');
  return registered;
}

/** Runs stereo signals through a processor in 128-frame blocks. */
function run(p: Processor, left: Float32Array, right: Float32Array = left): [Float32Array, Float32Array] {
  const outL = new Float32Array(left.length);
  const outR = new Float32Array(left.length);
  for (let at = 0; at < left.length; at += 128) {
    const n = Math.min(128, left.length - at);
    const o: Float32Array[] = [new Float32Array(n), new Float32Array(n)];
    p.process([[left.subarray(at, at + n), right.subarray(at, at + n)]], [o]);
    outL.set(o[0] as Float32Array, at);
    outR.set(o[1] as Float32Array, at);
  }
  return [outL, outR];
}

function sine(freq: number, amp: number, seconds: number): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * RATE) },
    (_, i) => amp * Math.sin((2 * Math.PI * freq * i) / RATE),
  );
}

const peak = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('master limiter (AudioWorklet processor)', () => {
  const Limiter = load();
  const options = { processorOptions: { ceiling: 0.86, knee: 0.6 } };

  it('passes a signal under the knee untouched', () => {
    const x = sine(440, 0.5, 0.5);
    const [l, r] = run(new Limiter(options), x);
    expect(l).toEqual(x);
    expect(r).toEqual(x);
  });

  it('never lets a sample over the ceiling, however loud the input', () => {
    for (const amp of [0.9, 1, 2, 8]) {
      const burst = new Float32Array(RATE / 2);
      // a train of kick-like bursts on a quiet bed
      for (let i = 0; i < burst.length; i++) {
        const t = (i % 6000) / RATE;
        burst[i] = amp * Math.exp(-t / 0.05) * Math.sin(2 * Math.PI * 60 * t) + 0.1 * Math.sin(i / 3);
      }
      const [l, r] = run(
        new Limiter(options),
        burst,
        burst.map((v) => -v * 0.7),
      );
      // (at most the ceiling as a 32-bit float)
      expect(peak(l)).toBeLessThanOrEqual(Math.fround(0.86));
      expect(peak(r)).toBeLessThanOrEqual(Math.fround(0.86));
    }
  });

  it('is linked: both channels get the same gain', () => {
    const loud = sine(100, 1.5, 0.2);
    const quiet = sine(100, 0.3, 0.2);
    const [l, r] = run(new Limiter(options), loud, quiet);
    for (let i = 0; i < l.length; i += 97) {
      if (Math.abs(quiet[i] as number) > 1e-3)
        expect((r[i] as number) / (quiet[i] as number)).toBeCloseTo((l[i] as number) / (loud[i] as number), 5);
    }
  });

  it('recovers after a peak (release), and reports what it did', () => {
    const x = new Float32Array(RATE);
    x.set(sine(200, 1.5, 0.05));
    x.set(sine(200, 0.4, 0.9), RATE * 0.1);
    const p = new Limiter(options);
    const [l] = run(p, x);
    // one second after the peak the quiet tone is back to full level
    const end = l.subarray(RATE * 0.8, RATE * 0.95);
    expect(peak(end)).toBeCloseTo(0.4, 2);
    const last = p.port.messages.at(-1) as { minGain: number; reduced: number; samples: number };
    expect(last.minGain).toBeLessThan(0.6);
    expect(last.reduced).toBeGreaterThan(0);
    expect(last.samples).toBeGreaterThan(RATE / 2);
  });

  it('outputs silence when nothing is connected', () => {
    const p = new Limiter(options);
    const o = [new Float32Array(128), new Float32Array(128)];
    expect(p.process([[]], [o])).toBe(true);
    expect(peak(o[0] as Float32Array)).toBe(0);
  });
});

describe('mastering limiter (the same processor with a lookahead)', () => {
  const Limiter = load();
  const look = 0.005;
  const options = { processorOptions: { ceiling: 0.6, knee: 0.4, lookahead: look } };
  const delay = Math.round(look * RATE) + 1;

  it('delays the music by the lookahead and leaves quiet music untouched', () => {
    const x = sine(440, 0.3, 0.2);
    const [l] = run(new Limiter(options), x);
    for (let i = delay; i < x.length; i += 37) expect(l[i]).toBeCloseTo(x[i - delay] as number, 6);
  });

  it('never lets a sample over its ceiling, and turns down before a peak arrives', () => {
    const x = sine(220, 0.3, 0.5);
    const at = Math.round(0.15 * RATE);
    for (let i = at; i < at + 2000; i++) x[i] = (x[i] as number) * 4; // a loud burst
    const p = new Limiter(options);
    const [l, r] = run(p, x);
    expect(peak(l)).toBeLessThanOrEqual(Math.fround(0.6));
    expect(peak(r)).toBeLessThanOrEqual(Math.fround(0.6));
    // just before the burst comes out, the quiet tone is already turned down
    const before = l.subarray(at + delay - 100, at + delay);
    expect(peak(before)).toBeLessThan(0.29);
    const stats = p.port.messages.at(-1) as { minGain: number };
    expect(stats.minGain).toBeLessThan(0.6);
  });
});
