import { ABOUT } from '../content/captions';
import { ART_SCALE, CENTER_X, HEIGHT, WIDTH } from '../game/layout';
import { FONT } from '../game/theme';
import { wrapStyle } from '../objects/captionBox';
import { Menu } from '../objects/menu';
import { Ticker } from '../objects/ticker';
import { BaseScene } from './BaseScene';

const PANEL_W = 760;
const PANEL_TOP = 26;
const panelBottom = () => HEIGHT - 52;
const PAD = 34;
/** Space kept under the text for the Back button. */
const BUTTON_ROOM = 78;

export interface AboutData {
  /** Scene to return to (default: Title). */
  from?: string;
}

/** The story behind the game, its sources and credits, with both leaders taking a bow. */
export class About extends BaseScene {
  private from = 'Title';

  constructor() {
    super('About');
  }

  override init(data: AboutData = {}): void {
    super.init();
    this.from = typeof data.from === 'string' && data.from ? data.from : 'Title';
  }

  create(): void {
    const language = this.app.settings.language;
    const about = ABOUT[language];
    this.add.image(0, 0, 'sky').setOrigin(0).setDisplaySize(WIDTH, HEIGHT);
    const left = CENTER_X - PANEL_W / 2;
    const g = this.add.graphics();
    g.fillStyle(0x0d0a2a, 0.82).fillRoundedRect(left, PANEL_TOP, PANEL_W, panelBottom() - PANEL_TOP, 22);
    g.lineStyle(2, 0xffd6f5, 0.4).strokeRoundedRect(left, PANEL_TOP, PANEL_W, panelBottom() - PANEL_TOP, 22);

    // Bowing to each other across the panel, as at the end of a set.
    const bowScale = 0.55 / ART_SCALE;
    this.add
      .image(left / 2, panelBottom() + 12, 'takaichi-bow')
      .setOrigin(0.5, 1)
      .setScale(bowScale);
    this.add
      .image(WIDTH - left / 2, panelBottom() + 12, 'lee-bow')
      .setOrigin(0.5, 1)
      .setScale(bowScale);

    const inner = PANEL_W - 2 * PAD;
    const title = this.add
      .text(CENTER_X, PANEL_TOP + 20, this.t('aboutTitle'), {
        fontFamily: FONT,
        fontSize: '34px',
        fontStyle: 'bold',
        color: '#ffe8a3',
        wordWrap: wrapStyle(inner),
      })
      .setOrigin(0.5, 0);
    const paragraphs = about.paragraphs.map((p) =>
      this.add.text(left + PAD, 0, p, { fontFamily: FONT, color: '#f5f3ff', wordWrap: wrapStyle(inner) }),
    );
    const rule = this.add.rectangle(CENTER_X, 0, inner, 1, 0xffd6f5, 0.35);
    const credit = this.add.text(left + PAD, 0, `${about.credit}\n${about.art}`, {
      fontFamily: FONT,
      color: '#c9c2ff',
      wordWrap: wrapStyle(inner),
    });
    // Lay the text out at the largest size that leaves room for the Back button.
    const limit = panelBottom() - BUTTON_ROOM;
    for (let size = 21; size >= 14; size--) {
      let y = title.y + title.height + 14;
      for (const t of paragraphs) {
        t.setFontSize(size)
          .setLineSpacing(Math.round(size * 0.3))
          .setY(y);
        y += t.height + Math.round(size * 0.6);
      }
      rule.setY(y);
      credit
        .setFontSize(Math.max(12, size - 5))
        .setLineSpacing(4)
        .setY(y + 12);
      if (credit.y + credit.height <= limit) break;
    }

    const back = () => this.scene.start(this.from);
    new Menu(this, [{ label: this.t('back'), action: back }], {
      x: CENTER_X,
      y: panelBottom() - BUTTON_ROOM / 2,
      width: 220,
      spacing: 64,
      fontSize: 24,
    });
    this.onMenu((a) => {
      if (a === 'back') back();
    });
    new Ticker(this, { language, calm: this.calm });
  }
}
