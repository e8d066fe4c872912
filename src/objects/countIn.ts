import type Phaser from 'phaser';
import { PLAYERS, type Seconds } from '../core/units';
import { HIGHWAY, highwayCenter } from '../game/layout';
import { FONT } from '../game/theme';
import type { Run } from '../run/run';

/** The count-in, on each highway (where the players look), never in the caption slot. */
export class CountIn {
  private readonly texts: Phaser.GameObjects.Text[];
  private until: Seconds = Number.NEGATIVE_INFINITY;

  constructor(
    scene: Phaser.Scene,
    private readonly run: Run,
    own: (dispose: () => void) => void,
  ) {
    const y = HIGHWAY.top + (HIGHWAY.hitLineY - HIGHWAY.top) * 0.38;
    this.texts = PLAYERS.map((p) =>
      scene.add
        .text(highwayCenter(p), y, '', {
          fontFamily: FONT,
          fontStyle: 'bold',
          color: '#ffffff',
          align: 'center',
          fontSize: '96px',
          stroke: '#2b1055',
          strokeThickness: 12,
        })
        .setOrigin(0.5)
        .setDepth(45),
    );
    own(run.on('countIn', ({ until }) => (this.until = until)));
  }

  /** Shows the beats left at song time `t` (nothing once the count-in is over or paused). */
  update(t: Seconds): void {
    const label =
      t >= this.until || this.run.state !== 'playing'
        ? ''
        : String(Math.ceil((this.until - t) / this.run.beatLength(this.until)));
    for (const text of this.texts) if (text.text !== label) text.setText(label);
  }
}
