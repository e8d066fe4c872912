import type { Page } from 'playwright-core';

/**
 * Scripted drum devices for the browser tests: a stand-in `navigator.requestMIDIAccess` whose
 * input ports fire `midimessage` events with exact `timeStamp`s, and a stand-in
 * `navigator.getGamepads` whose pads carry exact `timestamp`s. Installed with
 * `withGame(query, { initScript: installFakeDevices, initArg: options }, ...)`; driven from the
 * test through `window.__devices` (see the helpers below).
 */

export interface FakeDeviceOptions {
  /**
   * What the browser does about MIDI: `granted` (already allowed: no prompt), `prompt` (asks,
   * and the player allows), `denied` (refused), `none` (no Web MIDI at all, as in Safari).
   */
  midi: 'granted' | 'prompt' | 'denied' | 'none';
  /** MIDI input ports connected from the start. */
  ports?: readonly { readonly id: string; readonly name: string }[];
  /** Replace navigator.getGamepads with scripted pads. */
  gamepads?: boolean;
}

/** What the page exposes to the test. */
export interface FakeDevicesControl {
  /** Times requestMIDIAccess was called (a prompt, in a real browser, unless already granted). */
  requests: number;
  connectPort(id: string, name: string): void;
  disconnectPort(id: string): void;
  /** One midimessage event on a port: its bytes and its exact timeStamp. */
  send(id: string, bytes: number[], stamp: number): void;
  connectPad(index: number, id: string, mapping: string): void;
  disconnectPad(index: number): void;
  /**
   * A new reading of a pad: the buttons held now, stamped. Readings queue up: each call of
   * getGamepads() takes the next one, so none is lost however close together they are set.
   */
  setPad(index: number, held: number[], stamp: number): void;
  /** A reading with `buttons` held too (those of the last reading stay held). */
  pressPad(index: number, buttons: number[], stamp: number): void;
  /** A reading with `buttons` let go (the rest of the last reading still held). */
  releasePad(index: number, buttons: number[], stamp: number): void;
}

declare global {
  interface Window {
    __devices: FakeDevicesControl;
  }
}

/** The init script (self-contained: Playwright sends its source to the page). */
export function installFakeDevices(o: FakeDeviceOptions): void {
  let permission: PermissionState = o.midi === 'granted' ? 'granted' : o.midi === 'denied' ? 'denied' : 'prompt';
  const inputs = new Map<string, EventTarget & Record<string, unknown>>();
  let access: (EventTarget & { inputs: Map<string, unknown>; outputs: Map<string, unknown> }) | null = null;

  const makePort = (id: string, name: string) => {
    const port = new EventTarget() as EventTarget & Record<string, unknown>;
    let handler: ((e: Event) => void) | null = null;
    Object.assign(port, {
      id,
      name,
      manufacturer: 'Test',
      version: '1',
      type: 'input',
      state: 'connected',
      connection: 'closed',
      open: async () => {
        port.connection = 'open';
        return port;
      },
      close: async () => {
        port.connection = 'closed';
        return port;
      },
    });
    Object.defineProperty(port, 'onmidimessage', {
      get: () => handler,
      set: (h: ((e: Event) => void) | null) => {
        if (handler) port.removeEventListener('midimessage', handler);
        handler = h;
        if (h) {
          port.addEventListener('midimessage', h);
          port.connection = 'open';
        }
      },
    });
    return port;
  };
  const stateChange = (port: unknown) => {
    if (!access) return;
    const e = new Event('statechange');
    Object.defineProperty(e, 'port', { value: port });
    access.dispatchEvent(e);
  };
  for (const p of o.ports ?? []) inputs.set(p.id, makePort(p.id, p.name));

  type Pad = {
    index: number;
    id: string;
    connected: boolean;
    mapping: string;
    timestamp: number;
    axes: number[];
    buttons: { pressed: boolean; touched: boolean; value: number }[];
  };
  const queued = new Map<number, Pad[]>();
  const latest = (index: number) => queued.get(index)?.at(-1) ?? pads[index] ?? null;
  const reading = (index: number, held: number[], stamp: number) => {
    const pad = latest(index);
    if (!pad) return;
    const next = {
      ...pad,
      timestamp: stamp,
      buttons: pad.buttons.map((_, i) => {
        const on = held.includes(i);
        return { pressed: on, touched: on, value: on ? 1 : 0 };
      }),
    };
    queued.set(index, [...(queued.get(index) ?? []), next]);
  };
  const pads: ({
    index: number;
    id: string;
    connected: boolean;
    mapping: string;
    timestamp: number;
    axes: number[];
    buttons: { pressed: boolean; touched: boolean; value: number }[];
  } | null)[] = [];
  const padEvent = (type: string, gamepad: unknown) => {
    const e = new Event(type);
    Object.defineProperty(e, 'gamepad', { value: gamepad });
    window.dispatchEvent(e);
  };

  const control: FakeDevicesControl = {
    requests: 0,
    connectPort(id, name) {
      const port = makePort(id, name);
      inputs.set(id, port);
      stateChange(port);
    },
    disconnectPort(id) {
      const port = inputs.get(id);
      if (!port) return;
      inputs.delete(id);
      port.state = 'disconnected';
      port.connection = 'closed';
      stateChange(port);
    },
    send(id, bytes, stamp) {
      const port = inputs.get(id);
      if (!port) return;
      const e = new Event('midimessage');
      Object.defineProperty(e, 'data', { value: new Uint8Array(bytes) });
      Object.defineProperty(e, 'timeStamp', { value: stamp });
      port.dispatchEvent(e);
    },
    connectPad(index, id, mapping) {
      pads[index] = {
        index,
        id,
        connected: true,
        mapping,
        timestamp: performance.now(),
        axes: [0, 0, 0, 0],
        buttons: Array.from({ length: 17 }, () => ({ pressed: false, touched: false, value: 0 })),
      };
      padEvent('gamepadconnected', pads[index]);
    },
    disconnectPad(index) {
      const pad = pads[index];
      if (!pad) return;
      pads[index] = null;
      queued.delete(index);
      padEvent('gamepaddisconnected', { ...pad, connected: false });
    },
    setPad(index, held, stamp) {
      reading(index, held, stamp);
    },
    pressPad(index, buttons, stamp) {
      const pad = latest(index);
      if (!pad) return;
      const held = pad.buttons.flatMap((b, i) => (b.pressed || buttons.includes(i) ? [i] : []));
      reading(index, held, stamp);
    },
    releasePad(index, buttons, stamp) {
      const pad = latest(index);
      if (!pad) return;
      const held = pad.buttons.flatMap((b, i) => (b.pressed && !buttons.includes(i) ? [i] : []));
      reading(index, held, stamp);
    },
  };
  Object.defineProperty(window, '__devices', { value: control });

  if (o.midi === 'none') {
    // As in Safari: no Web MIDI at all.
    delete (Navigator.prototype as unknown as Record<string, unknown>).requestMIDIAccess;
  } else {
    Object.defineProperty(Navigator.prototype, 'requestMIDIAccess', {
      configurable: true,
      value: () => {
        control.requests++;
        if (permission === 'denied') {
          return Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
        }
        permission = 'granted';
        const a = new EventTarget() as EventTarget & { inputs: Map<string, unknown>; outputs: Map<string, unknown> };
        Object.assign(a, { inputs, outputs: new Map(), sysexEnabled: false, onstatechange: null });
        access = a;
        return Promise.resolve(a);
      },
    });
  }
  const query = navigator.permissions?.query?.bind(navigator.permissions);
  if (navigator.permissions) {
    Object.defineProperty(navigator.permissions, 'query', {
      configurable: true,
      value: (d: PermissionDescriptor) =>
        d.name === ('midi' as PermissionName)
          ? Promise.resolve({ state: permission, name: 'midi', onchange: null })
          : query?.(d),
    });
  }
  if (o.gamepads) {
    // A new object per reading, as Chromium gives; one queued reading per call.
    const getGamepads = () => {
      for (const [index, list] of queued) {
        const next = list.shift();
        if (next && pads[index]) pads[index] = next;
        if (list.length === 0) queued.delete(index);
      }
      return [...pads];
    };
    Object.defineProperty(Navigator.prototype, 'getGamepads', { configurable: true, value: getGamepads });
  }
}

/** Sends MIDI messages with exact stamps: each item one event on a port. */
export async function midiSend(page: Page, events: { port: string; bytes: number[]; at: number }[]): Promise<void> {
  await page.evaluate((list) => {
    for (const e of list) window.__devices.send(e.port, e.bytes, e.at);
  }, events);
}

/** Connects or disconnects a MIDI input port (hot-plug). */
export async function midiPlug(page: Page, port: string, name: string | null): Promise<void> {
  await page.evaluate(
    ([id, n]) => (n === null ? window.__devices.disconnectPort(id) : window.__devices.connectPort(id, n)),
    [port, name] as const,
  );
}
