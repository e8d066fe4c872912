import { Gain, getContext, getDestination, getTransport, OfflineContext, Panner, setContext } from 'tone';
import { loadSong, type Song, type SongData } from '../core/chart';
import type { Difficulty, Lane, PlayerId, Seconds } from '../core/units';
import { createBacking } from './backing';
import { renderKit } from './drumKit';
import type { Volumes } from './engine';

/*
 * Offline renders through the game's own audio code, for the bench (scripts/bench-audio.mjs)
 * and the browser sound test: a song's backing (or some of its stems) and a perfect duet,
 * faster than real time. Not imported by the game.
 *
 * This first version rebuilds the engine's graph as it stood before the mix work (for the
 * "before" figures): music and drum buses straight into the destination, kits panned ±0.35.
 */

/** Which part of a backing a track plays, for stem renders. */
export type Stem = 'melody' | 'bass' | 'bed' | 'harmony';

const MELODY_NAMES = new Set(['lead', 'hook', 'keys', 'bell', 'melody', 'counter', 'solo']);

/** The stem of a backing track: by its instrument (bass, percussion) or its name (melody). */
export function stemOf(track: SongData['music']['tracks'][number]): Stem {
  if (track.instrument === 'bass') return 'bass';
  if (track.instrument === 'shaker') return 'bed';
  return MELODY_NAMES.has(track.name.split(/[\s:-]/)[0] ?? '') ? 'melody' : 'harmony';
}

export interface RenderOptions {
  /** Stems of the backing to play (default: all of it; [] for none). */
  stems?: readonly Stem[];
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
}

/** The game's default volumes (src/game/settings.ts defaultSettings). */
export const DEFAULT_VOLUMES: Volumes = { master: 0.9, music: 0.7, drums: 1 };
const STEMS: readonly Stem[] = ['melody', 'bass', 'bed', 'harmony'];
/** Offline time at which song time `from` plays. */
const PRE_ROLL: Seconds = 0.05;

/** Renders a song offline: its backing (or stems) and optionally a perfect duet. */
export async function renderSong(data: SongData, options: RenderOptions = {}): Promise<Rendered> {
  const song: Song = loadSong(data);
  const from = options.from ?? 0;
  const to = options.to ?? song.length;
  const tail = options.tail ?? 1.5;
  const sampleRate = options.sampleRate ?? 44100;
  const volumes = options.volumes ?? DEFAULT_VOLUMES;
  const stems = options.stems ?? STEMS;
  const length = Math.ceil((PRE_ROLL + to - from + tail) * sampleRate);
  const raw = new OfflineAudioContext(2, length, sampleRate);
  const context = new OfflineContext(raw);
  const previous = getContext();
  setContext(context);
  try {
    const kits = [await renderKit('rock'), await renderKit('pop')];
    getDestination().volume.value = 20 * Math.log10(volumes.master);
    const music = new Gain(volumes.music).toDestination();
    const drums = new Gain(volumes.drums).toDestination();
    const pans = [-0.35, 0.35].map((p) => new Panner(p).connect(drums));
    const tracks = song.music.tracks.filter((t) => stems.includes(stemOf(t)));
    if (tracks.length) {
      createBacking({ tracks }, song.tempo, music);
      getTransport().start(PRE_ROLL, from);
    }
    if (options.duet) {
      for (const player of [0, 1] as PlayerId[]) {
        for (const note of song.parts[player].charts[options.duet[player]]) {
          if (note.time < from || note.time >= to) continue;
          const src = raw.createBufferSource();
          src.buffer = (kits[player] as Record<Lane, AudioBuffer>)[note.lane];
          src.connect((pans[player] as Panner).input as AudioNode);
          src.start(PRE_ROLL + note.time - from);
        }
      }
    }
    const rendered = await context.render(false);
    const buffer = rendered.get() as AudioBuffer;
    return { channels: [buffer.getChannelData(0), buffer.getChannelData(1)], sampleRate };
  } finally {
    setContext(previous);
  }
}

/** Every drum of both kits as the players hear it, one mono buffer each. */
export interface KitSounds {
  readonly sampleRate: number;
  readonly rock: Record<Lane, Float32Array>;
  readonly pop: Record<Lane, Float32Array>;
}

export async function kitSounds(sampleRate = 44100): Promise<KitSounds> {
  const raw = new OfflineAudioContext(1, 128, sampleRate);
  const previous = getContext();
  setContext(new OfflineContext(raw));
  try {
    const mono = (buffers: Record<Lane, AudioBuffer>): Record<Lane, Float32Array> =>
      Object.fromEntries(Object.entries(buffers).map(([lane, b]) => [lane, b.getChannelData(0).slice()])) as Record<
        Lane,
        Float32Array
      >;
    return { sampleRate, rock: mono(await renderKit('rock')), pop: mono(await renderKit('pop')) };
  } finally {
    setContext(previous);
  }
}

/** Renders the given drums all struck at once through the engine's drum path. */
export async function renderTogether(
  hits: readonly (readonly [PlayerId, Lane])[],
  sampleRate = 44100,
): Promise<Rendered> {
  const raw = new OfflineAudioContext(2, Math.ceil(0.6 * sampleRate), sampleRate);
  const context = new OfflineContext(raw);
  const previous = getContext();
  setContext(context);
  try {
    const kits = [await renderKit('rock'), await renderKit('pop')];
    getDestination().volume.value = 20 * Math.log10(DEFAULT_VOLUMES.master);
    const drums = new Gain(DEFAULT_VOLUMES.drums).toDestination();
    const pans = [-0.35, 0.35].map((p) => new Panner(p).connect(drums));
    for (const [player, lane] of hits) {
      const src = raw.createBufferSource();
      src.buffer = (kits[player] as Record<Lane, AudioBuffer>)[lane];
      src.connect((pans[player] as Panner).input as AudioNode);
      src.start(0.05);
    }
    const buffer = (await context.render(false)).get() as AudioBuffer;
    return { channels: [buffer.getChannelData(0), buffer.getChannelData(1)], sampleRate };
  } finally {
    setContext(previous);
  }
}
