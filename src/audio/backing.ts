import { getContext, getTransport, type InputNode } from 'tone';
import type { Instrument, MusicData } from '../core/chart';
import type { TempoMap } from '../core/tempo';
import type { Seconds } from '../core/units';
import {
  createInstrument,
  createMixBus,
  type InstrumentChain,
  type PercussionBank,
  type PlayedNote,
  panFor,
} from './instruments';

export interface Backing {
  /** Opens the backing's gate so that it is fully open at `time` (context seconds). */
  openAt(time: Seconds): void;
  /**
   * Fades the backing out from `time` (context seconds) and, at `silenceAt` (once the fade is
   * over), stops every note sounding; notes the Transport already handed over for later never
   * play. The backing can be opened and played again.
   */
  fadeOut(time: Seconds, silenceAt: Seconds): void;
  /** Takes the backing's events off the Transport (it plays no further note). */
  unschedule(): void;
  /**
   * Song seconds per second from now on (the Transport's tempo is the caller's): held notes are
   * held 1 / rate as long, so slowed music stays legato.
   */
  setRate(rate: number): void;
  dispose(): void;
}

/** Time constant of the fade when the song stops: gone in about 50 ms, too slow to click. */
const FADE: Seconds = 0.012;
/** The gate opens over this long, ending where the song starts. */
const OPEN: Seconds = 0.02;

/**
 * Builds synths for every track and schedules every note on the Transport timeline at its
 * song second (transport time in seconds == song seconds; the caller starts, pauses and
 * seeks the Transport, and must leave its bpm unchanged after this call, since Tone stores
 * events in ticks). Notes of one track that start together are one Transport event.
 * Output goes to `output`; the backing starts closed (silent) until `openAt`.
 */
/**
 * Runs `build`, collecting every native ConstantSourceNode Tone makes meanwhile (its signals:
 * filter frequencies, LFOs...). Tone 15 never stops them on dispose (its deferred stop finds the
 * source already "stopped" and returns), and a started source stays alive, with all it feeds,
 * until stopped: so a backing stops its own on dispose. Otherwise ~10 nodes leak per song start.
 */
function collectConstantSources<T>(build: () => T): { built: T; sources: ConstantSourceNode[] } {
  const context = getContext();
  const own = Object.getOwnPropertyDescriptor(context, 'createConstantSource');
  const sources: ConstantSourceNode[] = [];
  const create = context.createConstantSource;
  context.createConstantSource = function (this: typeof context) {
    const node = create.call(this);
    sources.push(node);
    return node;
  };
  try {
    return { built: build(), sources };
  } finally {
    if (own) Object.defineProperty(context, 'createConstantSource', own);
    else delete (context as { createConstantSource?: unknown }).createConstantSource;
  }
}

export function createBacking(
  music: MusicData,
  tempo: TempoMap,
  output: InputNode,
  percussion: () => PercussionBank | null = () => null,
): Backing {
  const { built, sources } = collectConstantSources(() => buildBacking(music, tempo, output, percussion));
  return {
    ...built,
    dispose() {
      built.dispose();
      for (const s of sources) {
        try {
          s.stop();
        } catch {
          // never started, or already stopped
        }
        s.disconnect();
      }
      sources.length = 0;
    },
  };
}

function buildBacking(
  music: MusicData,
  tempo: TempoMap,
  output: InputNode,
  percussion: () => PercussionBank | null = () => null,
): Backing {
  const transport = getTransport();
  const bus = createMixBus(output);
  const beatSeconds = tempo.toSeconds(1) - tempo.toSeconds(0);
  const chains: InstrumentChain[] = [];
  let rate = 1;
  const eventIds: number[] = [];
  const seen = new Map<Instrument, number>();

  for (const track of music.tracks) {
    if (track.notes.length === 0) continue;
    const nth = seen.get(track.instrument) ?? 0;
    seen.set(track.instrument, nth + 1);
    const chain = createInstrument(track.instrument, bus, {
      volume: track.volume ?? 0,
      beatSeconds,
      pan: panFor(track.instrument, nth),
      percussion,
    });
    chains.push(chain);
    const byStart = new Map<number, PlayedNote[]>();
    for (const [beat, midi, durationBeats, velocity] of track.notes) {
      const start = tempo.toSeconds(beat);
      const duration = tempo.toSeconds(beat + durationBeats) - start;
      const group = byStart.get(start);
      const note: PlayedNote = { midi, duration, velocity };
      if (group) group.push(note);
      else byStart.set(start, [note]);
    }
    for (const [start, notes] of byStart) {
      eventIds.push(
        transport.schedule(
          (time) => chain.play(time, rate === 1 ? notes : notes.map((n) => ({ ...n, duration: n.duration / rate }))),
          start,
        ),
      );
    }
  }

  let disposed = false;
  const unschedule = (): void => {
    for (const id of eventIds) transport.clear(id);
    eventIds.length = 0;
  };
  const gain = bus.gate.gain;
  return {
    openAt(time) {
      if (disposed) return;
      const from = Math.max(bus.gate.context.currentTime, time - OPEN);
      gain.cancelScheduledValues(from);
      gain.setValueAtTime(0, from);
      gain.linearRampToValueAtTime(1, Math.max(from, time));
    },
    fadeOut(time, silenceAt) {
      if (disposed) return;
      gain.cancelScheduledValues(time);
      gain.setValueAtTime(gain.value, time);
      gain.setTargetAtTime(0, time, FADE);
      for (const c of chains) c.releaseAll(silenceAt);
    },
    unschedule,
    setRate(r) {
      rate = r;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      unschedule();
      for (const c of chains) c.dispose();
      bus.dispose();
    },
  };
}
