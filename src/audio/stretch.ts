/*
 * Time stretching at constant pitch by WSOLA (waveform-similarity overlap-add, after Verhelst
 * and Roelands, 1993) in plain TypeScript on Float32Arrays: no library, Web Audio or DOM, so it
 * runs in Node tests and in the page. Practice mode plays a song's music slower with it.
 *
 * The output is a sum of Hann-windowed frames of N samples (~40 ms, a power of two) laid every
 * H = N / 2 samples (50 % overlap: periodic Hann windows then sum to exactly 1). Output frame k
 * is centred at k H, so it should hold the input centred at k H rate; copying from there alone
 * (plain OLA) keeps the timing but joins frames out of phase, which beats and smears tones.
 * WSOLA moves each frame's input by up to +-T (~10 ms) to where its first half best resembles
 * the "natural continuation" of the previous frame's input: the overlaps add near-identical
 * waveforms, so pitch and level stay clean, and the timing never drifts.
 *
 * Drum hits get one more rule. Slowed down, every input sample lands in 2 / rate frames, so a
 * hit would sound 2 / rate times ~10 ms apart ("transient doubling") and start early. Onsets are
 * detected, and each is played by one pair of frames taken at rate 1 (the second starts exactly
 * H after the first, so their copies of the hit coincide) placed so the hit lands at t / rate
 * (within T / 2); frames before the pair end before the onset, frames after it start after it.
 *
 * Steps: 1. zero-padded copies of the channels (frames may start before or end after the
 * signal; NaN and infinities become 0), their mono sum and that decimated by 4; 2. onsets;
 * 3. each frame's input position: searched on the decimated downmix (normalised
 * cross-correlation), refined to the sample on the full-rate one; 4. overlap-add of every
 * channel's windowed frame at that one position (stereo stays aligned); 5. division by the
 * window sum (the level is kept).
 */

/** The slowest rate accepted (4 times as long). */
const MIN_RATE = 0.25;

const FRAME_SECONDS = 0.04;
const TOLERANCE_SECONDS = 0.01;
/** The search runs first on the downmix decimated by this factor. */
const DECIMATION = 4;
/** Onset: the next ~5 ms hold this many times the mean energy of the previous ~20 ms (9 dB). */
const ONSET_RATIO = 8;

/** A periodic Hann window of `n` samples: copies `n / 2` apart sum to 1. */
function hann(n: number): Float32Array {
  const w = new Float32Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
  return w;
}

/** Running sums of squares: `sums[j] - sums[i]` is the energy of `x[i..j)`. */
function energies(x: Float32Array): Float64Array {
  const sums = new Float64Array(x.length + 1);
  for (let i = 0; i < x.length; i++) sums[i + 1] = (sums[i] as number) + (x[i] as number) ** 2;
  return sums;
}

/** Dot product of `x[a..a+n)` and `x[b..b+n)` (four sums: the hot loop of the search). */
function dot(x: Float32Array, a: number, b: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += (x[a + i] as number) * (x[b + i] as number);
    s1 += (x[a + i + 1] as number) * (x[b + i + 1] as number);
    s2 += (x[a + i + 2] as number) * (x[b + i + 2] as number);
    s3 += (x[a + i + 3] as number) * (x[b + i + 3] as number);
  }
  for (; i < n; i++) s0 += (x[a + i] as number) * (x[b + i] as number);
  return s0 + s1 + s2 + s3;
}

/** A signal searched by WSOLA, with the running sums of its squares. */
interface Searched {
  readonly x: Float32Array;
  readonly sums: Float64Array;
}

/**
 * Of the positions `lo, lo + step, ... <= hi` of `s`, the one whose `n` samples correlate best
 * with the `n` at `target`, normalised by the candidate's energy (so a loud passage does not win
 * for being loud). `start` wins ties (silence keeps it).
 */
function bestMatch(s: Searched, target: number, n: number, lo: number, hi: number, step: number, start: number) {
  const { x, sums } = s;
  const score = (p: number) => dot(x, p, target, n) / Math.sqrt((sums[p + n] as number) - (sums[p] as number) + 1e-12);
  let best = start;
  let bestScore = score(start);
  for (let p = lo; p <= hi; p += step) {
    const value = score(p);
    if (value > bestScore) {
      bestScore = value;
      best = p;
    }
  }
  return best;
}

/**
 * WSOLA's similarity search: the position in `lo..hi` (from `start`) whose `n` samples best
 * resemble those at `target`. First on the decimated downmix, at the positions with the target's
 * phase modulo 4 (its index j is input position 4 j + phase), every other one, then around the
 * best; then to the sample on the full-rate downmix.
 */
function search(coarse: Searched, mono: Searched, target: number, n: number, lo: number, hi: number, start: number) {
  let position = start;
  const phase = target % DECIMATION;
  if (hi - lo >= 2 * DECIMATION) {
    const cLo = Math.ceil((lo - phase) / DECIMATION);
    const cHi = Math.floor((hi - phase) / DECIMATION);
    const cTarget = (target - phase) / DECIMATION;
    const cStart = Math.min(Math.max(Math.round((position - phase) / DECIMATION), cLo), cHi);
    let c = bestMatch(coarse, cTarget, n / DECIMATION, cLo, cHi, 2, cStart);
    c = bestMatch(coarse, cTarget, n / DECIMATION, Math.max(cLo, c - 1), Math.min(cHi, c + 1), 1, c);
    if (c !== cStart) position = c * DECIMATION + phase; // (ties, as in silence, keep `start`)
  }
  const fine = DECIMATION / 2 + 1;
  return bestMatch(mono, target, n, Math.max(lo, position - fine), Math.min(hi, position + fine), 1, position);
}

/**
 * Onsets (drum hits) in `x`, at least `spacing` samples apart, from the energy of its first
 * difference (a high-pass: attacks stand out over tones) in blocks of `block` samples. An onset
 * is the first block where the next 4 hold ONSET_RATIO times the mean energy of the previous 16,
 * and at least 1e-4 times (-40 dB) the loudest block; in it, the first sample whose difference
 * reaches half the block's largest.
 */
function findOnsets(x: Float32Array, block: number, spacing: number): number[] {
  const step = (i: number) => (x[i] as number) - (x[i - 1] ?? 0);
  const count = Math.floor(x.length / block);
  const sums = new Float64Array(count + 1); // running sums of the blocks' energies
  let loudest = 0;
  for (let b = 0; b < count; b++) {
    let e = 0;
    for (let i = b * block; i < (b + 1) * block; i++) e += step(i) ** 2;
    sums[b + 1] = (sums[b] as number) + e;
    loudest = Math.max(loudest, e);
  }
  const energy = (from: number, to: number) => (sums[to] as number) - (sums[from] as number);
  const found: number[] = [];
  for (let b = 16; b + 4 <= count; b++) {
    const before = energy(b - 16, b) / 16;
    if (energy(b, b + 4) / 4 <= Math.max(ONSET_RATIO * before, 1e-4 * loudest)) continue;
    let first = b;
    while (first < b + 3 && energy(first, first + 1) <= ONSET_RATIO * before) first++;
    let peak = 0;
    for (let i = first * block; i < (first + 1) * block; i++) peak = Math.max(peak, Math.abs(step(i)));
    let at = first * block;
    while (Math.abs(step(at)) < peak / 2) at++;
    if (found.length === 0 || at - (found[found.length - 1] as number) >= spacing) found.push(at);
    b = first + 3; // the next 4 blocks belong to this rise
  }
  return found;
}

/**
 * Stretches `channels` (equal lengths) so they play `1 / rate` times as long at the same pitch.
 * `rate` in [0.25, 1] (1 returns copies). All channels use the same frame positions (so stereo
 * stays aligned). The output is exactly `round(length / rate)` samples long.
 */
export function stretch(channels: readonly Float32Array[], sampleRate: number, rate: number): Float32Array[] {
  if (!(rate >= MIN_RATE && rate <= 1)) throw new RangeError(`stretch: rate must be in [${MIN_RATE}, 1], got ${rate}`);
  if (!(sampleRate > 0 && Number.isFinite(sampleRate))) {
    throw new RangeError(`stretch: sample rate must be a positive number, got ${sampleRate}`);
  }
  const length = channels[0]?.length ?? 0;
  if (channels.some((c) => c.length !== length)) throw new RangeError('stretch: channels must have equal lengths');
  if (rate === 1) return channels.map((c) => c.slice());
  const outLength = Math.round(length / rate);
  const out = channels.map(() => new Float32Array(outLength));
  if (outLength === 0 || channels.length === 0) return out;

  // Framing: N ~ 40 ms (a power of two), hop H = N / 2, tolerance T ~ 10 ms (a multiple of 4).
  const frame = 2 ** Math.max(6, Math.round(Math.log2(FRAME_SECONDS * sampleRate)));
  const hop = frame / 2;
  const tolerance = DECIMATION * Math.max(1, Math.round((TOLERANCE_SECONDS * sampleRate) / DECIMATION));
  const window = hann(frame);

  // Step 1: zero-padded copies (input sample i is at i + pad), their sum, and the sum decimated
  // by summing 4 samples (a crude low-pass, enough for the coarse search).
  const pad = 2 * frame + tolerance;
  const padded = channels.map((c) => {
    const p = new Float32Array(length + 2 * pad);
    for (let i = 0; i < length; i++) {
      const v = c[i] as number;
      p[i + pad] = Number.isFinite(v) ? v : 0;
    }
    return p;
  });
  const total = new Float32Array(length + 2 * pad);
  for (const p of padded) for (let i = pad; i < pad + length; i++) total[i] = (total[i] as number) + (p[i] as number);
  const decimated = new Float32Array(Math.floor(total.length / DECIMATION));
  for (let j = 0; j < decimated.length; j++) {
    let sum = 0;
    for (let i = 0; i < DECIMATION; i++) sum += total[j * DECIMATION + i] as number;
    decimated[j] = sum;
  }
  const mono: Searched = { x: total, sums: energies(total) };
  const coarse: Searched = { x: decimated, sums: energies(decimated) };

  // Step 2: onsets (~1.3 ms blocks, 2 frames apart), each with the frame k whose first half
  // holds its output time t / rate: frames k - 1 and k play it.
  const frames = Math.floor((outLength - 1) / hop) + 2; // frame k covers output [(k - 1) H, (k + 1) H)
  const onsets = findOnsets(total, Math.max(1, hop / 16), 2 * frame)
    .map((at) => ({ at, frame: Math.floor((at - pad) / rate / hop) + 1 }))
    .filter((o) => o.frame < frames);
  // Input position of frame k when an onset at `at` must land at output time (at - pad) / rate.
  const anchored = (at: number, k: number) => at - Math.round((at - pad) / rate) + (k - 1) * hop;

  const weights = new Float32Array(outLength);
  let next = 0; // the first onset whose frames are not all placed yet
  let previous = 0;
  for (let k = 0; k < frames; k++) {
    const onset = onsets[next];
    let position: number;
    if (onset && k === onset.frame) {
      // Step 3a: the second frame of an onset's pair: the natural continuation of the first.
      position = previous + hop;
      next++;
    } else {
      let lo: number;
      let hi: number;
      if (onset && k === onset.frame - 1) {
        // Step 3b: the first frame of an onset's pair: where the onset lands at t / rate,
        // give or take T / 2 (~5 ms) for the search to join it smoothly to the previous frame.
        position = anchored(onset.at, k);
        lo = position - tolerance / 2;
        hi = position + tolerance / 2;
      } else {
        // Step 3c: any other frame. Nominal position: frame centre k H in the output is k H rate
        // in the input. Candidates: within +-T of it, but after the last onset and ending before
        // the next (onsets are 2 N apart); where that leaves less than T, the range moves.
        position = pad + Math.round(k * hop * rate) - hop;
        const after = next > 0 ? (onsets[next - 1]?.at as number) + 1 : 0;
        const before = onset ? onset.at - frame : Number.POSITIVE_INFINITY;
        lo = Math.max(position - tolerance, after);
        hi = Math.min(position + tolerance, before);
        if (lo === after) hi = Math.min(Math.max(hi, lo + tolerance), before);
        else if (hi === before) lo = Math.max(Math.min(lo, hi - tolerance), after);
        position = Math.min(Math.max(position, lo), hi);
      }
      // WSOLA: this frame's first half overlaps the previous frame's second half, whose input
      // continues at previous + H: take the candidate that best resembles that continuation.
      if (k > 0) position = search(coarse, mono, previous + hop, hop, lo, hi, position);
    }
    previous = position;

    // Step 4: overlap-add the windowed frame of every channel, clipped to the output.
    const start = (k - 1) * hop;
    const from = Math.max(0, -start);
    const to = Math.min(frame, outLength - start);
    for (let c = 0; c < padded.length; c++) {
      const src = padded[c] as Float32Array;
      const dst = out[c] as Float32Array;
      for (let i = from; i < to; i++) {
        dst[start + i] = (dst[start + i] as number) + (window[i] as number) * (src[position + i] as number);
      }
    }
    for (let i = from; i < to; i++) weights[start + i] = (weights[start + i] as number) + (window[i] as number);
  }

  // Step 5: normalise by the window sum (1 wherever two frames overlap) so the level is kept.
  for (const dst of out) {
    for (let i = 0; i < outLength; i++) {
      const w = weights[i] as number;
      dst[i] = w > 1e-6 ? (dst[i] as number) / w : 0;
    }
  }
  return out;
}
