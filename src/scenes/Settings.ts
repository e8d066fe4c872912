import type Phaser from 'phaser';
import type { StringKey } from '../content/strings';
import { OFFSET_LIMIT_MS, PLAYERS, type PlayerId } from '../core/units';
import { CENTER_X, HEIGHT, PORTRAIT, touchLayout, WIDTH } from '../game/layout';
import { minButtonPx, topInset } from '../game/layoutService';
import { defaultSettings, LANGUAGES, type Language, type Settings as SettingsData } from '../game/settings';
import { FONT } from '../game/theme';
import { wrapStyle } from '../objects/captionBox';
import { ConfirmDialog } from '../objects/confirmDialog';
import { OptionList, type OptionRow } from '../objects/optionList';
import { BaseScene } from './BaseScene';

/** Where a scene goes back to, with the data that scene wants. */
export interface ReturnTo {
  scene: string;
  data?: object;
}

export interface SettingsSceneData {
  /** The scene Back returns to (default ModeSelect). */
  from?: string;
  /** Row focused on entry (kept when the scene redraws itself, e.g. after a language change). */
  focus?: number;
}

const LANGUAGE_LABEL: Record<Language, StringKey> = { en: 'langEn', ja: 'langJa', ko: 'langKo' };

/** Rows per column on a large screen; the two columns are followed by Reset and Back. */
const COLUMN_ROWS = 8;
const ROW = { height: 50, spacing: 57, top: 156 } as const;
const COLUMN = { width: 590, gap: 40 } as const;

/**
 * Where the rows go: two columns of eight on a large screen; on a small one (rows at least
 * 44 CSS px tall) as many columns and rows as fit, a page at a time, with "More" beside Back.
 */
function settingsLayout(top: number) {
  const height = Math.max(ROW.height, minButtonPx());
  const spacing = height + 7;
  const columns = Math.max(1, Math.min(3, Math.floor((WIDTH - 40 + COLUMN.gap) / (420 + COLUMN.gap))));
  const width = Math.min(COLUMN.width, (WIDTH - 40 - COLUMN.gap * (columns - 1)) / columns);
  const backY = HEIGHT - 12 - height / 2;
  const rowTop = top + height / 2;
  const perColumn = Math.max(1, Math.floor((backY - height / 2 - 10 - rowTop + height / 2) / spacing));
  const pageSize = Math.min(2 * COLUMN_ROWS, perColumn * columns, columns * COLUMN_ROWS);
  const columnX = (c: number) => CENTER_X + (c - (columns - 1) / 2) * (width + COLUMN.gap);
  const rows = Math.min(perColumn, Math.ceil(pageSize / columns));
  return { height, spacing, columns, width, backY, rowTop, rows, pageSize, columnX };
}

/**
 * Volumes, timing, calibration, keys, language and accessibility. Every change goes through
 * `app.updateSettings` with a new object (which applies and saves it) and shows at once.
 */
export class Settings extends BaseScene {
  private from = 'ModeSelect';
  private list!: OptionList;
  private dialog: ConfirmDialog | null = null;
  private hint!: Phaser.GameObjects.Text;

  constructor() {
    super('Settings');
  }

  create(data: SettingsSceneData = {}): void {
    this.from = data.from && data.from !== 'Settings' ? data.from : 'ModeSelect';
    this.dialog = null;
    this.backdrop(0.55);
    const titleY = PORTRAIT ? topInset() + 30 : 46;
    this.add
      .text(CENTER_X, titleY, this.t('settingsTitle'), {
        fontFamily: FONT,
        fontSize: '46px',
        color: '#ffe8a3',
        fontStyle: 'bold',
      })
      .setOrigin(0.5);
    // Clear of the title, and of the page's own buttons (top right) for the right-hand column.
    const L = settingsLayout(Math.max(titleY + 46, topInset() + 4));
    // A large screen: two titled columns of eight with the hint below them, as designed.
    const big =
      L.pageSize >= 2 * COLUMN_ROWS &&
      L.height === ROW.height &&
      !PORTRAIT &&
      WIDTH >= 2 * COLUMN.width + COLUMN.gap + 40;
    const columnX = (c: number) =>
      big ? CENTER_X + (c === 0 ? -1 : 1) * (COLUMN.width / 2 + COLUMN.gap / 2) : L.columnX(c);
    if (big) {
      (['setSectionSound', 'setSectionDisplay'] as const).forEach((key, c) => {
        this.add
          .text(columnX(c), ROW.top - 48, this.t(key), {
            fontFamily: FONT,
            fontSize: '24px',
            color: this.palette.dim,
            fontStyle: 'bold',
          })
          .setOrigin(0.5);
      });
    }
    this.hint = this.add
      .text(CENTER_X, ROW.top + COLUMN_ROWS * ROW.spacing + 4, '', {
        fontFamily: FONT,
        fontSize: '22px',
        color: this.palette.text,
        align: 'center',
        wordWrap: wrapStyle(WIDTH - 120),
      })
      .setOrigin(0.5, 0)
      .setVisible(big);
    if (!touchLayout && big) {
      this.add
        .text(WIDTH - 24, HEIGHT - 18, this.t('setNavHint'), {
          fontFamily: FONT,
          fontSize: '18px',
          color: this.palette.dim,
          align: 'right',
          wordWrap: wrapStyle((WIDTH - 300) / 2 - 40),
        })
        .setOrigin(1, 1);
    }

    const all = this.rows();
    const settingsRows = all.length - 2;
    const paged = !big && L.pageSize < settingsRows;
    // Paged: a "More" row between Reset and Back turns the page (keys turn it too, by moving on).
    const rows: OptionRow[] = paged
      ? [
          ...all.slice(0, settingsRows),
          { kind: 'action', label: this.t('settingsMore'), action: () => this.list.nextPage() },
          ...all.slice(settingsRows),
        ]
      : all;
    const pinned = rows.length - settingsRows;
    const pinnedW = Math.min(300, (WIDTH - 40 - 16 * (pinned - 1)) / pinned);
    this.list = new OptionList(this, rows, {
      place: (i) => {
        if (i >= settingsRows) {
          const k = i - settingsRows;
          if (big) return { x: k === 0 ? CENTER_X - 320 : CENTER_X, y: HEIGHT - 46, width: 300 };
          return {
            x: CENTER_X + (k - (pinned - 1) / 2) * (pinnedW + 16),
            y: L.backY,
            width: pinnedW,
          };
        }
        if (big) return { x: columnX(i < COLUMN_ROWS ? 0 : 1), y: ROW.top + (i % COLUMN_ROWS) * ROW.spacing };
        const slot = i % L.pageSize;
        return { x: columnX(Math.floor(slot / L.rows)), y: L.rowTop + (slot % L.rows) * L.spacing };
      },
      width: big ? COLUMN.width : L.width,
      height: big ? ROW.height : L.height,
      onLabel: this.t('on'),
      offLabel: this.t('off'),
      onFocus: (row) => this.hint.setText(row.hint ?? ''),
      ...(paged ? { paging: { pageSize: L.pageSize, pinnedFrom: settingsRows } } : {}),
    });
    this.list.setFocus(Math.min(rows.length - 1, Math.max(0, data.focus ?? 0)));

    this.onMenu((a) => {
      if (this.dialog?.open) this.dialog.handle(a);
      else if (a === 'back') this.leave();
      else this.list.handle(a);
    });
    this.own(
      this.app.input.on('rawKey', (e) => {
        if (!this.scene.isActive() || this.dialog?.open) return;
        this.list.holdKey(e.code, e.down, e.at);
      }),
    );
    this.events.on('update', this.tick, this);
    this.own(() => this.events.off('update', this.tick, this));
  }

  private tick(): void {
    if (this.dialog?.open) this.list.releaseHold();
    else this.list.update(performance.now());
  }

  private get s(): SettingsData {
    return this.app.settings;
  }

  private apply(next: Partial<SettingsData>): void {
    this.app.updateSettings({ ...this.s, ...next });
  }

  private rows(): OptionRow[] {
    const percent = (v: number) => `${Math.round(v * 100)} %`;
    const ms = (v: number) => this.t('msValue', { ms: v > 0 ? `+${v}` : String(v) });
    const volume = (key: 'master' | 'music' | 'drums', label: StringKey): OptionRow => ({
      kind: 'slider',
      label: this.t(label),
      hint: this.t('setVolumeHint'),
      min: 0,
      max: 1,
      step: 0.05,
      get: () => this.s.volumes[key],
      set: (v) => this.apply({ volumes: { ...this.s.volumes, [key]: v } }),
      format: percent,
    });
    const inputOffset = (p: PlayerId): OptionRow => ({
      kind: 'slider',
      label: this.t(p === 0 ? 'setOffsetP1' : 'setOffsetP2'),
      hint: this.t('setOffsetHint'),
      min: -OFFSET_LIMIT_MS,
      max: OFFSET_LIMIT_MS,
      step: 1,
      fastStep: 10,
      get: () => this.s.players[p].inputOffsetMs,
      set: (v) => {
        const players: SettingsData['players'] = [{ ...this.s.players[0] }, { ...this.s.players[1] }];
        players[p] = { ...players[p], inputOffsetMs: v };
        this.apply({ players });
      },
      format: ms,
    });
    const toggle = (
      key: 'reducedMotion' | 'highContrast' | 'hitSounds' | 'vibration',
      label: StringKey,
      hint: StringKey,
      redraw = false,
    ): OptionRow => ({
      kind: 'toggle',
      label: this.t(label),
      hint: this.t(hint),
      get: () => this.s[key],
      set: (v) => {
        this.apply({ [key]: v });
        if (redraw) this.redraw();
      },
    });
    const calibrate = (p: PlayerId): OptionRow => ({
      kind: 'action',
      label: this.t(p === 0 ? 'setCalibrateP1' : 'setCalibrateP2'),
      hint: this.t('setCalibrateHint'),
      action: () => this.open('Calibration', { player: p }),
    });
    const left: OptionRow[] = [
      volume('master', 'setMaster'),
      volume('music', 'setMusic'),
      volume('drums', 'setDrums'),
      ...PLAYERS.map(inputOffset),
      {
        kind: 'slider',
        label: this.t('setVisualOffset'),
        hint: this.t('setVisualOffsetHint'),
        min: -OFFSET_LIMIT_MS,
        max: OFFSET_LIMIT_MS,
        step: 1,
        fastStep: 10,
        get: () => this.s.visualOffsetMs,
        set: (v) => this.apply({ visualOffsetMs: v }),
        format: ms,
      },
      ...PLAYERS.map(calibrate),
    ];
    const right: OptionRow[] = [
      {
        kind: 'slider',
        label: this.t('setNoteSpeed'),
        hint: this.t('setNoteSpeedHint'),
        min: 0.6,
        max: 3,
        step: 0.1,
        get: () => this.s.noteSpeed,
        set: (v) => this.apply({ noteSpeed: v }),
        format: (v) => this.t('setNoteSpeedValue', { s: v.toFixed(1) }),
      },
      {
        kind: 'choice',
        label: this.t('setLanguage'),
        hint: this.t('setLanguageHint'),
        options: LANGUAGES.map((l) => ({ value: l, label: this.t(LANGUAGE_LABEL[l]) })),
        get: () => this.s.language,
        set: (v) => {
          this.apply({ language: v as Language });
          this.redraw();
        },
      },
      toggle('reducedMotion', 'setReducedMotion', 'setReducedMotionHint'),
      toggle('highContrast', 'setHighContrast', 'setHighContrastHint', true),
      toggle('hitSounds', 'setHitSounds', 'setHitSoundsHint'),
      toggle('vibration', 'setVibration', 'setVibrationHint'),
      {
        kind: 'action',
        label: this.t('setBindings'),
        hint: this.t('setBindingsHint'),
        action: () => this.open('Bindings', {}),
      },
      {
        kind: 'action',
        label: this.t('setDevices'),
        hint: this.t('setDevicesHint'),
        action: () => this.open('Devices', {}),
      },
    ];
    return [
      ...left,
      ...right,
      { kind: 'action', label: this.t('setReset'), hint: this.t('setResetHint'), action: () => this.confirmReset() },
      { kind: 'action', label: this.t('back'), action: () => this.leave() },
    ];
  }

  private confirmReset(): void {
    this.list.releaseHold();
    this.dialog = new ConfirmDialog(this, {
      message: this.t('setResetConfirm'),
      confirmLabel: this.t('reset'),
      cancelLabel: this.t('cancel'),
      onConfirm: () => {
        this.app.updateSettings(defaultSettings(this.s.language));
        this.redraw();
      },
    });
  }

  /** Rebuilds every text (language, palette) with the same row focused. */
  private redraw(): void {
    this.scene.restart({ from: this.from, focus: this.list.focused } satisfies SettingsSceneData);
  }

  /** Opens Calibration, Bindings or Devices, which come back here (and Back here still returns to `from`). */
  private open(scene: 'Calibration' | 'Bindings' | 'Devices', data: object): void {
    const back: ReturnTo = { scene: 'Settings', data: { from: this.from, focus: this.list.focused } };
    this.scene.start(scene, { ...data, back });
  }

  private leave(): void {
    this.scene.start(this.from);
  }
}
