import { type Bindings, keyMap, MENU_KEYS } from './bindings';
import type { InputSink } from './hub';

/**
 * The game's one keyboard listener, on `window`. Phaser's keyboard plugin is not used: it
 * re-dispatches when three or more keys arrive in one frame, which two players do all the time.
 * Auto-repeat never makes a press; keys are released when the page loses focus.
 */
export class KeyboardSource {
  private map: ReturnType<typeof keyMap>;
  private readonly down = new Set<string>();

  constructor(
    private readonly sink: InputSink,
    bindings: Bindings,
  ) {
    this.map = keyMap(bindings);
    sink.addDevice({ id: 'keyboard', kind: 'keyboard', name: 'Keyboard', player: null });
    window.addEventListener('keydown', this.onKeyDown, { capture: true });
    window.addEventListener('keyup', this.onKeyUp, { capture: true });
    window.addEventListener('blur', this.releaseAll);
  }

  /** Keys held now (as the keyboard reports them). */
  get held(): ReadonlySet<string> {
    return this.down;
  }

  setBindings(bindings: Bindings): void {
    this.releaseAll();
    this.map = keyMap(bindings);
  }

  dispose(): void {
    window.removeEventListener('keydown', this.onKeyDown, { capture: true });
    window.removeEventListener('keyup', this.onKeyUp, { capture: true });
    window.removeEventListener('blur', this.releaseAll);
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    this.sink.keySeen();
    const binding = this.map.get(e.code);
    const menu = MENU_KEYS[e.code];
    if (binding || menu) e.preventDefault();
    const repeat = e.repeat || this.down.has(e.code);
    this.sink.rawKey({ code: e.code, down: true, at: e.timeStamp, repeat });
    if (repeat) return;
    this.down.add(e.code);
    this.sink.gesture('key');
    if (binding) this.sink.press({ device: 'keyboard', ...binding, at: e.timeStamp });
    if (menu) this.sink.menu(menu);
  };

  private readonly onKeyUp = (e: KeyboardEvent): void => {
    this.sink.keySeen();
    this.down.delete(e.code);
    this.sink.rawKey({ code: e.code, down: false, at: e.timeStamp, repeat: false });
    const binding = this.map.get(e.code);
    if (binding) this.sink.release({ device: 'keyboard', ...binding });
  };

  /** The page lost focus: keyup events will not come, so every held key is let go. */
  private readonly releaseAll = (): void => {
    const held = [...this.down];
    this.down.clear();
    for (const code of held) {
      this.sink.rawKey({ code, down: false, at: performance.now(), repeat: false });
      const binding = this.map.get(code);
      if (binding) this.sink.release({ device: 'keyboard', ...binding });
    }
  };
}
