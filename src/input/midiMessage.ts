/*
 * A MIDI byte-stream decoder for drum input. The Web MIDI API hands each MIDIMessageEvent one
 * message, but real setups (and some drivers) send several messages in one event, messages in
 * running status (the status byte left out after the first), SysEx dumps, and a constant stream
 * of realtime bytes (clock 0xF8, active sensing 0xFE) that may even sit inside another message.
 * The decoder is a byte-at-a-time state machine, kept per input port, so none of that matters:
 * it yields the note-ons and note-offs, and skips everything else.
 */

/** A note message, as drum input uses it. A note-on with velocity 0 is a note-off. */
export interface NoteMessage {
  readonly type: 'noteOn' | 'noteOff';
  /** 0..15 (MIDI channel 10, the General MIDI drum channel, is 9). */
  readonly channel: number;
  /** 0..127 */
  readonly note: number;
  /** 0..127; a noteOn's is at least 1. */
  readonly velocity: number;
}

/** Data bytes that follow a channel status byte (0x80..0xEF), by its high nibble. */
const CHANNEL_DATA_BYTES: Readonly<Record<number, number>> = {
  8: 2, // note off
  9: 2, // note on
  10: 2, // polyphonic aftertouch (hi-hat pedal pressure on some kits)
  11: 2, // control change (hi-hat pedal position, CC 4)
  12: 1, // program change
  13: 1, // channel aftertouch
  14: 2, // pitch bend
};

/** Data bytes after a system common status byte; they cancel running status. */
const SYSTEM_COMMON_DATA_BYTES: Readonly<Record<number, number>> = {
  241: 1, // MTC quarter frame
  242: 2, // song position
  243: 1, // song select
  244: 0, // undefined
  245: 0, // undefined
  246: 0, // tune request
};

const SYSEX_START = 0xf0;
const SYSEX_END = 0xf7;
/** 0xF8..0xFF: clock, start, continue, stop, active sensing, reset. One byte, anywhere. */
const REALTIME_MIN = 0xf8;

/**
 * Decodes MIDI bytes into note messages, keeping its state (running status, an unfinished
 * message, being inside SysEx) from one call to the next: one decoder per input port.
 */
export class MidiDecoder {
  /** The channel status byte in force (running status), or 0 when there is none. */
  private running = 0;
  /** Data bytes of the message being read. */
  private readonly data: number[] = [];
  /** Data bytes the message being read still needs (0: none is being read). */
  private needed = 0;
  /** Inside a SysEx message: data bytes are skipped until its end. */
  private inSysex = false;

  /** The note messages in `bytes` (any length; a message may continue in the next call). */
  decode(bytes: ArrayLike<number>): NoteMessage[] {
    const out: NoteMessage[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const b = (bytes[i] as number) & 0xff;
      if (b >= REALTIME_MIN) continue;
      if (b >= 0x80) this.status(b);
      else this.dataByte(b, out);
    }
    return out;
  }

  /** Forgets any unfinished message and the running status (a port closed and opened again). */
  reset(): void {
    this.running = 0;
    this.data.length = 0;
    this.needed = 0;
    this.inSysex = false;
  }

  private status(b: number): void {
    this.data.length = 0;
    // Any status byte ends a SysEx; only 0xF7 does so properly, but a lost end byte must not
    // swallow the rest of the stream.
    this.inSysex = b === SYSEX_START;
    if (b === SYSEX_START || b === SYSEX_END) {
      this.running = 0;
      this.needed = 0;
    } else if (b >= 0xf0) {
      this.running = 0;
      this.needed = SYSTEM_COMMON_DATA_BYTES[b] ?? 0;
      // A system common message's data bytes are read and dropped: mark them with a negative count.
      if (this.needed > 0) this.needed = -this.needed;
    } else {
      this.running = b;
      this.needed = CHANNEL_DATA_BYTES[b >> 4] ?? 0;
    }
  }

  private dataByte(b: number, out: NoteMessage[]): void {
    if (this.inSysex) return;
    if (this.needed < 0) {
      // A system common message's data byte: dropped.
      this.needed++;
      return;
    }
    if (this.needed === 0) {
      // Running status: a data byte with no status before it repeats the last channel status.
      if (this.running === 0) return;
      this.needed = CHANNEL_DATA_BYTES[this.running >> 4] ?? 0;
      this.data.length = 0;
    }
    this.data.push(b);
    if (this.data.length < this.needed) return;
    this.needed = 0;
    const message = noteMessage(this.running, this.data);
    this.data.length = 0;
    if (message) out.push(message);
  }
}

function noteMessage(status: number, data: readonly number[]): NoteMessage | null {
  const kind = status >> 4;
  if (kind !== 0x8 && kind !== 0x9) return null;
  const channel = status & 0x0f;
  const note = data[0] as number;
  const velocity = data[1] as number;
  if (kind === 0x9 && velocity > 0) return { type: 'noteOn', channel, note, velocity };
  return { type: 'noteOff', channel, note, velocity };
}

/** Events stamped further than this from their arrival are on some other clock (or none). */
const STAMP_PLAUSIBLE_MS = 10_000;

/**
 * The performance-clock instant of a device event: its own stamp (MIDIMessageEvent.timeStamp,
 * Gamepad.timestamp), or its arrival when the stamp is missing, zero, or far from the arrival
 * (a few setups give 0, or a clock of their own).
 * @param stamp the device's stamp, ms on the performance clock
 * @param arrival performance.now() when the event was handled, ms
 */
export function deviceStamp(stamp: number | null | undefined, arrival: number): number {
  if (typeof stamp !== 'number' || !Number.isFinite(stamp) || stamp <= 0) return arrival;
  return Math.abs(stamp - arrival) <= STAMP_PLAUSIBLE_MS ? stamp : arrival;
}
