import type { ContextSeconds, PerfMs, PlayerId, Seconds } from '../core/units';

/** What a metronome needs from the audio engine. AudioEngine is one. */
export interface MetronomeAudio {
  /** Reads the audio clock (feeds the clock relation). */
  sample(): void;
  /** Audible audio time now. */
  audibleNow(): ContextSeconds;
  clickAtAudible(audibleTime: ContextSeconds, accent: boolean): void;
  /** Cancels pending clicks. */
  stopSong(): void;
  readonly sync: {
    readonly ready: boolean;
    audioTimeAt(at: PerfMs): ContextSeconds;
    perfTimeAt(audioTime: ContextSeconds): PerfMs;
  };
}

/**
 * Clicks on the audio clock, every `beat` seconds from `leadIn` seconds after it starts, and
 * the clock's relation to event stamps: the calibration wizard's metronome. Times are seconds
 * since the first click, on the audible clock.
 */
export class Metronome {
  /** Audible audio time of the first click. */
  readonly t0: ContextSeconds;
  private next = 0;

  constructor(
    private readonly audio: MetronomeAudio,
    readonly beat: Seconds,
    leadIn: Seconds,
    /** Accent every this many clicks. */
    private readonly accentEvery = 4,
  ) {
    audio.stopSong();
    this.t0 = audio.audibleNow() + leadIn;
  }

  /** Seconds since the first click at a performance instant (an event's stamp). */
  timeAt(at: PerfMs): Seconds {
    this.audio.sample();
    return this.audio.sync.audioTimeAt(at) - this.t0;
  }

  /** Seconds since the first click, now. */
  elapsed(): Seconds {
    return this.audio.audibleNow() - this.t0;
  }

  /** Schedules clicks up to click number `count` (exclusive). */
  clickUntil(count: number): void {
    for (; this.next < count; this.next++)
      this.audio.clickAtAudible(this.t0 + this.next * this.beat, this.next % this.accentEvery === 0);
  }

  /** Schedules every click due within `ahead` seconds from now (an endless metronome). */
  clickAhead(ahead: Seconds): void {
    this.clickUntil(Math.ceil((this.elapsed() + ahead) / this.beat));
  }

  /** The performance instant of a time on this metronome (for the automation hook). */
  perfTimeOf(_player: PlayerId, time: Seconds): PerfMs | null {
    return this.audio.sync.ready ? this.audio.sync.perfTimeAt(this.t0 + time) : null;
  }

  stop(): void {
    this.audio.stopSong();
  }
}
