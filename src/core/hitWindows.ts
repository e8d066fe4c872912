import type { Judgement } from './judgement';
import type { Difficulty, Ms } from './units';

/**
 * Hit windows as one table (DESIGN.md). Each row is the largest |offset| that still earns
 * the judgement; `missEarly` is how early a press may come and still take the note as a Miss.
 */
export interface HitWindowTable {
  readonly perfect: Ms;
  readonly great: Ms;
  readonly good: Ms;
  readonly missEarly: Ms;
}

export const WINDOWS_LENIENT: HitWindowTable = { perfect: 42, great: 75, good: 108, missEarly: 125 };
export const WINDOWS_STRICT: HitWindowTable = { perfect: 25, great: 50, good: 75, missEarly: 108 };

const ROWS = ['perfect', 'great', 'good'] as const;

export class HitWindows {
  constructor(readonly table: HitWindowTable) {}

  /** Windows of a difficulty: Easy and Normal are lenient, Hard and Expert strict. */
  static for(difficulty: Difficulty): HitWindows {
    return difficulty === 'easy' || difficulty === 'normal' ? LENIENT : STRICT;
  }

  /**
   * The judgement a press `offsetMs` away from its note earns (positive = late),
   * or null when the press is outside every window and cannot touch the note.
   */
  resultFor(offsetMs: Ms): Judgement | null {
    const abs = Math.abs(offsetMs);
    for (const row of ROWS) if (abs <= this.table[row]) return row;
    if (offsetMs < 0 && -offsetMs <= this.table.missEarly) return 'miss';
    return null;
  }

  /** False once a note `offsetMs` in the past (positive) can no longer be hit. */
  canBeHit(offsetMs: Ms): boolean {
    return offsetMs <= this.table.good;
  }

  /** The latest a press may come after a note and still hit it. */
  get lateLimit(): Ms {
    return this.table.good;
  }

  /** The earliest a press may come before a note and still take it. */
  get earlyLimit(): Ms {
    return this.table.missEarly;
  }
}

const LENIENT = new HitWindows(WINDOWS_LENIENT);
const STRICT = new HitWindows(WINDOWS_STRICT);
