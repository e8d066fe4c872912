import type { Decibels } from '../core/units';

/*
 * Imported music is brought to the loudness the game's own backings are mastered to (DESIGN.md,
 * Sound: about -16 LUFS integrated, within ±1 LU across songs, imported ones included) by one
 * gain per song, measured once at import (BS.1770 integrated loudness of the decoded file) and
 * stored with the song. A quiet file is raised at most MAX_BOOST (the master limiter catches
 * the peaks a boost makes); a file with no measurable sound is left as it is.
 */

/** The integrated loudness every backing is brought to, LUFS. */
export const TARGET_LUFS = -16;
/** The most a quiet file is raised, dB. */
export const MAX_BOOST: Decibels = 12;
/** The most a loud file is lowered, dB. */
export const MAX_CUT: Decibels = -30;

/** The gain that brings music of integrated loudness `lufs` to TARGET_LUFS, dB. */
export function gainToTarget(lufs: number): Decibels {
  if (!Number.isFinite(lufs)) return 0;
  return Math.max(MAX_CUT, Math.min(MAX_BOOST, TARGET_LUFS - lufs));
}
