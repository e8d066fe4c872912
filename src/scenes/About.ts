import { ABOUT } from '../content/captions';
import { ART_SCALE, CENTER_X, HEIGHT, WIDTH } from '../game/layout';
import { minButtonPx } from '../game/layoutService';
import { FONT } from '../game/theme';
import { wrapStyle } from '../objects/captionBox';
import { Menu } from '../objects/menu';
import { Ticker } from '../objects/ticker';
import { BaseScene } from './BaseScene';

const PANEL_W_MAX = 760;
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
    const PANEL_W = Math.min(PANEL_W_MAX, WIDTH - 40);
    const language = this.app.settings.language;
    const about = ABOUT[language];
    this.backdrop();
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
    // Lay the text out at the largest legible size that leaves room for the buttons; when even the
    // smallest legible size does not fit (a phone), the text is shown a page at a time.
    const room = Math.max(BUTTON_ROOM, minButtonPx() + 20);
    const limit = panelBottom() - room;
    const floor = Math.max(14, this.floorFontSize);
    const blocks = [...paragraphs, credit];
    const layOut = (size: number): number[][] => {
      const pages: number[][] = [[]];
      const top = title.y + title.height + 14;
      let y = top;
      blocks.forEach((t, i) => {
        const isCredit = t === credit;
        t.setFontSize(isCredit ? Math.max(floor, size - 5) : size).setLineSpacing(
          isCredit ? 4 : Math.round(size * 0.3),
        );
        const h = t.height + (isCredit ? 12 : Math.round(size * 0.6));
        const page = pages[pages.length - 1] as number[];
        if (y + h > limit && page.length > 0) {
          pages.push([i]);
          y = top;
        } else page.push(i);
        t.setY(y + (isCredit ? 12 : 0));
        y += h;
      });
      return pages;
    };
    const largest = Math.max(21, floor);
    let pages = layOut(largest);
    for (let size = largest; size >= floor; size--) {
      pages = layOut(size);
      if (pages.length === 1) break;
    }
    let page = 0;
    const showPage = () => {
      for (const [i, t] of blocks.entries()) t.setVisible(pages[page]?.includes(i) ?? false);
      const creditShown = pages[page]?.includes(blocks.length - 1) ?? false;
      rule.setVisible(creditShown).setY(credit.y - 12);
    };
    showPage();

    const back = () => {
      this.scene.start(this.from);
    };
    const items: { label: string; action: () => void }[] = [{ label: this.t('back'), action: back }];
    if (pages.length > 1) {
      items.unshift({
        label: this.t('settingsMore'),
        action: () => {
          page = (page + 1) % pages.length;
          showPage();
        },
      });
    }
    new Menu(this, items, {
      x: CENTER_X,
      y: panelBottom() - room / 2,
      width: Math.min(260, (PANEL_W - 40) / items.length),
      spacing: 64,
      fontSize: 24,
      columns: items.length,
    });
    this.onMenu((a) => {
      if (a === 'back') back();
    });
    new Ticker(this, { language, calm: this.calm });
  }
}
