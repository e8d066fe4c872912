import * as v from 'valibot';
import { LANES, OFFSET_LIMIT_MS } from '../core/units';
import { defaultBindings, keyProblem } from '../input/bindings';

export const LANGUAGES = ['en', 'ja', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

const volume = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const offset = v.pipe(v.number(), v.minValue(-OFFSET_LIMIT_MS), v.maxValue(OFFSET_LIMIT_MS));
/** A key a drum may be bound to: a known `KeyboardEvent.code` that is not a reserved menu key. */
const drumKey = v.pipe(
  v.string(),
  v.maxLength(32),
  v.check((code) => keyProblem(code) === null, 'not a key a drum can be bound to'),
);
const keys = v.strictObject({ hihat: drumKey, snare: drumKey, tom: drumKey, kick: drumKey });

export const BindingsSchema = v.object({
  keyboard: v.pipe(
    v.tuple([keys, keys]),
    v.check(
      (k) => new Set(k.flatMap((p) => LANES.map((l) => p[l]))).size === 2 * LANES.length,
      'every drum needs a key of its own',
    ),
  ),
});

const byLane = <T extends v.GenericSchema>(item: T) =>
  v.strictObject({ hihat: item, snare: item, tom: item, kick: item });
/** A MIDI note number or a gamepad button index. */
const control = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(127));

/** What the players chose for one drum device (see DeviceProfile in src/input/drumDevices.ts). */
export const DeviceProfileSchema = v.object({
  kind: v.picklist(['midi', 'gamepad']),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** Absent: by connection order; null: plays for nobody. */
  player: v.optional(v.nullable(v.picklist([0, 1] as const))),
  offsetMs: v.optional(offset),
  lanes: v.optional(byLane(v.pipe(v.array(control), v.maxLength(128)))),
  thresholds: v.optional(byLane(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(127)))),
});

export const DevicesSchema = v.object({
  /** The players turned MIDI kits on in Settings: later visits open MIDI again if the browser already allows it. */
  midi: v.boolean(),
  /** Remembered by device name: whom each plays for, its offset, pads and thresholds. */
  profiles: v.pipe(v.array(DeviceProfileSchema), v.maxLength(64)),
});

export function defaultDevices(): v.InferOutput<typeof DevicesSchema> {
  return { midi: false, profiles: [] };
}

export const PlayerSettingsSchema = v.object({
  /** Added to this player's judged press times' expected value: positive when presses land late. */
  inputOffsetMs: offset,
});

export const SettingsSchema = v.object({
  volumes: v.object({ master: volume, music: volume, drums: volume }),
  players: v.tuple([PlayerSettingsSchema, PlayerSettingsSchema]),
  /** Moves notes on screen only (display lag): positive draws notes earlier. */
  visualOffsetMs: offset,
  bindings: BindingsSchema,
  /** Seconds a note takes to fall from the top of the highway to the hit line. */
  noteSpeed: v.pipe(v.number(), v.minValue(0.6), v.maxValue(3)),
  language: v.picklist(LANGUAGES),
  reducedMotion: v.boolean(),
  highContrast: v.boolean(),
  hitSounds: v.boolean(),
  vibration: v.boolean(),
  /** The calibration wizard has been offered once (on first play). */
  calibrationOffered: v.optional(v.boolean(), false),
  /** MIDI kits and gamepads (added after version 3 was out: older documents get the default). */
  devices: v.optional(DevicesSchema, defaultDevices),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

/** The language the browser prefers, among ours. */
export function browserLanguage(languages: readonly string[]): Language {
  for (const l of languages) {
    const base = l.toLowerCase().slice(0, 2);
    if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

export function defaultSettings(language: Language = 'en'): Settings {
  return {
    volumes: { master: 0.9, music: 0.7, drums: 1 },
    players: [{ inputOffsetMs: 0 }, { inputOffsetMs: 0 }],
    visualOffsetMs: 0,
    bindings: defaultBindings() as Settings['bindings'],
    noteSpeed: 1.4,
    language,
    reducedMotion: false,
    highContrast: false,
    hitSounds: true,
    vibration: true,
    calibrationOffered: false,
    devices: defaultDevices(),
  };
}
