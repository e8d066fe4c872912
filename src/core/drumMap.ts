import type { Lane } from './units';

/*
 * The General MIDI drum map (GM Level 1 percussion key map, channel 10), folded onto the
 * game's four drums. DESIGN.md's MIDI defaults, shared by the MIDI drum-kit input and the
 * .mid chart importer:
 *   kick 35 36; snare 38 40 37; hi-hat and cymbals 42 44 46 22 26 49 57 55 52 51 59 53;
 *   toms 48 50 45 47 43 41 58 39.
 * Every other note (tambourine, cowbell, bongos...) plays no drum.
 */

const GROUPS: readonly (readonly [Lane, readonly number[]])[] = [
  ['kick', [35, 36]],
  ['snare', [38, 40, 37]],
  ['hihat', [42, 44, 46, 22, 26, 49, 57, 55, 52, 51, 59, 53]],
  ['tom', [48, 50, 45, 47, 43, 41, 58, 39]],
];

/** MIDI note number → lane, DESIGN.md's defaults. */
export const DEFAULT_MIDI_DRUM_MAP: Readonly<Record<number, Lane>> = Object.freeze(
  Object.fromEntries(GROUPS.flatMap(([lane, notes]) => notes.map((n) => [n, lane]))),
);

/**
 * The lane a MIDI note number plays, or null when the map gives it none.
 * @param note MIDI note number (0..127)
 * @param map note → lane, DEFAULT_MIDI_DRUM_MAP unless a player rebound it
 */
export function laneForMidiNote(
  note: number,
  map: Readonly<Record<number, Lane>> = DEFAULT_MIDI_DRUM_MAP,
): Lane | null {
  if (!Number.isInteger(note)) return null;
  return Object.hasOwn(map, note) ? (map[note] as Lane) : null;
}
