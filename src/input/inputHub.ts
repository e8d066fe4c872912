import type { Lane, PlayerId } from '../core/units';
import { Emitter } from '../game/emitter';
import { type Binding, type Bindings, bindingMap } from './bindings';

/** A drum press from any device, stamped with the event's own time (performance clock, ms). */
export interface DrumPress {
  readonly player: PlayerId;
  readonly lane: Lane;
  readonly timeStamp: number;
  readonly source: 'key' | 'touch' | 'cpu';
}

export type MenuAction = 'up' | 'down' | 'left' | 'right' | 'confirm' | 'back';

export interface InputEvents extends Record<string, unknown> {
  /** A drum key or pad went down. */
  drum: DrumPress;
  /** A drum key or pad went up. */
  release: { player: PlayerId; lane: Lane };
  /** A menu key (arrows, Enter/Space, Esc/Backspace). */
  menu: MenuAction;
  /** Any user gesture that may unlock audio (key, pointer up, touch end). */
  gesture: { kind: 'key' | 'pointer' };
  /** Every key down, with its code, for key tests and rebinding. */
  rawKey: { code: string; down: boolean; timeStamp: number; repeat: boolean };
}

const MENU_KEYS: Record<string, MenuAction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Enter: 'confirm',
  NumpadEnter: 'confirm',
  Space: 'confirm',
  Escape: 'back',
  Backspace: 'back',
};

/**
 * The game's one keyboard listener, on `window`. Phaser's keyboard plugin is not used: it
 * re-dispatches when three or more keys arrive in one frame, which two players do all the time.
 * Auto-repeat never makes a press; keys are released when the page loses focus.
 */
export class InputHub extends Emitter<InputEvents> {
  private map: Map<string, Binding>;
  private readonly down = new Set<string>();
  /** Key events seen (down and up), for the automation hook. */
  keysHandled = 0;

  constructor(bindings: Bindings) {
    super();
    this.map = bindingMap(bindings);
    window.addEventListener('keydown', this.onKeyDown, { capture: true });
    window.addEventListener('keyup', this.onKeyUp, { capture: true });
    window.addEventListener('blur', this.releaseAll);
    window.addEventListener('pointerup', this.onPointerUp, { capture: true });
    window.addEventListener('touchend', this.onPointerUp, { capture: true });
  }

  setBindings(bindings: Bindings): void {
    this.map = bindingMap(bindings);
    this.releaseAll();
  }

  /** Feeds a press from a non-keyboard source (touch pads, the CPU partner). */
  press(p: DrumPress): void {
    this.emit('drum', p);
  }

  dispose(): void {
    window.removeEventListener('keydown', this.onKeyDown, { capture: true });
    window.removeEventListener('keyup', this.onKeyUp, { capture: true });
    window.removeEventListener('blur', this.releaseAll);
    window.removeEventListener('pointerup', this.onPointerUp, { capture: true });
    window.removeEventListener('touchend', this.onPointerUp, { capture: true });
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    this.keysHandled++;
    const binding = this.map.get(e.code);
    const menu = MENU_KEYS[e.code];
    if (binding || menu) e.preventDefault();
    const repeat = e.repeat || this.down.has(e.code);
    this.emit('rawKey', { code: e.code, down: true, timeStamp: e.timeStamp, repeat });
    if (repeat) return;
    this.down.add(e.code);
    this.emit('gesture', { kind: 'key' });
    if (binding) this.emit('drum', { ...binding, timeStamp: e.timeStamp, source: 'key' });
    if (menu) this.emit('menu', menu);
  };

  private readonly onKeyUp = (e: KeyboardEvent): void => {
    this.keysHandled++;
    this.down.delete(e.code);
    this.emit('rawKey', { code: e.code, down: false, timeStamp: e.timeStamp, repeat: false });
    const binding = this.map.get(e.code);
    if (binding) this.emit('release', binding);
  };

  private readonly onPointerUp = (e: Event): void => {
    // A tap on one of the page's own buttons (fullscreen, reload) is not a game gesture.
    if ((e.target as Element | null)?.closest?.('button')) return;
    this.emit('gesture', { kind: 'pointer' });
  };

  private readonly releaseAll = (): void => {
    for (const code of this.down) {
      const binding = this.map.get(code);
      if (binding) this.emit('release', binding);
    }
    this.down.clear();
  };
}
