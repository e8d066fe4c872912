import { getTransport } from 'tone';
import type { TempoMap } from '../core/tempo';
import type { Seconds } from '../core/units';
import type { Backing } from './backing';
import { clickTimes } from './clickTrack';

/*
 * The backing of a song that brought no music (an imported chart alone): a click on every beat,
 * the bar's first accented, scheduled on the Transport like a synthesized backing's notes
 * (Transport seconds are song seconds), so pausing, seeking and the tempo follow the same path.
 * One buffer source per click, made when the Transport hands it over and let go when it ends.
 */

/** Fade when the song stops (a time constant, seconds). */
const FADE: Seconds = 0.012;

export function createClickBacking(
  tempo: TempoMap,
  beatsPerBar: number,
  length: Seconds,
  output: AudioNode,
  clicks: () => { readonly accent: AudioBuffer; readonly normal: AudioBuffer } | null,
): Backing {
  const transport = getTransport();
  const context = output.context;
  const gate = context.createGain();
  gate.gain.value = 0;
  gate.connect(output);
  const sounding = new Set<AudioBufferSourceNode>();
  const ids = clickTimes(tempo, beatsPerBar, 0, length).map((c) =>
    transport.schedule((time) => {
      const buffers = clicks();
      if (!buffers) return;
      const src = context.createBufferSource();
      src.buffer = c.accent ? buffers.accent : buffers.normal;
      src.connect(gate);
      src.start(time);
      sounding.add(src);
      src.onended = () => {
        sounding.delete(src);
        src.disconnect();
      };
    }, c.time),
  );
  let disposed = false;
  const unschedule = (): void => {
    for (const id of ids) transport.clear(id);
    ids.length = 0;
  };
  return {
    openAt(time) {
      if (disposed) return;
      gate.gain.cancelScheduledValues(context.currentTime);
      gate.gain.setValueAtTime(1, Math.max(context.currentTime, time - 0.01));
    },
    fadeOut(time, silenceAt) {
      if (disposed) return;
      gate.gain.cancelScheduledValues(time);
      gate.gain.setTargetAtTime(0, time, FADE);
      for (const s of sounding) {
        try {
          s.stop(silenceAt);
        } catch {
          // already stopped
        }
      }
    },
    unschedule,
    setRate() {
      // a click is a click at any speed
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      unschedule();
      for (const s of sounding) s.disconnect();
      sounding.clear();
      gate.disconnect();
    },
  };
}
