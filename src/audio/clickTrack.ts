import type { TempoMap } from '../core/tempo';
import type { Seconds } from '../core/units';

/*
 * The click track of an imported chart that came without music: a click on every beat of its
 * tempo map, the first beat of each bar accented. Pure; the engine plays the clicks.
 */

export interface Click {
  readonly time: Seconds;
  readonly accent: boolean;
}

/** The clicks from song time `from` (inclusive) to `to` (exclusive), none before 0 s. */
export function clickTimes(tempo: TempoMap, beatsPerBar: number, from: Seconds, to: Seconds): Click[] {
  const out: Click[] = [];
  const start = Math.max(0, from);
  let beat = Math.ceil(tempo.toBeats(start) - 1e-9);
  for (let time = tempo.toSeconds(beat); time < to; time = tempo.toSeconds(++beat)) {
    if (time >= start - 1e-9) out.push({ time, accent: ((beat % beatsPerBar) + beatsPerBar) % beatsPerBar === 0 });
    if (out.length > 100_000) break;
  }
  return out;
}
