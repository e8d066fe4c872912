import type { Lane, Ms, PerfMs, PlayerId } from '../core/units';
import type { DeviceHit } from './drumDevices';
import type { HitOutcome } from './hitFilter';
import type { DeviceKind, DrumPress } from './press';

/*
 * The device test: every hit from every device, newest first, with what it became and how long
 * after the device's previous hit it came, so a pad that fires twice (double trigger) or makes its
 * neighbour fire (crosstalk) shows as two lines a few milliseconds apart.
 */

export interface TestEntry {
  readonly device: string;
  readonly kind: DeviceKind | 'pointer';
  readonly name: string;
  /** MIDI note, gamepad button; null for keys and touches (their lane says it). */
  readonly control: number | null;
  /** MIDI velocity 1..127. */
  readonly velocity?: number;
  readonly lane: Lane | null;
  readonly player: PlayerId | null;
  /** What the hit became; `nobody` when its device plays for nobody. */
  readonly outcome: HitOutcome | 'nobody';
  readonly at: PerfMs;
  /** Since this device's previous hit, ms; null for its first. */
  readonly gapMs: Ms | null;
}

/** The last few hits of every device. */
export class DeviceTestLog {
  private readonly list: TestEntry[] = [];
  private readonly last = new Map<string, PerfMs>();
  /** Bumped on every change, so a panel redraws only when something came. */
  version = 0;

  constructor(readonly size = 6) {}

  /** Newest first. */
  get entries(): readonly TestEntry[] {
    return this.list;
  }

  /** A drum device's raw hit (whatever it became). */
  addHit(h: DeviceHit): TestEntry {
    const outcome = h.outcome === 'press' && h.player === null ? 'nobody' : h.outcome;
    return this.add({
      device: h.device,
      kind: h.kind,
      name: h.name,
      control: h.control,
      ...(h.velocity === undefined ? {} : { velocity: h.velocity }),
      lane: h.lane,
      player: h.player,
      outcome,
      at: h.at,
    });
  }

  /** A keyboard or touch press (drum devices are logged by their raw hits instead). */
  addPress(p: DrumPress, kind: DeviceKind | 'pointer', name: string): TestEntry {
    return this.add({
      device: p.device,
      kind,
      name,
      control: null,
      lane: p.lane,
      player: p.player,
      outcome: 'press',
      at: p.at,
    });
  }

  clear(): void {
    this.list.length = 0;
    this.last.clear();
    this.version++;
  }

  private add(e: Omit<TestEntry, 'gapMs'>): TestEntry {
    const before = this.last.get(e.device);
    this.last.set(e.device, e.at);
    const entry: TestEntry = { ...e, gapMs: before === undefined ? null : e.at - before };
    this.list.unshift(entry);
    if (this.list.length > this.size) this.list.length = this.size;
    this.version++;
    return entry;
  }
}
