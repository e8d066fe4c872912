import type { ContextSeconds, Decibels, Seconds } from '../core/units';
import type { DecodedMusic } from './decode';
import { stretch } from './stretch';

/*
 * Plays an imported song's decoded music on the song clock: one AudioBufferSourceNode per start,
 * begun at the context time of a song time (the song's start, or where it resumes after a
 * pause; a song time before the music starts waits for it), through the song's gain (its
 * loudness normalisation), faded out on stop so nothing clicks, and disconnected when done.
 * Plain Web Audio: no Tone.js clock is involved, so the music is exactly where the engine's
 * anchor says.
 */

/** Fade on stop, seconds (a time constant: ~99 % down after 5 of them). */
const FADE: Seconds = 0.012;
/**
 * Played slower (practice), the music is time-stretched at its pitch (stretch.ts) this many
 * song seconds at a time from where it starts: a practice loop restarts there, so one stretch
 * serves every loop at that speed.
 */
const SEGMENT: Seconds = 45;
/** Stretched segments kept (a loop at the current and the previous speed). */
const KEEP_SEGMENTS = 2;

interface Segment {
  readonly key: string;
  /** Buffer seconds of the segment's first sample. */
  readonly from: Seconds;
  readonly buffer: AudioBuffer;
}

export interface FilePlayerOptions {
  readonly context: BaseAudioContext;
  /** Where the music goes (the engine's music bus). */
  readonly output: AudioNode;
  readonly music: DecodedMusic;
  /** The song's gain, dB (brings it to the backings' loudness). */
  readonly gainDb: Decibels;
  /**
   * The song's offset, seconds: the music is heard this much earlier against the notes (a
   * positive offset makes the notes come later).
   */
  readonly offset?: Seconds;
}

interface Voice {
  readonly source: AudioBufferSourceNode;
  readonly fade: GainNode;
}

export class FilePlayer {
  private readonly level: GainNode;
  private voice: Voice | null = null;
  private disposed = false;
  private readonly segments: Segment[] = [];

  constructor(private readonly o: FilePlayerOptions) {
    this.level = o.context.createGain();
    this.level.gain.value = 10 ** (o.gainDb / 20);
    this.level.connect(o.output);
  }

  /** Where in the buffer (seconds) song time `songTime` is. */
  bufferTimeOf(songTime: Seconds): Seconds {
    return this.o.music.startTrim + songTime + (this.o.offset ?? 0);
  }

  /**
   * Makes the music ready to start at `songTime` and `rate` (stretching it when slower: up to a
   * second of work for a long segment, so call this before choosing the start time). Faster
   * than 1 (watching a replay at up to 2x) the file plays faster and higher.
   */
  prepare(songTime: Seconds, rate = 1): void {
    if (rate < 1 && !this.disposed) this.segment(Math.max(0, this.bufferTimeOf(songTime)), rate);
  }

  /**
   * Plays the music so that song time `songTime` sounds at context time `at`, at `rate` song
   * seconds per second (stopping any earlier start). Returns the context time the first sample
   * plays at (NaN if past the end).
   */
  start(at: ContextSeconds, songTime: Seconds, rate = 1): ContextSeconds {
    this.stop(at);
    if (this.disposed) return Number.NaN;
    const { context, music } = this.o;
    const position = this.bufferTimeOf(songTime);
    if (position >= music.buffer.duration) return Number.NaN;
    const source = context.createBufferSource();
    const fade = context.createGain();
    source.connect(fade).connect(this.level);
    // the music's first sample waits for its song time; in song seconds, heard 1 / rate as long
    const when = position < 0 ? at - position / rate : at;
    if (rate >= 1) {
      // watching faster than played: the file is simply played faster (and higher)
      source.buffer = music.buffer;
      source.playbackRate.value = rate;
      source.start(Math.max(when, context.currentTime), Math.max(0, position));
    } else {
      const segment = this.segment(Math.max(0, position), rate);
      source.buffer = segment.buffer;
      source.start(Math.max(when, context.currentTime), (Math.max(0, position) - segment.from) / rate);
    }
    const voice = { source, fade };
    source.onended = () => {
      source.disconnect();
      fade.disconnect();
      if (this.voice === voice) this.voice = null;
    };
    this.voice = voice;
    return when;
  }

  /** Fades the playing music out from `at` (default now) and stops it. */
  stop(at: ContextSeconds = this.o.context.currentTime): void {
    const voice = this.voice;
    if (!voice) return;
    this.voice = null;
    const from = Math.max(at, this.o.context.currentTime);
    voice.fade.gain.setTargetAtTime(0, from, FADE);
    try {
      voice.source.stop(from + FADE * 6);
    } catch {
      // never started (a context already closed): nothing sounds
    }
  }

  /** The stretched music from buffer second `from` at `rate` (made once, then kept). */
  private segment(from: Seconds, rate: number): Segment {
    const key = `${from.toFixed(4)}@${rate}`;
    const kept = this.segments.find((s) => s.key === key);
    if (kept) return kept;
    const { context, music } = this.o;
    const source = music.buffer;
    const first = Math.floor(from * source.sampleRate);
    const last = Math.min(source.length, first + Math.ceil(SEGMENT * source.sampleRate));
    const channels: Float32Array[] = [];
    for (let c = 0; c < source.numberOfChannels; c++) channels.push(source.getChannelData(c).slice(first, last));
    const stretched = stretch(channels, source.sampleRate, rate);
    const buffer = context.createBuffer(stretched.length, Math.max(1, stretched[0]?.length ?? 1), source.sampleRate);
    stretched.forEach((data, c) => {
      buffer.copyToChannel(data as Float32Array<ArrayBuffer>, c);
    });
    const segment = { key, from: first / source.sampleRate, buffer };
    this.segments.push(segment);
    while (this.segments.length > KEEP_SEGMENTS) this.segments.shift();
    return segment;
  }

  /** Stops the music and lets go of every node. */
  dispose(): void {
    if (this.disposed) return;
    this.stop();
    this.disposed = true;
    this.segments.length = 0;
    // The fading voice disconnects itself when it ends; the level node goes once it has.
    setTimeout(() => this.level.disconnect(), 200);
  }
}
