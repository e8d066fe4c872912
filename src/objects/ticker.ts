import Phaser from 'phaser';
import { type Caption, TICKER } from '../content/captions';
import { translate } from '../content/strings';
import { HEIGHT, WIDTH } from '../game/layout';
import type { Language } from '../game/settings';
import { FONT } from '../game/theme';
import { quoted } from './captionBox';

export interface TickerOptions {
  language: Language;
  /** Reduced motion: no scrolling; one reaction at a time, swapped every `cycleMs`. */
  calm: boolean;
  items?: readonly Caption[];
  /** Centre line of the strip; the default hugs the bottom edge. */
  y?: number;
  height?: number;
  fontSize?: number;
  /** Scroll speed, px per second. */
  speed?: number;
  cycleMs?: number;
  depth?: number;
}

const GAP = 70;
const MARGIN = 16;

/**
 * A thin news-ticker line of the social-media reactions the article quotes, each prefixed
 * with who posted it. Texts are rendered once; scrolling only moves one container per frame.
 */
export class Ticker {
  readonly container: Phaser.GameObjects.Container;
  private readonly strip: Phaser.GameObjects.Container;
  private readonly items: Phaser.GameObjects.Container[] = [];
  /** Width of one copy of the sequence (the loop length). */
  private readonly loopWidth: number;
  private readonly speed: number;
  private timer: Phaser.Time.TimerEvent | null = null;
  private current = 0;
  private destroyed = false;

  constructor(
    private readonly scene: Phaser.Scene,
    options: TickerOptions,
  ) {
    const size = options.fontSize ?? 17;
    // Text never renders under the scene's legibility floor (BaseScene): the bar grows with it.
    const floor = (scene as unknown as { floorFontSize?: number }).floorFontSize ?? 0;
    const height = Math.max(options.height ?? 30, Math.max(size, floor) + 12);
    const y = options.y ?? HEIGHT - height / 2;
    const captions = options.items ?? TICKER;
    this.speed = options.speed ?? 80;
    const bg = scene.add.rectangle(0, 0, WIDTH, height, 0x07051c, 0.72).setOrigin(0, 0.5);
    const rule = scene.add.rectangle(0, -height / 2, WIDTH, 2, 0xffd6f5, 0.35).setOrigin(0, 0);
    this.strip = scene.add.container(0, 0);
    this.container = scene.add.container(0, y, [bg, rule, this.strip]);
    // A marquee: its items run off the screen's edges by design (see src/page/layoutBoxes.ts).
    Object.assign(this.container, { layoutMarquee: true });
    if (options.depth !== undefined) this.container.setDepth(options.depth);

    const one = captions.map((c) => this.item(c, options.language, size));
    if (options.calm) {
      for (const item of one) {
        item.setPosition(MARGIN, 0).setVisible(false);
        // Too long for one line: shrink it once rather than cut it off.
        item.setScale(Math.min(1, (WIDTH - 2 * MARGIN) / Math.max(1, item.width)));
        this.strip.add(item);
        this.items.push(item);
      }
      this.loopWidth = 0;
      this.items[0]?.setVisible(true);
      if (this.items.length > 1)
        this.timer = scene.time.addEvent({ delay: options.cycleMs ?? 7000, loop: true, callback: () => this.next() });
    } else {
      let x = 0;
      const place = (item: Phaser.GameObjects.Container) => {
        item.setPosition(x, 0);
        this.strip.add(item);
        this.items.push(item);
        x += item.width + GAP;
      };
      for (const item of one) place(item);
      this.loopWidth = Math.max(1, x);
      // Enough copies that the strip never shows a gap while it wraps around.
      const copies = Math.ceil(WIDTH / this.loopWidth) + 1;
      for (let k = 1; k < copies; k++) for (const c of captions) place(this.item(c, options.language, size));
      this.strip.x = WIDTH * 0.35;
      scene.events.on(Phaser.Scenes.Events.UPDATE, this.update, this);
    }
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, this.destroy, this);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.scene.events.off(Phaser.Scenes.Events.UPDATE, this.update, this);
    this.scene.events.off(Phaser.Scenes.Events.SHUTDOWN, this.destroy, this);
    this.timer?.remove();
    this.container.destroy();
  }

  private update(_time: number, delta: number): void {
    let x = this.strip.x - (this.speed * Math.min(delta, 100)) / 1000;
    if (x <= -this.loopWidth) x += this.loopWidth;
    this.strip.x = x;
  }

  private next(): void {
    this.items[this.current]?.setVisible(false);
    this.current = (this.current + 1) % this.items.length;
    this.items[this.current]?.setVisible(true);
  }

  /** "X user (Korea, via BBC News): “…”", with a translation mark when the text is ours. */
  private item(c: Caption, language: Language, size: number): Phaser.GameObjects.Container {
    const style = { fontFamily: FONT, fontSize: `${size}px` };
    const label = this.scene.add
      .text(0, 0, `${c.by[language]}:`, { ...style, fontStyle: 'bold', color: '#ffd166' })
      .setOrigin(0, 0.5);
    const mark = c.translated[language] ? `  (${translate(language, 'translationMark')})` : '';
    const text = this.scene.add
      .text(label.width + 8, 0, `${quoted(c.text[language], language)}${mark}`, { ...style, color: '#f5f3ff' })
      .setOrigin(0, 0.5);
    const item = this.scene.add.container(0, 0, [label, text]);
    item.setSize(label.width + 8 + text.width, Math.max(label.height, text.height));
    return item;
  }
}
