import type Phaser from 'phaser';
import { WATCH_SPEEDS } from '../core/practice';
import type { Seconds } from '../core/units';
import { CENTER_X, HIGHWAY, touchLayout, WIDTH } from '../game/layout';
import { FONT } from '../game/theme';
import type { Run } from '../run/run';

/** Seconds a seek step moves. */
export const SEEK_STEP: Seconds = 5;

export interface WatchBarOptions {
  readonly y: number;
  /** "Replay · 1×" */
  readonly label: (speed: string) => string;
  readonly help: string;
  readonly depth?: number;
}

/**
 * Controls of a replay being watched: a timeline to click to seek, back and forward 5 s,
 * pause and play, slower and faster (0.5–2×). Draws from the run each frame; the scene maps
 * keys to `seekBy`, `speedBy` and `togglePause`.
 */
export class WatchBar {
  private readonly fill: Phaser.GameObjects.Rectangle;
  private readonly time: Phaser.GameObjects.Text;
  private readonly label: Phaser.GameObjects.Text;
  private readonly playButton: Phaser.GameObjects.Text;
  private readonly width: number;
  private readonly left: number;

  constructor(
    scene: Phaser.Scene,
    private readonly run: Run,
    private readonly o: WatchBarOptions,
  ) {
    const gap = WIDTH - 2 * (HIGHWAY.margin + HIGHWAY.width);
    this.width = Math.min(420, gap - 24);
    this.left = CENTER_X - this.width / 2;
    const depth = o.depth ?? 55;
    const y = o.y;
    const text = (x: number, yy: number, s: string, size: number, color = '#f5f3ff') =>
      scene.add
        .text(x, yy, s, { fontFamily: FONT, fontSize: `${size}px`, color, fontStyle: 'bold' })
        .setOrigin(0.5)
        .setDepth(depth);
    this.label = text(CENTER_X, y, '', 18, '#ffe8a3');
    scene.add
      .rectangle(this.left, y + 26, this.width, 14, 0x120c33, 0.9)
      .setOrigin(0, 0.5)
      .setStrokeStyle(2, 0x6c63ff)
      .setDepth(depth)
      .setInteractive({ useHandCursor: true })
      .on('pointerup', (p: Phaser.Input.Pointer) => this.seekToX(p.worldX));
    this.fill = scene.add
      .rectangle(this.left, y + 26, 1, 10, 0xffd166, 1)
      .setOrigin(0, 0.5)
      .setDepth(depth);
    this.time = text(CENTER_X, y + 48, '', 15, '#cfc8ff');
    const buttons: [string, () => void][] = [
      ['«', () => this.seekBy(-SEEK_STEP)],
      ['❚❚', () => this.togglePause()],
      ['»', () => this.seekBy(SEEK_STEP)],
      ['−', () => this.speedBy(-1)],
      ['+', () => this.speedBy(1)],
    ];
    const step = Math.min(64, this.width / buttons.length);
    let play: Phaser.GameObjects.Text | null = null;
    buttons.forEach(([s, action], i) => {
      const b = text(CENTER_X + (i - (buttons.length - 1) / 2) * step, y + 80, s, 20)
        .setPadding(10, 4, 10, 4)
        .setBackgroundColor('#1d1b4fcc')
        .setInteractive({ useHandCursor: true })
        .on('pointerup', action);
      if (i === 1) play = b;
    });
    this.playButton = play as unknown as Phaser.GameObjects.Text;
    if (!touchLayout) text(CENTER_X, y + 112, o.help, 14, '#a9a3d9');
  }

  /** Moves the replay by `seconds` (negative: back). */
  seekBy(seconds: Seconds): void {
    const t = this.run.songTime(performance.now());
    if (t !== null) this.run.seek(t + seconds);
  }

  /** One step slower (-1) or faster (+1) among 0.5, 0.75, 1, 1.5 and 2×. */
  speedBy(steps: number): void {
    const i = nearestIndex(this.run.rate);
    const next = WATCH_SPEEDS[Math.min(WATCH_SPEEDS.length - 1, Math.max(0, i + steps))] ?? 1;
    this.run.setRate(next, performance.now());
  }

  togglePause(): void {
    if (this.run.state === 'playing') this.run.pause();
    else if (this.run.state === 'paused') this.run.resume();
  }

  /** Redraws from the run (call every frame). */
  draw(): void {
    const { start, end } = this.run.span;
    const t = this.run.songTime(performance.now()) ?? start;
    const share = Math.min(1, Math.max(0, (t - start) / (end - start)));
    this.fill.width = Math.max(1, share * this.width);
    const label = this.o.label(`${formatRate(this.run.rate)}`);
    if (this.label.text !== label) this.label.setText(label);
    const time = `${clock(Math.max(0, t))} / ${clock(end)}`;
    if (this.time.text !== time) this.time.setText(time);
    const icon = this.run.state === 'paused' ? '▶' : '❚❚';
    if (this.playButton.text !== icon) this.playButton.setText(icon);
  }

  private seekToX(x: number): void {
    const { start, end } = this.run.span;
    this.run.seek(start + ((x - this.left) / this.width) * (end - start));
  }
}

/** "0.5×", "1×", "1.5×" */
export function formatRate(rate: number): string {
  return `${Math.round(rate * 100) / 100}×`;
}

function nearestIndex(rate: number): number {
  let best = 0;
  WATCH_SPEEDS.forEach((s, i) => {
    if (Math.abs(s - rate) < Math.abs((WATCH_SPEEDS[best] as number) - rate)) best = i;
  });
  return best;
}

function clock(t: Seconds): string {
  const s = Math.floor(t);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
