import { median } from './stats';
import type { Ms, Seconds } from './units';

/**
 * Relates the page's performance clock to the audio clock.
 *
 * Samples are pairs (performance time, audible audio time). Single pairs jitter by a
 * fraction of a millisecond (more with the currentTime fallback, which moves in 128-sample
 * steps), so the relation used for judging is the median of the recent offsets, and it is
 * only moved when it drifts more than `resyncMs` away. Between moves, converting an event
 * timestamp is exact and repeatable, which is what fair judging needs.
 */
export class ClockSync {
  private readonly offsets: number[] = [];
  private next = 0;
  private locked: Seconds | null = null;
  /** Times the locked relation was moved, for diagnostics. */
  resyncs = 0;

  constructor(
    readonly windowSize = 48,
    readonly resyncMs: Ms = 2,
  ) {}

  /** Adds one observation: at performance time `perfMs` the audio clock read `audioTime`. */
  addSample(perfMs: Ms, audioTime: Seconds): void {
    const offset = audioTime - perfMs / 1000;
    if (this.offsets.length < this.windowSize) this.offsets.push(offset);
    else this.offsets[this.next] = offset;
    this.next = (this.next + 1) % this.windowSize;
    const m = median(this.offsets) as number;
    if (this.locked === null || Math.abs(m - this.locked) * 1000 > this.resyncMs) {
      if (this.locked !== null) this.resyncs++;
      this.locked = m;
    }
  }

  /** Forgets every sample (after the audio clock jumped, e.g. a context resumed). */
  reset(): void {
    this.offsets.length = 0;
    this.next = 0;
    this.locked = null;
  }

  /** True once at least one sample has arrived. */
  get ready(): boolean {
    return this.locked !== null;
  }

  /** Audio time (seconds) at a performance time (ms); needs a sample first. */
  audioTimeAt(perfMs: Ms): Seconds {
    return perfMs / 1000 + (this.locked ?? 0);
  }

  /** Performance time (ms) at an audio time (seconds). */
  perfTimeAt(audioTime: Seconds): Ms {
    return (audioTime - (this.locked ?? 0)) * 1000;
  }
}
