import type Phaser from 'phaser';
import type { AudioEngine } from '../audio/engine';
import {
  audioOffsetFromTaps,
  type CalibrationResult,
  MIN_CALIBRATION_TAPS,
  visualOffsetFromAdjustments,
} from '../core/calibration';
import type { PlayerId, Seconds } from '../core/units';
import { CENTER_X, HEIGHT, WIDTH } from '../game/layout';
import { FONT, hex } from '../game/theme';
import { keyLabel } from '../input/bindings';
import type { MenuAction } from '../input/inputHub';
import { ButtonRow } from '../objects/buttonRow';
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
/** How long the visual step's flash stays lit, s. */
const FLASH: Seconds = 0.09;
/** The visual step schedules its endless clicks this far ahead, s. */
const SCHEDULE_AHEAD: Seconds = 1.2;
/** Held ←/→ in the visual step: first repeat after this long, then every REPEAT_MS, 10 ms a step. */
const HOLD_DELAY_MS = 380;
const REPEAT_MS = 55;

const CIRCLE = { x: CENTER_X, y: 330, r: 105 } as const;
const STATUS_Y = 480;
const BUTTONS_Y = HEIGHT - 70;

export interface CalibrationSceneData {
  player?: number;
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
  private back: ReturnTo = { scene: 'Settings' };
  private step: Step = 'locked';
  /** Audible time of the first click of the running metronome. */
  private t0: Seconds | null = null;
  private taps: Seconds[] = [];
  private result: CalibrationResult | null = null;
  private nextClick = 0;
  /** Visual step: the candidate visual offset, ms (positive draws the flash earlier). */
  private adjustment = 0;
  private hold: { dir: -1 | 1; since: number; last: number } | null = null;
  private circle!: Phaser.GameObjects.Arc;
  private stepText!: Phaser.GameObjects.Text;
  private how!: Phaser.GameObjects.Text;
  private status!: Phaser.GameObjects.Text;
  private detail!: Phaser.GameObjects.Text;
  private buttons: ButtonRow | null = null;
  private nudges: Phaser.GameObjects.Text[] = [];

  constructor() {
    super('Calibration');
  }

  create(data: CalibrationSceneData = {}): void {
    this.player = data.player === 1 ? 1 : 0;
    this.back = data.back ?? { scene: 'Settings', data: {} };
    this.step = 'locked';
    this.t0 = null;
    this.buttons = null;
    this.nudges = [];
    this.hold = null;
    const color = this.palette.players[this.player];

    this.add.image(0, 0, 'sky').setOrigin(0).setDisplaySize(WIDTH, HEIGHT);
    this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x07051a, 0.6).setOrigin(0);
    this.add
      .text(CENTER_X, 46, this.t('calTitle', { player: this.t(this.player === 0 ? 'player1' : 'player2') }), {
        fontFamily: FONT,
        fontSize: '44px',
        fontStyle: 'bold',
        color: hex(color),
        stroke: '#120c33',
        strokeThickness: 6,
      })
      .setOrigin(0.5);
    const text = (y: number, size: number, c: string) =>
      this.add
        .text(CENTER_X, y, '', {
          fontFamily: FONT,
          fontSize: `${size}px`,
          color: c,
          align: 'center',
          wordWrap: { width: WIDTH - 160 },
        })
        .setOrigin(0.5);
    this.stepText = text(104, 28, '#ffe8a3').setFontStyle('bold');
    this.how = text(160, 23, this.palette.text);
    this.circle = this.add.circle(CIRCLE.x, CIRCLE.y, CIRCLE.r, color, 0.25).setStrokeStyle(6, color, 0.9);
    this.status = text(STATUS_Y, 28, this.palette.text).setFontStyle('bold');
    this.detail = text(STATUS_Y + 44, 22, this.palette.dim);
    // A button, not just a key hint: on a phone it is the way out.
    this.add
      .text(WIDTH - 24, HEIGHT - 16, `◀ ${this.t('back')} (Esc)`, {
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
        if (this.scene.isActive() && press.player === this.player) this.tap(press.timeStamp);
      }),
    );
    this.own(this.app.input.on('rawKey', (e) => this.holdKey(e.code, e.down)));
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      if (this.step === 'audio') this.tap(p.event.timeStamp);
    });
    this.events.on('update', this.tick, this);
    this.own(() => this.events.off('update', this.tick, this));

    this.stepText.setText(this.t('calAudioStep'));
    const keys = this.app.settings.bindings[this.player];
    this.how.setText(this.t('calAudioHow', { key: Object.values(keys).map(keyLabel).join(' ') }));
    if (this.app.audio?.running) this.startAudioStep();
    else this.waitForSound();
  }

  // --- step 1: sound ---

  private waitForSound(): void {
    this.step = 'locked';
    this.status.setText(this.t('calPressToStart'));
    this.detail.setText(this.app.audioError ? this.t('audioBlocked') : this.t('audioUnlock'));
    let asking = false;
    const off = this.app.input.on('gesture', () => {
      if (asking || !this.scene.isActive()) return;
      asking = true;
      // The AudioContext must be created inside the gesture's own handler.
      void this.app.unlockAudio().then((ok) => {
        asking = false;
        if (!this.scene.isActive() || this.step !== 'locked') return;
        if (!ok) {
          this.detail.setText(this.t('audioBlocked'));
          return;
        }
        off();
        this.startAudioStep();
      });
    });
    this.own(off);
  }

  private get audio(): AudioEngine | null {
    return this.app.audio;
  }

  private startAudioStep(): void {
    const audio = this.audio;
    if (!audio) return;
    this.clearButtons();
    this.step = 'audio';
    this.taps = [];
    this.result = null;
    this.stepText.setText(this.t('calAudioStep'));
    this.detail.setText('');
    this.startMetronome(audio, CALIBRATION.leadIn);
    for (let i = 0; i < CALIBRATION.clicks; i++) this.scheduleClick(audio, i);
  }

  private tap(timeStamp: number): void {
    const audio = this.audio;
    if (this.step !== 'audio' || !audio || this.t0 === null) return;
    audio.sample();
    const t = audio.sync.audioTimeAt(timeStamp) - this.t0;
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
      this.status.setText(this.t('calTooFew', { used: this.taps.length, min: MIN_CALIBRATION_TAPS }));
      this.detail.setText('');
    }
    const items = [
      ...(r ? [{ label: this.t('calApply'), action: () => this.applyAudio() }] : []),
      { label: this.t('calRetry'), action: () => this.startAudioStep() },
      { label: this.t('calSkip'), action: () => this.startVisualStep('') },
    ];
    this.buttons = new ButtonRow(this, items, { x: CENTER_X, y: BUTTONS_Y });
  }

  private applyAudio(): void {
    const r = this.result;
    if (!r) return;
    const s = this.app.settings;
    const players: typeof s.players = [{ ...s.players[0] }, { ...s.players[1] }];
    players[this.player] = { ...players[this.player], inputOffsetMs: r.offsetMs };
    this.app.updateSettings({ ...s, players });
    this.startVisualStep(this.t('calApplied', { ms: r.offsetMs }));
  }

  // --- step 2: picture ---

  private startVisualStep(note: string): void {
    const audio = this.audio;
    if (!audio) return;
    this.clearButtons();
    this.step = 'visual';
    this.adjustment = this.app.settings.visualOffsetMs;
    this.stepText.setText(this.t('calVisualStep'));
    this.how.setText(`${note ? `${note}\n` : ''}${this.t('calVisualHow')}`);
    this.detail.setText('');
    this.startMetronome(audio, 0.4);
    this.buttons = new ButtonRow(
      this,
      [
        { label: this.t('calApply'), action: () => this.applyVisual() },
        { label: this.t('calSkip'), action: () => this.leave() },
      ],
      { x: WIDTH - 190, y: CIRCLE.y, vertical: true, width: 260 },
    );
    // ◀◀ ◀ ▶ ▶▶ for mouse and touch: 10 ms and 1 ms either way.
    const steps = [10, 1, -1, -10];
    const labels = ['◀◀', '◀', '▶', '▶▶'];
    this.nudges = steps.map((d, i) =>
      this.add
        .text(CENTER_X + (i - 1.5) * 110, STATUS_Y + 80, labels[i] as string, {
          fontFamily: FONT,
          fontSize: '30px',
          color: this.palette.text,
          backgroundColor: '#1d1b4f',
          padding: { x: 18, y: 6 },
        })
        .setOrigin(0.5)
        .setInteractive({ useHandCursor: true })
        .on('pointerup', () => this.nudge(d)),
    );
    this.showAdjustment();
  }

  private nudge(ms: number): void {
    if (this.step !== 'visual') return;
    this.adjustment = Math.max(-400, Math.min(400, this.adjustment + ms));
    this.showAdjustment();
  }

  private showAdjustment(): void {
    const a = this.adjustment;
    const key = a > 0 ? 'calVisualEarlier' : a < 0 ? 'calVisualLater' : 'calVisualZero';
    this.status.setText(this.t(key, { ms: Math.abs(a) }));
  }

  private applyVisual(): void {
    const v = visualOffsetFromAdjustments([this.adjustment]);
    if (v !== null) this.app.updateSettings({ ...this.app.settings, visualOffsetMs: v });
    this.leave();
  }

  /** ←/→ held in the visual step repeat in 10 ms steps (menu actions come once per press). */
  private holdKey(code: string, down: boolean): void {
    if (code !== 'ArrowLeft' && code !== 'ArrowRight') return;
    const dir = code === 'ArrowLeft' ? 1 : -1;
    if (!down) {
      if (this.hold?.dir === dir) this.hold = null;
    } else if (this.step === 'visual' && this.hold?.dir !== dir) {
      const now = performance.now();
      this.hold = { dir, since: now, last: now };
    }
  }

  // --- the metronome ---

  private startMetronome(audio: AudioEngine, leadIn: Seconds): void {
    audio.stopSong();
    this.t0 = audio.audibleNow() + leadIn;
    this.nextClick = 0;
    const t0 = this.t0;
    // The automation hook reads calibration times through this: seconds since the first click,
    // without the player's input offset.
    this.app.clockSource = {
      perfTimeOf: (_player, time) => (audio.sync.ready ? audio.sync.perfTimeAt(t0 + time) : null),
    };
  }

  private scheduleClick(audio: AudioEngine, i: number): void {
    if (this.t0 === null) return;
    audio.clickAtAudible(this.t0 + i * CALIBRATION.beat, i % 4 === 0);
    this.nextClick = i + 1;
  }

  private stopMetronome(): void {
    this.audio?.stopSong();
    this.t0 = null;
    this.hold = null;
    this.app.clockSource = null;
  }

  private tick(): void {
    const audio = this.audio;
    if (!audio || this.t0 === null) return;
    const now = audio.audibleNow();
    const since = now - this.t0;
    if (this.step === 'audio') {
      const beat = Math.floor(since / CALIBRATION.beat);
      if (beat < CALIBRATION.countIn) {
        this.status.setText(this.t('calCountIn', { n: CALIBRATION.countIn - Math.max(0, beat) }));
      } else this.status.setText(this.t('calTapping', { n: this.taps.length }));
      if (since > CALIBRATION.clicks * CALIBRATION.beat) this.finishAudioStep();
    } else if (this.step === 'visual') {
      while (this.t0 + this.nextClick * CALIBRATION.beat < now + SCHEDULE_AHEAD)
        this.scheduleClick(audio, this.nextClick);
      // The flash is drawn as notes are: `visualOffsetMs` earlier than the sound.
      const shown = since + this.adjustment / 1000;
      const phase = shown - Math.floor(shown / CALIBRATION.beat) * CALIBRATION.beat;
      const lit = shown >= 0 && phase < FLASH;
      this.circle.setFillStyle(lit ? 0xffffff : this.palette.players[this.player], lit ? 1 : 0.2);
      this.updateHold();
    }
  }

  private updateHold(): void {
    const h = this.hold;
    if (!h) return;
    const now = performance.now();
    if (now - h.since < HOLD_DELAY_MS || now - h.last < REPEAT_MS) return;
    h.last = now;
    this.nudge(h.dir * 10);
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

  // --- navigation ---

  private onMenuAction(a: MenuAction): void {
    if (a === 'back') {
      this.leave();
      return;
    }
    if (this.step === 'visual') {
      if (a === 'left') this.nudge(1);
      else if (a === 'right') this.nudge(-1);
      else this.buttons?.handle(a);
    } else if (this.step === 'audioResult') this.buttons?.handle(a);
  }

  private clearButtons(): void {
    this.buttons?.destroy();
    this.buttons = null;
    for (const n of this.nudges) n.destroy();
    this.nudges = [];
  }

  private leave(): void {
    this.stopMetronome();
    this.scene.start(this.back.scene, this.back.data);
  }
}
