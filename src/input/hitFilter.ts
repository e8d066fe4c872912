import type { Lane, Ms, PerfMs } from '../core/units';
import { type LaneControls, type LaneThresholds, laneLookup, NO_THRESHOLDS } from './padMap';

/*
 * What a drum device's raw hits become. An electronic kit's pad often fires twice for one stroke
 * (head and rim, or a pad's own double trigger), and a hard hit on one pad makes its neighbours
 * fire softly (crosstalk): the first is merged, the second stays under a per-lane threshold.
 */

/** Hits on one lane this close (ms, by their stamps) to the last press on it are one stroke. */
export const MERGE_MS: Ms = 16;

/**
 * - `press`: a drum hit.
 * - `merged`: a second trigger within MERGE_MS of a press on the same lane: no new press.
 * - `quiet`: under the lane's velocity threshold (crosstalk): ignored.
 * - `unmapped`: the control plays no lane.
 */
export type HitOutcome = 'press' | 'merged' | 'quiet' | 'unmapped';

export interface FilteredHit {
  readonly outcome: HitOutcome;
  /** The lane the control plays (null when unmapped). */
  readonly lane: Lane | null;
}

/** Mapping, threshold and merging for one drum device. */
export class HitFilter {
  private lookup: Map<number, Lane>;
  private thresholds: LaneThresholds;
  /** Stamp of the last press per lane. */
  private readonly last = new Map<Lane, PerfMs>();

  constructor(lanes: LaneControls, thresholds: LaneThresholds = NO_THRESHOLDS) {
    this.lookup = laneLookup(lanes);
    this.thresholds = thresholds;
  }

  /** New controls and thresholds (the players changed them); merging carries on. */
  configure(lanes: LaneControls, thresholds: LaneThresholds = NO_THRESHOLDS): void {
    this.lookup = laneLookup(lanes);
    this.thresholds = thresholds;
  }

  /** The lane a control plays, or null. */
  laneOf(control: number): Lane | null {
    return this.lookup.get(control) ?? null;
  }

  /**
   * Judges one raw hit.
   * @param control MIDI note number or gamepad button index
   * @param velocity MIDI velocity 1..127; undefined for devices without one (never quiet)
   * @param at the hit's own stamp, performance ms
   */
  hit(control: number, velocity: number | undefined, at: PerfMs): FilteredHit {
    const lane = this.lookup.get(control) ?? null;
    if (lane === null) return { outcome: 'unmapped', lane };
    if (velocity !== undefined && velocity < this.thresholds[lane]) return { outcome: 'quiet', lane };
    const last = this.last.get(lane);
    // By the stamps, either way round: several messages of one event may come in any order.
    if (last !== undefined && Math.abs(at - last) <= MERGE_MS) return { outcome: 'merged', lane };
    this.last.set(lane, at);
    return { outcome: 'press', lane };
  }
}
