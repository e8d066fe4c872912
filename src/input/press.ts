import type { Lane, Ms, PerfMs, PlayerId } from '../core/units';

/*
 * The one press type every input device makes. Lanes are the actions; a keyboard code, a
 * touch column, a MIDI note or a gamepad button is only a binding to one.
 */

/** The kinds of input device the game reads. */
export type DeviceKind = 'keyboard' | 'touch' | 'midi' | 'gamepad';

/** An input device as the player sees it (Settings' device list, the automation hook). */
export interface DeviceInfo {
  /** Stable for the device: 'keyboard', 'touch', 'midi:<port id>', 'gamepad:<index>'. */
  readonly id: string;
  readonly kind: DeviceKind;
  readonly name: string;
  /**
   * Whom it plays for. Null for the keyboard and the touchscreen, which play for both (two key
   * sets, two halves of the screen); null for a kit or a pad that was set to play for nobody.
   */
  readonly player: PlayerId | null;
}

/** A drum press from any device. */
export interface DrumPress {
  /** The device's id (DeviceInfo.id). */
  readonly device: string;
  /** Whose drums: the key set, the half of the screen, or the player the device plays for. */
  readonly player: PlayerId;
  readonly lane: Lane;
  /** When the device stamped it (event.timeStamp, MIDIMessageEvent.timeStamp, Gamepad.timestamp). */
  readonly at: PerfMs;
  /** 0..1 where the device gives it (MIDI velocity); it scales the sound, never the judgement. */
  readonly velocity?: number;
  /** The device's own latency, ms, judged on top of the player's input offset. */
  readonly deviceOffsetMs?: Ms;
}

export type MenuAction = 'up' | 'down' | 'left' | 'right' | 'confirm' | 'back';
