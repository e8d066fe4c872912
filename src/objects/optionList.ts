import type Phaser from 'phaser';
import { FONT } from '../game/theme';
import type { MenuAction } from '../input/press';
import type { BaseScene } from '../scenes/BaseScene';

interface RowBase {
  label: string;
  hint?: string;
}

/** A number changed by ←/→ in `step`s (and `fastStep`s while the key is held), or by the mouse on its track. */
export interface SliderRow extends RowBase {
  kind: 'slider';
  min: number;
  max: number;
  step: number;
  /** Step while ←/→ is held down for a while; defaults to `step`. */
  fastStep?: number;
  get(): number;
  set(value: number): void;
  format(value: number): string;
}

export interface ToggleRow extends RowBase {
  kind: 'toggle';
  get(): boolean;
  set(value: boolean): void;
}

export interface ChoiceRow extends RowBase {
  kind: 'choice';
  options: readonly { value: string; label: string }[];
  get(): string;
  set(value: string): void;
}

export interface ActionRow extends RowBase {
  kind: 'action';
  action(): void;
  /** A value shown at the row's right instead of the arrow (e.g. the pads a drum has). */
  value?(): string;
}

export type OptionRow = SliderRow | ToggleRow | ChoiceRow | ActionRow;

export interface OptionListOptions {
  /** Centre (and optionally width) of each row, by index: rows may sit in several columns. */
  place(index: number): { x: number; y: number; width?: number };
  width: number;
  height: number;
  fontSize?: number;
  onLabel: string;
  offLabel: string;
  onFocus?: (row: OptionRow, index: number) => void;
  /**
   * Small screens: rows before `pinnedFrom` are shown `pageSize` at a time (the page of the
   * focused row); rows from `pinnedFrom` on (Back...) always show.
   */
  paging?: { pageSize: number; pinnedFrom: number };
}

/** Held ←/→ repeats after this long, then every REPEAT_MS; after FAST_AFTER_MS it takes fast steps. */
const REPEAT_DELAY_MS = 380;
const REPEAT_MS = 55;
const FAST_AFTER_MS = 1200;

interface RowView {
  /** Everything the row draws (shown and hidden with its page). */
  parts: Phaser.GameObjects.GameObject[];
  bg: Phaser.GameObjects.Rectangle;
  /** Narrower than the list's width (a lone Back button): label centred, no arrow. */
  narrow: boolean;
  value: Phaser.GameObjects.Text;
  track?: { bar: Phaser.GameObjects.Rectangle; fill: Phaser.GameObjects.Rectangle; left: number; width: number };
}

/**
 * A settings list: each row is a slider, a toggle, a choice or an action, worked by
 * ↑/↓ (focus), ←/→ (change; hold to repeat), Enter (toggle / act), mouse and touch.
 * Like ButtonRow it subscribes to nothing: the scene feeds it menu actions and raw key
 * up/down (for holding), so a dialog on top can take the keyboard away.
 */
export class OptionList {
  private readonly views: RowView[] = [];
  private focus = 0;
  private hold: { dir: -1 | 1; since: number; last: number } | null = null;
  private dragging: number | null = null;

  constructor(
    private readonly scene: BaseScene,
    private readonly rows: OptionRow[],
    private readonly options: OptionListOptions,
  ) {
    rows.forEach((row, i) => {
      this.build(row, i);
    });
    const onMove = (p: Phaser.Input.Pointer) => {
      if (this.dragging !== null && p.isDown) this.setFromPointer(this.dragging, p.x);
    };
    const onUp = () => {
      this.dragging = null;
    };
    scene.input.on('pointermove', onMove);
    scene.input.on('pointerup', onUp);
    scene.own(() => {
      scene.input.off('pointermove', onMove);
      scene.input.off('pointerup', onUp);
    });
    this.setFocus(0);
  }

  get focused(): number {
    return this.focus;
  }

  /** Takes a menu action; returns true when it was used. */
  handle(a: MenuAction): boolean {
    const n = this.rows.length;
    if (a === 'up') this.setFocus((this.focus + n - 1) % n);
    else if (a === 'down') this.setFocus((this.focus + 1) % n);
    else if (a === 'left' || a === 'right') this.change(this.focus, a === 'left' ? -1 : 1, false);
    else if (a === 'confirm') this.activate(this.focus);
    else return false;
    return true;
  }

  /** Raw ←/→ up and down, for hold-to-repeat (menu actions come once per press). */
  holdKey(code: string, down: boolean, timeStamp: number): void {
    if (code !== 'ArrowLeft' && code !== 'ArrowRight') return;
    const dir = code === 'ArrowLeft' ? -1 : 1;
    if (down) {
      if (!this.hold || this.hold.dir !== dir) this.hold = { dir, since: timeStamp, last: timeStamp };
    } else if (this.hold?.dir === dir) this.hold = null;
  }

  releaseHold(): void {
    this.hold = null;
  }

  /** Call every frame: repeats a held ←/→. */
  update(now: number): void {
    const h = this.hold;
    if (!h) return;
    const row = this.rows[this.focus];
    if (row?.kind !== 'slider') return;
    if (now - h.since < REPEAT_DELAY_MS || now - h.last < REPEAT_MS) return;
    h.last = now;
    this.change(this.focus, h.dir, now - h.since > FAST_AFTER_MS);
  }

  /** Redraws every row's value (values changed from outside the list). */
  refresh(): void {
    for (let i = 0; i < this.rows.length; i++) this.draw(i);
  }

  /** The page shown (0 without paging). */
  page = 0;

  /** Shows the next page of rows (wrapping), focusing its first row. */
  nextPage(): void {
    const paging = this.options.paging;
    if (!paging) return;
    const pages = Math.ceil(paging.pinnedFrom / paging.pageSize);
    this.setFocus(((this.page + 1) % pages) * paging.pageSize);
  }

  private showPage(): void {
    const paging = this.options.paging;
    if (!paging) return;
    this.views.forEach((v, j) => {
      const on = j >= paging.pinnedFrom || Math.floor(j / paging.pageSize) === this.page;
      for (const o of v.parts) (o as unknown as { setVisible(v: boolean): void }).setVisible(on);
    });
  }

  setFocus(i: number): void {
    this.focus = i;
    const paging = this.options.paging;
    if (paging && i < paging.pinnedFrom && Math.floor(i / paging.pageSize) !== this.page) {
      this.page = Math.floor(i / paging.pageSize);
    }
    this.showPage();
    const accent = this.scene.palette.accent;
    this.views.forEach((v, j) => {
      const on = j === i;
      v.bg.setFillStyle(on ? 0x3b2a8f : 0x1d1b4f, on ? 0.97 : 0.82);
      v.bg.setStrokeStyle(3, on ? accent : 0x6c63ff, on ? 1 : 0.45);
    });
    const row = this.rows[i];
    if (row) this.options.onFocus?.(row, i);
  }

  private build(row: OptionRow, i: number): void {
    const place = this.options.place(i);
    const { x, y } = place;
    const width = place.width ?? this.options.width;
    const { height } = this.options;
    const fontSize = this.options.fontSize ?? 24;
    const left = x - width / 2;
    const right = x + width / 2;
    const bg = this.scene.add.rectangle(x, y, width, height, 0x1d1b4f, 0.82);
    bg.setInteractive({ useHandCursor: true });
    bg.on('pointerover', () => this.setFocus(i));
    bg.on('pointerup', () => {
      this.setFocus(i);
      // Sliders change on their track (pointerdown there); a click elsewhere on the row only focuses.
      if (row.kind !== 'slider') this.activate(i);
    });
    const style = { fontFamily: FONT, fontSize: `${fontSize}px`, color: this.scene.palette.text };
    const label = this.scene.add.text(left + 18, y, row.label, style).setOrigin(0, 0.5);
    if (row.kind === 'action') label.setFontStyle('bold');
    // A row narrower than its usual width (Back) centres its label.
    if (row.kind === 'action' && width < this.options.width) label.setOrigin(0.5).setX(x);
    const value = this.scene.add
      .text(right - 16, y, '', { ...style, fontStyle: 'bold' })
      .setOrigin(1, 0.5)
      .setColor('#ffd166');
    const view: RowView = { parts: [bg, label, value], bg, value, narrow: width < this.options.width };
    if (row.kind === 'slider') {
      // The track sits between the label and the value: 30 % of the row, right of its centre.
      const trackLeft = x + width * 0.02;
      const trackWidth = width * 0.27;
      const bar = this.scene.add.rectangle(trackLeft, y, trackWidth, 10, 0x0b0930, 1).setOrigin(0, 0.5);
      bar.setStrokeStyle(2, 0x6c63ff, 0.8);
      const fill = this.scene.add.rectangle(trackLeft, y, 1, 10, this.scene.palette.accent, 1).setOrigin(0, 0.5);
      // A taller invisible hit area makes the thin track easy to grab with a finger.
      const hit = this.scene.add.rectangle(trackLeft + trackWidth / 2, y, trackWidth + 24, height, 0, 0.001);
      hit.setInteractive({ useHandCursor: true });
      hit.on('pointerover', () => this.setFocus(i));
      hit.on('pointerdown', (p: Phaser.Input.Pointer) => {
        this.setFocus(i);
        this.dragging = i;
        this.setFromPointer(i, p.x);
      });
      view.track = { bar, fill, left: trackLeft, width: trackWidth };
      view.parts.push(bar, fill, hit);
    }
    // One row, one box for the layout test (src/page/layoutBoxes.ts).
    for (const o of view.parts) Object.assign(o, { layoutGroup: `row:${i}` });
    this.views[i] = view;
    this.draw(i);
  }

  private setFromPointer(i: number, px: number): void {
    const row = this.rows[i];
    const track = this.views[i]?.track;
    if (row?.kind !== 'slider' || !track) return;
    const f = Math.min(1, Math.max(0, (px - track.left) / track.width));
    const raw = row.min + f * (row.max - row.min);
    this.setSlider(i, row, row.min + Math.round((raw - row.min) / row.step) * row.step);
  }

  private change(i: number, dir: -1 | 1, fast: boolean): void {
    const row = this.rows[i];
    if (!row) return;
    if (row.kind === 'slider') {
      const step = fast ? (row.fastStep ?? row.step) : row.step;
      this.setSlider(i, row, row.get() + dir * step);
    } else if (row.kind === 'toggle') {
      row.set(dir > 0);
      this.draw(i);
    } else if (row.kind === 'choice') {
      const n = row.options.length;
      const cur = Math.max(
        0,
        row.options.findIndex((o) => o.value === row.get()),
      );
      const next = row.options[(cur + dir + n) % n];
      if (next) row.set(next.value);
      this.draw(i);
    }
  }

  private setSlider(i: number, row: SliderRow, value: number): void {
    // Rounded to the step's decimals: 0.1 + 0.2 must not show as 0.30000000000000004.
    const decimals = Math.max(0, -Math.floor(Math.log10(row.step)));
    const v = Number(Math.min(row.max, Math.max(row.min, value)).toFixed(decimals));
    if (v !== row.get()) row.set(v);
    this.draw(i);
  }

  private activate(i: number): void {
    const row = this.rows[i];
    if (!row) return;
    if (row.kind === 'action') row.action();
    else if (row.kind === 'toggle') {
      row.set(!row.get());
      this.draw(i);
    } else if (row.kind === 'choice') this.change(i, 1, false);
  }

  private draw(i: number): void {
    const row = this.rows[i];
    const view = this.views[i];
    if (!row || !view) return;
    if (row.kind === 'slider') {
      const v = row.get();
      view.value.setText(row.format(v));
      if (view.track) view.track.fill.width = Math.max(1, ((v - row.min) / (row.max - row.min)) * view.track.width);
    } else if (row.kind === 'toggle') {
      view.value.setText(row.get() ? this.options.onLabel : this.options.offLabel);
      view.value.setColor(row.get() ? '#9ef01a' : '#ff8fa3');
    } else if (row.kind === 'choice') {
      view.value.setText(`◀ ${row.options.find((o) => o.value === row.get())?.label ?? row.get()} ▶`);
    } else view.value.setText(view.narrow ? '' : (row.value?.() ?? '›'));
  }
}
