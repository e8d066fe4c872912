import type { Lane, PerfMs, PlayerId } from '../core/units';
import { Emitter } from '../game/emitter';
import type { Bindings } from './bindings';
import { type DeviceHit, type DeviceProfile, DrumDevices, pressOf } from './drumDevices';
import { GamepadSource } from './gamepad';
import { KeyboardSource } from './keyboard';
import { MidiSource } from './midi';
import type { MidiState } from './midiSupport';
import type { DrumDeviceKind } from './padMap';
import type { DeviceInfo, DrumPress, MenuAction } from './press';
import { TOUCH_DEVICE } from './touch';

export interface InputEvents extends Record<string, unknown> {
  /** A drum went down, on any device. */
  drum: DrumPress;
  /** A drum went up. */
  release: { device: string; player: PlayerId; lane: Lane };
  /** A menu action, from any device (keys, a gamepad's d-pad and Start). */
  menu: MenuAction;
  /** A user gesture that may unlock audio (a key, a tap or click). */
  gesture: { kind: 'key' | 'pointer' };
  /** Every key down and up, with its code, for key tests and rebinding. */
  rawKey: RawKey;
  /** The list of devices changed (one came or went, or plays for someone else now). */
  devices: readonly DeviceInfo[];
  /** A drum device (MIDI kit, gamepad) came or went. */
  connected: DeviceInfo;
  disconnected: DeviceInfo;
  /** Every raw hit of a drum device, and what it became (the device test, hit-to-assign). */
  hit: DeviceHit;
  /** Where the MIDI kits stand (asked for, refused, on). */
  midi: MidiState;
}

export interface RawKey {
  readonly code: string;
  readonly down: boolean;
  readonly at: PerfMs;
  readonly repeat: boolean;
}

/** What an input source hands its events to. */
export interface InputSink {
  press(p: DrumPress): void;
  release(r: InputEvents['release']): void;
  menu(a: MenuAction): void;
  gesture(kind: 'key' | 'pointer'): void;
  rawKey(k: RawKey): void;
  /** A key event reached the game (for the automation hook). */
  keySeen(): void;
  addDevice(d: DeviceInfo): void;
  removeDevice(id: string): void;
}

/** What a drum device source (MIDI, gamepads) hands its events to. */
export interface DrumDeviceSink {
  connectDevice(kind: DrumDeviceKind, id: string, name: string, standard?: boolean): void;
  disconnectDevice(id: string): void;
  /**
   * A pad, note or button went down.
   * @param control MIDI note number or gamepad button index
   * @param velocity MIDI velocity 1..127; undefined for devices without one
   * @param at the device's own stamp, performance ms
   */
  deviceDown(id: string, control: number, velocity: number | undefined, at: PerfMs): void;
  deviceUp(id: string, control: number): void;
  menu(a: MenuAction): void;
}

/**
 * Every input source feeds this hub, and everything that listens to input listens here: drum
 * presses from any device, menu actions from any device, gestures, and the list of devices.
 */
export class InputHub extends Emitter<InputEvents> implements InputSink, DrumDeviceSink {
  /** Key events seen (down and up), for the automation hook. */
  keysHandled = 0;
  readonly keyboard: KeyboardSource;
  /** MIDI kits and gamepads connected now, whom each plays for, and what their hits become. */
  readonly drums: DrumDevices;
  readonly midi: MidiSource;
  readonly gamepads: GamepadSource;
  /** The keyboard and the touchscreen (which play for both players). */
  private readonly deviceList = new Map<string, DeviceInfo>();

  constructor(bindings: Bindings, profiles: readonly DeviceProfile[] = []) {
    super();
    this.drums = new DrumDevices(profiles);
    this.keyboard = new KeyboardSource(this, bindings);
    this.midi = new MidiSource(this, (s) => this.emit('midi', s));
    this.gamepads = new GamepadSource(this);
    window.addEventListener('pointerup', this.onPointerUp, { capture: true });
    window.addEventListener('touchend', this.onPointerUp, { capture: true });
  }

  /** Devices seen: the keyboard (and touchscreen), then the drum devices connected, in the order they came. */
  get devices(): readonly DeviceInfo[] {
    return [...this.deviceList.values(), ...this.drums.list];
  }

  setBindings(bindings: Bindings): void {
    this.keyboard.setBindings(bindings);
  }

  /** The remembered device profiles changed: connected devices follow them at once. */
  setProfiles(profiles: readonly DeviceProfile[]): void {
    const before = JSON.stringify(this.drums.list);
    this.drums.setProfiles(profiles);
    if (JSON.stringify(this.drums.list) !== before) this.emit('devices', this.devices);
  }

  connectDevice(kind: DrumDeviceKind, id: string, name: string, standard = true): void {
    if (this.drums.has(id)) return;
    const info = this.drums.connect(kind, id, name, standard);
    this.emit('connected', info);
    this.emit('devices', this.devices);
  }

  disconnectDevice(id: string): void {
    // Drums held on it are let go; nothing else changes (a song goes on).
    for (const r of this.drums.releaseAll(id)) this.emit('release', { device: id, ...r });
    const info = this.drums.disconnect(id);
    if (!info) return;
    this.emit('disconnected', info);
    this.emit('devices', this.devices);
  }

  deviceDown(id: string, control: number, velocity: number | undefined, at: PerfMs): void {
    const hit = this.drums.down(id, control, velocity, at);
    if (!hit) return;
    this.emit('hit', hit);
    const press = pressOf(hit);
    if (press) this.emit('drum', press);
  }

  deviceUp(id: string, control: number): void {
    const r = this.drums.up(id, control);
    if (r) this.emit('release', { device: id, ...r });
  }

  press(p: DrumPress): void {
    this.emit('drum', p);
  }

  release(r: InputEvents['release']): void {
    this.emit('release', r);
  }

  menu(a: MenuAction): void {
    this.emit('menu', a);
  }

  gesture(kind: 'key' | 'pointer'): void {
    this.emit('gesture', { kind });
  }

  rawKey(k: RawKey): void {
    this.emit('rawKey', k);
  }

  keySeen(): void {
    this.keysHandled++;
  }

  addDevice(d: DeviceInfo): void {
    const before = this.deviceList.get(d.id);
    if (before && before.name === d.name && before.player === d.player && before.kind === d.kind) return;
    this.deviceList.set(d.id, d);
    this.emit('devices', this.devices);
  }

  removeDevice(id: string): void {
    if (this.deviceList.delete(id)) this.emit('devices', this.devices);
  }

  dispose(): void {
    this.keyboard.dispose();
    this.midi.dispose();
    this.gamepads.dispose();
    window.removeEventListener('pointerup', this.onPointerUp, { capture: true });
    window.removeEventListener('touchend', this.onPointerUp, { capture: true });
  }

  private readonly onPointerUp = (e: Event): void => {
    // A finger anywhere: the touchscreen is a device (listed before anyone plays on it).
    if (e.type === 'touchend' || (e as PointerEvent).pointerType === 'touch') this.addDevice(TOUCH_DEVICE);
    // A tap on one of the page's own buttons (fullscreen, reload) is not a game gesture.
    if ((e.target as Element | null)?.closest?.('button')) return;
    this.gesture('pointer');
  };
}
