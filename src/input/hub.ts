import type { Lane, PerfMs, PlayerId } from '../core/units';
import { Emitter } from '../game/emitter';
import type { Bindings } from './bindings';
import { KeyboardSource } from './keyboard';
import type { DeviceInfo, DrumPress, MenuAction } from './press';

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
  /** The list of devices changed (one came or went). */
  devices: readonly DeviceInfo[];
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

/**
 * Every input source feeds this hub, and everything that listens to input listens here: drum
 * presses from any device, menu actions from any device, gestures, and the list of devices.
 */
export class InputHub extends Emitter<InputEvents> implements InputSink {
  /** Key events seen (down and up), for the automation hook. */
  keysHandled = 0;
  readonly keyboard: KeyboardSource;
  private readonly deviceList = new Map<string, DeviceInfo>();

  constructor(bindings: Bindings) {
    super();
    this.keyboard = new KeyboardSource(this, bindings);
    window.addEventListener('pointerup', this.onPointerUp, { capture: true });
    window.addEventListener('touchend', this.onPointerUp, { capture: true });
  }

  /** Devices seen, in the order they came. */
  get devices(): readonly DeviceInfo[] {
    return [...this.deviceList.values()];
  }

  setBindings(bindings: Bindings): void {
    this.keyboard.setBindings(bindings);
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
    window.removeEventListener('pointerup', this.onPointerUp, { capture: true });
    window.removeEventListener('touchend', this.onPointerUp, { capture: true });
  }

  private readonly onPointerUp = (e: Event): void => {
    // A tap on one of the page's own buttons (fullscreen, reload) is not a game gesture.
    if ((e.target as Element | null)?.closest?.('button')) return;
    this.gesture('pointer');
  };
}
