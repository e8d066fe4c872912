import { lowerBound, offsetMsOf } from './judge';
import { mean, median, unstableRate } from './stats';
import { type Ms, OFFSET_LIMIT_MS, type Seconds } from './units';

/*
 * The maths of the calibration wizard. The wizard plays a click track, records the player's
 * taps (raw song seconds, before any input offset) and asks these functions what offset to
 * store. Every offset here has the sign of `inputOffsetMs` in the settings and in MatchSetup:
 * positive when presses land late, so storing the result centres the player's presses.
 */

/** Fewer usable taps than this give no audio offset. */
export const MIN_CALIBRATION_TAPS = 16;
/** A tap further than this many scaled MADs from the median tap offset is an outlier. */
export const OUTLIER_MADS = 3;
/** Scales a median absolute deviation to estimate the standard deviation of normal data. */
const MAD_TO_SIGMA = 1.4826;
/**
 * Floor of the scaled MAD, ms. Taps a machine makes (or a very steady hand) can agree to the
 * microsecond; without a floor, a spread of zero would reject a tap 0.1 ms away.
 */
const MIN_SCALED_MAD_MS: Ms = 1;

/** What a run of calibration taps gave. */
export interface CalibrationResult {
  /** Mean offset of the used taps (outliers already gone), rounded to 1 ms and clamped to ±OFFSET_LIMIT_MS (positive = late). */
  readonly offsetMs: Ms;
  /** Taps given. */
  readonly taps: number;
  /** Taps kept after rejecting outliers. */
  readonly used: number;
  /** Taps rejected: non-finite, half a beat or more from every beat, a second tap on one beat, or outliers. */
  readonly rejected: number;
  /** Population standard deviation of the used taps' offsets, ms: how steady the player was. */
  readonly spreadMs: Ms;
}

/**
 * Clamps an offset to ±OFFSET_LIMIT_MS and rounds it to 1 ms.
 * @param ms an offset in ms (finite).
 * @returns the offset in ms, whole, within ±400.
 */
export function clampOffset(ms: Ms): Ms {
  // `+ 0` turns Math.round's -0 into 0, so a stored offset never reads "-0".
  return Math.round(Math.min(OFFSET_LIMIT_MS, Math.max(-OFFSET_LIMIT_MS, ms))) + 0;
}

/**
 * The audio (input) offset from taps made along with a click track.
 *
 * Each tap is paired with its nearest beat. Taps are rejected when they are not finite, when
 * they lie half a beat or more from that beat (between two beats, or before the first / after
 * the last beat by half the neighbouring interval), when another tap lies nearer the same beat (a
 * bounced key: each beat takes one tap), and when their offset lies more than
 * OUTLIER_MADS scaled median absolute deviations from the median offset.
 *
 * @param tapTimes taps, raw song seconds (before any input offset is subtracted), any order.
 * @param beatTimes the click track's beats, song seconds (sorted here; non-finite ones ignored).
 * @param minTaps the fewest usable taps that give a result (default MIN_CALIBRATION_TAPS = 16).
 * @returns the mean offset of the taps kept, in ms (positive = taps late; the value to store as the player's
 *   `inputOffsetMs`), or null when fewer than `minTaps` taps remain or there are no beats.
 */
export function audioOffsetFromTaps(
  tapTimes: readonly Seconds[],
  beatTimes: readonly Seconds[],
  minTaps: number = MIN_CALIBRATION_TAPS,
): CalibrationResult | null {
  const beats = Float64Array.from(beatTimes.filter(Number.isFinite)).sort();
  if (beats.length === 0) return null;
  // Best tap per beat: beat index → offset ms.
  const byBeat = new Map<number, Ms>();
  for (const tap of tapTimes) {
    if (!Number.isFinite(tap)) continue;
    const beat = nearestBeat(beats, tap);
    const offset = offsetMsOf(tap, beats[beat] as number);
    if (Math.abs(offset) >= halfIntervalMs(beats, beat, offset)) continue;
    const previous = byBeat.get(beat);
    if (previous === undefined || nearer(offset, previous)) byBeat.set(beat, offset);
  }
  const paired = [...byBeat.values()];
  const centre = median(paired);
  if (centre === null) return null;
  const mad = median(paired.map((x) => Math.abs(x - centre))) as number;
  const limit = OUTLIER_MADS * Math.max(MIN_SCALED_MAD_MS, MAD_TO_SIGMA * mad);
  // Sorted so that the sum below, and so the rounding, never depend on the order of the taps.
  const used = paired.filter((x) => Math.abs(x - centre) <= limit).sort((a, b) => a - b);
  if (used.length < Math.max(1, minTaps)) return null;
  return {
    // The mean of the inliers, not their median: with the outliers gone it is the more
    // precise estimate (about 1.6 times fewer taps for the same error on normal jitter).
    offsetMs: clampOffset(mean(used)),
    taps: tapTimes.length,
    used: used.length,
    rejected: tapTimes.length - used.length,
    // The unstable rate is 10 × the population standard deviation.
    spreadMs: unstableRate(used) / 10,
  };
}

/**
 * The visual offset from the player's adjustments ("the flash looked on the beat when moved by
 * this much"), each in ms with the sign of `visualOffsetMs` in the settings.
 * @param adjustmentsMs adjustments in ms; non-finite values are ignored.
 * @returns their median, rounded to 1 ms and clamped to ±400 ms; null when there is none.
 */
export function visualOffsetFromAdjustments(adjustmentsMs: readonly Ms[]): Ms | null {
  const m = median(adjustmentsMs.filter(Number.isFinite));
  return m === null ? null : clampOffset(m);
}

/**
 * The input offset a player should use after a run.
 *
 * `PlayerResult.suggestedOffsetMs` (src/core/match.ts) is the median offset-corrected hit
 * offset *plus the input offset the run was played with*: it is already the absolute offset
 * to store, not a correction to add (a centred run suggests the offset it was played with).
 *
 * @param suggestedMs the run's `suggestedOffsetMs`, ms, or null under 50 judged hits.
 * @returns the offset to store, ms, rounded to 1 ms and clamped to ±400; null when there is no
 *   (finite) suggestion.
 */
export function applySuggestedOffset(suggestedMs: Ms | null): Ms | null {
  if (suggestedMs === null || !Number.isFinite(suggestedMs)) return null;
  return clampOffset(suggestedMs);
}

/** True when offset `a` is nearer its beat than `b`; an exact tie goes to the earlier tap, so tap order never matters. */
function nearer(a: Ms, b: Ms): boolean {
  return Math.abs(a) < Math.abs(b) || (Math.abs(a) === Math.abs(b) && a < b);
}

/** Index of the beat nearest to `time` (the earlier one on an exact tie). */
function nearestBeat(beats: Float64Array, time: Seconds): number {
  const i = lowerBound(beats, time);
  if (i === 0) return 0;
  if (i === beats.length) return i - 1;
  return time - (beats[i - 1] as number) <= (beats[i] as number) - time ? i - 1 : i;
}

/**
 * Half the beat interval on the side of beat `i` where the tap fell, ms. At either end of the
 * track the interval on the other side stands in; a single beat has no interval, so 1 s does.
 */
function halfIntervalMs(beats: Float64Array, i: number, offsetMs: Ms): Ms {
  // Measured as the judge measures offsets (whole microseconds), so a tap exactly half-way
  // compares equal to the half interval instead of missing it by float noise.
  const before = i > 0 ? offsetMsOf(beats[i] as number, beats[i - 1] as number) : null;
  const after = i < beats.length - 1 ? offsetMsOf(beats[i + 1] as number, beats[i] as number) : null;
  return ((offsetMs < 0 ? (before ?? after) : (after ?? before)) ?? 1000) / 2;
}
