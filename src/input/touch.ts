import type { Lane, PlayerId } from '../core/units';
import type { DrumPress } from './inputHub';

export interface TouchPadsOptions {
  /** The game canvas: touches are read on it. */
  canvas: HTMLCanvasElement;
  /** Game size the canvas shows (it is scaled by CSS to fit the window). */
  gameWidth: number;
  gameHeight: number;
  /** The lane under a game point, or null. */
  laneAt(x: number, y: number): { player: PlayerId; lane: Lane } | null;
  /** A pad went down (judged by the event's own timestamp, like a key). */
  onPress(press: DrumPress): void;
  /** A pad went up. */
  onRelease?(player: PlayerId, lane: Lane): void;
}

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
    this.o.onPress({ ...hit, timeStamp: e.timeStamp, source: 'touch' });
  };

  private readonly onUp = (e: PointerEvent): void => {
    const hit = this.down.get(e.pointerId);
    if (!hit) return;
    this.down.delete(e.pointerId);
    this.o.onRelease?.(hit.player, hit.lane);
  };
}

function prevent(e: Event): void {
  e.preventDefault();
}

/** True on a device whose main pointer is a finger (phones, tablets). */
export function prefersTouch(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches && navigator.maxTouchPoints > 0;
}
