import type Phaser from 'phaser';
import { CENTER_X, CENTER_Y, HEIGHT, WIDTH } from '../game/layout';
import { FONT } from '../game/theme';
import type { MenuAction } from '../input/press';
import type { BaseScene } from '../scenes/BaseScene';
import { ButtonRow } from './buttonRow';
import { wrapStyle } from './captionBox';

export interface ConfirmOptions {
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onClose?: () => void;
}

const PANEL_W = 700;
const PANEL_H = 260;

/**
 * A yes/no question over the scene. Cancel has the focus, so a stray Enter changes nothing;
 * Esc cancels. The scene routes menu actions here while it is open.
 */
export class ConfirmDialog {
  private readonly objects: Phaser.GameObjects.GameObject[] = [];
  private readonly buttons: ButtonRow;
  private closed = false;

  constructor(
    scene: BaseScene,
    private readonly options: ConfirmOptions,
  ) {
    // The shade takes the clicks meant for whatever is under it.
    const shade = scene.add.rectangle(0, 0, WIDTH, HEIGHT, 0x05031a, 0.72).setOrigin(0).setInteractive();
    const panel = scene.add.rectangle(CENTER_X, CENTER_Y, PANEL_W, PANEL_H, 0x151238, 0.98);
    panel.setStrokeStyle(4, scene.palette.accent, 1);
    const text = scene.add
      .text(CENTER_X, CENTER_Y - PANEL_H / 2 + 70, options.message, {
        fontFamily: FONT,
        fontSize: '24px',
        color: scene.palette.text,
        align: 'center',
        wordWrap: wrapStyle(PANEL_W - 60),
      })
      .setOrigin(0.5);
    this.objects.push(shade, panel, text);
    this.buttons = new ButtonRow(
      scene,
      [
        { label: options.confirmLabel, action: () => this.close(true) },
        { label: options.cancelLabel, action: () => this.close(false) },
      ],
      { x: CENTER_X, y: CENTER_Y + PANEL_H / 2 - 60, width: 260 },
    );
    this.buttons.setFocus(1);
  }

  get open(): boolean {
    return !this.closed;
  }

  handle(a: MenuAction): void {
    if (a === 'back') this.close(false);
    else this.buttons.handle(a);
  }

  private close(confirmed: boolean): void {
    if (this.closed) return;
    this.closed = true;
    this.buttons.destroy();
    for (const o of this.objects) o.destroy();
    if (confirmed) this.options.onConfirm();
    this.options.onClose?.();
  }
}
