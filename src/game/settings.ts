import * as v from 'valibot';
import { LANES } from '../core/units';
import { type Bindings, DEFAULT_BINDINGS } from '../input/bindings';

export const LANGUAGES = ['en', 'ja', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

const volume = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const offset = v.pipe(v.number(), v.minValue(-400), v.maxValue(400));
const keys = v.strictObject(
  Object.fromEntries(LANES.map((l) => [l, v.pipe(v.string(), v.nonEmpty())])) as Record<
    (typeof LANES)[number],
    v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.NonEmptyAction<string, undefined>]>
  >,
);

export const PlayerSettingsSchema = v.object({
  /** Added to this player's judged press times' expected value: positive when presses land late. */
  inputOffsetMs: offset,
});

export const SettingsSchema = v.object({
  volumes: v.object({ master: volume, music: volume, drums: volume }),
  players: v.tuple([PlayerSettingsSchema, PlayerSettingsSchema]),
  /** Moves notes on screen only (display lag): positive draws notes earlier. */
  visualOffsetMs: offset,
  bindings: v.tuple([keys, keys]),
  /** Seconds a note takes to fall from the top of the highway to the hit line. */
  noteSpeed: v.pipe(v.number(), v.minValue(0.6), v.maxValue(3)),
  language: v.picklist(LANGUAGES),
  reducedMotion: v.boolean(),
  highContrast: v.boolean(),
  hitSounds: v.boolean(),
  vibration: v.boolean(),
  /** The calibration wizard has been offered once (on first play). */
  calibrationOffered: v.optional(v.boolean(), false),
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
    bindings: [{ ...DEFAULT_BINDINGS[0] }, { ...DEFAULT_BINDINGS[1] }],
    noteSpeed: 1.4,
    language,
    reducedMotion: false,
    highContrast: false,
    hitSounds: true,
    vibration: true,
    calibrationOffered: false,
  };
}

export function bindingsOf(s: Settings): Bindings {
  return s.bindings;
}
