import Phaser from 'phaser';
import type { StringKey } from '../content/strings';
import { translate } from '../content/strings';
import type { App } from '../game/app';
import { beforeLayout, minFontPx } from '../game/layoutService';
import { FONT, HIGH_CONTRAST, PALETTE, type Palette } from '../game/theme';
import type { MenuAction } from '../input/press';
import { wrapStyle } from '../objects/captionBox';

/** The Phaser game with the app's services attached, so scenes reach them typed. */
export class DrumGame extends Phaser.Game {
  app!: App;

  /** Key of the topmost running scene. */
  get topScene(): string {
    const active = this.scene.getScenes(true);
    return active[active.length - 1]?.scene.key ?? 'Boot';
  }

  /**
   * Shows one scene in place of whatever shows (overlays included), from outside any scene: a
   * replay file opened from the page. Boot keeps running underneath (it loads the rest of the art).
   */
  goTo(key: string): void {
    for (const s of this.scene.getScenes(false)) {
      const k = s.scene.key;
      if (k !== key && k !== 'Boot' && (this.scene.isActive(k) || this.scene.isPaused(k))) this.scene.stop(k);
    }
    this.scene.start(key);
  }
}

/** Scene lifecycle events after which the topmost scene may have changed. */
const SCENE_CHANGES = [
  Phaser.Scenes.Events.CREATE,
  Phaser.Scenes.Events.SHUTDOWN,
  Phaser.Scenes.Events.PAUSE,
  Phaser.Scenes.Events.RESUME,
  Phaser.Scenes.Events.SLEEP,
  Phaser.Scenes.Events.WAKE,
];

/**
 * Shared scene plumbing: typed access to the app, translated text, subscriptions that are
 * dropped when the scene shuts down (a scene entered fifty times leaks nothing), and the
 * scene event the page's own UI listens to.
 */
export abstract class BaseScene extends Phaser.Scene {
  private disposers: (() => void)[] = [];
  private reporting = false;

  get app(): App {
    return (this.game as DrumGame).app;
  }

  get palette(): Palette {
    return this.app.settings.highContrast ? HIGH_CONTRAST : PALETTE;
  }

  t(key: StringKey, vars?: Record<string, string | number>): string {
    return translate(this.app.settings.language, key, vars);
  }

  /** Scenes that override init must call super.init(). */
  init(_data?: unknown): void {
    beforeLayout(this.game, this.scene.key);
    this.floorFontSize = minFontPx();
    if (this.reporting) return;
    this.reporting = true;
    const game = this.game as DrumGame;
    // After the step in which scenes started or stopped, when the scene manager has settled.
    const report = () => queueMicrotask(() => game.app.sceneChanged(game.topScene));
    for (const e of SCENE_CHANGES) this.events.on(e, report);
    // A legibility floor: text never renders under 12 CSS px (14 on a desktop), whatever the
    // screen; a scene that needs the room lays out from the sizes it gets.
    this.events.on(Phaser.Scenes.Events.ADDED_TO_SCENE, (obj: Phaser.GameObjects.GameObject) => {
      if (obj instanceof Phaser.GameObjects.Text) this.floorText(obj);
    });
  }

  /** Font size floor (design px) for this layout: see `minFontPx`. */
  floorFontSize = 14;

  /** Raises a text's font size to the floor; returns the text. */
  floorText<T extends Phaser.GameObjects.Text>(text: T): T {
    const px = Number.parseFloat(String(text.style.fontSize));
    if (Number.isFinite(px) && px < this.floorFontSize) text.setFontSize(this.floorFontSize);
    return text;
  }

  /** `size` design px, or the legibility floor if larger. */
  fontPx(size: number): number {
    return Math.max(size, this.floorFontSize);
  }

  /** Keeps a disposer to run when the scene shuts down. */
  /**
   * The night sky behind a menu, covering the screen whatever its shape (cropped, never
   * stretched), under a dark veil of `veil` opacity (0 for none).
   */
  backdrop(veil = 0): void {
    const { width, height } = this.scale.gameSize;
    const sky = this.add.image(width / 2, height / 2, 'sky');
    sky.setScale(Math.max(width / sky.width, height / sky.height));
    if (veil > 0) this.add.rectangle(0, 0, width, height, 0x07051a, veil).setOrigin(0);
  }

  /** An empty centred text at `y`, wrapped (CJK-aware) to the screen's width less margins. */
  centredText(y: number, size: number, color: string): Phaser.GameObjects.Text {
    const { width } = this.scale.gameSize;
    return this.add
      .text(width / 2, y, '', {
        fontFamily: FONT,
        fontSize: `${size}px`,
        color,
        align: 'center',
        wordWrap: wrapStyle(width - 100, true),
      })
      .setOrigin(0.5);
  }

  own(dispose: () => void): void {
    if (this.disposers.length === 0) this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.disposeAll());
    this.disposers.push(dispose);
  }

  onMenu(handler: (action: MenuAction) => void): void {
    this.own(
      this.app.input.on('menu', (a) => {
        if (this.scene.isActive()) handler(a);
      }),
    );
  }

  /** Whether to skip decorative motion. */
  get calm(): boolean {
    return this.app.settings.reducedMotion;
  }

  private disposeAll(): void {
    const list = this.disposers;
    this.disposers = [];
    for (const d of list) d();
  }
}
