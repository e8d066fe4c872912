import type Phaser from 'phaser';
import { LANE_LABEL } from '../content/strings';
import { LANES, type Lane, PLAYERS, type PlayerId } from '../core/units';
import { CENTER_X, HEIGHT, PORTRAIT, WIDTH } from '../game/layout';
import { minButtonPx, topInset } from '../game/layoutService';
import { FONT, hex } from '../game/theme';
import { DEFAULT_KEYS, type Bindings as KeyBindings, keyLabel, keyProblem, type PlayerKeys } from '../input/bindings';
import { rebind } from '../input/keyTest';
import type { MenuAction } from '../input/press';
import { ButtonRow } from '../objects/buttonRow';
import { wrapStyle } from '../objects/captionBox';
import { ConfirmDialog } from '../objects/confirmDialog';
import { KeyTestPanel } from '../objects/keyTestPanel';
import { BaseScene } from './BaseScene';
import type { ReturnTo } from './Settings';

/** Player 2 on the numpad: a suggestion for keyboards that drop two players' chords. */
const NUMPAD_P2: PlayerKeys = { hihat: 'Numpad4', snare: 'Numpad5', tom: 'Numpad6', kick: 'Numpad0' };

const PANEL_BASE = { top: 70, bottom: 210, cellY: 160, cellW: 130, cellH: 76, gap: 10, width: 590 } as const;
/** The two players' panels side by side, narrower (with narrower cells) on a narrow screen. */
const panelGeometry = () => {
  const width = Math.min(PANEL_BASE.width, (WIDTH - 60) / 2);
  const cellW = Math.min(PANEL_BASE.cellW, (width - 20 - 3 * PANEL_BASE.gap) / 4);
  const cellH = Math.max(PANEL_BASE.cellH, minButtonPx());
  // Below the page's own buttons upright; the cells (a thumb tall) under the player's name.
  const top = PORTRAIT ? topInset() + 56 : PANEL_BASE.top;
  const cellY = top + 60 + cellH / 2;
  return { ...PANEL_BASE, width, cellW, cellH, top, cellY, bottom: cellY + cellH / 2 + 12 };
};
let PANEL = panelGeometry();
const panelX = (p: PlayerId) => CENTER_X + (p === 0 ? -1 : 1) * (PANEL.width / 2 + 20);
/** Buttons, message and key test follow the panels down (taller on a phone). */
const buttonsY = () => PANEL.bottom + 12 + Math.max(50, minButtonPx()) / 2;
const messageY = () => buttonsY() + Math.max(50, minButtonPx()) / 2 + 8;
const test = (messageBottom: number) =>
  ({ top: Math.max(314, messageBottom + 8), bottom: HEIGHT - 12, rowY: 412, rowH: 27 }) as const;

export interface BindingsSceneData {
  back?: ReturnTo;
}

/**
 * Key bindings per player and lane, rebound by pressing the new key (`KeyboardEvent.code`,
 * so the layout does not matter). A key already bound elsewhere is swapped, and the message
 * says where it went. The key test shows the keys the keyboard reports down and walks the
 * players through every chord the charts need, reporting the ones this keyboard drops.
 */
export class Bindings extends BaseScene {
  private back: ReturnTo = { scene: 'Settings' };
  private cells: { bg: Phaser.GameObjects.Rectangle; key: Phaser.GameObjects.Text }[] = [];
  /** Keyboard focus: 0..7 a cell (player * 4 + lane), or the buttons row. */
  private row: 'cells' | 'buttons' = 'cells';
  private cell = 0;
  private buttons!: ButtonRow;
  private message!: Phaser.GameObjects.Text;
  private mode: 'browse' | 'capture' | 'test' = 'browse';
  private dialog: ConfirmDialog | null = null;
  /** Set while the key event that a rebinding or a chord took is still being dispatched. */
  private swallowMenu = false;
  private panel!: KeyTestPanel;

  constructor() {
    super('Bindings');
  }

  create(data: BindingsSceneData = {}): void {
    this.back = data.back ?? { scene: 'Settings' };
    this.mode = 'browse';
    this.row = 'cells';
    this.cell = 0;
    this.dialog = null;
    this.cells = [];

    PANEL = panelGeometry();
    this.backdrop(0.6);
    this.add
      .text(CENTER_X, 44, this.t('bindTitle'), {
        fontFamily: FONT,
        fontSize: '44px',
        color: '#ffe8a3',
        fontStyle: 'bold',
      })
      .setOrigin(0.5);
    for (const p of PLAYERS) this.makePanel(p);
    this.buttons = new ButtonRow(
      this,
      [
        { label: this.t('keyTestStart'), action: () => this.startTest() },
        { label: this.t('bindReset'), action: () => this.confirmReset() },
        { label: this.t('bindNumpad'), action: () => this.numpadForP2() },
        { label: this.t('back'), action: () => this.leave() },
      ],
      { x: CENTER_X, y: buttonsY(), width: 270, height: 50, gap: 18, fontSize: 22 },
    );
    const wrap = { wordWrap: wrapStyle(WIDTH - 80), align: 'center' } as const;
    this.message = this.add
      .text(CENTER_X, messageY(), this.t('bindHint'), {
        fontFamily: FONT,
        fontSize: '21px',
        color: this.palette.text,
        ...wrap,
      })
      .setOrigin(0.5, 0);
    this.panel = new KeyTestPanel(this, {
      ...test(this.message.y + this.message.height),
      palette: this.palette,
      bindings: () => this.app.settings.bindings,
      t: (key, vars) => this.t(key, vars),
      laneName: (lane) => this.t(LANE_LABEL[lane]),
      onEnd: () => this.testEnded(),
    });
    this.refreshCells();
    this.refreshFocus();

    this.onMenu((a) => this.onMenuAction(a));
    this.own(this.app.input.on('rawKey', (e) => this.onRawKey(e.code, e.down, e.repeat)));
  }

  /** Keys the keyboard reports held now. */
  private get down(): ReadonlySet<string> {
    return this.app.input.keyboard.held;
  }

  private makePanel(p: PlayerId): void {
    const x = panelX(p);
    const color = this.palette.players[p];
    this.add
      .rectangle(x, (PANEL.top + PANEL.bottom) / 2, PANEL.width, PANEL.bottom - PANEL.top, 0x151238, 0.9)
      .setStrokeStyle(3, color);
    const who = `${this.t(p === 0 ? 'player1' : 'player2')} · ${this.t(p === 0 ? 'nameTakaichi' : 'nameLee')}`;
    this.add
      .text(x, PANEL.top + 20, who, { fontFamily: FONT, fontSize: '24px', fontStyle: 'bold', color: hex(color) })
      .setOrigin(0.5);
    LANES.forEach((lane, i) => {
      const cx = x + (i - 1.5) * (PANEL.cellW + PANEL.gap);
      const index = p * LANES.length + i;
      const bg = this.add.rectangle(cx, PANEL.cellY, PANEL.cellW, PANEL.cellH, 0x1d1b4f, 0.95);
      bg.setInteractive({ useHandCursor: true });
      bg.on('pointerover', () => {
        if (this.mode === 'browse' && !this.dialog?.open) this.focusCell(index);
      });
      bg.on('pointerup', () => {
        if (this.mode !== 'browse' || this.dialog?.open) return;
        this.focusCell(index);
        this.startCapture();
      });
      const text = (y: number, t: string, size: number, color: string, bold = false) =>
        this.add.text(cx, y, t, { fontFamily: FONT, fontSize: `${size}px`, color, fontStyle: bold ? 'bold' : '' });
      const label = text(PANEL.cellY - 22, this.t(LANE_LABEL[lane]), 18, this.palette.dim)
        .setOrigin(0.5)
        .setStyle({ wordWrap: wrapStyle(PANEL.cellW - 6), align: 'center' });
      const key = text(PANEL.cellY + 12, '', 30, this.palette.text, true).setOrigin(0.5);
      // One cell, one box for the layout test (src/page/layoutBoxes.ts).
      for (const o of [bg, label, key]) Object.assign(o, { layoutGroup: `cell:${index}` });
      this.cells[index] = { bg, key };
    });
  }

  private onMenuAction(a: MenuAction): void {
    if (this.swallowMenu) return;
    if (this.dialog?.open) {
      this.dialog.handle(a);
      return;
    }
    if (this.mode === 'capture') return;
    if (this.mode === 'test') {
      if (a === 'confirm') this.panel.giveUp(this.down);
      else if (a === 'back') this.panel.stop();
      return;
    }
    if (a === 'back') this.leave();
    else if (this.row === 'buttons') {
      if (a === 'up') {
        this.row = 'cells';
        this.refreshFocus();
      } else this.buttons.handle(a);
    } else if (a === 'left' || a === 'right') {
      const n = this.cells.length;
      this.focusCell((this.cell + (a === 'left' ? n - 1 : 1)) % n);
    } else if (a === 'down') {
      this.row = 'buttons';
      this.refreshFocus();
    } else if (a === 'confirm') this.startCapture();
  }

  private onRawKey(code: string, down: boolean, repeat: boolean): void {
    if (!this.scene.isActive()) return;
    this.panel.showDown(this.down);
    if (this.dialog?.open) return;
    if (this.mode === 'capture' && down && !repeat) {
      this.swallowNextMenu();
      this.capture(code);
    } else if (this.mode === 'test') {
      if (this.panel.test.uses(code)) this.swallowNextMenu();
      this.panel.observe(this.down);
    }
  }

  /** The menu action of the key event being handled (rawKey comes first) is not for the menu. */
  private swallowNextMenu(): void {
    this.swallowMenu = true;
    queueMicrotask(() => {
      this.swallowMenu = false;
    });
  }

  private startCapture(): void {
    if (this.row !== 'cells') return;
    this.mode = 'capture';
    const { player, lane } = this.slot(this.cell);
    this.message.setText(
      this.t('bindPressHint', { player: this.t(player === 0 ? 'player1' : 'player2'), lane: this.t(LANE_LABEL[lane]) }),
    );
    this.refreshCells();
  }

  private capture(code: string): void {
    if (code === 'Escape') {
      this.mode = 'browse';
      this.message.setText(this.t('bindHint'));
      this.refreshCells();
      return;
    }
    const problem = keyProblem(code);
    if (problem) {
      this.message.setText(this.t(problem === 'reserved' ? 'bindReserved' : 'bindUnknownKey', { key: keyLabel(code) }));
      return;
    }
    const { player, lane } = this.slot(this.cell);
    this.message.setText(this.assign(player, lane, code));
    this.mode = 'browse';
    this.refreshCells();
  }

  /** Binds `code` to a drum; a key bound elsewhere swaps places. Returns the message to show. */
  private assign(player: PlayerId, lane: Lane, code: string): string {
    const old = this.app.settings.bindings.keyboard[player][lane];
    const { bindings, swapped } = rebind(this.app.settings.bindings, player, lane, code);
    this.setBindings(bindings);
    if (swapped) {
      const other = `${this.t(swapped.player === 0 ? 'p1Short' : 'p2Short')} ${this.t(LANE_LABEL[swapped.lane])}`;
      return this.t('bindSwapped', { key: keyLabel(code), other, old: keyLabel(old) });
    }
    const who = this.t(player === 0 ? 'player1' : 'player2');
    return this.t('bindSet', { player: who, lane: this.t(LANE_LABEL[lane]), key: keyLabel(code) });
  }

  private setBindings(bindings: KeyBindings): void {
    this.app.updateSettings({ ...this.app.settings, bindings: bindings as typeof this.app.settings.bindings });
    this.refreshCells();
    this.panel.refresh();
  }

  private confirmReset(): void {
    this.dialog = new ConfirmDialog(this, {
      message: this.t('bindResetConfirm'),
      confirmLabel: this.t('reset'),
      cancelLabel: this.t('cancel'),
      onConfirm: () => {
        this.setBindings({ keyboard: [{ ...DEFAULT_KEYS[0] }, { ...DEFAULT_KEYS[1] }] });
        this.message.setText(this.t('bindResetDone'));
      },
    });
  }

  private numpadForP2(): void {
    let b: KeyBindings = this.app.settings.bindings;
    for (const lane of LANES) b = rebind(b, 1, lane, NUMPAD_P2[lane]).bindings;
    this.setBindings(b);
    this.message.setText(this.t('bindNumpadDone'));
  }

  private startTest(): void {
    this.mode = 'test';
    this.buttons.setActive(false);
    this.message.setText(this.t('keyTestGiveUpHint'));
    this.panel.start(this.down);
  }

  private testEnded(): void {
    this.mode = 'browse';
    this.row = 'buttons';
    this.refreshFocus();
    this.message.setText(this.t('bindHint'));
  }

  private slot(index: number): { player: PlayerId; lane: Lane } {
    return { player: (index < LANES.length ? 0 : 1) as PlayerId, lane: LANES[index % LANES.length] as Lane };
  }

  private focusCell(i: number): void {
    this.row = 'cells';
    this.cell = i;
    this.refreshFocus();
  }

  private refreshFocus(): void {
    this.buttons.setActive(this.row === 'buttons' && this.mode !== 'test');
    this.refreshCells();
  }

  private refreshCells(): void {
    const accent = this.palette.accent;
    this.cells.forEach((c, i) => {
      const { player, lane } = this.slot(i);
      const focused = this.row === 'cells' && i === this.cell && this.mode !== 'test';
      const capturing = focused && this.mode === 'capture';
      c.key.setText(capturing ? this.t('bindPress') : keyLabel(this.app.settings.bindings.keyboard[player][lane]));
      c.key.setFontSize(capturing ? 18 : 30);
      c.bg.setFillStyle(capturing ? 0x6c3bd4 : focused ? 0x3b2a8f : 0x1d1b4f, 0.95);
      c.bg.setStrokeStyle(3, focused ? accent : 0x6c63ff, focused ? 1 : 0.45);
    });
  }

  private leave(): void {
    this.scene.start(this.back.scene, this.back.data);
  }
}
