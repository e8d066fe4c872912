import { AUTOPLAY, CPU_SKILLS, type CpuSkill, type CpuSkillName } from './cpuPartner';
import type { Difficulty, Mode, Ms, PlayerId } from './units';

/*
 * Seats and every mode rule, in one place. A run has two player slots; slot p plays part p of
 * the song. Each slot is a seat: a person at this screen (local), a CPU partner, a recorded
 * run played back (replay), or later someone elsewhere (remote). Everything that differs by
 * mode is derived here from the mode, and nowhere else: who plays which slot, which presses
 * reach which slot, what counts as a best, and where the player goes back to.
 */

export type SeatKind = 'local' | 'cpu' | 'replay' | 'remote';

export interface Seat {
  readonly kind: SeatKind;
  /** CPU seats: how well it plays. */
  readonly skill?: CpuSkill;
}

export interface Lineup {
  readonly mode: Mode;
  /** The seat of each player slot. */
  readonly seats: readonly [Seat, Seat];
  /** Scene a run of this mode goes back to (Back in song select, Quit, Results' Back). */
  readonly back: 'SongSelect' | 'ModeSelect';
  /** Modes played on one fixed song at fixed difficulties (the Lesson), else null. */
  readonly fixed: { readonly songId: string; readonly difficulties: readonly [Difficulty, Difficulty] } | null;
}

/** The lesson's song and difficulties. */
export const LESSON_SONG = 'first-lesson';
const LESSON_DIFFICULTIES: readonly [Difficulty, Difficulty] = ['normal', 'normal'];

/** Skill names a Solo player can pick for the CPU partner, in menu order. */
export const CPU_SKILL_NAMES: readonly CpuSkillName[] = ['novice', 'steady', 'pro'];

const LOCAL: Seat = { kind: 'local' };

/**
 * The lineup of a mode.
 * - Duet and Battle: two people at this screen.
 * - Solo: one person (slot 0, Takaichi's part), a CPU partner of the chosen skill in slot 1.
 * - Lesson: the person plays the novice's part (slot 1, Lee's), Takaichi's part is played by a
 *   pro CPU partner as the teacher, on the lesson song at Normal.
 */
export function lineupFor(mode: Mode, cpuSkill: CpuSkillName = 'steady'): Lineup {
  switch (mode) {
    case 'solo':
      return { mode, seats: [LOCAL, { kind: 'cpu', skill: CPU_SKILLS[cpuSkill] }], back: 'SongSelect', fixed: null };
    case 'lesson':
      return {
        mode,
        seats: [{ kind: 'cpu', skill: CPU_SKILLS.pro }, LOCAL],
        back: 'ModeSelect',
        fixed: { songId: LESSON_SONG, difficulties: LESSON_DIFFICULTIES },
      };
    default:
      return { mode, seats: [LOCAL, LOCAL], back: 'SongSelect', fixed: null };
  }
}

/** Slots played by people at this screen. */
export function localSlots(lineup: Lineup): PlayerId[] {
  return ([0, 1] as const).filter((p) => lineup.seats[p].kind === 'local');
}

/**
 * The slot a press from player `p`'s devices plays (keys, a half of the touchscreen, a drum
 * kit assigned to them), or null when it plays none. A slot that is not local takes no
 * presses; with a single local slot, every local device plays it (either key set works).
 */
export function slotForPress(lineup: Lineup, p: PlayerId): PlayerId | null {
  if (lineup.seats[p].kind === 'local') return p;
  const locals = localSlots(lineup);
  return locals.length === 1 ? (locals[0] as PlayerId) : null;
}

/** Slots whose results may become bests: local people only (never a CPU's or a replay's). */
export function bestSlots(lineup: Lineup): PlayerId[] {
  return localSlots(lineup);
}

/**
 * Each slot's input offset for a run: a local person's own, a CPU's 0 (its presses are exact),
 * a replay's as it was recorded.
 */
export function runOffsets(
  lineup: Lineup,
  playerOffsets: readonly [Ms, Ms],
  recorded: readonly [Ms, Ms] = [0, 0],
): [Ms, Ms] {
  const one = (p: PlayerId): Ms => {
    const kind = lineup.seats[p].kind;
    return kind === 'cpu' ? 0 : kind === 'replay' ? recorded[p] : playerOffsets[p];
  };
  return [one(0), one(1)];
}

/** Is slot `p` played by someone at this screen (who picks a difficulty and says ready)? */
export function isLocal(lineup: Lineup, p: PlayerId): boolean {
  return lineup.seats[p].kind === 'local';
}

const REPLAY: Seat = { kind: 'replay' };

/** Watching a recorded run: every slot plays back what was recorded; nobody at this screen plays. */
export function watchLineup(mode: Mode): Lineup {
  return { ...lineupFor(mode), seats: [REPLAY, REPLAY], fixed: null };
}

/**
 * Racing a ghost: slot `ghost` plays back a recorded run (your best, or an imported replay) and
 * the other slot is played here.
 */
export function ghostLineup(mode: Mode, ghost: PlayerId): Lineup {
  const seats: [Seat, Seat] = ghost === 0 ? [REPLAY, LOCAL] : [LOCAL, REPLAY];
  return { ...lineupFor(mode), seats, fixed: null };
}

/**
 * Practice: the mode's lineup, with `demo` (if any) played perfectly by the game, so a player
 * can watch and hear a part before playing it.
 */
export function practiceLineup(mode: Mode, demo: PlayerId | null, cpuSkill: CpuSkillName = 'steady'): Lineup {
  const base = lineupFor(mode, cpuSkill);
  if (demo === null) return { ...base, fixed: null };
  const seats: [Seat, Seat] = [base.seats[0], base.seats[1]];
  seats[demo] = { kind: 'cpu', skill: AUTOPLAY };
  // The other slot is played here (in Lesson and Solo it may have been the CPU's).
  const other: PlayerId = demo === 0 ? 1 : 0;
  seats[other] = LOCAL;
  return { ...base, seats, fixed: null };
}
