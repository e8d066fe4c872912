import { describe, expect, it } from 'vitest';
import {
  fromDbfs,
  hitLoudness,
  integratedLoudness,
  kWeighting,
  maxMomentaryLoudness,
  samplePeak,
  samplesOver,
  toDbfs,
  truePeak,
} from '../../src/audio/loudness';

/** A sine of `seconds` at `dbfs` peak level. */
function sine(frequency: number, dbfs: number, seconds: number, sampleRate: number, phase = 0): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const a = fromDbfs(dbfs);
  for (let i = 0; i < out.length; i++) out[i] = a * Math.sin((2 * Math.PI * frequency * i) / sampleRate + phase);
  return out;
}

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('K-weighting', () => {
  it('gives the coefficients printed in BS.1770-4 at 48 kHz', () => {
    const [shelf, hp] = kWeighting(48000);
    expect(shelf.b0).toBeCloseTo(1.53512485958697, 10);
    expect(shelf.b1).toBeCloseTo(-2.69169618940638, 10);
    expect(shelf.b2).toBeCloseTo(1.19839281085285, 10);
    expect(shelf.a1).toBeCloseTo(-1.69065929318241, 10);
    expect(shelf.a2).toBeCloseTo(0.73248077421585, 10);
    expect(hp.a1).toBeCloseTo(-1.99004745483398, 10);
    expect(hp.a2).toBeCloseTo(0.99007225036621, 10);
  });
});

describe('integrated loudness (BS.1770-4)', { timeout: 60_000 }, () => {
  it.each([44100, 48000, 96000])('reads a 0 dBFS 997 Hz sine in one channel as -3.01 LUFS at %i Hz', (rate) => {
    expect(integratedLoudness([sine(997, 0, 3, rate)], rate)).toBeCloseTo(-3.01, 1);
  });

  it('reads a -20 dBFS mono sine as -23.0 LUFS', () => {
    expect(integratedLoudness([sine(997, -20, 5, 48000)], 48000)).toBeCloseTo(-23.0, 1);
  });

  it('reads a -23 dBFS 1 kHz sine in both channels as -23.0 LUFS (EBU Tech 3341, case 1)', () => {
    for (const rate of [44100, 48000]) {
      const s = sine(1000, -23, 20, rate);
      expect(integratedLoudness([s, s], rate)).toBeCloseTo(-23.0, 1);
    }
  });

  it('weighs low and high frequencies as the K curve does', () => {
    const rate = 48000;
    const at = (f: number) => integratedLoudness([sine(f, -20, 2, rate)], rate);
    // a little lower at 100 Hz than at 1 kHz, about +3.3 dB higher at 10 kHz, strongly cut at 20 Hz
    expect(at(100) - at(997)).toBeLessThan(-1);
    expect(at(100) - at(997)).toBeGreaterThan(-2.5);
    expect(at(10000) - at(997)).toBeCloseTo(3.3, 0);
    expect(at(20) - at(997)).toBeLessThan(-10);
  });

  it('drops quiet passages with the relative gate (EBU Tech 3341, case 3)', () => {
    const rate = 48000;
    const s = concat(sine(1000, -36, 10, rate), sine(1000, -23, 60, rate), sine(1000, -36, 10, rate));
    expect(integratedLoudness([s, s], rate)).toBeCloseTo(-23.0, 1);
  });

  it('drops silence with the absolute gate (EBU Tech 3341, case 4)', () => {
    const rate = 48000;
    const s = concat(
      sine(1000, -72, 10, rate),
      sine(1000, -36, 10, rate),
      sine(1000, -23, 60, rate),
      sine(1000, -36, 10, rate),
      sine(1000, -72, 10, rate),
    );
    expect(integratedLoudness([s, s], rate)).toBeCloseTo(-23.0, 1);
  });

  it('keeps passages inside the relative gate (EBU Tech 3341, case 5)', () => {
    const rate = 48000;
    const s = concat(sine(1000, -26, 20, rate), sine(1000, -20, 20.1, rate), sine(1000, -26, 20, rate));
    expect(integratedLoudness([s, s], rate)).toBeCloseTo(-23.0, 1);
  });

  it('is hardly affected by silence around the signal, and -Infinity for silence or under 400 ms', () => {
    const rate = 44100;
    const tone = sine(997, -20, 20, rate);
    const padded = concat(new Float32Array(rate * 6), tone, new Float32Array(rate * 6));
    // only the few blocks that straddle an edge count (they pass both gates)
    expect(Math.abs(integratedLoudness([padded], rate) - integratedLoudness([tone], rate))).toBeLessThan(0.1);
    expect(integratedLoudness([new Float32Array(rate * 2)], rate)).toBe(Number.NEGATIVE_INFINITY);
    expect(integratedLoudness([sine(997, -20, 0.3, rate)], rate)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('adds channels: the same sine in two channels is 3 LU louder than in one', () => {
    const rate = 48000;
    const s = sine(997, -20, 3, rate);
    expect(integratedLoudness([s, s], rate) - integratedLoudness([s], rate)).toBeCloseTo(3.01, 1);
  });
});

describe('momentary and hit loudness', () => {
  it('finds the loudest 400 ms of a signal', () => {
    const rate = 48000;
    const s = concat(sine(997, -30, 2, rate), sine(997, -10, 1, rate), sine(997, -30, 2, rate));
    expect(maxMomentaryLoudness([s], rate)).toBeCloseTo(-13.0, 1);
  });

  it('measures a one-shot as one 400 ms block', () => {
    const rate = 48000;
    // 100 ms of a sine is a quarter of the block's energy: 6 dB under the steady sine
    expect(hitLoudness([sine(997, 0, 0.1, rate)], rate)).toBeCloseTo(-3.01 - 6.02, 1);
  });
});

describe('peaks', () => {
  it('counts samples over a threshold and reads the sample peak', () => {
    const s = Float32Array.from([0, 0.5, -0.95, 0.9, 0.2]);
    expect(samplePeak([s])).toBeCloseTo(0.95, 6);
    expect(samplesOver([s, s], fromDbfs(-1))).toBe(4);
    expect(toDbfs(1)).toBe(0);
    expect(toDbfs(0)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('finds a true peak between samples', () => {
    // a quarter-rate sine sampled at 45 degrees: every sample is at 0.707, the wave reaches 1
    const rate = 48000;
    const s = sine(rate / 4, 0, 0.05, rate, Math.PI / 4);
    expect(samplePeak([s])).toBeCloseTo(Math.SQRT1_2, 3);
    expect(truePeak([s])).toBeGreaterThan(0.98);
    expect(truePeak([s])).toBeLessThan(1.02);
  });
});
