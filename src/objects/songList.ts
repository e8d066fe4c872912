import type Phaser from 'phaser';
import type { Song } from '../core/song';
import { type SongRow, scrollTo, songRows } from '../game/songRows';
import { FONT } from '../game/theme';
import type { BaseScene } from '../scenes/BaseScene';
import { tapSize } from './tap';

export interface SongListOptions {
  /** Centre x, and the top of the list. */
  x: number;
  y: number;
  /** Rows shown at once (headings count). */
  rows: number;
  rowHeight: number;
  /** Width of the list (long titles are cut to it); 660 unless given. */
  width?: number;
  /** Heading text of each group. */
  heading(group: Song['origin']): string;
  /** A song row was clicked or tapped: its index in the songs given. */
  onPick(index: number): void;
}

/**
 * Song select's list: the shipped songs and the player's imported ones under their headings, a
 * window of rows that scrolls to keep the chosen song in view, ▲/▼ where more rows are hidden.
 */
export class SongList {
  private rows: SongRow[] = [];
  private first = 0;
  private selected = 0;
  private readonly texts: Phaser.GameObjects.Text[] = [];
  private readonly more: [Phaser.GameObjects.Text, Phaser.GameObjects.Text];

  constructor(
    scene: BaseScene,
    private readonly o: SongListOptions,
  ) {
    for (let i = 0; i < o.rows; i++) {
      const text = scene.add
        .text(o.x, o.y + i * o.rowHeight + o.rowHeight / 2, '', {
          fontFamily: FONT,
          fontSize: '26px',
          color: '#f5f3ff',
        })
        .setOrigin(0.5)
        .on('pointerup', () => {
          const row = this.rows[this.first + i];
          if (row?.kind === 'song') o.onPick(row.index);
        });
      this.texts.push(text);
    }
    const arrow = (y: number, step: number) =>
      scene.add
        .text(o.x + (o.width ?? 660) / 2, y, step < 0 ? '▲' : '▼', {
          fontFamily: FONT,
          fontSize: '20px',
          color: '#ffd166',
          padding: { x: 10, y: 0 },
        })
        .setOrigin(0.5)
        .setInteractive({ useHandCursor: true })
        .on('pointerup', () => this.step(step));
    this.more = [arrow(o.y + o.rowHeight / 2, -1), arrow(o.y + (o.rows - 0.5) * o.rowHeight, 1)];
  }

  /** The bottom of the list's area. */
  get bottom(): number {
    return this.o.y + this.o.rows * this.o.rowHeight;
  }

  /** Shows `songs`, with the song at `selected` (an index into `songs`) chosen and in view. */
  show(songs: readonly Song[], selected: number): void {
    this.rows = songRows(songs);
    this.selected = selected;
    const at = Math.max(
      0,
      this.rows.findIndex((r) => r.kind === 'song' && r.index === selected),
    );
    this.first = scrollTo(this.rows, at, this.first, this.o.rows);
    this.draw();
  }

  private step(by: number): void {
    this.first = Math.max(0, Math.min(this.rows.length - this.o.rows, this.first + by * (this.o.rows - 1)));
    this.draw();
  }

  private draw(): void {
    this.texts.forEach((text, i) => {
      const row = this.rows[this.first + i];
      if (!row) {
        text.setText('').disableInteractive();
        return;
      }
      if (row.kind === 'heading') {
        text
          .setText(`— ${this.o.heading(row.group)} —`)
          .setFontSize(18)
          .setColor('#a9a3d9')
          .setScale(1)
          .setPadding(0, 0, 0, 0)
          .disableInteractive();
        return;
      }
      const on = row.index === this.selected;
      text
        .setText(`${on ? '♪ ' : ''}${row.song.title}`)
        .setFontSize(26)
        .setColor(on ? '#ffd166' : '#f5f3ff')
        .setScale(on ? 1.1 : 1)
        .setPadding(0, 0, 0, 0)
        .setInteractive({ useHandCursor: true });
      // A long imported title is cut to the list's width.
      const room = (this.o.width ?? 660) - 60;
      while (text.width * text.scaleX > room && text.text.length > 4) text.setText(`${text.text.slice(0, -2)}…`);
      // A row is a tap target as tall as the row (the rows are spaced for it).
      tapSize(text, this.o.rowHeight / (on ? 1.1 : 1) - 2);
    });
    this.more[0].setVisible(this.first > 0);
    this.more[1].setVisible(this.first + this.o.rows < this.rows.length);
  }
}
