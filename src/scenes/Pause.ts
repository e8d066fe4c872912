import type { Lineup } from '../core/lineup';
import { CENTER_X, HEIGHT, WIDTH } from '../game/layout';
import { FONT } from '../game/theme';
import { Menu } from '../objects/menu';
import { BaseScene } from './BaseScene';
import type { Play } from './Play';

export interface PauseData {
  /** Where Quit goes (the run's lineup says). */
  back?: Lineup['back'];
}

/** Over a paused song: Resume (with a count-in), Restart, Quit. Only ever launched by Play. */
export class Pause extends BaseScene {
  constructor() {
    super('Pause');
  }

  create(data: PauseData = {}): void {
    const back = data.back ?? 'SongSelect';
    this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x05031a, 0.84).setOrigin(0);
    this.add
      .text(CENTER_X, 190, this.t('paused'), {
        fontFamily: FONT,
        fontSize: '64px',
        fontStyle: 'bold',
        color: '#ffe8a3',
      })
      .setOrigin(0.5);
    const play = this.scene.get('Play') as Play;
    const resume = () => {
      this.scene.stop();
      play.resumeFromPause();
    };
    const leave = (go: () => void) => () => {
      this.scene.stop();
      go();
    };
    new Menu(
      this,
      [
        { label: this.t('resume'), action: resume },
        { label: this.t('restart'), action: leave(() => play.scene.restart()) },
        { label: this.t('quit'), action: leave(() => play.scene.start(back)) },
      ],
      { x: CENTER_X, y: 280 },
    );
    this.onMenu((a) => {
      if (a === 'back') resume();
    });
  }
}
