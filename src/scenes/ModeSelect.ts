import type { StringKey } from '../content/strings';
import type { Mode } from '../core/units';
import { ART_SCALE, CENTER_X, HEIGHT, PORTRAIT, WIDTH } from '../game/layout';
import { topInset } from '../game/layoutService';
import { FONT } from '../game/theme';
import { wrapStyle } from '../objects/captionBox';
import { ConfirmDialog } from '../objects/confirmDialog';
import { Menu } from '../objects/menu';
import { BaseScene } from './BaseScene';

const MODES_SHOWN: { mode: Mode; label: StringKey; hint: StringKey }[] = [
  { mode: 'duet', label: 'modeDuet', hint: 'modeDuetHint' },
  { mode: 'battle', label: 'modeBattle', hint: 'modeBattleHint' },
  { mode: 'solo', label: 'modeSolo', hint: 'modeSoloHint' },
  { mode: 'lesson', label: 'modeLesson', hint: 'modeLessonHint' },
];

/** Other screens reachable from here, when they are part of the build. */
const SCREENS: { scene: string; label: StringKey; hint: StringKey }[] = [
  { scene: 'Settings', label: 'settings', hint: 'settingsHint' },
  { scene: 'About', label: 'about', hint: 'aboutHint' },
];

/** Duet, Battle, Solo, Lesson; Settings and About. */
export class ModeSelect extends BaseScene {
  constructor() {
    super('ModeSelect');
  }

  create(): void {
    this.backdrop();
    this.add
      .image(WIDTH - 150, HEIGHT + 20, 'pagoda')
      .setOrigin(0.5, 1)
      .setScale(0.7 / ART_SCALE)
      .setAlpha(0.8);
    this.add
      .text(CENTER_X, PORTRAIT ? topInset() + 40 : 90, this.t('modeTitle'), {
        fontFamily: FONT,
        fontSize: '52px',
        color: '#ffe8a3',
        fontStyle: 'bold',
      })
      .setOrigin(0.5);
    const hint = this.add
      .text(CENTER_X, HEIGHT - 90, '', {
        fontFamily: FONT,
        fontSize: '24px',
        color: '#f5f3ff',
        align: 'center',
        wordWrap: wrapStyle(Math.min(900, WIDTH - 60), true),
      })
      .setOrigin(0.5);
    const back = () => this.scene.start('Title');
    this.menu = new Menu(
      this,
      [
        ...MODES_SHOWN.map((m) => ({
          label: this.t(m.label),
          hint: this.t(m.hint),
          action: () => this.pick(m.mode),
        })),
        ...SCREENS.filter((x) => this.scene.get(x.scene)).map((x) => ({
          label: this.t(x.label),
          hint: this.t(x.hint),
          action: () => this.scene.start(x.scene, { from: 'ModeSelect' }),
        })),
        { label: this.t('back'), action: back },
      ],
      {
        x: CENTER_X,
        y: PORTRAIT ? topInset() + 120 : 170,
        spacing: 62,
        fontSize: 30,
        bottom: HEIGHT - 150,
        onFocus: (item) => hint.setText(item.hint ?? ''),
      },
    );
    this.onMenu((a) => {
      if (this.dialog?.open) this.dialog.handle(a);
      else if (a === 'back') back();
    });
  }

  private menu!: Menu;
  private dialog: ConfirmDialog | null = null;

  private pick(mode: Mode): void {
    const settings = this.app.settings;
    if (!settings.calibrationOffered && this.scene.get('Calibration')) {
      // First play: offer the calibration wizard once (Bluetooth and TVs add a lot of delay).
      this.app.updateSettings({ ...settings, calibrationOffered: true });
      this.menu.enabled = false;
      // Opened after this key event has reached every listener, so the same Enter cannot answer it.
      queueMicrotask(() => this.offerCalibration(mode));
      return;
    }
    this.go(mode);
  }

  /** Calibrate now, or go on to the chosen mode (Esc or "Later"). */
  private offerCalibration(mode: Mode): void {
    let calibrate = false;
    this.dialog = new ConfirmDialog(this, {
      message: this.t('calibrateOffer'),
      confirmLabel: this.t('calibrateNow'),
      cancelLabel: this.t('later'),
      onConfirm: () => {
        calibrate = true;
        this.scene.start('Calibration', { player: 0, back: { scene: 'ModeSelect', data: {} } });
      },
      onClose: () => {
        this.dialog = null;
        this.menu.enabled = true;
        if (!calibrate) this.go(mode);
      },
    });
  }

  private go(mode: Mode): void {
    this.app.flow.choose({ mode });
    // A mode with a fixed song (the Lesson: one song, slow and gentle) goes straight to it.
    this.scene.start(this.app.flow.lineup.fixed ? 'Play' : 'SongSelect');
  }
}
