import { type Biquad, filter, highpass } from './loudness';

/*
 * How different two sounds look in frequency: third-octave band levels and one distance in dB.
 * Pure TypeScript (Node tests, the bench). Used to check that the two players' kits are told
 * apart by ear, also through a phone's small speaker (modelled as a 300 Hz high-pass).
 */

/** Centre frequencies of the third-octave bands compared, 40 Hz to 16 kHz. */
export const BAND_CENTRES: readonly number[] = Array.from({ length: 27 }, (_, i) => 1000 * 2 ** ((i - 14) / 3));

/** Bands more than this far under the sound's total energy count as silent. */
const FLOOR_DB = -50;

/** A 4th-order Butterworth high-pass: a small phone speaker's low end. */
export function phoneSpeaker(sampleRate: number, cutoff = 300): Biquad[] {
  return [highpass(sampleRate, cutoff, 0.5411961), highpass(sampleRate, cutoff, 1.306563)];
}

/** In-place iterative radix-2 FFT of (re, im), whose length is a power of two. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j] as number, re[i] as number];
      [im[i], im[j]] = [im[j] as number, im[i] as number];
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const step = (-2 * Math.PI) / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = Math.cos(step * k);
        const wi = Math.sin(step * k);
        const a = start + k;
        const b = a + half;
        const tr = wr * (re[b] as number) - wi * (im[b] as number);
        const ti = wr * (im[b] as number) + wi * (re[b] as number);
        re[b] = (re[a] as number) - tr;
        im[b] = (im[a] as number) - ti;
        re[a] = (re[a] as number) + tr;
        im[a] = (im[a] as number) + ti;
      }
    }
  }
}

/** Energy per third-octave band (linear, summed |X|^2 over the band's FFT bins). */
export function bandEnergies(data: ArrayLike<number>, sampleRate: number): Float64Array {
  let n = 1;
  while (n < data.length) n <<= 1;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  re.set(data as ArrayLike<number>);
  fft(re, im);
  const energies = new Float64Array(BAND_CENTRES.length);
  const binHz = sampleRate / n;
  BAND_CENTRES.forEach((fc, b) => {
    const lo = Math.ceil((fc * 2 ** (-1 / 6)) / binHz);
    const hi = Math.min(n / 2, Math.floor((fc * 2 ** (1 / 6)) / binHz));
    let e = 0;
    for (let k = lo; k <= hi; k++) e += (re[k] as number) ** 2 + (im[k] as number) ** 2;
    energies[b] = e;
  });
  return energies;
}

function totalEnergy(data: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < data.length; i++) e += (data[i] as number) ** 2;
  return e;
}

/**
 * Band levels in dB relative to the sound's full-band energy (so the level of the sound does
 * not matter), optionally heard through `through` (e.g. phoneSpeaker), floored at -50 dB.
 * Through a filter, what the filter removes shows as lower (or floored) bands.
 */
export function bandLevels(data: ArrayLike<number>, sampleRate: number, through: readonly Biquad[] = []): number[] {
  const total = totalEnergy(data);
  if (total === 0) return BAND_CENTRES.map(() => FLOOR_DB);
  const heard = through.length ? filter(data, through) : data;
  // the bins of an N-point FFT hold N times the energy (Parseval), half of it in the positive bins
  let n = 1;
  while (n < data.length) n <<= 1;
  return Array.from(bandEnergies(heard, sampleRate), (e) =>
    Math.max(FLOOR_DB, e > 0 ? 10 * Math.log10((2 * e) / (n * total)) : FLOOR_DB),
  );
}

/**
 * Spectral distance of two sounds in dB: the RMS difference of their band levels over the
 * bands where either is above the floor. 0 for the same sound at any level; a few dB for
 * close relatives; over 6 dB for sounds of clearly different colour or pitch.
 */
export function spectralDistance(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  sampleRate: number,
  through: readonly Biquad[] = [],
): number {
  const la = bandLevels(a, sampleRate, through);
  const lb = bandLevels(b, sampleRate, through);
  let sum = 0;
  let n = 0;
  la.forEach((x, i) => {
    const y = lb[i] as number;
    if (x <= FLOOR_DB && y <= FLOOR_DB) return;
    sum += (x - y) ** 2;
    n++;
  });
  return n ? Math.sqrt(sum / n) : 0;
}

/** Energy-weighted mean frequency (Hz): where a sound's spectrum sits. */
export function spectralCentroid(data: ArrayLike<number>, sampleRate: number, through: readonly Biquad[] = []): number {
  const e = bandEnergies(through.length ? filter(data, through) : data, sampleRate);
  let num = 0;
  let den = 0;
  e.forEach((x, i) => {
    num += x * (BAND_CENTRES[i] as number);
    den += x;
  });
  return den ? num / den : 0;
}
