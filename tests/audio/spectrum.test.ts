import { describe, expect, it } from 'vitest';
import { filter, highpass } from '../../src/audio/loudness';
import {
  BAND_CENTRES,
  bandLevels,
  fft,
  phoneSpeaker,
  spectralCentroid,
  spectralDistance,
} from '../../src/audio/spectrum';

const RATE = 48000;

function sine(frequency: number, seconds = 0.3, amplitude = 0.5): Float64Array {
  return Float64Array.from(
    { length: Math.round(seconds * RATE) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / RATE),
  );
}

function noise(seconds = 0.3, seed = 1): Float64Array {
  let s = seed;
  return Float64Array.from({ length: Math.round(seconds * RATE) }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  });
}

describe('fft', () => {
  it('puts a bin-centred sine in its bin, with Parseval energy', () => {
    const n = 1024;
    const re = Float64Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * 8 * i) / n));
    const im = new Float64Array(n);
    fft(re, im);
    expect(re[8]).toBeCloseTo(n / 2, 6);
    expect(re[n - 8]).toBeCloseTo(n / 2, 6);
    expect(Math.abs(re[9] as number)).toBeLessThan(1e-6);
  });
});

describe('band levels', () => {
  it('covers 40 Hz to 16 kHz in third octaves', () => {
    expect(BAND_CENTRES[0]).toBeCloseTo(39.7, 0);
    expect(BAND_CENTRES[BAND_CENTRES.length - 1]).toBeCloseTo(16000, -2);
  });

  it('holds a sine in its band at about 0 dB of the total', () => {
    const levels = bandLevels(sine(1000), RATE);
    const i = BAND_CENTRES.findIndex((f) => Math.abs(f - 1000) < 1);
    expect(levels[i]).toBeGreaterThan(-0.5);
    expect(levels[i]).toBeLessThanOrEqual(0.01);
  });

  it('shows what a phone speaker removes', () => {
    const low = bandLevels(sine(100), RATE, phoneSpeaker(RATE));
    const i = BAND_CENTRES.findIndex((f) => Math.abs(f - 100) < 3);
    expect(low[i]).toBeLessThan(-35);
  });
});

describe('spectral distance', () => {
  it('is 0 for the same sound at any level', () => {
    const a = noise();
    const b = a.map((x) => x * 0.1);
    expect(spectralDistance(a, b, RATE)).toBeCloseTo(0, 6);
  });

  it('is large for sounds of different colour or pitch', () => {
    const a = noise(0.3, 1);
    const dark = filter(noise(0.3, 2), [
      { b0: 0.05, b1: 0, b2: 0, a1: -0.95, a2: 0 }, // one-pole low-pass
    ]);
    expect(spectralDistance(a, dark, RATE)).toBeGreaterThan(10);
    expect(spectralDistance(sine(200), sine(400), RATE)).toBeGreaterThan(10);
  });

  it('is small for two takes of the same noise', () => {
    expect(spectralDistance(noise(0.3, 1), noise(0.3, 7), RATE)).toBeLessThan(2);
  });

  it('ignores what neither sound has, and through a phone speaker what neither keeps', () => {
    // two sub-bass sines an octave apart: far apart in full band, both all but gone on a phone
    const a = sine(45);
    const b = sine(90);
    expect(spectralDistance(a, b, RATE)).toBeGreaterThan(10);
    const through = [...phoneSpeaker(RATE), highpass(RATE, 300), highpass(RATE, 300)];
    expect(spectralDistance(a, b, RATE, through)).toBeLessThan(spectralDistance(a, b, RATE));
  });

  it('places the centroid where the energy is', () => {
    expect(spectralCentroid(sine(1000), RATE)).toBeCloseTo(1000, -1);
    expect(spectralCentroid(noise(), RATE)).toBeGreaterThan(5000);
  });
});
