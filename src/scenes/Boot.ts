import { familiesFor, loadFonts } from '../game/fonts';
import { ART_SCALE, HEIGHT, WIDTH } from '../game/layout';
import { FONT } from '../game/theme';
import { BaseScene } from './BaseScene';

/** SVG art by key (file name without extension), rasterised at ART_SCALE for sharp scaling. */
const ART = import.meta.glob('../../assets/art/**/*.svg', { query: '?url', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** The art the title needs; the rest loads in the background while the title shows. */
const TITLE_ART = new Set([
  'sky',
  'pagoda',
  'lantern',
  'deer',
  'stage-floor',
  ...['takaichi', 'lee'].flatMap((c) => ['idle-a', 'idle-b'].map((p) => `${c}-${p}`)),
]);

function artKey(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.svg$/, '');
}

/**
 * Loads the art with a progress bar, then opens the title (or a song or scene named in the
 * URL). Only the title's art blocks; Boot stays running underneath to load the rest.
 */
export class Boot extends BaseScene {
  constructor() {
    super('Boot');
  }

  /** The shipped Japanese and Korean fonts; text is drawn once they are in (1.5 s at most). */
  private fonts: Promise<void> = Promise.resolve();

  /** A song or scene opened by URL needs all its art at once; the title only its own. */
  private get loadEverything(): boolean {
    return this.app.launch.kind !== 'title';
  }

  preload(): void {
    this.fonts = loadFonts(undefined, familiesFor(this.app.settings.language));
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
    this.queueArt((key) => this.loadEverything || TITLE_ART.has(key));
  }

  create(): void {
    this.load.removeAllListeners('progress');
    // A song opened by URL may be an imported one, listed once the stored songs are read.
    void Promise.all([this.fonts, this.app.settleLaunch()]).then(() => this.open());
  }

  private open(): void {
    this.children.removeAll(true);
    const launch = this.app.launch;
    if (launch.kind !== 'title') {
      this.app.art.open();
      if (launch.kind === 'song') this.scene.start('Play');
      else this.scene.start(launch.scene, launch.data);
      return;
    }
    this.scene.launch('Title');
    this.load.once('complete', () => this.app.art.open());
    // After the title's first frames, so that decoding the rest does not hold the title up.
    this.time.delayedCall(400, () => {
      this.queueArt((key) => !TITLE_ART.has(key));
      this.load.start();
    });
  }

  private queueArt(wanted: (key: string) => boolean): void {
    for (const [path, url] of Object.entries(ART)) {
      const key = artKey(path);
      if (wanted(key)) this.load.svg(key, url, { scale: key === 'sky' || key === 'stage-floor' ? 1 : ART_SCALE });
    }
  }
}
