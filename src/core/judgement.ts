/** Judgements, from best to worst, with the predicates the rest of the game asks. */
export const JUDGEMENTS = ['perfect', 'great', 'good', 'miss'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

/** Accuracy weight of a judgement: 3 / 2 / 1 / 0. */
export const WEIGHT: Readonly<Record<Judgement, number>> = { perfect: 3, great: 2, good: 1, miss: 0 };

/** True for Good or better: the drum sounds and the combo goes on. */
export function isHit(j: Judgement): boolean {
  return j !== 'miss';
}

/** True when the judgement resets the combo. */
export function breaksCombo(j: Judgement): boolean {
  return j === 'miss';
}

/** An empty count of each judgement. */
export function emptyCounts(): Record<Judgement, number> {
  return { perfect: 0, great: 0, good: 0, miss: 0 };
}
