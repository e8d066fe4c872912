/**
 * Units and domain types shared by every part of the game.
 * Units live in the type names so that every signature says what it means.
 */

/** Seconds of song time (0 = the song's first beat). */
export type Seconds = number;
/** Milliseconds, used for offsets and timing errors. */
export type Ms = number;
/** Musical time in quarter-note beats from the song's start. */
export type Beats = number;

/** Index of a player; also the index of that player's part. */
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

/** Converts seconds to milliseconds. */
export function toMs(s: Seconds): Ms {
  return s * 1000;
}

/** Converts milliseconds to seconds. */
export function toSeconds(ms: Ms): Seconds {
  return ms / 1000;
}
