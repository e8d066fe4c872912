import type Phaser from 'phaser';
import { WIDTH } from '../game/layout';
import { minButtonPx } from '../game/layoutService';
import { FONT } from '../game/theme';
import type { MenuAction } from '../input/press';
import type { BaseScene } from '../scenes/BaseScene';
import { wrapStyle } from './captionBox';

export interface ButtonItem {
  label: string;
  action: () => void;
}

export interface ButtonRowOptions {
  /** Centre of the row (or of the column when vertical). */
  x: number;
  y: number;
  width?: number;
  height?: number;
  gap?: number;
  fontSize?: number;
  vertical?: boolean;
}

/**
 * A row (or column) of buttons worked by arrows + Enter, mouse or tap. It listens to nothing
 * itself: the scene hands it menu actions through `handle`, so a scene with several widgets
 * decides which one has the keyboard, and a destroyed row leaves no subscription behind.
 */
export class ButtonRow {
  private readonly buttons: Phaser.GameObjects.Container[] = [];
  private focus = 0;
  private readonly vertical: boolean;
  /** Whether the keyboard focus is shown (false while another widget has the keyboard). */
  private active = true;

  constructor(
    private readonly scene: BaseScene,
    private readonly items: ButtonItem[],
    options: ButtonRowOptions,
  ) {
    const gap = options.gap ?? 24;
    const wanted = options.width ?? 240;
    // A row never runs off the screen: its buttons narrow (labels wrap) to fit.
    const width = options.vertical ? wanted : Math.min(wanted, (WIDTH - 40 - gap * (items.length - 1)) / items.length);
    const height = Math.max(options.height ?? 58, minButtonPx());
    const fontSize = options.fontSize ?? 26;
    this.vertical = options.vertical ?? false;
    const step = this.vertical ? height + gap : width + gap;
    const first = -((items.length - 1) * step) / 2;
    items.forEach((item, i) => {
      const bg = scene.add.rectangle(0, 0, width, height, 0x1d1b4f, 0.9);
      const text = scene.add
        .text(0, 0, item.label, {
          fontFamily: FONT,
          fontSize: `${fontSize}px`,
          color: scene.palette.text,
          fontStyle: 'bold',
          align: 'center',
          wordWrap: wrapStyle(width - 16),
        })
        .setOrigin(0.5);
      const x = options.x + (this.vertical ? 0 : first + i * step);
      const y = options.y + (this.vertical ? first + i * step : 0);
      const c = scene.add.container(x, y, [bg, text]);
      c.setSize(width, height);
      c.setInteractive({ useHandCursor: true });
      c.on('pointerover', () => this.setFocus(i));
      c.on('pointerup', () => {
        this.setFocus(i);
        item.action();
      });
      this.buttons.push(c);
    });
    this.setFocus(0);
  }

  get focused(): number {
    return this.focus;
  }

  /** Takes a menu action; returns true when it was used. */
  handle(a: MenuAction): boolean {
    const n = this.items.length;
    const prev = this.vertical ? 'up' : 'left';
    const next = this.vertical ? 'down' : 'right';
    if (a === prev) this.setFocus((this.focus + n - 1) % n);
    else if (a === next) this.setFocus((this.focus + 1) % n);
    else if (a === 'confirm') this.items[this.focus]?.action();
    else return false;
    return true;
  }

  setActive(on: boolean): void {
    this.active = on;
    this.setFocus(this.focus);
  }

  setFocus(i: number): void {
    this.focus = i;
    const accent = this.scene.palette.accent;
    this.buttons.forEach((b, j) => {
      const bg = b.list[0] as Phaser.GameObjects.Rectangle;
      const on = this.active && j === i;
      bg.setFillStyle(on ? 0x6c3bd4 : 0x1d1b4f, on ? 0.97 : 0.9);
      bg.setStrokeStyle(3, on ? accent : 0x6c63ff, on ? 1 : 0.6);
    });
  }

  setLabel(i: number, label: string): void {
    const text = this.buttons[i]?.list[1] as Phaser.GameObjects.Text | undefined;
    text?.setText(label);
  }

  destroy(): void {
    for (const b of this.buttons) b.destroy(true);
    this.buttons.length = 0;
  }
}
