import { Context, Gain, getContext, getDestination, getTransport, Panner, setContext } from 'tone';
import { ClockSync } from '../core/clockSync';
import type { Song } from '../core/song';
import type { Lane, PlayerId, Seconds } from '../core/units';
import { type Backing, createBacking } from './backing';
import { type KitName, renderClicks, renderKit } from './drumKit';

/** Linear gains 0..1 for the three buses. */
export interface Volumes {
  master: number;
  music: number;
  drums: number;
}

/** Which kit each player plays: the drummer's rock kit, the novice's lighter pop kit. */
const KITS: readonly [KitName, KitName] = ['rock', 'pop'];
/** The two kits sit left and right, like the two leaders side by side. */
const PAN: readonly [number, number] = [-0.35, 0.35];

interface Anchor {
  /** Audible audio time at which `songTime` plays. */
  readonly audioTime: Seconds;
  readonly songTime: Seconds;
}

/**
 * The only owner of the AudioContext. The song clock is the audio clock: song time is the
 * audible audio time minus an anchor, and event timestamps map to it through ClockSync.
 */
export class AudioEngine {
  /** Shortest lead-in a song start may have (the backing is scheduled this far ahead). */
  readonly minLeadIn = 0.15;
  readonly sync = new ClockSync();
  private readonly music = new Gain(1);
  private readonly drums = new Gain(1);
  private readonly pans: Panner[];
  private kits: Record<Lane, AudioBuffer>[] = [];
  private clicks: { accent: AudioBuffer; normal: AudioBuffer } | null = null;
  private backing: Backing | null = null;
  private anchor: Anchor | null = null;
  private scheduled: AudioBufferSourceNode[] = [];
  private disposed = false;

  private constructor(readonly raw: AudioContext) {
    this.music.toDestination();
    this.drums.toDestination();
    this.pans = PAN.map((p) => new Panner(p).connect(this.drums));
  }

  /**
   * Wraps a native AudioContext that the caller created inside a user gesture (browsers only
   * let audio start there). Tone must wrap a native context: its own lacks
   * getOutputTimestamp and outputLatency.
   */
  static create(raw: AudioContext): AudioEngine {
    setContext(new Context({ context: raw, lookAhead: 0.05 }));
    return new AudioEngine(raw);
  }

  /** Resolves once audio runs; rejects after `timeoutMs` if the browser keeps it blocked. */
  async ready(timeoutMs = 3000): Promise<void> {
    if (this.raw.state !== 'running') {
      await Promise.race([
        this.raw.resume(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('audio is blocked')), timeoutMs)),
      ]);
    }
    const [rock, pop, clicks] = await Promise.all([renderKit(KITS[0]), renderKit(KITS[1]), renderClicks()]);
    this.kits = [rock, pop];
    this.clicks = clicks;
    this.sample();
  }

  /** True while the context is running (not suspended or interrupted). */
  get running(): boolean {
    return this.raw.state === 'running';
  }

  /** Reads the audio clock once and feeds the clock relation. Call every frame and on input. */
  sample(): void {
    const now = performance.now();
    const ts = this.raw.getOutputTimestamp?.();
    if (ts?.contextTime && ts.performanceTime) {
      this.sync.addSample(ts.performanceTime, ts.contextTime, now);
      return;
    }
    // Output timestamps are zero (no audio device): fall back to currentTime and latency.
    const latency = (this.raw.outputLatency || 0) + (this.raw.baseLatency || 0);
    this.sync.addSample(now, this.raw.currentTime - latency, now);
  }

  setVolumes(v: Volumes): void {
    getDestination().volume.value = gainToDb(v.master);
    this.music.gain.value = v.music;
    this.drums.gain.value = v.drums;
  }

  /** Builds the backing track of a song (replacing any previous one). */
  loadSong(song: Song): void {
    this.stopSong();
    this.backing?.dispose();
    this.backing = song.audio.kind === 'synth' ? createBacking(song.audio.music, song.tempo, this.music) : null;
  }

  /** Plays the loaded song from `songTime` (may be negative), audible `leadIn` seconds from now. */
  startSong(songTime: Seconds, leadIn: Seconds): void {
    this.stopSong();
    this.sample();
    this.anchor = { audioTime: this.sync.audioTimeAt(performance.now()) + leadIn, songTime };
    const from = Math.max(0, songTime);
    getTransport().start(this.contextTimeOfSong(from), from);
  }

  /** Audible audio time now (the clock that event timestamps map to through `sync`). */
  audibleNow(): Seconds {
    this.sample();
    return this.sync.audioTimeAt(performance.now());
  }

  /** A metronome click heard at an audible audio time (calibration); cancelled by stopSong. */
  clickAtAudible(audibleTime: Seconds, accent: boolean): void {
    this.click(audibleTime + this.scheduleLatency(), accent);
  }

  /** A metronome click at a song time (count-ins); cancelled by stopSong. */
  clickAtSong(songTime: Seconds, accent: boolean): void {
    if (this.anchor) this.click(this.contextTimeOfSong(songTime), accent);
  }

  /** Stops the music where it is; returns the song time at which it stopped (null if idle). */
  pauseSong(): Seconds | null {
    const now = this.songTimeAt(performance.now());
    this.stopSong();
    return now;
  }

  /** Stops music and pending clicks. */
  stopSong(): void {
    const transport = getTransport();
    transport.stop();
    for (const s of this.scheduled) s.stop();
    this.scheduled = [];
    this.anchor = null;
  }

  /** Song time of a performance-clock instant (event.timeStamp), or null when no song runs. */
  songTimeAt(perfMs: number): Seconds | null {
    if (!this.anchor || !this.sync.ready) return null;
    return this.anchor.songTime + this.sync.audioTimeAt(perfMs) - this.anchor.audioTime;
  }

  /** Performance-clock instant at which `songTime` is audible, or null when no song runs. */
  perfTimeOfSong(songTime: Seconds): number | null {
    if (!this.anchor || !this.sync.ready) return null;
    return this.sync.perfTimeAt(this.anchor.audioTime + songTime - this.anchor.songTime);
  }

  /**
   * Plays a player's drum now (no look-ahead: the sound starts at the next audio block), or
   * at an exact context time (a partner's press). Returns the scheduled start.
   */
  hit(player: PlayerId, lane: Lane, options: { at?: number; velocity?: number; muted?: boolean } = {}): number {
    const buffer = this.kits[player]?.[lane];
    const pan = this.pans[player];
    if (!buffer || !pan) return Number.NaN;
    const src = this.raw.createBufferSource();
    src.buffer = buffer;
    let out: AudioNode = pan.input as AudioNode;
    const level = (options.velocity ?? 1) * (options.muted ? 0.25 : 1);
    if (level !== 1) {
      const gain = this.raw.createGain();
      gain.gain.value = level;
      gain.connect(out);
      out = gain;
    }
    src.connect(out);
    const when = Math.max(this.raw.currentTime, options.at ?? 0);
    src.start(when);
    return when;
  }

  /** A metronome click at an audio-context time (for count-ins and calibration). */
  click(contextTime: Seconds, accent: boolean): void {
    if (!this.clicks) return;
    const src = this.raw.createBufferSource();
    src.buffer = accent ? this.clicks.accent : this.clicks.normal;
    src.connect(this.music.input as AudioNode);
    src.start(Math.max(this.raw.currentTime, contextTime));
    this.scheduled.push(src);
    src.onended = () => {
      this.scheduled = this.scheduled.filter((s) => s !== src);
    };
  }

  /** Audio-context time at which a song time is scheduled (audible time plus output latency). */
  contextTimeOfSong(songTime: Seconds): Seconds {
    const a = this.anchor as Anchor;
    return a.audioTime + songTime - a.songTime + this.scheduleLatency();
  }

  private scheduleLatency(): Seconds {
    // Audible time = context time - (base + output latency), as in sample(): schedule that much ahead.
    return (this.raw.outputLatency || 0) + (this.raw.baseLatency || 0);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopSong();
    this.backing?.dispose();
    for (const p of this.pans) p.dispose();
    this.music.dispose();
    this.drums.dispose();
    getContext().dispose();
    void this.raw.close();
  }
}

function gainToDb(g: number): number {
  return g <= 0.0001 ? -Infinity : 20 * Math.log10(g);
}
