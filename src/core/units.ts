/**
 * Units and domain types shared by every part of the game.
 * Units live in the type names so that every signature says which clock it means.
 */

/** Seconds of song time (0 = the song's first beat, or the start of its audio file). */
export type Seconds = number;
/** Milliseconds, used for offsets and timing errors. */
export type Ms = number;
/** An instant on the page's performance clock (the clock of `event.timeStamp`), ms. */
export type PerfMs = number;
/** An instant on the AudioContext clock (`AudioContext.currentTime`), seconds. */
export type ContextSeconds = number;
/** Musical time in quarter-note beats from the song's first beat. */
export type Beats = number;
/** A level in decibels (0 = unity, full scale for peaks). */
export type Decibels = number;

/** Index of a player slot; in every mode also the index of the part that slot plays. */
export type PlayerId = 0 | 1;
export const PLAYERS: readonly PlayerId[] = [0, 1];

export const LANES = ['hihat', 'snare', 'tom', 'kick'] as const;
export type Lane = (typeof LANES)[number];

export const DIFFICULTIES = ['easy', 'normal', 'hard', 'expert'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** Lanes a difficulty plays: Easy uses snare and kick only. */
export function lanesFor(difficulty: Difficulty): readonly Lane[] {
  return difficulty === 'easy' ? EASY_LANES : LANES;
}
const EASY_LANES: readonly Lane[] = ['snare', 'kick'];

export const MODES = ['duet', 'battle', 'solo', 'lesson'] as const;
export type Mode = (typeof MODES)[number];

/** The largest input or visual offset either way that a player may set, ms. */
export const OFFSET_LIMIT_MS: Ms = 400;
