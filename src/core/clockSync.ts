import { median } from './stats';
import type { ContextSeconds, Ms, PerfMs, Seconds } from './units';

/** How the relation may move, and when it moves at all. */
export interface ClockSyncOptions {
  /** Samples whose median gives the target relation. */
  readonly window: number;
  /** The target moves only when the median leaves it by more than this, ms (jitter is ignored). */
  readonly deadbandMs: Ms;
  /** The relation slews toward its target at least this fast, ms per second of performance time. */
  readonly slewMsPerSecond: number;
  /** ...and fast enough to close any gap within this long, seconds (a large slip slews faster). */
  readonly slewWithinSeconds: number;
  /** A gap larger than this, ms, is stepped at once (a resumed context, a long dropout). */
  readonly stepMs: Ms;
}

const DEFAULTS: ClockSyncOptions = {
  window: 48,
  deadbandMs: 1.5,
  slewMsPerSecond: 1,
  slewWithinSeconds: 10,
  stepMs: 150,
};

/**
 * From `from` on, the offset (audio − perf, seconds) moves from `start` toward `target` at `rate`
 * (seconds of offset per ms of performance time).
 */
interface Segment {
  readonly from: PerfMs;
  readonly start: Seconds;
  readonly target: Seconds;
  readonly rate: number;
}

/** Segments older than this are forgotten (no event arrives that late). */
const HISTORY_MS: Ms = 60_000;

/**
 * Relates the page's performance clock to the audio clock.
 *
 * Samples are pairs (performance time, audible audio time). Single pairs jitter by a fraction
 * of a millisecond (more with the currentTime fallback, which moves in 128-sample steps), so the
 * relation follows the median of recent samples, and only when it leaves a dead band. When the
 * audio clock glitches (under load it loses 10 ms at a time; a stalled page, 20-50 ms), the
 * relation does not jump: it slews toward the new median at 1 ms a second (a 10 ms glitch moves a
 * press judged near it by well under a millisecond), faster for a larger slip so that any gap
 * closes within 10 s; only gaps over 150 ms are stepped. Slewing keeps the relation monotonic, so
 * an audio time has one performance instant.
 *
 * The relation is a function of performance time, kept as a short history: a stamp is converted
 * with the relation in force at that stamp, and a later sample only changes the relation from its
 * own time on. So converting an event's stamp gives the same answer whenever the event is
 * delivered, which judging needs.
 */
export class ClockSync {
  private readonly options: ClockSyncOptions;
  private readonly offsets: number[] = [];
  private next = 0;
  private segments: Segment[] = [];

  constructor(options: Partial<ClockSyncOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * Adds one observation: at performance time `perfMs` the audio clock read `audioTime`.
   * @param nowMs the performance time now; any change of the relation applies from then on.
   */
  addSample(perfMs: PerfMs, audioTime: ContextSeconds, nowMs: PerfMs = perfMs): void {
    const offset = audioTime - perfMs / 1000;
    if (this.offsets.length < this.options.window) this.offsets.push(offset);
    else this.offsets[this.next] = offset;
    this.next = (this.next + 1) % this.options.window;
    const m = median(this.offsets) as number;
    const last = this.segments.at(-1);
    if (!last) {
      this.segments.push({ from: nowMs, start: m, target: m, rate: 0 });
      return;
    }
    if (Math.abs(m - last.target) * 1000 <= this.options.deadbandMs) return;
    const from = Math.max(nowMs, perfMs, last.from);
    const current = this.offsetAt(from);
    const gapMs = Math.abs(m - current) * 1000;
    const step = gapMs > this.options.stepMs;
    const rate = Math.max(this.options.slewMsPerSecond, gapMs / this.options.slewWithinSeconds) / 1e6;
    this.segments.push({ from, start: step ? m : current, target: m, rate });
    while (this.segments.length > 2 && (this.segments[1] as Segment).from < from - HISTORY_MS) this.segments.shift();
  }

  /** Forgets every sample (after the audio clock jumped: a context suspended and resumed). */
  reset(): void {
    this.offsets.length = 0;
    this.next = 0;
    this.segments = [];
  }

  /** True once at least one sample has arrived. */
  get ready(): boolean {
    return this.segments.length > 0;
  }

  /** Audio time (seconds) at a performance time (ms), with the relation in force then. */
  audioTimeAt(perfMs: PerfMs): ContextSeconds {
    return perfMs / 1000 + this.offsetAt(perfMs);
  }

  /** Performance time (ms) at which the audio clock reads `audioTime` (the relation in force then). */
  perfTimeAt(audioTime: ContextSeconds): PerfMs {
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const s = this.segments[i] as Segment;
      const rate = s.rate;
      const d = rate === 0 ? 0 : Math.sign(s.target - s.start);
      const reach = d === 0 ? 0 : Math.abs(s.target - s.start) / rate; // ms until the target
      // While slewing: p/1000 + start + d·rate·(p − from) = audioTime; after: p/1000 + target = audioTime.
      const slewing = (audioTime - s.start + d * rate * s.from) / (1 / 1000 + d * rate);
      const p = d !== 0 && slewing <= s.from + reach ? slewing : (audioTime - s.target) * 1000;
      if (p >= s.from || i === 0) return i === 0 && p < s.from ? (audioTime - s.start) * 1000 : p;
    }
    return audioTime * 1000;
  }

  /** The relation (audio − perf, seconds) in force at a performance time. */
  private offsetAt(perfMs: PerfMs): Seconds {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segs[mid] as Segment).from <= perfMs) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo];
    if (!s) return 0;
    const gap = s.target - s.start;
    const room = Math.max(0, perfMs - s.from) * s.rate;
    return s.start + Math.sign(gap) * Math.min(Math.abs(gap), room);
  }
}
