import type { Ms } from './units';

/** Mean of a list of offsets in ms; 0 for an empty list. */
export function mean(values: readonly Ms[]): Ms {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const x of values) sum += x;
  return sum / values.length;
}

/** Median; null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Unstable rate: 10 × the (population) standard deviation of hit offsets, in ms. */
export function unstableRate(offsets: readonly Ms[]): number {
  if (offsets.length === 0) return 0;
  const m = mean(offsets);
  let sq = 0;
  for (const x of offsets) sq += (x - m) ** 2;
  return 10 * Math.sqrt(sq / offsets.length);
}

export interface Histogram {
  /** Left edge of the first bin, ms. */
  readonly fromMs: Ms;
  readonly binMs: Ms;
  /** Count per bin; values outside the range fall into the end bins. */
  readonly counts: number[];
}

/** Counts offsets into `binMs`-wide bins covering [-rangeMs, +rangeMs]. */
export function histogram(offsets: readonly Ms[], rangeMs: Ms, binMs: Ms): Histogram {
  const bins = Math.max(1, Math.ceil((2 * rangeMs) / binMs));
  const counts = new Array<number>(bins).fill(0);
  for (const x of offsets) {
    const i = Math.floor((x + rangeMs) / binMs);
    const bin = Math.min(bins - 1, Math.max(0, i));
    counts[bin] = (counts[bin] as number) + 1;
  }
  return { fromMs: -rangeMs, binMs, counts };
}
