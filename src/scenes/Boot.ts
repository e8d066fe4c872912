import { ART_SCALE, HEIGHT, WIDTH } from '../game/layout';
import { FONT } from '../game/theme';
import { BaseScene } from './BaseScene';

/** SVG art by key (file name without extension), rasterised at ART_SCALE for sharp scaling. */
const ART = import.meta.glob('../../assets/art/**/*.svg', { query: '?url', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** Loads the art with a progress bar, then opens the title or a song given in the URL. */
export class Boot extends BaseScene {
  constructor() {
    super('Boot');
  }

  preload(): void {
    const barW = 520;
    const x = (WIDTH - barW) / 2;
    const y = HEIGHT / 2;
    this.add
      .text(WIDTH / 2, y - 60, 'Drum Diplomacy', { fontFamily: FONT, fontSize: '44px', color: '#f5f3ff' })
      .setOrigin(0.5);
    this.add.rectangle(x, y, barW, 22, 0x2a2466).setOrigin(0, 0.5);
    const bar = this.add.rectangle(x, y, 1, 22, 0xffb703).setOrigin(0, 0.5);
    const label = this.add
      .text(WIDTH / 2, y + 44, this.t('loading'), { fontFamily: FONT, fontSize: '22px', color: '#a9a3d9' })
      .setOrigin(0.5);
    this.load.on('progress', (p: number) => {
      bar.width = Math.max(1, barW * p);
      label.setText(`${this.t('loading')} ${Math.round(p * 100)}%`);
    });
    for (const [path, url] of Object.entries(ART)) {
      const key =
        path
          .split('/')
          .pop()
          ?.replace(/\.svg$/, '') ?? path;
      this.load.svg(key, url, { scale: key === 'sky' || key === 'stage-floor' ? 1 : ART_SCALE });
    }
  }

  create(): void {
    this.scene.start(this.app.directPlay ? 'Play' : 'Title');
  }
}
