import type Phaser from 'phaser';
import { type Ms, OFFSET_LIMIT_MS, type Seconds } from '../core/units';
import { CENTER_X, WIDTH } from '../game/layout';
import { FONT } from '../game/theme';
import type { MenuAction } from '../input/press';
import type { BaseScene } from '../scenes/BaseScene';
import { ButtonRow } from './buttonRow';

/** Held ←/→: first repeat after this long, then every REPEAT_MS, 10 ms a step. */
const HOLD_DELAY_MS = 380;
const REPEAT_MS = 55;
/** How long the flash stays lit, s. */
const FLASH: Seconds = 0.09;

export interface VisualStepOptions {
  /** The visual offset to start from, ms (positive draws the flash earlier). */
  readonly start: Ms;
  /** The metronome's beat, s. */
  readonly beat: Seconds;
  readonly circle: Phaser.GameObjects.Arc;
  readonly color: number;
  readonly status: Phaser.GameObjects.Text;
  readonly nudgeY: number;
  readonly text: (
    key: 'calVisualEarlier' | 'calVisualLater' | 'calVisualZero' | 'calApply' | 'calSkip',
    vars?: Record<string, number>,
  ) => string;
  readonly textColor: string;
  readonly onApply: (visualOffsetMs: Ms) => void;
  readonly onSkip: () => void;
}

/**
 * The calibration wizard's picture step: a circle flashes on every click, drawn as notes are
 * (the visual offset earlier than the sound); ←/→ (held: repeating) or the ◀ ▶ buttons move it
 * until it looks in time.
 */
export class VisualStep {
  private adjustment: Ms;
  private hold: { dir: -1 | 1; since: number; last: number } | null = null;
  private readonly buttons: ButtonRow;
  private readonly nudges: Phaser.GameObjects.Text[];

  constructor(
    scene: BaseScene,
    private readonly o: VisualStepOptions,
  ) {
    this.adjustment = o.start;
    this.buttons = new ButtonRow(
      scene,
      [
        { label: o.text('calApply'), action: () => o.onApply(this.adjustment) },
        { label: o.text('calSkip'), action: o.onSkip },
      ],
      { x: WIDTH - 190, y: o.circle.y, vertical: true, width: 260 },
    );
    // ◀◀ ◀ ▶ ▶▶ for mouse and touch: 10 ms and 1 ms either way.
    const steps = [10, 1, -1, -10];
    const labels = ['◀◀', '◀', '▶', '▶▶'];
    this.nudges = steps.map((d, i) =>
      scene.add
        .text(CENTER_X + (i - 1.5) * 110, o.nudgeY, labels[i] as string, {
          fontFamily: FONT,
          fontSize: '30px',
          color: o.textColor,
          backgroundColor: '#1d1b4f',
          padding: { x: 18, y: 6 },
        })
        .setOrigin(0.5)
        .setInteractive({ useHandCursor: true })
        .on('pointerup', () => this.nudge(d)),
    );
    this.show();
  }

  /** ← draws the flash 1 ms earlier, → later; other actions go to the buttons. */
  menu(a: MenuAction): void {
    if (a === 'left') this.nudge(1);
    else if (a === 'right') this.nudge(-1);
    else this.buttons.handle(a);
  }

  /** ←/→ held repeat in 10 ms steps (menu actions come once per press). */
  key(code: string, down: boolean): void {
    if (code !== 'ArrowLeft' && code !== 'ArrowRight') return;
    const dir = code === 'ArrowLeft' ? 1 : -1;
    if (!down) {
      if (this.hold?.dir === dir) this.hold = null;
    } else if (this.hold?.dir !== dir) {
      const now = performance.now();
      this.hold = { dir, since: now, last: now };
    }
  }

  /** Each frame: the flash at `since` seconds after the first click, and held-key repeats. */
  tick(since: Seconds): void {
    const shown = since + this.adjustment / 1000;
    const phase = shown - Math.floor(shown / this.o.beat) * this.o.beat;
    const lit = shown >= 0 && phase < FLASH;
    this.o.circle.setFillStyle(lit ? 0xffffff : this.o.color, lit ? 1 : 0.2);
    const h = this.hold;
    const now = performance.now();
    if (!h || now - h.since < HOLD_DELAY_MS || now - h.last < REPEAT_MS) return;
    h.last = now;
    this.nudge(h.dir * 10);
  }

  destroy(): void {
    this.buttons.destroy();
    for (const n of this.nudges) n.destroy();
  }

  private nudge(ms: Ms): void {
    this.adjustment = Math.max(-OFFSET_LIMIT_MS, Math.min(OFFSET_LIMIT_MS, this.adjustment + ms));
    this.show();
  }

  private show(): void {
    const a = this.adjustment;
    const key = a > 0 ? 'calVisualEarlier' : a < 0 ? 'calVisualLater' : 'calVisualZero';
    this.o.status.setText(this.o.text(key, { ms: Math.abs(a) }));
  }
}
