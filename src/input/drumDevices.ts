import type { Lane, Ms, PerfMs, PlayerId } from '../core/units';
import { type FilteredHit, HitFilter } from './hitFilter';
import { type DrumDeviceKind, defaultLanes, type LaneControls, type LaneThresholds, NO_THRESHOLDS } from './padMap';
import type { DeviceInfo, DrumPress } from './press';

/*
 * The drum devices connected now (MIDI kits, gamepads), whom each plays for, and what their
 * hits become. Pure: sources hand in connections and raw hits with their stamps, and get back
 * presses for a player. What the players chose is kept per device name (a DeviceProfile in the
 * settings), so a kit plays for the same player, with the same pads, on every visit.
 */

/** What the players chose for one device, remembered by its name. Absent fields take defaults. */
export interface DeviceProfile {
  readonly kind: DrumDeviceKind;
  /** The name the browser gives the device; a second one of the same name is "name #2". */
  readonly name: string;
  /** Whom it plays for; null: nobody. Absent: the first drum device plays for P1, the next for P2. */
  readonly player?: PlayerId | null;
  /** The device's own input offset, ms (positive when its hits land late), on top of the player's. */
  readonly offsetMs?: Ms;
  /** Pads chosen by hitting them; absent: the defaults (DESIGN.md's note map, the Rock Band colours). */
  readonly lanes?: LaneControls;
  /** MIDI: the lowest velocity each lane takes; absent: every note-on. */
  readonly thresholds?: LaneThresholds;
}

/** A device's profile with every default filled in. */
export interface DeviceSetup {
  readonly kind: DrumDeviceKind;
  /** The profile's name (the key it is remembered by). */
  readonly name: string;
  readonly player: PlayerId | null;
  /** True when the player was chosen (not given by connection order). */
  readonly chosen: boolean;
  readonly offsetMs: Ms;
  readonly lanes: LaneControls;
  readonly thresholds: LaneThresholds;
  /** A gamepad without the standard mapping: its buttons are a guess until the players set it up. */
  readonly needsSetup: boolean;
  /** A gamepad with the standard mapping (its d-pad, Start and Back drive menus). */
  readonly standard: boolean;
}

/** One raw hit from a drum device, and what it became. */
export interface DeviceHit extends FilteredHit {
  readonly device: string;
  readonly kind: DrumDeviceKind;
  /** The device's name as listed. */
  readonly name: string;
  /** MIDI note number or gamepad button index. */
  readonly control: number;
  /** MIDI velocity 1..127 (none for gamepads). */
  readonly velocity?: number;
  /** The hit's own stamp, performance ms. */
  readonly at: PerfMs;
  /** Whom the device plays for (null: nobody, so no press). */
  readonly player: PlayerId | null;
  readonly offsetMs: Ms;
}

interface Entry {
  readonly id: string;
  readonly kind: DrumDeviceKind;
  /** The name it is listed and remembered by. */
  readonly key: string;
  readonly standard: boolean;
  /** The player connection order gave it. */
  readonly auto: PlayerId | null;
  readonly filter: HitFilter;
  /** Controls held down, and the lane each went down on (released on that lane whatever the map says since). */
  readonly held: Map<number, Lane>;
}

/** Ports that only echo other software's MIDI, never a drum kit: listed, but they play for nobody. */
const NOT_A_KIT = /\b(through|thru)\b/i;

export class DrumDevices {
  private readonly entries = new Map<string, Entry>();
  private profiles: readonly DeviceProfile[];

  constructor(profiles: readonly DeviceProfile[] = []) {
    this.profiles = profiles;
  }

  /** The remembered profiles changed (a setting): every connected device follows them. */
  setProfiles(profiles: readonly DeviceProfile[]): void {
    this.profiles = profiles;
    for (const e of this.entries.values()) {
      const s = this.setupOf(e);
      e.filter.configure(s.lanes, s.thresholds);
    }
  }

  /**
   * A device came. A remembered player is kept; otherwise the first drum device plays for player
   * 1, the next for player 2 (then whoever has fewer). Connecting an id again changes nothing.
   * @param standard gamepads: whether the browser gives the standard mapping
   */
  connect(kind: DrumDeviceKind, id: string, name: string, standard = true): DeviceInfo {
    const existing = this.entries.get(id);
    if (existing) return this.infoOf(existing);
    const key = this.freeKey(kind, name.trim() || kind);
    const auto = kind === 'midi' && NOT_A_KIT.test(name) ? null : this.nextPlayer();
    const entry: Entry = {
      id,
      kind,
      key,
      standard: kind === 'gamepad' ? standard : true,
      auto,
      filter: new HitFilter(NO_LANES),
      held: new Map(),
    };
    this.entries.set(id, entry);
    const s = this.setupOf(entry);
    entry.filter.configure(s.lanes, s.thresholds);
    return this.infoOf(entry);
  }

  /** A device went: its info as it was, or null if it was not connected. */
  disconnect(id: string): DeviceInfo | null {
    const e = this.entries.get(id);
    if (!e) return null;
    this.entries.delete(id);
    return this.infoOf(e);
  }

  /** Connected devices, in the order they came. */
  get list(): DeviceInfo[] {
    return [...this.entries.values()].map((e) => this.infoOf(e));
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  info(id: string): DeviceInfo | null {
    const e = this.entries.get(id);
    return e ? this.infoOf(e) : null;
  }

  /** The setup a connected device plays with (null when it is not connected). */
  setup(id: string): DeviceSetup | null {
    const e = this.entries.get(id);
    return e ? this.setupOf(e) : null;
  }

  /** A control went down: what it became, stamped. Null for a device not connected. */
  down(id: string, control: number, velocity: number | undefined, at: PerfMs): DeviceHit | null {
    const e = this.entries.get(id);
    if (!e) return null;
    const s = this.setupOf(e);
    const filtered = e.filter.hit(control, velocity, at);
    if (filtered.outcome === 'press' && filtered.lane) e.held.set(control, filtered.lane);
    return {
      ...filtered,
      device: id,
      kind: e.kind,
      name: e.key,
      control,
      ...(velocity === undefined ? {} : { velocity }),
      at,
      player: s.player,
      offsetMs: s.offsetMs,
    };
  }

  /** A control went up: the lane it pressed and whose it was, or null when it pressed nothing. */
  up(id: string, control: number): { lane: Lane; player: PlayerId } | null {
    const e = this.entries.get(id);
    const lane = e?.held.get(control);
    if (!e || !lane) return null;
    e.held.delete(control);
    const player = this.setupOf(e).player;
    return player === null ? null : { lane, player };
  }

  /** Everything held on a device (it went away): each as `up` would give it. */
  releaseAll(id: string): { lane: Lane; player: PlayerId }[] {
    const e = this.entries.get(id);
    if (!e) return [];
    return [...e.held.keys()].flatMap((c) => this.up(id, c) ?? []);
  }

  private setupOf(e: Entry): DeviceSetup {
    const p = this.find(e.kind, e.key);
    const chosen = p?.player !== undefined;
    return {
      kind: e.kind,
      name: e.key,
      player: chosen ? (p?.player ?? null) : e.auto,
      chosen,
      offsetMs: p?.offsetMs ?? 0,
      lanes: p?.lanes ?? defaultLanes(e.kind),
      thresholds: p?.thresholds ?? NO_THRESHOLDS,
      needsSetup: e.kind === 'gamepad' && !e.standard && !p?.lanes,
      standard: e.standard,
    };
  }

  private infoOf(e: Entry): DeviceInfo {
    return { id: e.id, kind: e.kind, name: e.key, player: this.setupOf(e).player };
  }

  private find(kind: DrumDeviceKind, name: string): DeviceProfile | undefined {
    return this.profiles.find((p) => p.kind === kind && p.name === name);
  }

  /** The name a new device is remembered by: its own, or "name #2" when one of that name is here. */
  private freeKey(kind: DrumDeviceKind, name: string): string {
    const taken = new Set([...this.entries.values()].filter((e) => e.kind === kind).map((e) => e.key));
    for (let n = 1; ; n++) {
      const key = n === 1 ? name : `${name} #${n}`;
      if (!taken.has(key)) return key;
    }
  }

  /** Player 1 unless a connected device plays for them; then player 2; then whoever has fewer. */
  private nextPlayer(): PlayerId {
    const count = [0, 0];
    for (const e of this.entries.values()) {
      const p = this.setupOf(e).player;
      if (p !== null) count[p] = (count[p] ?? 0) + 1;
    }
    return (count[1] ?? 0) < (count[0] ?? 0) ? 1 : 0;
  }
}

const NO_LANES: LaneControls = { hihat: [], snare: [], tom: [], kick: [] };

/**
 * The profiles with one device's changed (added when it had none). The list given is left alone.
 */
export function updateProfile(
  profiles: readonly DeviceProfile[],
  kind: DrumDeviceKind,
  name: string,
  change: Partial<Omit<DeviceProfile, 'kind' | 'name'>>,
): DeviceProfile[] {
  const i = profiles.findIndex((p) => p.kind === kind && p.name === name);
  const base: DeviceProfile = profiles[i] ?? { kind, name };
  const next: Record<string, unknown> = { ...base, ...change };
  // An undefined field means "back to the default": it is left out, not stored.
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete next[k];
  const out = [...profiles];
  if (i >= 0) out[i] = next as unknown as DeviceProfile;
  else out.push(next as unknown as DeviceProfile);
  return out;
}

/**
 * Players swapped: every connected drum device that plays for player 1 now plays for player 2
 * and the other way round (remembered). Devices that play for nobody stay so.
 */
export function swapPlayers(profiles: readonly DeviceProfile[], connected: readonly DeviceSetup[]): DeviceProfile[] {
  let out = [...profiles];
  for (const d of connected) {
    if (d.player === null) continue;
    out = updateProfile(out, d.kind, d.name, { player: d.player === 0 ? 1 : 0 });
  }
  return out;
}

/**
 * The drum press a device hit makes: only a `press` of a device that plays for someone. MIDI
 * velocity (1..127) becomes 0..1 for the drum's level; the device's offset rides along.
 */
export function pressOf(hit: DeviceHit): DrumPress | null {
  if (hit.outcome !== 'press' || hit.lane === null || hit.player === null) return null;
  return {
    device: hit.device,
    player: hit.player,
    lane: hit.lane,
    at: hit.at,
    ...(hit.velocity === undefined ? {} : { velocity: hit.velocity / 127 }),
    ...(hit.offsetMs === 0 ? {} : { deviceOffsetMs: hit.offsetMs }),
  };
}
