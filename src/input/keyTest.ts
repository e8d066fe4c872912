import { LANES, type Lane, PLAYERS, type PlayerId } from '../core/units';
import type { Bindings } from './bindings';

/*
 * The key test: many keyboards cannot report every combination of keys held at once, which two
 * players on one keyboard need. The test walks the players through the chords the charts ask
 * for and records, for each, whether the keyboard reported all its keys down together.
 */

export interface Chord {
  /** Drums held at once, by player. */
  readonly parts: readonly { readonly player: PlayerId; readonly lanes: readonly Lane[] }[];
}

/**
 * The combinations the charts need at once (counted over every song and difficulty: hi-hat +
 * kick is the most common, both players' hi-hat + snare + kick the largest). No chart asks for
 * all eight keys, so the test does not either.
 */
export const CHORDS: readonly Chord[] = [
  ...(['hihat', 'snare'] as const).flatMap((hand) =>
    PLAYERS.map((player) => ({ parts: [{ player, lanes: [hand, 'kick'] as const }] })),
  ),
  ...PLAYERS.map((player) => ({ parts: [{ player, lanes: ['hihat', 'snare', 'kick'] as const }] })),
  { parts: PLAYERS.map((player) => ({ player, lanes: ['hihat', 'kick'] as const })) },
  { parts: PLAYERS.map((player) => ({ player, lanes: ['hihat', 'snare', 'kick'] as const })) },
];

export type ChordResult = { state: 'pending' | 'current' | 'ok' } | { state: 'dropped'; missing: string[] };

/** The key codes a chord needs with these bindings. */
export function chordCodes(chord: Chord, bindings: Bindings): string[] {
  return chord.parts.flatMap((part) => part.lanes.map((l) => bindings.keyboard[part.player][l]));
}

/** The state of one pass through CHORDS. */
export class ChordTest {
  results: ChordResult[] = CHORDS.map(() => ({ state: 'pending' }));
  /** The chord being tried, or -1 when the test is not running. */
  index = -1;
  /** Most keys of the current chord seen down at once. */
  private best = new Set<string>();
  private codes: string[] = [];

  constructor(private readonly bindings: () => Bindings) {}

  get running(): boolean {
    return this.index >= 0;
  }

  get current(): Chord | null {
    return CHORDS[this.index] ?? null;
  }

  /** True when `code` belongs to the chord being tried (its menu meaning is then ignored). */
  uses(code: string): boolean {
    return this.codes.includes(code);
  }

  start(held: ReadonlySet<string>): void {
    this.results = CHORDS.map(() => ({ state: 'pending' }));
    this.next(0, held);
  }

  /** The keys held now: the chord passes once all of its keys are down together. */
  observe(held: ReadonlySet<string>): void {
    if (!this.running) return;
    const down = this.codes.filter((c) => held.has(c));
    if (down.length > this.best.size) this.best = new Set(down);
    if (down.length === this.codes.length) {
      this.results[this.index] = { state: 'ok' };
      this.next(this.index + 1, held);
    }
  }

  /** The players cannot get the chord down: it is recorded as dropped, with the keys never seen. */
  giveUp(held: ReadonlySet<string>, label: (code: string) => string): void {
    if (!this.running) return;
    const missing = this.codes.filter((c) => !this.best.has(c)).map(label);
    this.results[this.index] = { state: 'dropped', missing };
    this.next(this.index + 1, held);
  }

  /** Stops early: the chord being tried goes back to pending. */
  stop(): void {
    this.results = this.results.map((r) => (r.state === 'current' ? { state: 'pending' } : r));
    this.finish();
  }

  /** Chords tried to the end, and how many of them the keyboard dropped. */
  get summary(): { done: number; dropped: number; total: number } {
    const done = this.results.filter((r) => r.state === 'ok' || r.state === 'dropped').length;
    const dropped = this.results.filter((r) => r.state === 'dropped').length;
    return { done, dropped, total: CHORDS.length };
  }

  private next(i: number, held: ReadonlySet<string>): void {
    this.best = new Set();
    const chord = CHORDS[i];
    if (!chord) {
      this.finish();
      return;
    }
    this.index = i;
    this.results[i] = { state: 'current' };
    this.codes = chordCodes(chord, this.bindings());
    this.observe(held);
  }

  private finish(): void {
    this.index = -1;
    this.codes = [];
  }
}

/**
 * Binds `code` to one player's drum. A key already bound to another drum swaps places with
 * the old key, so no key ever plays two drums.
 * @returns the new bindings, and the drum that got the old key when there was a swap.
 */
export function rebind(
  bindings: Bindings,
  player: PlayerId,
  lane: Lane,
  code: string,
): { bindings: Bindings; swapped: { player: PlayerId; lane: Lane } | null } {
  const keyboard: [Record<Lane, string>, Record<Lane, string>] = [
    { ...bindings.keyboard[0] },
    { ...bindings.keyboard[1] },
  ];
  const old = keyboard[player][lane];
  let swapped: { player: PlayerId; lane: Lane } | null = null;
  for (const p of PLAYERS)
    for (const l of LANES)
      if (keyboard[p][l] === code && !(p === player && l === lane)) {
        keyboard[p][l] = old;
        swapped = { player: p, lane: l };
      }
  keyboard[player][lane] = code;
  return { bindings: { ...bindings, keyboard }, swapped };
}
