import { Context, getContext, getTransport, setContext } from 'tone';
import { ClockSync } from '../core/clockSync';
import type { Song } from '../core/song';
import type { Lane, PlayerId, Seconds } from '../core/units';
import { type Backing, createBacking } from './backing';
import { createClickBacking } from './clickBacking';
import { type KitName, renderSounds, type Sounds } from './drumKit';
import { FilePlayer } from './filePlayer';
import { velocityGain } from './hitSound';
import { Mixer, type Volumes } from './mix';
import { cachedMusic } from './musicCache';

export type { Volumes } from './mix';

/**
 * The shortest lead-in `startSong` accepts, in seconds: the Transport hands notes to Web Audio
 * this far ahead (its look-ahead), so a song must start at least this far from now, and a
 * stalled frame (up to ~0.17 s, see UPDATE_INTERVAL) never makes a backing note late.
 */
export const MIN_LEAD_IN: Seconds = 0.2;
/** How often the Transport wakes up to hand over notes. */
const UPDATE_INTERVAL: Seconds = 0.03;
/**
 * When a song stops, its backing fades (about 50 ms) and then every note is silenced, also
 * those the Transport already handed over for later: they never play.
 */
const SILENCE_AFTER: Seconds = 0.06;
/** A faded-out backing is disposed this long after its fade began (its tails are silent by then). */
const DISPOSE_AFTER_MS = 600;

/** Which kit each player plays: the drummer's rock kit, the novice's lighter pop kit. */
const KITS: readonly [KitName, KitName] = ['rock', 'pop'];

/** How a press sounds (see `hit`). */
export interface HitOptions {
  /** Exact scheduled start, AudioContext seconds (a CPU partner's press); default now. */
  at?: Seconds;
  /** Stroke strength 0..1 (a MIDI kit's velocity); scales the level within the mix. Default 1. */
  velocity?: number;
  /** A Miss or a ghost press: the softer, duller sound instead of the full drum. */
  muted?: boolean;
}

/**
 * Plays a press on a mixer: the buffer of that player's kit and lane (muted or not) at its
 * velocity. Shared by the engine and the offline renders, so both sound the same.
 */
export function playPress(
  mixer: Mixer,
  sounds: Sounds | null,
  player: PlayerId,
  lane: Lane,
  o: HitOptions = {},
): number {
  const kit = KITS[player];
  const buffer = kit && (o.muted ? sounds?.muted[kit][lane] : sounds?.kits[kit][lane]);
  if (!buffer) return Number.NaN;
  return mixer.playHit(buffer, player, o.at ?? 0, o.velocity === undefined ? 1 : velocityGain(o.velocity));
}

interface Anchor {
  /** Audible audio time at which `songTime` plays. */
  readonly audioTime: Seconds;
  readonly songTime: Seconds;
  /** Song seconds per audio second (practice and watching play slower or faster). */
  readonly rate: number;
}

/**
 * The Transport's tempo while a song is scheduled: events are stored in ticks at this tempo, so
 * playing at `rate` sets it to BASE_BPM × rate (the song's own tempo map lives in the events).
 */
const BASE_BPM = 120;
/** The slowest and fastest playback rates the engine takes. */
const MIN_RATE = 0.25;
const MAX_RATE = 2;

/**
 * The only owner of the AudioContext. The song clock is the audio clock: song time is the
 * audible audio time minus an anchor, and event timestamps map to it through ClockSync.
 */
export class AudioEngine {
  readonly sync = new ClockSync();
  /** The same as MIN_LEAD_IN, for callers that import this class as a type only. */
  readonly minLeadIn: Seconds = MIN_LEAD_IN;
  private readonly mixer: Mixer;
  private sounds: Sounds | null = null;
  private backing: Backing | null = null;
  /** An imported song's decoded music, played on the song clock (plain Web Audio, no Transport). */
  private file: FilePlayer | null = null;
  /** Backings fading out after a song change, disposed a little later (or by dispose()). */
  private readonly retiring = new Set<{ backing: Backing; timer: ReturnType<typeof setTimeout> }>();
  private anchor: Anchor | null = null;
  /** Count-in and calibration clicks, with their start times. */
  private readonly scheduled = new Map<AudioBufferSourceNode, Seconds>();
  private disposed = false;

  private constructor(readonly raw: AudioContext) {
    this.mixer = new Mixer(raw, raw.destination);
  }

  /**
   * Wraps a native AudioContext that the caller created inside a user gesture (browsers only
   * let audio start there). Tone must wrap a native context: its own lacks
   * getOutputTimestamp and outputLatency.
   */
  static create(raw: AudioContext): AudioEngine {
    setContext(new Context({ context: raw, lookAhead: MIN_LEAD_IN, updateInterval: UPDATE_INTERVAL }));
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
    const [sounds] = await Promise.all([renderSounds(), this.mixer.useLimiter()]);
    this.sounds = sounds;
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

  /** Sets the master, music and drum volumes (linear 0..1); they glide there, never jump. */
  setVolumes(v: Volumes): void {
    this.mixer.setVolumes(v);
  }

  /** Builds the backing track of a song (replacing any previous one, which fades out). */
  loadSong(song: Song): void {
    this.stopSong();
    this.retire();
    // events are stored in ticks: scheduled at the base tempo, whatever rate played before
    getTransport().bpm.value = BASE_BPM;
    this.file?.dispose();
    this.file = null;
    const audio = song.audio;
    if (audio.kind === 'synth') {
      // an imported .mid's music keeps its own beats (its tempo map); a shipped song's follow the song's
      const tempo = audio.tempo ?? song.tempo;
      this.backing = createBacking(audio.music, tempo, this.mixer.backing, () => this.sounds?.bed ?? null);
    } else {
      // Decoded beforehand by the game (src/game/songMusic.ts); music this browser could not
      // decode (Ogg Vorbis on iOS) leaves a click track, as a chart without music has.
      const music = audio.kind === 'file' ? cachedMusic(audio.key) : undefined;
      if (audio.kind === 'click' || !music) {
        const clicks = () => this.sounds?.clicks ?? null;
        this.backing = createClickBacking(song.tempo, song.beatsPerBar, song.length, this.mixer.backing, clicks);
      }
      this.file =
        music && audio.kind === 'file'
          ? new FilePlayer({
              context: this.raw,
              output: this.mixer.backing,
              music,
              gainDb: audio.gainDb,
              // a positive per-song offset makes the notes come later: the music is heard earlier
              offset: (song.offsetMs ?? 0) / 1000,
            })
          : null;
    }
  }

  /**
   * Plays the loaded song from `songTime` (may be negative), audible `leadIn` seconds from
   * now, at `rate` times its speed (0.25..2: the synthesized music follows the tempo, a music
   * file keeps its pitch); a lead-in under MIN_LEAD_IN is taken as MIN_LEAD_IN. The song clock
   * then runs at that rate: song time = songTime + rate × audible seconds since the start.
   */
  startSong(songTime: Seconds, leadIn: Seconds, rate = 1): void {
    this.stopSong();
    const r = Number.isFinite(rate) ? Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) : 1;
    // a slower music file is stretched first: the start time is chosen once that is done
    this.file?.prepare(Math.max(0, songTime), r);
    this.sample();
    const lead = Math.max(MIN_LEAD_IN, Number.isFinite(leadIn) ? leadIn : MIN_LEAD_IN);
    this.anchor = { audioTime: this.sync.audioTimeAt(performance.now()) + lead, songTime, rate: r };
    const from = Math.max(0, songTime);
    // the backing comes out of its mastering limiter late by musicDelay: it starts that much early
    const at = Math.max(this.contextTimeOfSong(from), this.raw.currentTime + MIN_LEAD_IN) - this.mixer.musicDelay;
    this.backing?.openAt(at);
    this.backing?.setRate(r);
    this.file?.start(at, from, r);
    const transport = getTransport();
    transport.bpm.value = BASE_BPM * r;
    // the offset in seconds at the new tempo: `from` song seconds are from / r of them
    transport.start(at, from / r);
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

  /** Stops music and pending clicks: what still sounds fades out in a few tens of ms. */
  stopSong(): void {
    const now = this.raw.currentTime;
    getTransport().stop(now);
    this.backing?.fadeOut(now, now + SILENCE_AFTER);
    this.file?.stop(now);
    // Clicks not yet started are cancelled; one already sounding (60 ms) ends by itself.
    for (const [s, at] of this.scheduled) if (at > now) s.stop();
    this.scheduled.clear();
    this.anchor = null;
  }

  /** Song time of a performance-clock instant (event.timeStamp), or null when no song runs. */
  songTimeAt(perfMs: number): Seconds | null {
    if (!this.anchor || !this.sync.ready) return null;
    const a = this.anchor;
    return a.songTime + a.rate * (this.sync.audioTimeAt(perfMs) - a.audioTime);
  }

  /** Performance-clock instant at which `songTime` is audible, or null when no song runs. */
  perfTimeOfSong(songTime: Seconds): number | null {
    if (!this.anchor || !this.sync.ready) return null;
    const a = this.anchor;
    return this.sync.perfTimeAt(a.audioTime + (songTime - a.songTime) / a.rate);
  }

  /**
   * A player's press: the drum of that lane, now (no look-ahead: the sound starts with the next
   * audio block) or at an exact context time. A muted press (a Miss or a ghost press) plays the
   * softer, duller sound; velocity scales the level. Returns the scheduled start (NaN before
   * the sounds are ready). The third argument may also be a bare `at` (context seconds).
   */
  hit(player: PlayerId, lane: Lane, options: HitOptions | Seconds = {}): number {
    const o: HitOptions = typeof options === 'number' ? { at: options } : options;
    return playPress(this.mixer, this.sounds, player, lane, o);
  }

  /** A metronome click at an audio-context time (for count-ins and calibration). */
  click(contextTime: Seconds, accent: boolean): void {
    const clicks = this.sounds?.clicks;
    if (!clicks) return;
    const src = this.raw.createBufferSource();
    src.buffer = accent ? clicks.accent : clicks.normal;
    src.connect(this.mixer.music);
    const at = Math.max(this.raw.currentTime, contextTime);
    src.start(at);
    this.scheduled.set(src, at);
    src.onended = () => {
      this.scheduled.delete(src);
      src.disconnect();
    };
  }

  /** Audio-context time at which a song time is scheduled (audible time plus output latency). */
  contextTimeOfSong(songTime: Seconds): Seconds {
    const a = this.anchor as Anchor;
    return a.audioTime + (songTime - a.songTime) / a.rate + this.scheduleLatency();
  }

  private scheduleLatency(): Seconds {
    // Audible time = context time - (base + output latency), as in sample(): schedule that much ahead.
    return (this.raw.outputLatency || 0) + (this.raw.baseLatency || 0);
  }

  /** Takes the current backing off the Transport and disposes it once its fade is over. */
  private retire(): void {
    const backing = this.backing;
    if (!backing) return;
    this.backing = null;
    backing.unschedule();
    const entry = {
      backing,
      timer: setTimeout(() => {
        this.retiring.delete(entry);
        backing.dispose();
      }, DISPOSE_AFTER_MS),
    };
    this.retiring.add(entry);
  }

  /** Releases every node the engine and its songs made, and closes the AudioContext. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopSong();
    this.backing?.dispose();
    this.backing = null;
    this.file?.dispose();
    this.file = null;
    for (const r of this.retiring) {
      clearTimeout(r.timer);
      r.backing.dispose();
    }
    this.retiring.clear();
    this.mixer.dispose();
    getContext().dispose();
    void this.raw.close();
  }
}
