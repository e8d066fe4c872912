import type { Judgement } from '../core/judgement';

/** What a player's run earns on Results, besides the grade. */
export interface Badges {
  /** Every note hit (no Miss): a full combo. */
  fullCombo: boolean;
  /** Every note Perfect. */
  allPerfect: boolean;
}

/** Full combo and all-Perfect badges; a chart with no notes earns neither. */
export function badgesFor(counts: Readonly<Record<Judgement, number>>): Badges {
  const notes = counts.perfect + counts.great + counts.good + counts.miss;
  return {
    fullCombo: notes > 0 && counts.miss === 0,
    allPerfect: notes > 0 && counts.perfect === notes,
  };
}

/** Accuracy (0..1) a run needs before a best is celebrated: grade C or better. */
export const BEST_WORTH_ACCURACY = 0.7;

/**
 * "New best" is shown only for a result worth keeping: it beat the saved best (or there was
 * none) AND it is a clear, grade C or better (70 % accuracy). A first run of mashing sets a
 * saved best (the ghost needs one) but is not celebrated.
 */
export function newBestWorthShowing(improved: boolean, accuracy: number): boolean {
  return improved && accuracy >= BEST_WORTH_ACCURACY;
}
