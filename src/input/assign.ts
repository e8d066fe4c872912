import { LANES, type Lane, type Ms, type PerfMs } from '../core/units';
import type { DeviceHit } from './drumDevices';
import { assignControl, controlProblem, type LaneControls } from './padMap';

/*
 * "Hit a pad to assign it": the players pick a drum, then hit every pad (or press every button)
 * that should play it. Kits send notes outside General MIDI (Roland 22/26 hi-hat edges, 58 tom
 * rim; Alesis 21, 23, 39), so this is how any kit is set up. Walking through the lanes in order
 * is the "press each pad" setup of a controller with a non-standard layout.
 */

/** A hit this soon after a louder one on another pad, and under half its velocity, is crosstalk. */
export const CROSSTALK_MS: Ms = 30;

export type AssignResult =
  | { readonly kind: 'assigned'; readonly control: number; readonly lane: Lane; readonly from: Lane | null }
  | { readonly kind: 'again'; readonly control: number; readonly lane: Lane }
  | { readonly kind: 'menu'; readonly control: number }
  | { readonly kind: 'ignored' };

/** One assignment session on one device. */
export class PadAssigner {
  /** The lane being assigned, or null when not assigning. */
  lane: Lane | null = null;
  /** Controls assigned to the lane in this pass. */
  taken: number[] = [];
  private recent: { control: number; velocity: number; at: PerfMs }[] = [];

  constructor(
    private readonly device: string,
    private readonly standard: boolean,
  ) {}

  start(lane: Lane): void {
    this.lane = lane;
    this.taken = [];
    this.recent = [];
  }

  stop(): void {
    this.lane = null;
    this.taken = [];
  }

  /** Moves on to the next lane (the "press each pad" walk); false after the kick, which stops. */
  next(): boolean {
    const i = this.lane === null ? -1 : LANES.indexOf(this.lane);
    const lane = LANES[i + 1];
    if (!lane) {
      this.stop();
      return false;
    }
    this.start(lane);
    return true;
  }

  /**
   * A hit from any device while assigning: a hit of this device assigns its control to the
   * lane, unless it is crosstalk from a louder pad just hit or a standard pad's menu button.
   * @returns what happened, and the new controls when they changed
   */
  hit(h: DeviceHit, lanes: LaneControls): { result: AssignResult; lanes: LaneControls | null } {
    const lane = this.lane;
    if (lane === null || h.device !== this.device) return { result: { kind: 'ignored' }, lanes: null };
    const problem = controlProblem(h.kind, this.standard, h.control);
    if (problem === 'menu') return { result: { kind: 'menu', control: h.control }, lanes: null };
    if (problem) return { result: { kind: 'ignored' }, lanes: null };
    if (this.crosstalk(h)) return { result: { kind: 'ignored' }, lanes: null };
    if (!this.taken.includes(h.control)) this.taken.push(h.control);
    if (lanes[lane].includes(h.control)) return { result: { kind: 'again', control: h.control, lane }, lanes: null };
    const next = assignControl(lanes, lane, h.control);
    return { result: { kind: 'assigned', control: h.control, lane, from: next.from }, lanes: next.lanes };
  }

  private crosstalk(h: DeviceHit): boolean {
    this.recent = this.recent.filter((r) => Math.abs(h.at - r.at) <= CROSSTALK_MS);
    const velocity = h.velocity;
    if (velocity === undefined) return false;
    const louder = this.recent.some((r) => r.control !== h.control && velocity < r.velocity / 2);
    this.recent.push({ control: h.control, velocity, at: h.at });
    return louder;
  }
}
