import type Phaser from 'phaser';
import { barAt, barCount, sectionBars } from '../core/practice';
import type { Note, Song } from '../core/song';
import { FONT } from '../game/theme';

export interface TimelineOptions {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** A section's name in the player's language. */
  readonly sectionName: (kind: string) => string;
  /** A bar clicked or tapped (1-based). */
  readonly onBar: (bar: number) => void;
}

/**
 * The song's timeline, bar by bar: a column per bar as tall as its notes are many (both parts),
 * the sections named under it, and the practised range lit.
 */
export class Timeline {
  private readonly bars: Phaser.GameObjects.Rectangle[] = [];
  private readonly count: number;
  /** How far the section names reach under the timeline (design px). */
  readonly labelHeight: number = 0;

  constructor(scene: Phaser.Scene, song: Song, charts: readonly (readonly Note[])[], o: TimelineOptions) {
    this.count = barCount(song);
    const perBar = new Array<number>(this.count).fill(0);
    for (const chart of charts)
      for (const n of chart) perBar[barAt(song, n.time) - 1] = (perBar[barAt(song, n.time) - 1] ?? 0) + 1;
    const most = Math.max(1, ...perBar);
    const w = o.width / this.count;
    scene.add.rectangle(o.x, o.y, o.width, o.height, 0x120c33, 0.85).setOrigin(0).setStrokeStyle(2, 0x6c63ff, 0.7);
    perBar.forEach((c, i) => {
      const h = Math.max(2, (c / most) * (o.height - 8));
      this.bars.push(
        scene.add
          .rectangle(o.x + i * w + w / 2, o.y + o.height - 4, Math.max(1, w - 1), h, 0x6c63ff, 0.8)
          .setOrigin(0.5, 1),
      );
    });
    for (const s of sectionBars(song)) {
      const x = o.x + (s.fromBar - 1) * w;
      scene.add.rectangle(x, o.y - 4, 2, o.height + 26, 0xffffff, 0.35).setOrigin(0.5, 0);
      const span = (s.toBar - s.fromBar + 1) * w;
      // a name where it fits in its section's width (no two names overlap)
      const name = scene.add.text(x + 4, o.y + o.height + 4, o.sectionName(s.kind), {
        fontFamily: FONT,
        fontSize: '14px',
        color: '#cfc8ff',
      });
      if (name.width + 8 > span) name.destroy();
      else this.labelHeight = Math.max(this.labelHeight, name.height + 4);
    }
    scene.add
      .rectangle(o.x, o.y, o.width, o.height, 0x000000, 0.001)
      .setOrigin(0)
      .setInteractive({ useHandCursor: true })
      .on('pointerup', (p: Phaser.Input.Pointer) =>
        o.onBar(Math.min(this.count, Math.max(1, Math.floor((p.worldX - o.x) / w) + 1))),
      );
  }

  /** Lights bars `from`..`to` (1-based, inclusive). */
  select(from: number, to: number): void {
    this.bars.forEach((b, i) => {
      const on = i + 1 >= from && i + 1 <= to;
      b.setFillStyle(on ? 0xffd166 : 0x6c63ff, on ? 1 : 0.6);
    });
  }
}
