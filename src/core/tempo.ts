import type { Beats, Seconds } from './units';

/** One tempo change: from `beat` on, the song runs at `bpm` quarter notes a minute. */
export interface TempoChange {
  readonly beat: Beats;
  readonly bpm: number;
}

interface Segment {
  readonly beat: Beats;
  readonly time: Seconds;
  readonly secondsPerBeat: Seconds;
}

/**
 * Converts between beats and song seconds across tempo changes. Segments are sorted, so
 * both directions are a binary search.
 */
export class TempoMap {
  private readonly segments: Segment[];

  /**
   * @param changes tempo changes sorted by beat; the first must be at beat 0.
   * @param origin song time of beat 0 (an imported song's first beat may come after its audio starts).
   */
  constructor(changes: readonly TempoChange[], origin: Seconds = 0) {
    if (changes.length === 0 || changes[0]?.beat !== 0) throw new Error('a tempo map starts at beat 0');
    this.segments = [];
    let time = origin;
    let prev: Segment | undefined;
    for (const c of changes) {
      if (prev) time = prev.time + (c.beat - prev.beat) * prev.secondsPerBeat;
      prev = { beat: c.beat, time, secondsPerBeat: 60 / c.bpm };
      this.segments.push(prev);
    }
  }

  /**
   * A tempo map from changes stamped in song seconds (as imported charts give them): beat 0 is
   * the first change.
   * @param changes tempo changes sorted by time, at least one.
   */
  static fromTimes(changes: readonly { readonly time: Seconds; readonly bpm: number }[]): TempoMap {
    const first = changes[0];
    if (!first) throw new Error('a tempo map needs a tempo');
    let beat = 0;
    const byBeat: TempoChange[] = changes.map((c, i) => {
      const prev = changes[i - 1];
      if (prev) beat += ((c.time - prev.time) * prev.bpm) / 60;
      return { beat, bpm: c.bpm };
    });
    return new TempoMap(byBeat, first.time);
  }

  /** Song seconds at a beat (beats before 0 extend the first tempo backwards). */
  toSeconds(beat: Beats): Seconds {
    const s = this.segments[this.indexBy('beat', beat)] as Segment;
    return s.time + (beat - s.beat) * s.secondsPerBeat;
  }

  /** Beat at a song time in seconds. */
  toBeats(time: Seconds): Beats {
    const s = this.segments[this.indexBy('time', time)] as Segment;
    return s.beat + (time - s.time) / s.secondsPerBeat;
  }

  /** Tempo in effect at a beat, in BPM. */
  bpmAt(beat: Beats): number {
    return 60 / (this.segments[this.indexBy('beat', beat)] as Segment).secondsPerBeat;
  }

  private indexBy(key: 'beat' | 'time', value: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.segments[mid] as Segment)[key] <= value) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
