import type { DrumDeviceSink } from './hub';
import { deviceStamp, MidiDecoder } from './midiMessage';
import { type MidiState, midiFailure, midiUnsupported } from './midiSupport';

/*
 * Web MIDI drum kits. Access is only ever asked for when the players turn kits on in Settings
 * (Chrome shows a permission prompt for any MIDI access); on later visits it is opened again
 * only when the browser says the permission is already granted, so nobody meets a prompt they
 * did not ask for. Every input port is a device; each message is judged by its own timeStamp.
 */

interface Port {
  readonly input: MIDIInput;
  readonly decoder: MidiDecoder;
}

const deviceId = (port: MIDIPort) => `midi:${port.id}`;

export class MidiSource {
  state: MidiState = { state: 'off' };
  private access: MIDIAccess | null = null;
  private readonly ports = new Map<string, Port>();
  private asking: Promise<MidiState> | null = null;
  private disposed = false;

  constructor(
    private readonly sink: DrumDeviceSink,
    private readonly onState: (s: MidiState) => void,
  ) {}

  /** True when this browser could give MIDI access at all. */
  get supported(): boolean {
    return this.unsupported() === null;
  }

  /**
   * The players asked for their kits (Settings): asks the browser, which may show its permission
   * prompt. Resolves with where things stand; never rejects.
   */
  enable(): Promise<MidiState> {
    if (this.access) return Promise.resolve(this.state);
    this.asking ??= this.request().finally(() => {
      this.asking = null;
    });
    return this.asking;
  }

  /**
   * Opens MIDI again on a later visit, without a prompt: only when the browser says permission
   * is granted already. Otherwise the players turn kits on from Settings again.
   */
  async reopen(): Promise<void> {
    if (this.access || this.unsupported() !== null) return;
    let granted = false;
    try {
      const status = await navigator.permissions?.query({ name: 'midi' as PermissionName });
      granted = status?.state === 'granted';
    } catch {
      // A browser that cannot say (no 'midi' permission name) might prompt: it is not asked.
    }
    if (granted && !this.disposed) await this.enable();
  }

  dispose(): void {
    this.disposed = true;
    for (const id of [...this.ports.keys()]) this.detach(id, false);
    this.access?.removeEventListener('statechange', this.onStateChange);
    this.access = null;
  }

  private unsupported(): ReturnType<typeof midiUnsupported> {
    const hasApi = typeof navigator !== 'undefined' && typeof navigator.requestMIDIAccess === 'function';
    return midiUnsupported(hasApi, globalThis.isSecureContext ?? true, navigator.userAgent ?? '');
  }

  private async request(): Promise<MidiState> {
    const why = this.unsupported();
    if (why) return this.setState({ state: 'unsupported', why });
    this.setState({ state: 'asking' });
    try {
      const access = await navigator.requestMIDIAccess({ sysex: false });
      if (this.disposed) return this.state;
      this.access = access;
      access.addEventListener('statechange', this.onStateChange);
      for (const input of access.inputs.values()) this.attach(input);
      return this.setState({ state: 'on', ports: this.ports.size });
    } catch (e) {
      return this.setState(midiFailure(e, navigator.userAgent ?? ''));
    }
  }

  private setState(s: MidiState): MidiState {
    this.state = s;
    this.onState(s);
    return s;
  }

  /** Ports come and go (hot-plug): nothing else changes, nothing pauses. */
  private readonly onStateChange = (e: Event): void => {
    const port = (e as MIDIConnectionEvent).port;
    if (port?.type !== 'input') return;
    if (port.state === 'connected') this.attach(port as MIDIInput);
    else this.detach(deviceId(port), true);
  };

  private attach(input: MIDIInput): void {
    const id = deviceId(input);
    if (this.ports.has(id) || input.state !== 'connected') return;
    const decoder = new MidiDecoder();
    this.ports.set(id, { input, decoder });
    // Setting the handler (not addEventListener) opens the port, as the Web MIDI spec says.
    input.onmidimessage = (e: MIDIMessageEvent) => this.onMessage(id, decoder, e);
    this.sink.connectDevice('midi', id, input.name || input.manufacturer || 'MIDI');
    if (this.state.state === 'on') this.setState({ state: 'on', ports: this.ports.size });
  }

  private detach(id: string, gone: boolean): void {
    const port = this.ports.get(id);
    if (!port) return;
    this.ports.delete(id);
    port.input.onmidimessage = null;
    if (!gone) void port.input.close?.().catch(() => {});
    this.sink.disconnectDevice(id);
    if (this.state.state === 'on') this.setState({ state: 'on', ports: this.ports.size });
  }

  private onMessage(id: string, decoder: MidiDecoder, e: MIDIMessageEvent): void {
    const data = e.data;
    if (!data) return;
    const at = deviceStamp(e.timeStamp, performance.now());
    for (const m of decoder.decode(data)) {
      if (m.type === 'noteOn') this.sink.deviceDown(id, m.note, m.velocity, at);
      else this.sink.deviceUp(id, m.note);
    }
  }
}
