import type Phaser from 'phaser';
import { FONT } from '../game/theme';
import type { BaseScene } from '../scenes/BaseScene';

export interface MenuItem {
  label: string;
  hint?: string;
  action: () => void;
}

export interface MenuOptions {
  x: number;
  y: number;
  width?: number;
  spacing?: number;
  fontSize?: number;
  /** Called when focus moves (e.g. to show the item's hint). */
  onFocus?: (item: MenuItem) => void;
}

/** A vertical menu worked by arrows + Enter, mouse or tap. Esc is left to the scene. */
export class Menu {
  private readonly buttons: Phaser.GameObjects.Container[] = [];
  private focus = 0;
  /** False while something (a dialog) sits over the menu: it ignores input. */
  enabled = true;

  constructor(
    scene: BaseScene,
    private readonly items: MenuItem[],
    private readonly options: MenuOptions,
  ) {
    const width = options.width ?? 420;
    const spacing = options.spacing ?? 76;
    const fontSize = options.fontSize ?? 34;
    items.forEach((item, i) => {
      const bg = scene.add.rectangle(0, 0, width, spacing - 14, 0x1d1b4f, 0.85).setStrokeStyle(3, 0x6c63ff, 0.6);
      const text = scene.add
        .text(0, 0, item.label, { fontFamily: FONT, fontSize: `${fontSize}px`, color: '#f5f3ff', fontStyle: 'bold' })
        .setOrigin(0.5);
      const c = scene.add.container(options.x, options.y + i * spacing, [bg, text]);
      c.setSize(width, spacing - 14);
      c.setInteractive({ useHandCursor: true });
      c.on('pointerover', () => {
        if (this.enabled) this.setFocus(i);
      });
      c.on('pointerup', () => {
        if (!this.enabled) return;
        this.setFocus(i);
        item.action();
      });
      this.buttons.push(c);
    });
    scene.onMenu((a) => {
      if (!this.enabled) return;
      if (a === 'up') this.setFocus((this.focus + items.length - 1) % items.length);
      else if (a === 'down') this.setFocus((this.focus + 1) % items.length);
      else if (a === 'confirm') this.items[this.focus]?.action();
    });
    this.setFocus(0);
  }

  get focused(): number {
    return this.focus;
  }

  setFocus(i: number): void {
    this.focus = i;
    this.buttons.forEach((b, j) => {
      const bg = b.list[0] as Phaser.GameObjects.Rectangle;
      const on = j === i;
      bg.setFillStyle(on ? 0x6c3bd4 : 0x1d1b4f, on ? 0.95 : 0.85);
      bg.setStrokeStyle(3, on ? 0xffd166 : 0x6c63ff, on ? 1 : 0.6);
      b.setScale(on ? 1.04 : 1);
    });
    const item = this.items[i];
    if (item) this.options.onFocus?.(item);
  }
}
