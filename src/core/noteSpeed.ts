import type { Seconds } from './units';

/** The note speed setting's default: a note takes 1.4 s from the top of the highway to the line. */
export const DEFAULT_TRAVEL: Seconds = 1.4;
/** Auto speed never makes notes travel faster than this (s from top to line). */
export const MIN_AUTO_TRAVEL: Seconds = 0.6;

/**
 * How long a note takes from the top of the highway to the hit line, for a chart. Notes of one
 * lane closer together than `minGapPx` on screen merge into a column; so the travel time is cut
 * (notes fall faster, further apart) until the close pairs of a lane — the 10th percentile of
 * its gaps — are `minGapPx` apart. A sparse chart keeps the default. The player's setting
 * scales the result (1.4 s, the default, leaves it as is; 2.8 s halves the speed).
 *
 * @param laneTimes note times of each lane, song seconds, sorted
 * @param spanPx pixels from the top of the highway to the hit line
 * @param setting the note speed setting, seconds (default DEFAULT_TRAVEL)
 * @param minGapPx on-screen gap wanted between close notes of one lane
 * @returns travel time in seconds
 */
export function travelTimeFor(
  laneTimes: readonly (readonly Seconds[])[],
  spanPx: number,
  setting: Seconds = DEFAULT_TRAVEL,
  minGapPx = 44,
): Seconds {
  const gaps: number[] = [];
  for (const times of laneTimes) {
    for (let i = 1; i < times.length; i++) {
      const gap = (times[i] as number) - (times[i - 1] as number);
      if (gap > 0.001) gaps.push(gap);
    }
  }
  let auto = DEFAULT_TRAVEL;
  if (gaps.length >= 10 && spanPx > 0) {
    gaps.sort((a, b) => a - b);
    const close = gaps[Math.floor(gaps.length * 0.1)] as number;
    auto = Math.min(DEFAULT_TRAVEL, Math.max(MIN_AUTO_TRAVEL, (close * spanPx) / minGapPx));
  }
  return auto * (setting / DEFAULT_TRAVEL);
}
