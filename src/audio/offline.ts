import { getContext, getTransport, OfflineContext, setContext } from 'tone';
import { loadSong, type SongData } from '../core/chart';
import { chartOf, type MusicTrack, type Song } from '../core/song';
import type { Difficulty, Lane, PlayerId, Seconds } from '../core/units';
import { createBacking } from './backing';
import { renderSounds, type Sounds } from './drumKit';
import { type HitOptions, playPress } from './engine';
import { type LimiterStats, Mixer, type Volumes } from './mix';

/*
 * Offline renders through the game's own audio code, for the bench (scripts/bench-audio.mjs)
 * and the browser sound test: a song's backing (or some of its stems) and a perfect duet,
 * faster than real time. The graph is the engine's: the same Mixer (buses, limiter, clipper),
 * the same backing and the same sounds, played by the same press function. Not imported by
 * the game.
 */

/** Which part of a backing a track plays, for stem renders. */
export type Stem = 'melody' | 'bass' | 'bed' | 'harmony';

const MELODY_NAMES = new Set(['lead', 'hook', 'keys', 'bell', 'melody', 'counter', 'solo']);

/** The stem of a backing track: by its instrument (bass, percussion) or its name (melody). */
export function stemOf(track: Pick<MusicTrack, 'name' | 'instrument'>): Stem {
  if (track.instrument === 'bass') return 'bass';
  if (track.instrument === 'shaker') return 'bed';
  return MELODY_NAMES.has(track.name.split(/[\s:-]/)[0] ?? '') ? 'melody' : 'harmony';
}

export interface RenderOptions {
  /** Stems of the backing to play (default: all of it; [] for none). */
  stems?: readonly Stem[];
  /** Only these tracks, by name (default: every track of the stems). */
  tracks?: readonly string[];
  /** Both players play every note of these charts exactly on time (default: nobody plays). */
  duet?: readonly [Difficulty, Difficulty] | null;
  /** Song seconds to render (default: the whole song). */
  from?: Seconds;
  to?: Seconds;
  /** Seconds rendered after `to` for tails (default 1.5). */
  tail?: Seconds;
  sampleRate?: number;
  /** The engine's volumes (default: the game's default settings). */
  volumes?: Volumes;
}

export interface Rendered {
  readonly channels: Float32Array[];
  readonly sampleRate: number;
  /** What the master limiter did (null if it did not run or report). */
  readonly limiter: LimiterStats | null;
  /** What the backing's mastering limiter did (null if it did not run or report). */
  readonly musicLimiter: LimiterStats | null;
}

/** The game's default volumes (src/game/settings.ts defaultSettings). */
export const DEFAULT_VOLUMES: Volumes = { master: 0.9, music: 0.7, drums: 1 };
const STEMS: readonly Stem[] = ['melody', 'bass', 'bed', 'harmony'];
/** Offline time at which song time `from` plays. */
const PRE_ROLL: Seconds = 0.05;
/** Seconds of audio between two pauses of a render (see renderWith). */
const CLEAN_UP_EVERY: Seconds = 1;
/** How far ahead of the audio the clock hands over notes in an offline render. */
const CLOCK_AHEAD: Seconds = 0.1;

/** What one offline context rendered, and every report its limiter made. */
interface Raw {
  readonly channels: Float32Array[];
  readonly reports: LimiterStats[];
  readonly music: LimiterStats | null;
}

/**
 * Runs `play` in a fresh offline context of `seconds` with the engine's mixer and sounds, and
 * renders it. The global Tone context is the offline one while the graph is built.
 */
async function renderWith(
  seconds: Seconds,
  sampleRate: number,
  volumes: Volumes,
  play: (mixer: Mixer, sounds: Sounds) => void,
): Promise<Raw> {
  const raw = new OfflineAudioContext(2, Math.ceil(seconds * sampleRate), sampleRate);
  const context = new OfflineContext(raw);
  const previous = getContext();
  setContext(context);
  const mixer = new Mixer(raw, raw.destination, volumes);
  const reports: LimiterStats[] = [];
  mixer.onLimiterStats = (r) => reports.push(r);
  try {
    const [sounds] = await Promise.all([renderSounds(), mixer.useLimiter()]);
    play(mixer, sounds);
    // Tone's own offline render runs its clock through the whole song first, so every note
    // of the song exists, connected, before the first sample; the graph is then huge and the
    // render slows down with the square of the length. Here the clock runs in step with the
    // audio instead: the render pauses every second, the clock hands over the next second's
    // notes (as the live Transport does, a little ahead), and the notes that ended are let go.
    const clock = context as unknown as { _currentTime: number; emit(event: 'tick'): void };
    const runClock = (until: Seconds): void => {
      const outer = getContext();
      setContext(context);
      while (clock._currentTime < until) {
        clock.emit('tick');
        clock._currentTime += 128 / sampleRate;
      }
      setContext(outer);
    };
    runClock(CLEAN_UP_EVERY + CLOCK_AHEAD);
    for (let t = CLEAN_UP_EVERY; t < seconds; t += CLEAN_UP_EVERY) {
      void raw
        .suspend(t)
        .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
        .then(() => {
          runClock(t + CLEAN_UP_EVERY + CLOCK_AHEAD);
          return raw.resume();
        });
    }
    const buffer = await raw.startRendering();
    // the limiter's last reports arrive through its message port
    await new Promise((resolve) => setTimeout(resolve, 50));
    return {
      channels: [buffer.getChannelData(0), buffer.getChannelData(1)],
      reports,
      music: mixer.musicLimiterStats,
    };
  } finally {
    mixer.dispose();
    setContext(previous);
    context.dispose();
  }
}

/** Renders a song offline: its backing (or stems) and optionally a perfect duet. */
export async function renderSong(data: SongData, options: RenderOptions = {}): Promise<Rendered> {
  const song: Song = loadSong(data);
  const from = options.from ?? 0;
  const to = options.to ?? song.length;
  const stems = options.stems ?? STEMS;
  const seconds = PRE_ROLL + to - from + (options.tail ?? 1.5);
  const sampleRate = options.sampleRate ?? 44100;
  const r = await renderWith(seconds, sampleRate, options.volumes ?? DEFAULT_VOLUMES, (mixer, sounds) => {
    const music = song.audio.kind === 'synth' ? song.audio.music : { tracks: [] };
    const tracks = music.tracks.filter(
      (t) => stems.includes(stemOf(t)) && (!options.tracks || options.tracks.includes(t.name)),
    );
    if (tracks.length) {
      const backing = createBacking({ tracks }, song.tempo, mixer.backing, () => sounds.bed);
      // as the engine does: early by the mastering limiter's lookahead
      backing.openAt(PRE_ROLL - mixer.musicDelay);
      getTransport().start(PRE_ROLL - mixer.musicDelay, from);
    }
    if (options.duet) {
      for (const player of [0, 1] as PlayerId[]) {
        for (const note of chartOf(song, player, options.duet[player])) {
          if (note.time < from || note.time >= to) continue;
          playPress(mixer, sounds, player, note.lane, { at: PRE_ROLL + note.time - from });
        }
      }
    }
  });
  return { channels: r.channels, sampleRate, limiter: r.reports.at(-1) ?? null, musicLimiter: r.music };
}

/** Renders presses all at once (e.g. all eight drums) through the engine's drum path. */
export async function renderPresses(
  presses: readonly (readonly [PlayerId, Lane, HitOptions?])[],
  sampleRate = 44100,
  volumes: Volumes = DEFAULT_VOLUMES,
): Promise<Rendered> {
  const r = await renderWith(0.8, sampleRate, volumes, (mixer, sounds) => {
    for (const [player, lane, o] of presses) playPress(mixer, sounds, player, lane, { ...o, at: PRE_ROLL });
  });
  return { channels: r.channels, sampleRate, limiter: r.reports.at(-1) ?? null, musicLimiter: r.music };
}

/** Every drum of both kits as rendered (mono, before pan and bus), with the muted variants. */
export interface KitSounds {
  readonly sampleRate: number;
  readonly rock: Record<Lane, Float32Array>;
  readonly pop: Record<Lane, Float32Array>;
  readonly rockMuted: Record<Lane, Float32Array>;
  readonly popMuted: Record<Lane, Float32Array>;
}

export async function kitSounds(sampleRate = 44100): Promise<KitSounds> {
  const raw = new OfflineAudioContext(1, 128, sampleRate);
  const previous = getContext();
  setContext(new OfflineContext(raw));
  try {
    const s = await renderSounds();
    const mono = (buffers: Readonly<Record<Lane, AudioBuffer>>): Record<Lane, Float32Array> =>
      Object.fromEntries(Object.entries(buffers).map(([lane, b]) => [lane, b.getChannelData(0).slice()])) as Record<
        Lane,
        Float32Array
      >;
    return {
      sampleRate,
      rock: mono(s.kits.rock),
      pop: mono(s.kits.pop),
      rockMuted: mono(s.muted.rock),
      popMuted: mono(s.muted.pop),
    };
  } finally {
    setContext(previous);
  }
}
