import { getTransport, type ToneAudioNode } from 'tone';
import type { MusicData } from '../core/chart';
import type { TempoMap } from '../core/tempo';
import { createInstrument, createMixBus, type InstrumentChain, type PlayedNote } from './instruments';

export interface Backing {
  dispose(): void;
}

/**
 * Builds synths for every track and schedules every note on the Transport timeline at its
 * song second (transport time in seconds == song seconds; the caller starts, pauses and
 * seeks the Transport, and must leave its bpm unchanged after this call, since Tone stores
 * events in ticks). Notes of one track that start together are one Transport event.
 * Output goes to `output`.
 */
export function createBacking(music: MusicData, tempo: TempoMap, output: ToneAudioNode): Backing {
  const transport = getTransport();
  const bus = createMixBus(output);
  const beatSeconds = tempo.toSeconds(1) - tempo.toSeconds(0);
  const chains: InstrumentChain[] = [];
  const eventIds: number[] = [];

  for (const track of music.tracks) {
    if (track.notes.length === 0) continue;
    const chain = createInstrument(track.instrument, bus, { volume: track.volume ?? 0, beatSeconds });
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
      eventIds.push(transport.schedule((time) => chain.play(time, notes), start));
    }
  }

  const silence = (time: number): void => {
    for (const c of chains) c.releaseAll(time);
  };
  transport.on('pause', silence);
  transport.on('stop', silence);

  let disposed = false;
  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      transport.off('pause', silence);
      transport.off('stop', silence);
      for (const id of eventIds) transport.clear(id);
      eventIds.length = 0;
      for (const c of chains) c.dispose();
      bus.dispose();
    },
  };
}
