import { DEFAULT_MIDI_DRUM_MAP } from '../core/drumMap';
import { LANES, type Lane } from '../core/units';
import type { MenuAction } from './press';

/*
 * What plays each drum on a drum device: MIDI note numbers on a kit, button indices on a
 * gamepad. Lanes are the actions; these are only bindings to them. A control plays at most one
 * lane; a lane may have any number of controls (a kit's head and rim, a Rock Band kit's two toms).
 */

/** The kinds of drum device (the keyboard and touchscreen bind by key and by screen half). */
export type DrumDeviceKind = 'midi' | 'gamepad';

/** The controls that play each lane: MIDI note numbers, or gamepad button indices. */
export type LaneControls = Readonly<Record<Lane, readonly number[]>>;

/** Per lane, the lowest MIDI velocity (1..127) that plays it: quieter hits are crosstalk. */
export type LaneThresholds = Readonly<Record<Lane, number>>;

/** Highest MIDI note number, and the most gamepad buttons the game reads. */
export const MAX_NOTE = 127;
export const MAX_BUTTON = 63;
export const MIN_VELOCITY = 1;
export const MAX_VELOCITY = 127;

/** Every note-on plays (velocity 0 is a release, never a hit). */
export const NO_THRESHOLDS: LaneThresholds = { hihat: 1, snare: 1, tom: 1, kick: 1 };

/** DESIGN.md's MIDI defaults (General MIDI with the Roland and Alesis extras), by lane, ascending. */
export function defaultMidiLanes(): LaneControls {
  const lanes: Record<Lane, number[]> = { hihat: [], snare: [], tom: [], kick: [] };
  for (const [note, lane] of Object.entries(DEFAULT_MIDI_DRUM_MAP)) lanes[lane].push(Number(note));
  for (const lane of LANES) lanes[lane].sort((a, b) => a - b);
  return lanes;
}

/**
 * A standard-mapping gamepad as a Rock Band kit's colours: Y (3) hi-hat (yellow), B (1) snare
 * (red), X (2) and A (0) tom (blue, green), LB RB LT RT (4-7) kick.
 */
export const STANDARD_PAD_LANES: LaneControls = { hihat: [3], snare: [1], tom: [2, 0], kick: [4, 5, 6, 7] };

/** A standard gamepad's menu buttons: the d-pad, Start (confirm) and Back/Select (back). */
export const STANDARD_MENU_BUTTONS: Readonly<Record<number, MenuAction>> = {
  8: 'back',
  9: 'confirm',
  12: 'up',
  13: 'down',
  14: 'left',
  15: 'right',
};

/**
 * The default lanes of a device. A gamepad without the standard mapping (many taiko and Rock
 * Band kits, old pads) gets the standard indices as a guess, and the device screen asks the
 * players to press each pad to set it up.
 */
export function defaultLanes(kind: DrumDeviceKind): LaneControls {
  if (kind === 'midi') return defaultMidiLanes();
  return { ...STANDARD_PAD_LANES };
}

/** control → lane, for lookups as hits arrive. */
export function laneLookup(lanes: LaneControls): Map<number, Lane> {
  const map = new Map<number, Lane>();
  for (const lane of LANES) for (const c of lanes[lane]) if (!map.has(c)) map.set(c, lane);
  return map;
}

/**
 * Why a control cannot play a drum, or null when it can: out of range, or a standard gamepad's
 * menu button (the d-pad, Start and Back stay the menus').
 */
export function controlProblem(kind: DrumDeviceKind, standard: boolean, control: number): 'range' | 'menu' | null {
  const max = kind === 'midi' ? MAX_NOTE : MAX_BUTTON;
  if (!Number.isInteger(control) || control < 0 || control > max) return 'range';
  if (kind === 'gamepad' && standard && Object.hasOwn(STANDARD_MENU_BUTTONS, control)) return 'menu';
  return null;
}

/**
 * Makes `control` play `lane` (hit a pad to assign it): it leaves whatever lane had it, and joins
 * the lane's other controls.
 * @returns the new controls (the old ones are left alone), and the lane it came from (null if none
 *   or the same lane).
 */
export function assignControl(
  lanes: LaneControls,
  lane: Lane,
  control: number,
): { lanes: LaneControls; from: Lane | null } {
  let from: Lane | null = null;
  const next = {} as Record<Lane, number[]>;
  for (const l of LANES) {
    const had = lanes[l].includes(control);
    if (had && l !== lane) from = l;
    next[l] = l === lane ? (had ? [...lanes[l]] : [...lanes[l], control]) : lanes[l].filter((c) => c !== control);
  }
  return { lanes: next, from };
}

/** The lane with none of its controls (the other lanes are unchanged). */
export function clearLane(lanes: LaneControls, lane: Lane): LaneControls {
  return { ...lanes, [lane]: [] };
}

/** Lanes left with no control at all (the device cannot play them). */
export function unplayableLanes(lanes: LaneControls): Lane[] {
  return LANES.filter((l) => lanes[l].length === 0);
}

/** A threshold brought into 1..127 (whole velocities). */
export function clampThreshold(v: number): number {
  if (!Number.isFinite(v)) return MIN_VELOCITY;
  return Math.min(MAX_VELOCITY, Math.max(MIN_VELOCITY, Math.round(v)));
}

/** A standard gamepad's buttons by index, as printed on an Xbox-style pad. */
const STANDARD_BUTTON_NAMES = [
  'A',
  'B',
  'X',
  'Y',
  'LB',
  'RB',
  'LT',
  'RT',
  'Back',
  'Start',
  'LS',
  'RS',
  '↑',
  '↓',
  '←',
  '→',
  'Home',
];

/** A control as players know it: a note number, a standard pad's button name, or "#index". */
export function controlLabel(kind: DrumDeviceKind, standard: boolean, control: number): string {
  if (kind === 'midi') return String(control);
  return (standard ? STANDARD_BUTTON_NAMES[control] : undefined) ?? `#${control}`;
}

/** Several controls, short: the first `max`, then "+n" for the rest. */
export function controlsLabel(kind: DrumDeviceKind, standard: boolean, controls: readonly number[], max = 8): string {
  const shown = controls.slice(0, controls.length > max ? max - 1 : max).map((c) => controlLabel(kind, standard, c));
  const rest = controls.length - shown.length;
  return rest > 0 ? `${shown.join(' ')} +${rest}` : shown.join(' ');
}
