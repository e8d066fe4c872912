import type { DrumDeviceSink } from './hub';
import { deviceStamp } from './midiMessage';
import { STANDARD_MENU_BUTTONS } from './padMap';

/*
 * Gamepads and the drum kits that present themselves as gamepads (Rock Band, taiko). The
 * Gamepad API has no events for buttons: Chromium reads the pads every 4 ms and stamps each
 * reading (Gamepad.timestamp, performance time), so the pads are read every 4 ms too, while a
 * song plays and in menus, and each change is judged by the stamp of the reading that showed it.
 */

/** How often the pads are read, ms (Chromium's own polling interval). */
export const POLL_MS = 4;

/** The parts of a Gamepad this reads (a stand-in in tests). */
export interface PadSnapshot {
  readonly index: number;
  readonly id: string;
  readonly connected: boolean;
  readonly mapping: string;
  readonly timestamp: number;
  readonly buttons: readonly { readonly pressed: boolean; readonly value: number }[];
}

/** Which buttons went down and up between two readings of one pad. */
export class PadReader {
  private down: boolean[] = [];

  /** The changes since the last reading (the first reading reports buttons already held as down). */
  read(buttons: PadSnapshot['buttons']): { downs: number[]; ups: number[] } {
    const downs: number[] = [];
    const ups: number[] = [];
    const n = Math.max(buttons.length, this.down.length);
    const now: boolean[] = [];
    for (let i = 0; i < n; i++) {
      const b = buttons[i];
      const on = b ? b.pressed || b.value >= 0.5 : false;
      now.push(on);
      const was = this.down[i] ?? false;
      if (on && !was) downs.push(i);
      else if (!on && was) ups.push(i);
    }
    this.down = now;
    return { downs, ups };
  }
}

interface Pad {
  readonly id: string;
  readonly name: string;
  readonly standard: boolean;
  readonly reader: PadReader;
  /** The last reading (its rumble motor, where it has one). */
  last: PadSnapshot;
}

/** The rumble motor Chromium gives a pad (not in every browser, nor on every pad). */
interface Rumble {
  playEffect?(type: string, params: Record<string, number>): Promise<unknown>;
}

const deviceId = (index: number) => `gamepad:${index}`;

/**
 * Every gamepad as a drum device. Presses go to the sink with the pad's stamp; a standard pad's
 * d-pad, Start and Back are menu actions. The pads are read every POLL_MS while any is connected.
 */
export class GamepadSource {
  private readonly pads = new Map<number, Pad>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly sink: DrumDeviceSink,
    private readonly read: () => readonly (PadSnapshot | null)[] = readGamepads,
  ) {
    window.addEventListener('gamepadconnected', this.poll);
    window.addEventListener('gamepaddisconnected', this.poll);
    // Pads the browser already shows this page (connected and pressed before it loaded).
    this.poll();
  }

  dispose(): void {
    window.removeEventListener('gamepadconnected', this.poll);
    window.removeEventListener('gamepaddisconnected', this.poll);
    this.stop();
    for (const index of [...this.pads.keys()]) this.drop(index);
  }

  /** Reads every pad once: comings and goings, then each pad's button changes. */
  readonly poll = (): void => {
    let list: readonly (PadSnapshot | null)[];
    try {
      list = this.read();
    } catch {
      // A browser that refuses (a permissions policy) has no pads for us.
      list = [];
    }
    const arrival = performance.now();
    const seen = new Set<number>();
    for (const gp of list) {
      if (!gp?.connected) continue;
      seen.add(gp.index);
      let pad = this.pads.get(gp.index);
      if (pad && pad.name !== gp.id) {
        // Another pad took the slot between two readings.
        this.drop(gp.index);
        pad = undefined;
      }
      pad ??= this.add(gp);
      this.readPad(pad, gp, arrival);
    }
    for (const index of [...this.pads.keys()]) if (!seen.has(index)) this.drop(index);
    if (this.pads.size > 0) this.start();
    else this.stop();
  };

  private add(gp: PadSnapshot): Pad {
    const pad: Pad = {
      id: deviceId(gp.index),
      name: gp.id,
      standard: gp.mapping === 'standard',
      reader: new PadReader(),
      last: gp,
    };
    this.pads.set(gp.index, pad);
    this.sink.connectDevice('gamepad', pad.id, gp.id || 'Gamepad', pad.standard);
    return pad;
  }

  private drop(index: number): void {
    const pad = this.pads.get(index);
    if (!pad) return;
    this.pads.delete(index);
    this.sink.disconnectDevice(pad.id);
  }

  /** A short rumble on a pad that has a motor (the vibration setting, on a hit). */
  rumble(id: string): void {
    const pad = [...this.pads.values()].find((p) => p.id === id);
    const motor = (pad?.last as { vibrationActuator?: Rumble } | undefined)?.vibrationActuator;
    motor?.playEffect?.('dual-rumble', { duration: 25, strongMagnitude: 0.2, weakMagnitude: 0.5 })?.catch(() => {});
  }

  private readPad(pad: Pad, gp: PadSnapshot, arrival: number): void {
    pad.last = gp;
    const { downs, ups } = pad.reader.read(gp.buttons);
    if (downs.length === 0 && ups.length === 0) return;
    const at = deviceStamp(gp.timestamp, arrival);
    for (const b of ups) if (!(pad.standard && Object.hasOwn(STANDARD_MENU_BUTTONS, b))) this.sink.deviceUp(pad.id, b);
    for (const b of downs) {
      const menu = pad.standard ? STANDARD_MENU_BUTTONS[b] : undefined;
      if (menu) this.sink.menu(menu);
      else this.sink.deviceDown(pad.id, b, undefined, at);
    }
  }

  private start(): void {
    this.timer ??= setInterval(this.poll, POLL_MS);
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}

function readGamepads(): readonly (PadSnapshot | null)[] {
  return typeof navigator.getGamepads === 'function' ? [...navigator.getGamepads()] : [];
}
