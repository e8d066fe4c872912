import Phaser from 'phaser';
import type { StringKey } from '../content/strings';
import { translate } from '../content/strings';
import type { App } from '../game/app';
import { HIGH_CONTRAST, PALETTE, type Palette } from '../game/theme';
import type { MenuAction } from '../input/inputHub';

/** The Phaser game with the app state attached, so scenes reach it typed. */
export class DrumGame extends Phaser.Game {
  app!: App;
}

/**
 * Shared scene plumbing: typed access to the app, translated text, and subscriptions that
 * are dropped when the scene shuts down (a scene entered fifty times leaks nothing).
 */
export abstract class BaseScene extends Phaser.Scene {
  private disposers: (() => void)[] = [];

  get app(): App {
    return (this.game as DrumGame).app;
  }

  get palette(): Palette {
    return this.app.settings.highContrast ? HIGH_CONTRAST : PALETTE;
  }

  t(key: StringKey, vars?: Record<string, string | number>): string {
    return translate(this.app.settings.language, key, vars);
  }

  /** Keeps a disposer to run when the scene shuts down. */
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
