import type { ContextSeconds, Decibels, Seconds } from '../core/units';
import type { DecodedMusic } from './decode';

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
   * Plays the music so that song time `songTime` sounds at context time `at` (stopping any
   * earlier start). Returns the context time the first sample plays at (NaN if past the end).
   */
  start(at: ContextSeconds, songTime: Seconds): ContextSeconds {
    this.stop(at);
    if (this.disposed) return Number.NaN;
    const { context, music } = this.o;
    const position = this.bufferTimeOf(songTime);
    if (position >= music.buffer.duration) return Number.NaN;
    const source = context.createBufferSource();
    source.buffer = music.buffer;
    const fade = context.createGain();
    source.connect(fade).connect(this.level);
    const when = position < 0 ? at - position : at;
    source.start(Math.max(when, context.currentTime), Math.max(0, position));
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

  /** Stops the music and lets go of every node. */
  dispose(): void {
    if (this.disposed) return;
    this.stop();
    this.disposed = true;
    // The fading voice disconnects itself when it ends; the level node goes once it has.
    setTimeout(() => this.level.disconnect(), 200);
  }
}
