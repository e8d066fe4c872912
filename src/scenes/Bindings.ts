import type Phaser from 'phaser';
import type { StringKey } from '../content/strings';
import { LANES, type Lane, PLAYERS, type PlayerId } from '../core/units';
import { CENTER_X, HEIGHT, WIDTH } from '../game/layout';
import { FONT, hex } from '../game/theme';
import { DEFAULT_BINDINGS, type Bindings as KeyBindings, keyLabel, type PlayerBindings } from '../input/bindings';
import type { MenuAction } from '../input/inputHub';
import { ButtonRow } from '../objects/buttonRow';
import { ConfirmDialog } from '../objects/confirmDialog';
import { BaseScene } from './BaseScene';
import type { ReturnTo } from './Settings';

export const LANE_LABEL: Record<Lane, StringKey> = {
  hihat: 'laneHihat',
  snare: 'laneSnare',
  tom: 'laneTom',
  kick: 'laneKick',
};

/** Keys that keep their menu meaning everywhere (Esc also cancels a rebinding). */
const RESERVED = new Set(['Escape', 'Backspace']);

/** Player 2 on the numpad: a suggestion for keyboards that drop two players' chords. */
const NUMPAD_P2: PlayerBindings = { hihat: 'Numpad4', snare: 'Numpad5', tom: 'Numpad6', kick: 'Numpad0' };

interface Chord {
  /** Drums held at once, by player. */
  readonly parts: readonly { player: PlayerId; lanes: readonly Lane[] }[];
}

/**
 * The combinations the charts need at once (counted over every song and difficulty: hi-hat +
 * kick is the most common, both players' hi-hat + snare + kick the largest). No chart asks for
 * all eight keys, so the test does not either.
 */
const CHORDS: readonly Chord[] = [
  ...(['hihat', 'snare'] as const).flatMap((hand) =>
    PLAYERS.map((player) => ({ parts: [{ player, lanes: [hand, 'kick'] as const }] })),
  ),
  ...PLAYERS.map((player) => ({ parts: [{ player, lanes: ['hihat', 'snare', 'kick'] as const }] })),
  { parts: PLAYERS.map((player) => ({ player, lanes: ['hihat', 'kick'] as const })) },
  { parts: PLAYERS.map((player) => ({ player, lanes: ['hihat', 'snare', 'kick'] as const })) },
];

type ChordResult = { state: 'pending' | 'current' | 'ok' } | { state: 'dropped'; missing: string[] };

const PANEL = { top: 70, bottom: 210, cellY: 160, cellW: 130, cellH: 76, gap: 10, width: 590 } as const;
const panelX = (p: PlayerId) => CENTER_X + (p === 0 ? -1 : 1) * (PANEL.width / 2 + 20);
const BUTTONS_Y = 246;
const MESSAGE_Y = 290;
const TEST = { top: 314, bottom: HEIGHT - 12, rowY: 412, rowH: 27 } as const;

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
  private readonly down = new Set<string>();
  private downText!: Phaser.GameObjects.Text;
  private instruction!: Phaser.GameObjects.Text;
  private chordTexts: Phaser.GameObjects.Text[] = [];
  private summary!: Phaser.GameObjects.Text;
  private results: ChordResult[] = [];
  private chordIndex = -1;
  /** Most keys of the current chord seen down at once. */
  private best = new Set<string>();
  private chordCodes: string[] = [];

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
    this.chordTexts = [];
    this.down.clear();
    this.results = CHORDS.map(() => ({ state: 'pending' }));
    this.chordIndex = -1;

    this.add.image(0, 0, 'sky').setOrigin(0).setDisplaySize(WIDTH, HEIGHT);
    this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x07051a, 0.6).setOrigin(0);
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
      { x: CENTER_X, y: BUTTONS_Y, width: 270, height: 50, gap: 18, fontSize: 22 },
    );
    this.message = this.add
      .text(CENTER_X, MESSAGE_Y, this.t('bindHint'), {
        fontFamily: FONT,
        fontSize: '21px',
        color: this.palette.text,
        align: 'center',
        wordWrap: { width: WIDTH - 80 },
      })
      .setOrigin(0.5);
    this.makeTestPanel();
    this.refreshCells();
    this.refreshFocus();

    this.onMenu((a) => this.onMenuAction(a));
    this.own(this.app.input.on('rawKey', (e) => this.onRawKey(e.code, e.down, e.repeat)));
    const blur = () => {
      this.down.clear();
      this.refreshDown();
    };
    window.addEventListener('blur', blur);
    this.own(() => window.removeEventListener('blur', blur));
  }

  private makePanel(p: PlayerId): void {
    const x = panelX(p);
    const color = this.palette.players[p];
    this.add
      .rectangle(x, (PANEL.top + PANEL.bottom) / 2, PANEL.width, PANEL.bottom - PANEL.top, 0x151238, 0.9)
      .setStrokeStyle(3, color);
    this.add
      .text(x, PANEL.top + 20, `${this.t(p === 0 ? 'player1' : 'player2')} · ${p === 0 ? 'Takaichi' : 'Lee'}`, {
        fontFamily: FONT,
        fontSize: '24px',
        fontStyle: 'bold',
        color: hex(color),
      })
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
      this.add
        .text(cx, PANEL.cellY - 22, this.t(LANE_LABEL[lane]), {
          fontFamily: FONT,
          fontSize: '18px',
          color: this.palette.dim,
        })
        .setOrigin(0.5);
      const key = this.add
        .text(cx, PANEL.cellY + 12, '', {
          fontFamily: FONT,
          fontSize: '30px',
          fontStyle: 'bold',
          color: this.palette.text,
        })
        .setOrigin(0.5);
      this.cells[index] = { bg, key };
    });
  }

  private makeTestPanel(): void {
    const h = TEST.bottom - TEST.top;
    this.add.rectangle(CENTER_X, TEST.top + h / 2, WIDTH - 60, h, 0x0d0b2a, 0.92).setStrokeStyle(2, 0x6c63ff, 0.7);
    this.add
      .text(50, TEST.top + 18, this.t('keyTest'), {
        fontFamily: FONT,
        fontSize: '24px',
        fontStyle: 'bold',
        color: '#ffe8a3',
      })
      .setOrigin(0, 0.5);
    this.downText = this.add
      .text(WIDTH - 50, TEST.top + 18, '', { fontFamily: FONT, fontSize: '22px', color: '#7df9ff', fontStyle: 'bold' })
      .setOrigin(1, 0.5);
    this.instruction = this.add
      .text(CENTER_X, TEST.top + 60, this.t('keyTestIntro'), {
        fontFamily: FONT,
        fontSize: '24px',
        fontStyle: 'bold',
        color: '#ffe8a3',
        align: 'center',
        wordWrap: { width: WIDTH - 120 },
      })
      .setOrigin(0.5);
    this.chordTexts = CHORDS.map((_, i) =>
      this.add
        .text(70, TEST.rowY + i * TEST.rowH, '', { fontFamily: FONT, fontSize: '20px', color: this.palette.dim })
        .setOrigin(0, 0.5),
    );
    this.summary = this.add
      .text(CENTER_X, TEST.rowY + CHORDS.length * TEST.rowH + 4, '', {
        fontFamily: FONT,
        fontSize: '20px',
        color: '#ffd166',
        align: 'center',
        wordWrap: { width: WIDTH - 120 },
      })
      .setOrigin(0.5, 0);
    this.refreshDown();
    this.refreshChords();
  }

  // --- input ---

  private onMenuAction(a: MenuAction): void {
    if (this.swallowMenu) return;
    if (this.dialog?.open) {
      this.dialog.handle(a);
      return;
    }
    if (this.mode === 'capture') return;
    if (this.mode === 'test') {
      if (a === 'confirm') this.giveUp();
      else if (a === 'back') this.stopTest();
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
    if (down) this.down.add(code);
    else this.down.delete(code);
    this.refreshDown();
    if (this.dialog?.open) return;
    if (this.mode === 'capture' && down && !repeat) {
      this.swallowNextMenu();
      this.capture(code);
    } else if (this.mode === 'test') {
      if (this.chordCodes.includes(code)) this.swallowNextMenu();
      this.checkChord();
    }
  }

  /** The menu action of the key event being handled (rawKey comes first) is not for the menu. */
  private swallowNextMenu(): void {
    this.swallowMenu = true;
    queueMicrotask(() => {
      this.swallowMenu = false;
    });
  }

  // --- rebinding ---

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
    if (RESERVED.has(code)) {
      this.message.setText(this.t('bindReserved', { key: keyLabel(code) }));
      return;
    }
    const { player, lane } = this.slot(this.cell);
    this.message.setText(this.assign(player, lane, code));
    this.mode = 'browse';
    this.refreshCells();
  }

  /** Binds `code` to a drum; a key bound elsewhere swaps places. Returns the message to show. */
  private assign(player: PlayerId, lane: Lane, code: string): string {
    const b = this.app.settings.bindings;
    const next: [Record<Lane, string>, Record<Lane, string>] = [{ ...b[0] }, { ...b[1] }];
    const old = next[player][lane];
    const name = (p: PlayerId, l: Lane) => `${this.t(p === 0 ? 'p1Short' : 'p2Short')} ${this.t(LANE_LABEL[l])}`;
    let msg = this.t('bindSet', {
      player: this.t(player === 0 ? 'player1' : 'player2'),
      lane: this.t(LANE_LABEL[lane]),
      key: keyLabel(code),
    });
    for (const p of PLAYERS) {
      for (const l of LANES) {
        if (next[p][l] === code && !(p === player && l === lane)) {
          next[p][l] = old;
          msg = this.t('bindSwapped', { key: keyLabel(code), other: name(p, l), old: keyLabel(old) });
        }
      }
    }
    next[player][lane] = code;
    this.setBindings(next);
    return msg;
  }

  private setBindings(bindings: KeyBindings): void {
    this.app.updateSettings({ ...this.app.settings, bindings: [{ ...bindings[0] }, { ...bindings[1] }] });
    this.refreshCells();
    this.refreshChords();
  }

  private confirmReset(): void {
    this.dialog = new ConfirmDialog(this, {
      message: this.t('bindResetConfirm'),
      confirmLabel: this.t('reset'),
      cancelLabel: this.t('cancel'),
      onConfirm: () => {
        this.setBindings(DEFAULT_BINDINGS);
        this.message.setText(this.t('bindResetDone'));
      },
    });
  }

  private numpadForP2(): void {
    for (const lane of LANES) this.assign(1, lane, NUMPAD_P2[lane]);
    this.message.setText(this.t('bindNumpadDone'));
  }

  // --- key test ---

  private startTest(): void {
    this.mode = 'test';
    this.results = CHORDS.map(() => ({ state: 'pending' }));
    this.summary.setText('');
    this.buttons.setActive(false);
    this.message.setText(this.t('keyTestGiveUpHint'));
    this.nextChord(0);
  }

  private nextChord(i: number): void {
    this.chordIndex = i;
    this.best = new Set();
    const chord = CHORDS[i];
    if (!chord) {
      this.finishTest();
      return;
    }
    this.results[i] = { state: 'current' };
    this.chordCodes = this.codesOf(chord);
    this.instruction.setText(this.t('keyTestHold', { keys: this.chordLabel(chord, true) }));
    this.refreshChords();
    this.checkChord();
  }

  private checkChord(): void {
    const chord = CHORDS[this.chordIndex];
    if (this.mode !== 'test' || !chord) return;
    const held = this.chordCodes.filter((c) => this.down.has(c));
    if (held.length > this.best.size) this.best = new Set(held);
    if (held.length === this.chordCodes.length) {
      this.results[this.chordIndex] = { state: 'ok' };
      this.nextChord(this.chordIndex + 1);
    }
  }

  private giveUp(): void {
    if (this.chordIndex < 0 || this.chordIndex >= CHORDS.length) return;
    const missing = this.chordCodes.filter((c) => !this.best.has(c)).map(keyLabel);
    this.results[this.chordIndex] = { state: 'dropped', missing };
    this.nextChord(this.chordIndex + 1);
  }

  private stopTest(): void {
    this.results = this.results.map((r) => (r.state === 'current' ? { state: 'pending' } : r));
    this.finishTest();
  }

  private finishTest(): void {
    this.mode = 'browse';
    this.chordIndex = -1;
    this.chordCodes = [];
    this.row = 'buttons';
    this.buttons.setActive(true);
    this.refreshFocus();
    this.message.setText(this.t('bindHint'));
    const done = this.results.filter((r) => r.state === 'ok' || r.state === 'dropped').length;
    const dropped = this.results.filter((r) => r.state === 'dropped').length;
    this.instruction.setText(this.t('keyTestIntro'));
    if (done === CHORDS.length && dropped === 0) this.summary.setText(this.t('keyTestAllGood'));
    else if (dropped > 0) {
      this.summary.setText(
        `${this.t('keyTestSomeDropped', { n: dropped, total: CHORDS.length })} ${this.t('keyTestSuggest')}`,
      );
    } else this.summary.setText('');
    this.refreshChords();
  }

  private codesOf(chord: Chord): string[] {
    const b = this.app.settings.bindings;
    return chord.parts.flatMap((part) => part.lanes.map((l) => b[part.player][l]));
  }

  /** "P1: Hi-hat + Kick (A + F)"; with `keysOnly`, just "A + F" grouped by player. */
  private chordLabel(chord: Chord, keysOnly = false): string {
    const b = this.app.settings.bindings;
    const keys = (part: Chord['parts'][number]) => part.lanes.map((l) => keyLabel(b[part.player][l])).join(' + ');
    const short = (p: PlayerId) => this.t(p === 0 ? 'p1Short' : 'p2Short');
    if (keysOnly) return chord.parts.map((part) => `${short(part.player)} ${keys(part)}`).join('  &  ');
    const lanes = (part: Chord['parts'][number]) => part.lanes.map((l) => this.t(LANE_LABEL[l])).join(' + ');
    const first = chord.parts[0];
    if (!first) return '';
    const what =
      chord.parts.length > 1
        ? this.t('chordBoth', { lanes: lanes(first) })
        : this.t('chordOne', { player: short(first.player), lanes: lanes(first) });
    return `${what}  (${chord.parts.map(keys).join('  &  ')})`;
  }

  // --- drawing ---

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
      c.key.setText(capturing ? this.t('bindPress') : keyLabel(this.app.settings.bindings[player][lane]));
      c.key.setFontSize(capturing ? 18 : 30);
      c.bg.setFillStyle(capturing ? 0x6c3bd4 : focused ? 0x3b2a8f : 0x1d1b4f, 0.95);
      c.bg.setStrokeStyle(3, focused ? accent : 0x6c63ff, focused ? 1 : 0.45);
    });
  }

  private refreshDown(): void {
    const keys = [...this.down].map(keyLabel).join(' ');
    this.downText.setText(this.t('keyTestDown', { keys: keys || this.t('keyTestNone') }));
  }

  private refreshChords(): void {
    CHORDS.forEach((chord, i) => {
      const r = this.results[i] ?? { state: 'pending' };
      const text = this.chordTexts[i];
      if (!text) return;
      const label = this.chordLabel(chord);
      if (r.state === 'ok') text.setText(`✓ ${label} — ${this.t('keyTestPass')}`).setColor('#9ef01a');
      else if (r.state === 'dropped') {
        text
          .setText(`✗ ${label} — ${this.t('keyTestDropped', { keys: r.missing.join(' + ') || '—' })}`)
          .setColor('#ff8fa3');
      } else if (r.state === 'current') text.setText(`▶ ${label}`).setColor('#ffd166');
      else text.setText(`· ${label}`).setColor(this.palette.dim);
    });
  }

  private leave(): void {
    this.scene.start(this.back.scene, this.back.data);
  }
}
