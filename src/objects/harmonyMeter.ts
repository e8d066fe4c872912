import type Phaser from 'phaser';
import { CENTER_X } from '../game/layout';
import { FONT, type Palette } from '../game/theme';
import type { StaticLayer } from './bake';

/** The duet's shared meter between the highways: the share of unison notes hit together. */
export class HarmonyMeter {
  private readonly fill: Phaser.GameObjects.Rectangle;
  private readonly text: Phaser.GameObjects.Text;

  constructor(
    scene: Phaser.Scene,
    private readonly width: number,
    palette: Palette,
    private readonly label: string,
    bake: StaticLayer,
  ) {
    const y = 112;
    bake.add(scene.add.rectangle(CENTER_X, y, width + 8, 26, 0x120c33, 0.9).setStrokeStyle(2, palette.unison));
    // Empty, the bar shows nothing (a 1 px fill looked like a text caret).
    this.fill = scene.add
      .rectangle(CENTER_X - width / 2, y, 1, 18, palette.unison, 1)
      .setOrigin(0, 0.5)
      .setVisible(false);
    this.text = scene.add
      .text(CENTER_X, y + 26, `${label} –`, {
        fontFamily: FONT,
        fontSize: '20px',
        color: '#ffd6f5',
        // A dark backing: the sky's stars showed through the label.
        backgroundColor: '#120c33cc',
        padding: { x: 10, y: 2 },
      })
      .setOrigin(0.5, 0);
  }

  set(harmony: number): void {
    this.fill.width = Math.max(1, this.width * harmony);
    this.fill.setVisible(harmony > 0);
    this.text.setText(`${this.label} ${Math.round(harmony * 100)}%`);
  }
}
