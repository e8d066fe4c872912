import { ART_SCALE, CENTER_X, HEIGHT, PORTRAIT, touchLayout, WIDTH } from '../game/layout';
import { topInset } from '../game/layoutService';
import { FONT } from '../game/theme';
import { Drummer } from '../objects/drummer';
import { NaraStage } from '../objects/stage';
import { BaseScene } from './BaseScene';

/** Nara at night, the two drummers, and "press any key": the first gesture turns sound on. */
export class Title extends BaseScene {
  constructor() {
    super('Title');
  }

  create(): void {
    new NaraStage(this, { calm: this.calm });
    // Upright, the title sits under the page's buttons and the drummers stand in the middle.
    const top = PORTRAIT ? topInset() + 60 : 78;
    const left = new Drummer(
      this,
      'takaichi',
      CENTER_X - (PORTRAIT ? 150 : 190),
      HEIGHT - (PORTRAIT ? 260 : 120),
      (PORTRAIT ? 0.8 : 0.95) / ART_SCALE,
    );
    const right = new Drummer(
      this,
      'lee',
      CENTER_X + (PORTRAIT ? 150 : 190),
      HEIGHT - (PORTRAIT ? 260 : 120),
      (PORTRAIT ? 0.8 : 0.95) / ART_SCALE,
    );
    const title = this.add
      .text(CENTER_X, top, 'Drum Diplomacy', {
        fontFamily: FONT,
        fontSize: WIDTH < 1100 ? '64px' : '76px',
        fontStyle: 'bold',
        color: '#ffe8a3',
        stroke: '#2b1055',
        strokeThickness: 10,
      })
      .setOrigin(0.5);
    this.add
      .text(CENTER_X, top + 74, this.t('subtitle'), {
        fontFamily: FONT,
        fontSize: '26px',
        color: '#f5f3ff',
        stroke: '#120c33',
        strokeThickness: 6,
      })
      .setOrigin(0.5);
    const prompt = this.add
      .text(CENTER_X, HEIGHT - (PORTRAIT ? 150 : 42), this.t(touchLayout ? 'tapToStart' : 'pressAnyKey'), {
        fontFamily: FONT,
        fontSize: '30px',
        fontStyle: 'bold',
        color: '#ffffff',
        stroke: '#120c33',
        strokeThickness: 7,
      })
      .setOrigin(0.5);
    const note = this.add
      .text(CENTER_X, top + 118, this.app.audio.running ? '' : this.t('audioUnlock'), {
        fontFamily: FONT,
        fontSize: '20px',
        color: '#cfc8ff',
        stroke: '#120c33',
        strokeThickness: 5,
      })
      .setOrigin(0.5);
    if (!this.calm) {
      this.tweens.add({ targets: prompt, alpha: 0.35, duration: 800, yoyo: true, repeat: -1 });
      this.tweens.add({ targets: title, scale: 1.03, duration: 468, yoyo: true, repeat: -1, ease: 'Sine.inOut' });
    }
    let beat = 0;
    this.time.addEvent({
      delay: 500,
      loop: true,
      callback: () => {
        beat++;
        left.groove(beat);
        right.groove(beat + 1);
      },
    });
    // Fetch the audio code while the title shows: it is needed at the first key or tap.
    this.time.delayedCall(200, () => this.app.audio.preload());
    if (this.app.audio.running) {
      // Sound is on already (back from a menu): any gesture goes on, and a gamepad's Start.
      let going = false;
      const go = () => {
        if (!going) this.scene.start('ModeSelect');
        going = true;
      };
      this.own(this.app.input.on('gesture', go));
      this.onMenu((a) => a === 'confirm' && go());
    } else {
      this.own(
        this.app.audio.whenRunning(
          this.app.input,
          () => this.scene.start('ModeSelect'),
          (f) => note.setText(this.t(f.reason === 'load' ? 'audioLoadFailed' : 'audioBlocked')),
        ),
      );
    }
    this.own(this.app.input.on('drum', (p) => (p.player === 0 ? left : right).strike(p.lane)));
  }
}
