import type Phaser from 'phaser';
import {
  audioOffsetFromTaps,
  type CalibrationResult,
  MIN_CALIBRATION_TAPS,
  visualOffsetFromAdjustments,
} from '../core/calibration';
import type { PlayerId, Seconds } from '../core/units';
import { type CalibrationTarget, calibrationTarget } from '../game/devices';
import { CENTER_X, HEIGHT, PORTRAIT, touchLayout, WIDTH } from '../game/layout';
import { FONT, hex } from '../game/theme';
import type { MenuAction } from '../input/press';
import { ButtonRow } from '../objects/buttonRow';
import { wrapStyle } from '../objects/captionBox';
import { VisualStep } from '../objects/visualStep';
import { Metronome, type MetronomeAudio } from '../run/metronome';
import { BaseScene } from './BaseScene';
import type { ReturnTo } from './Settings';

/** The metronome: 100 BPM, 24 clicks of which the first 4 count in (about 15 s in all). */
export const CALIBRATION = {
  beat: 0.6,
  clicks: 24,
  countIn: 4,
  /** The first click sounds this long after the start, so the player can get ready. */
  leadIn: 1.0,
} as const;
/** The visual step schedules its endless clicks this far ahead, s. */
const SCHEDULE_AHEAD: Seconds = 1.2;

const circle = () => ({ x: CENTER_X, y: 330, r: 105 }) as const;
const STATUS_Y = 480;
const buttonsY = () => HEIGHT - 70;

export interface CalibrationSceneData {
  player?: number;
  /** A kit or pad to calibrate (its id) instead of the player's keys: its own offset is set. */
  device?: string;
  back?: ReturnTo;
}

type Step = 'locked' | 'audio' | 'audioResult' | 'visual';

/**
 * Per-player calibration. Step 1 (sound): tap along to clicks scheduled on the audio clock;
 * each tap's event timestamp maps to audible time, and the median tap-minus-click becomes the
 * player's input offset. Step 2 (picture): a circle flashes on every click; ←/→ shift it until
 * it looks in time, and that shift becomes the visual offset. Both steps take well under a minute.
 */
export class Calibration extends BaseScene {
  private player: PlayerId = 0;
  private target!: CalibrationTarget;
  private back: ReturnTo = { scene: 'Settings' };
  private step: Step = 'locked';
  private audio: MetronomeAudio | null = null;
  private metronome: Metronome | null = null;
  private taps: Seconds[] = [];
  private result: CalibrationResult | null = null;
  private visual: VisualStep | null = null;
  private circle!: Phaser.GameObjects.Arc;
  private stepText!: Phaser.GameObjects.Text;
  private how!: Phaser.GameObjects.Text;
  private status!: Phaser.GameObjects.Text;
  private detail!: Phaser.GameObjects.Text;
  private buttons: ButtonRow | null = null;

  constructor() {
    super('Calibration');
  }

  create(data: CalibrationSceneData = {}): void {
    this.player = data.player === 1 ? 1 : 0;
    this.target = calibrationTarget(this.app, this.player, data.device);
    this.back = data.back ?? { scene: 'Settings', data: {} };
    this.step = 'locked';
    this.metronome = null;
    this.audio = null;
    this.buttons = null;
    this.visual = null;
    const color = this.palette.players[this.player];

    this.backdrop(0.6);
    this.add
      .text(CENTER_X, 46, this.target.title, {
        fontFamily: FONT,
        fontSize: '44px',
        fontStyle: 'bold',
        color: hex(color),
        stroke: '#120c33',
        strokeThickness: 6,
      })
      .setOrigin(0.5);
    const wrap = { align: 'center', wordWrap: wrapStyle(WIDTH - 160) } as const;
    const text = (y: number, size: number, color: string) =>
      this.add.text(CENTER_X, y, '', { fontFamily: FONT, fontSize: `${size}px`, color, ...wrap }).setOrigin(0.5);
    this.stepText = text(104, 28, '#ffe8a3').setFontStyle('bold');
    this.how = text(160, 23, this.palette.text);
    this.circle = this.add.circle(circle().x, circle().y, circle().r, color, 0.25).setStrokeStyle(6, color, 0.9);
    this.status = text(STATUS_Y, 28, this.palette.text).setFontStyle('bold');
    // Upright, the status wraps to two lines: the detail goes below them.
    this.detail = text(STATUS_Y + (PORTRAIT ? 84 : 44), 22, this.palette.dim);
    // A button, not just a key hint: on a phone it is the way out.
    this.add
      .text(WIDTH - 24, HEIGHT - 16, `◀ ${this.t('back')}${touchLayout ? '' : ' (Esc)'}`, {
        fontFamily: FONT,
        fontSize: '24px',
        color: '#ffffff',
        backgroundColor: '#1d1b4fcc',
        padding: { x: 18, y: 10 },
      })
      .setOrigin(1, 1)
      .setInteractive({ useHandCursor: true })
      .on('pointerup', () => this.leave());

    this.own(() => this.stopMetronome());
    this.onMenu((a) => this.onMenuAction(a));
    this.own(
      this.app.input.on('drum', (press) => {
        if (this.scene.isActive() && this.target.takes(press)) this.tap(press.at);
      }),
    );
    this.own(this.app.input.on('rawKey', (e) => this.visual?.key(e.code, e.down)));
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      if (this.step === 'audio' && this.target.pointer) this.tap(p.event.timeStamp);
    });
    this.events.on('update', this.tick, this);
    this.own(() => this.events.off('update', this.tick, this));

    this.stepText.setText(this.target.step);
    this.how.setText(this.target.how);
    this.status.setText(this.t('calPressToStart'));
    this.detail.setText(this.t('audioUnlock'));
    this.own(
      this.app.audio.whenRunning(
        this.app.input,
        (engine) => {
          this.audio = engine;
          this.startAudioStep();
        },
        (f) => this.detail.setText(this.t(f.reason === 'load' ? 'audioLoadFailed' : 'audioBlocked')),
      ),
    );
  }

  private startAudioStep(): void {
    const audio = this.audio;
    if (!audio) return;
    this.clearButtons();
    this.step = 'audio';
    this.taps = [];
    this.result = null;
    this.stepText.setText(this.target.step);
    this.detail.setText('');
    this.startMetronome(audio, CALIBRATION.leadIn).clickUntil(CALIBRATION.clicks);
  }

  private tap(at: number): void {
    if (this.step !== 'audio' || !this.metronome) return;
    const t = this.metronome.timeAt(at);
    // Taps along with the count-in are practice: they neither count nor show as rejected.
    if (t < (CALIBRATION.countIn - 0.5) * CALIBRATION.beat) return;
    this.taps.push(t);
    this.pulse();
  }

  private finishAudioStep(): void {
    this.stopMetronome();
    this.step = 'audioResult';
    const beats = Array.from(
      { length: CALIBRATION.clicks - CALIBRATION.countIn },
      (_, i) => (i + CALIBRATION.countIn) * CALIBRATION.beat,
    );
    const r = audioOffsetFromTaps(this.taps, beats);
    this.result = r;
    if (r) {
      const dir = r.offsetMs === 0 ? this.t('calOnTime') : this.t(r.offsetMs > 0 ? 'late' : 'early');
      this.status.setText(this.t('calResult', { ms: Math.abs(r.offsetMs), dir }));
      this.detail.setText(
        this.t('calResultDetail', { used: r.used, rejected: r.rejected, spread: r.spreadMs.toFixed(1) }),
      );
    } else {
      // Enough taps, too few of them steady (the rest were dropped): not "19 of 16".
      this.status.setText(
        this.taps.length >= MIN_CALIBRATION_TAPS
          ? this.t('calTooUneven')
          : this.t('calTooFew', { used: this.taps.length, min: MIN_CALIBRATION_TAPS }),
      );
      this.detail.setText('');
    }
    const items = [
      ...(r ? [{ label: this.t('calApply'), action: () => this.applyAudio() }] : []),
      { label: this.t('calRetry'), action: () => this.startAudioStep() },
      { label: this.t('calSkip'), action: () => (this.target.visual ? this.startVisualStep('') : this.leave()) },
    ];
    this.buttons = new ButtonRow(this, items, { x: CENTER_X, y: buttonsY() });
  }

  private applyAudio(): void {
    const r = this.result;
    if (!r) return;
    const note = this.target.apply(r.offsetMs);
    if (this.target.visual) this.startVisualStep(note);
    else {
      this.app.notices.info(note);
      this.leave();
    }
  }

  private startVisualStep(note: string): void {
    const audio = this.audio;
    if (!audio) return;
    this.clearButtons();
    this.step = 'visual';
    this.stepText.setText(this.t('calVisualStep'));
    this.how.setText(`${note ? `${note}\n` : ''}${this.t('calVisualHow')}`);
    this.detail.setText('');
    this.startMetronome(audio, 0.4);
    this.visual = new VisualStep(this, {
      start: this.app.settings.visualOffsetMs,
      beat: CALIBRATION.beat,
      circle: this.circle,
      color: this.palette.players[this.player],
      status: this.status,
      nudgeY: STATUS_Y + 80,
      text: (key, vars) => this.t(key, vars),
      textColor: this.palette.text,
      onApply: (ms) => {
        const v = visualOffsetFromAdjustments([ms]);
        if (v !== null) this.app.updateSettings({ ...this.app.settings, visualOffsetMs: v });
        this.leave();
      },
      onSkip: () => this.leave(),
    });
  }

  private startMetronome(audio: MetronomeAudio, leadIn: Seconds): Metronome {
    this.stopMetronome();
    const metronome = new Metronome(audio, CALIBRATION.beat, leadIn);
    this.metronome = metronome;
    // The automation hook reads calibration times through this: seconds since the first click,
    // without the player's input offset.
    this.app.flow.timed = metronome;
    return metronome;
  }

  private stopMetronome(): void {
    this.metronome?.stop();
    if (this.app.flow.timed === this.metronome) this.app.flow.timed = null;
    this.metronome = null;
  }

  private tick(): void {
    const metronome = this.metronome;
    if (!metronome) return;
    const since = metronome.elapsed();
    if (this.step === 'audio') {
      const beat = Math.floor(since / CALIBRATION.beat);
      if (beat < CALIBRATION.countIn) {
        this.status.setText(this.t('calCountIn', { n: CALIBRATION.countIn - Math.max(0, beat) }));
      } else this.status.setText(this.t('calTapping', { n: this.taps.length }));
      if (since > CALIBRATION.clicks * CALIBRATION.beat) this.finishAudioStep();
    } else if (this.visual) {
      metronome.clickAhead(SCHEDULE_AHEAD);
      this.visual.tick(since);
    }
  }

  /** Feedback for a tap; reduced motion changes its colour instead of its size. */
  private pulse(): void {
    const color = this.palette.players[this.player];
    this.circle.setFillStyle(color, 0.9);
    if (!this.calm) {
      this.tweens.killTweensOf(this.circle);
      this.circle.setScale(1.12);
      this.tweens.add({ targets: this.circle, scale: 1, duration: 140 });
    }
    this.time.delayedCall(120, () => {
      if (this.step === 'audio') this.circle.setFillStyle(color, 0.25);
    });
  }

  private onMenuAction(a: MenuAction): void {
    if (a === 'back') {
      this.leave();
      return;
    }
    if (this.visual) this.visual.menu(a);
    else if (this.step === 'audioResult') this.buttons?.handle(a);
  }

  private clearButtons(): void {
    this.buttons?.destroy();
    this.buttons = null;
    this.visual?.destroy();
    this.visual = null;
  }

  private leave(): void {
    this.stopMetronome();
    this.scene.start(this.back.scene, this.back.data);
  }
}
