import type { HitWindows } from './hitWindows';
import type { DrumInput } from './judge';
import { mulberry32 } from './random';
import type { Note } from './song';
import { LANES, type Lane, type Ms, type PlayerId } from './units';

/*
 * The CPU partner of Solo mode: it plays its part by producing ordinary DrumInputs, which go
 * through the same Match as a human's presses. Its timing is a seeded random draw, so a run is
 * reproducible from (chart, skill, seed) and can be replayed like any other.
 */

/** The CPU partners a Solo player can choose. */
export type CpuSkillName = 'novice' | 'steady' | 'pro';

/** How well a CPU partner plays. */
export interface CpuSkill {
  readonly name: CpuSkillName | 'autoplay';
  /** Standard deviation of its timing error, ms. */
  readonly sigmaMs: Ms;
  /** Mean timing error, ms (positive = late, like a human who drags). */
  readonly meanMs: Ms;
  /** Probability, 0..1, that it does not press for a note at all. */
  readonly missChance: number;
}

/** The three partners a Solo player can choose. */
export const CPU_SKILLS: Readonly<Record<CpuSkillName, CpuSkill>> = {
  novice: { name: 'novice', sigmaMs: 35, meanMs: 12, missChance: 0.08 },
  steady: { name: 'steady', sigmaMs: 18, meanMs: 4, missChance: 0.02 },
  pro: { name: 'pro', sigmaMs: 8, meanMs: 0, missChance: 0.003 },
};

/** The practice demo: every note exactly on time. */
export const AUTOPLAY: CpuSkill = { name: 'autoplay', sigmaMs: 0, meanMs: 0, missChance: 0 };

/**
 * Keeps each press this far inside the windows that bound it, ms, so that rounding a press
 * time to the judge's microseconds can never push it onto a window's far side.
 */
const EDGE_MARGIN_MS: Ms = 0.01;

/** A standard normal draw (Box–Muller) from two uniforms in [0, 1). */
function gaussian(random: () => number): number {
  const u = 1 - random(); // (0, 1], so the logarithm is finite
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * The presses a CPU player makes for a chart.
 *
 * For each note, with probability `skill.missChance` there is no press; otherwise a press at
 * note time + N(meanMs, sigmaMs). Each press is clamped inside its own note's Good window and
 * so that the judge gives it to that note and no other: after the previous press of its lane
 * (so presses keep the notes' order) and after the Good window of any earlier note of its lane
 * the CPU skipped (an unjudged note whose window held the press would take it). A note whose
 * window leaves no such room (same-lane notes closer than the windows allow) is skipped as a
 * miss. So every press hits (Good or better): never a ghost, never an early Miss.
 *
 * @param notes the CPU player's chart, song seconds (any order).
 * @param player the slot the CPU plays; every input carries it.
 * @param skill timing error in ms and miss probability.
 * @param seed seeds mulberry32: the same arguments give the same presses.
 * @param windows the hit windows of the CPU's difficulty, ms.
 * @returns presses in song seconds, sorted by time (lane order on equal times). They are
 *   offset-corrected times: give the CPU's slot an input offset of 0 in the MatchSetup.
 */
export function cpuInputs(
  notes: readonly Note[],
  player: PlayerId,
  skill: CpuSkill,
  seed: number,
  windows: HitWindows,
): DrumInput[] {
  const random = mulberry32(seed);
  const good = windows.table.good - EDGE_MARGIN_MS;
  const ordered = [...notes].sort((a, b) => a.time - b.time || LANES.indexOf(a.lane) - LANES.indexOf(b.lane));
  // Per lane, in ms: the last press, and the end of the Good window of the last skipped note.
  const lastPress = new Map<Lane, Ms>();
  const skippedUntil = new Map<Lane, Ms>();
  const inputs: DrumInput[] = [];
  for (const note of ordered) {
    // Both draws are made for every note, so the timing of one note does not depend on
    // whether an earlier one was missed.
    const skip = random() < skill.missChance;
    const errorMs = skill.meanMs + skill.sigmaMs * gaussian(random);
    const noteMs = note.time * 1000;
    const earliest = Math.max(
      noteMs - good,
      (lastPress.get(note.lane) ?? Number.NEGATIVE_INFINITY) + EDGE_MARGIN_MS,
      (skippedUntil.get(note.lane) ?? Number.NEGATIVE_INFINITY) + 2 * EDGE_MARGIN_MS,
    );
    const latest = noteMs + good;
    if (skip || earliest > latest) {
      skippedUntil.set(note.lane, noteMs + windows.table.good);
      continue;
    }
    const pressMs = Math.min(latest, Math.max(earliest, noteMs + errorMs));
    lastPress.set(note.lane, pressMs);
    inputs.push({ player, lane: note.lane, time: pressMs / 1000 });
  }
  // Presses of one lane are already in order; across lanes a late press can pass an early one.
  return inputs
    .map((input, i) => ({ input, i }))
    .sort((a, b) => a.input.time - b.input.time || a.i - b.i)
    .map((x) => x.input);
}
