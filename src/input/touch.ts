import type { Lane, PlayerId } from '../core/units';
import type { InputSink } from './hub';

export interface TouchPadsOptions {
  /** The game canvas: touches are read on it. */
  canvas: HTMLCanvasElement;
  /** Game size the canvas shows (it is scaled by CSS to fit the window). */
  gameWidth: number;
  gameHeight: number;
  /** The lane under a game point, or null. */
  laneAt(x: number, y: number): { player: PlayerId; lane: Lane } | null;
  /** Every pad press goes here (the input hub). */
  sink: InputSink;
  /** Called on each pad press (e.g. a short vibration). */
  onPress?(): void;
}

/** The touchscreen as one device that plays for both players (each has their half). */
export const TOUCH_DEVICE = { id: 'touch', kind: 'touch', name: 'Touchscreen', player: null } as const;

/**
 * Touch pads: every finger on a lane's column presses that lane, judged by the pointer
 * event's timestamp. Pointer Events give one event per finger, so any number of fingers
 * (both players, chords) work at once; the browser's own gestures are off (touch-action).
 */
export class TouchPads {
  private readonly down = new Map<number, { player: PlayerId; lane: Lane }>();

  constructor(private readonly o: TouchPadsOptions) {
    o.canvas.addEventListener('pointerdown', this.onDown);
    o.canvas.addEventListener('pointerup', this.onUp);
    o.canvas.addEventListener('pointercancel', this.onUp);
    o.canvas.addEventListener('contextmenu', prevent);
    o.canvas.style.touchAction = 'none';
  }

  dispose(): void {
    this.o.canvas.removeEventListener('pointerdown', this.onDown);
    this.o.canvas.removeEventListener('pointerup', this.onUp);
    this.o.canvas.removeEventListener('pointercancel', this.onUp);
    this.o.canvas.removeEventListener('contextmenu', prevent);
    this.down.clear();
  }

  private toGame(e: PointerEvent): { x: number; y: number } {
    const r = this.o.canvas.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) / r.width) * this.o.gameWidth,
      y: ((e.clientY - r.top) / r.height) * this.o.gameHeight,
    };
  }

  private readonly onDown = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const { x, y } = this.toGame(e);
    const hit = this.o.laneAt(x, y);
    if (!hit) return;
    e.preventDefault();
    this.down.set(e.pointerId, hit);
    if (e.pointerType === 'touch') this.o.sink.addDevice(TOUCH_DEVICE);
    this.o.sink.press({ device: e.pointerType === 'touch' ? 'touch' : 'pointer', ...hit, at: e.timeStamp });
    this.o.onPress?.();
  };

  private readonly onUp = (e: PointerEvent): void => {
    const hit = this.down.get(e.pointerId);
    if (!hit) return;
    this.down.delete(e.pointerId);
    this.o.sink.release({ device: e.pointerType === 'touch' ? 'touch' : 'pointer', ...hit });
  };
}

function prevent(e: Event): void {
  e.preventDefault();
}

/** True on a device whose main pointer is a finger (phones, tablets). */
export function prefersTouch(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches && navigator.maxTouchPoints > 0;
}
