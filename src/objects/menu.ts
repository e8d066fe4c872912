import type Phaser from 'phaser';
import { WIDTH } from '../game/layout';
import { minButtonPx } from '../game/layoutService';
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
  /**
   * Lowest y the menu may reach: when its items (at least 44 CSS px tall each) do not fit above
   * it in one column, they flow into more columns side by side.
   */
  bottom?: number;
  /** A grid of this many columns, filled row by row (arrows step through it in that order). */
  columns?: number;
  /** Called when focus moves (e.g. to show the item's hint). */
  onFocus?: (item: MenuItem) => void;
}

/** A vertical menu worked by arrows + Enter, mouse or tap. Esc is left to the scene. */
export class Menu {
  private readonly buttons: Phaser.GameObjects.Container[] = [];
  private focus = 0;
  private columns = 1;
  /** False while something (a dialog) sits over the menu: it ignores input. */
  enabled = true;

  constructor(
    scene: BaseScene,
    private readonly items: MenuItem[],
    private readonly options: MenuOptions,
  ) {
    const height = Math.max((options.spacing ?? 76) - 14, minButtonPx());
    const spacing = height + 14;
    const fontSize = options.fontSize ?? 34;
    const room = options.bottom === undefined ? Number.POSITIVE_INFINITY : options.bottom - options.y;
    const grid = options.columns !== undefined;
    const perColumn = grid
      ? Math.ceil(items.length / Math.max(1, options.columns ?? 1))
      : Math.max(1, Math.min(items.length, Math.floor((room - height) / spacing) + 1));
    const columns = grid
      ? Math.min(items.length, Math.max(1, options.columns ?? 1))
      : Math.ceil(items.length / perColumn);
    this.columns = grid ? columns : 1;
    const gap = 24;
    const width = Math.min(options.width ?? 420, (WIDTH - 40 - gap * (columns - 1)) / columns);
    items.forEach((item, i) => {
      const bg = scene.add.rectangle(0, 0, width, height, 0x1d1b4f, 0.85).setStrokeStyle(3, 0x6c63ff, 0.6);
      const text = scene.add
        .text(0, 0, item.label, { fontFamily: FONT, fontSize: `${fontSize}px`, color: '#f5f3ff', fontStyle: 'bold' })
        .setOrigin(0.5);
      const col = grid ? i % columns : Math.floor(i / perColumn);
      const row = grid ? Math.floor(i / columns) : i % perColumn;
      // A short last row of a grid is centred.
      const inRow = grid ? Math.min(columns, items.length - row * columns) : columns;
      const x = options.x + (col - (inRow - 1) / 2) * (width + gap);
      const c = scene.add.container(x, options.y + row * spacing, [bg, text]);
      c.setSize(width, height);
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
      const n = items.length;
      // Items keep one order whatever the shape (a grid reads row by row): ↑/↓ and, in a grid,
      // ←/→ step through it.
      const grid = this.columns > 1;
      if (a === 'up' || (grid && a === 'left')) this.setFocus((this.focus + n - 1) % n);
      else if (a === 'down' || (grid && a === 'right')) this.setFocus((this.focus + 1) % n);
      else if (a === 'confirm') this.items[this.focus]?.action();
    });
    this.setFocus(0);
  }

  /** Shows or hides the whole menu (hidden, it ignores input). */
  setVisible(on: boolean): void {
    for (const b of this.buttons) b.setVisible(on);
    this.enabled = on;
  }

  /** Bottom edge of the lowest item, in scene px. */
  get bottom(): number {
    return Math.max(...this.buttons.map((b) => b.y + b.height / 2));
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
      b.setScale(on && this.columns === 1 ? 1.04 : 1);
    });
    const item = this.items[i];
    if (item) this.options.onFocus?.(item);
  }
}
