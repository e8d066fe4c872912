import type Phaser from 'phaser';
import type { Caption } from '../content/captions';
import { translate } from '../content/strings';
import type { Language } from '../game/settings';
import { FONT } from '../game/theme';

/** Characters that may not start a line (Japanese kinsoku, closing marks, small kana). */
const NO_LINE_START = new Set([
  ...'、。，．・：；？！ー…‥」』）〕］｝〉》”’,.!?;:)]}%ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜',
]);
/** Characters that may not end a line (opening marks). */
const NO_LINE_END = new Set([...'「『（〔［｛〈《“‘([']);

/** Kana, CJK ideographs and full-width forms: a line may break between any two of them. */
function breaksAnywhere(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x3000 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || cp >= 0xff00
  );
}

/**
 * Greedy line wrapping that suits all three languages: English and Korean break at spaces,
 * Japanese between any two characters except before closing and after opening marks.
 * A single unbreakable piece wider than `width` stays on its own line.
 * @param measure width of a string in the same unit as `width` (px)
 */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens: string[] = [];
    let cur = '';
    const flush = () => {
      if (cur) tokens.push(cur);
      cur = '';
    };
    for (const ch of paragraph) {
      const last = [...cur].pop() ?? '';
      if (ch === ' ') {
        cur += ch;
        flush();
      } else if (NO_LINE_START.has(ch) || NO_LINE_END.has(last)) {
        cur += ch;
      } else if (breaksAnywhere(ch) || (last && breaksAnywhere(last))) {
        flush();
        cur = ch;
      } else {
        cur += ch;
      }
    }
    flush();
    let line = '';
    for (const token of tokens) {
      if (line && measure((line + token).trimEnd()) > width) {
        lines.push(line.trimEnd());
        line = token;
      } else {
        line += token;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * Like `wrapText`, but as narrow as it can be without adding a line, so a quote does not end
 * with one word (or one character) alone on its last line.
 */
export function balancedWrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines = wrapText(text, width, measure);
  if (lines.length < 2) return lines;
  let lo = width / 2;
  let hi = width;
  for (let i = 0; i < 8; i++) {
    const mid = (lo + hi) / 2;
    if (wrapText(text, mid, measure).length <= lines.length) hi = mid;
    else lo = mid;
  }
  return wrapText(text, hi, measure);
}

/** Phaser Text style word-wrapping with `wrapText` (or `balancedWrap`) at `width` px. */
export function wrapStyle(width: number, balanced = false): Phaser.Types.GameObjects.Text.TextWordWrap {
  const wrap = balanced ? balancedWrap : wrapText;
  return {
    width,
    callback: (text: string, obj: Phaser.GameObjects.Text) =>
      wrap(text, width, (s) => obj.context.measureText(s).width),
  };
}

/** Quote marks around a caption, as each language writes them. */
export function quoted(text: string, language: Language): string {
  return language === 'ja' ? `「${text}」` : `“${text}”`;
}

export interface CaptionBoxOptions {
  /** Centre of the box. */
  x: number;
  y: number;
  /** Outer width in px; the text wraps inside it (about 560 between Play's highways). */
  width: number;
  language: Language;
  /** Reduced motion: fade only, no rise. */
  calm: boolean;
  fontSize?: number;
  depth?: number;
}

const PAD_X = 22;
const PAD_Y = 16;
const RISE = 10;
const FADE_MS = 320;

/**
 * A quote with its attribution in a rounded, semi-transparent box, with a small "translation"
 * mark when the text is ours. Text is rendered once per `show`; fades in and out.
 */
export class CaptionBox {
  readonly container: Phaser.GameObjects.Container;
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly quote: Phaser.GameObjects.Text;
  private readonly by: Phaser.GameObjects.Text;
  private readonly mark: Phaser.GameObjects.Text;
  private readonly markBg: Phaser.GameObjects.Graphics;
  private tween: Phaser.Tweens.Tween | null = null;
  private hideTimer: Phaser.Time.TimerEvent | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly options: CaptionBoxOptions,
  ) {
    const size = options.fontSize ?? 22;
    const inner = options.width - 2 * PAD_X;
    this.bg = scene.add.graphics();
    this.quote = scene.add
      .text(0, 0, '', {
        fontFamily: FONT,
        fontSize: `${size}px`,
        color: '#fff7e0',
        align: 'center',
        lineSpacing: Math.round(size * 0.25),
        wordWrap: wrapStyle(inner, true),
      })
      .setOrigin(0.5, 0);
    this.by = scene.add
      .text(0, 0, '', {
        fontFamily: FONT,
        fontSize: `${Math.round(size * 0.72)}px`,
        color: '#c9c2ff',
        align: 'center',
        wordWrap: wrapStyle(inner),
      })
      .setOrigin(0.5, 0);
    this.markBg = scene.add.graphics();
    this.mark = scene.add
      .text(0, 0, translate(options.language, 'translationMark'), {
        fontFamily: FONT,
        fontSize: `${Math.round(size * 0.58)}px`,
        fontStyle: 'bold',
        color: '#1a1440',
      })
      .setOrigin(1, 0);
    this.container = scene.add
      .container(options.x, options.y, [this.bg, this.quote, this.by, this.markBg, this.mark])
      .setAlpha(0)
      .setVisible(false);
    if (options.depth !== undefined) this.container.setDepth(options.depth);
  }

  /** Shows a caption (replacing any other); hides itself after `holdMs` when given. */
  show(caption: Caption, holdMs?: number): void {
    const l = this.options.language;
    this.quote.setText(quoted(caption.text[l], l));
    this.by.setText(`— ${caption.by[l]}`);
    this.layout(caption.translated[l]);
    this.hideTimer?.remove();
    this.hideTimer = null;
    this.fade(1);
    if (holdMs !== undefined) this.hideTimer = this.scene.time.delayedCall(holdMs, () => this.hide());
  }

  hide(): void {
    this.hideTimer?.remove();
    this.hideTimer = null;
    this.fade(0);
  }

  /** Moves the box's resting centre (e.g. once its height is known, to sit above a line). */
  rest(y: number): void {
    this.restY = y;
    this.container.setY(y);
  }

  private restY: number | null = null;

  get height(): number {
    return this.quote.height + this.by.height + 2 * PAD_Y + 8;
  }

  destroy(): void {
    this.hideTimer?.remove();
    this.tween?.stop();
    this.container.destroy();
  }

  /** Sizes the box around the wrapped text, centred on the container. */
  private layout(translated: boolean): void {
    const w = this.options.width;
    const h = this.height;
    const top = -h / 2;
    this.quote.setPosition(0, top + PAD_Y);
    this.by.setPosition(0, top + PAD_Y + this.quote.height + 8);
    this.bg.clear();
    this.bg.fillStyle(0x0d0a2a, 0.78).fillRoundedRect(-w / 2, top, w, h, 16);
    this.bg.lineStyle(2, 0xffd6f5, 0.45).strokeRoundedRect(-w / 2, top, w, h, 16);
    this.mark.setVisible(translated);
    this.markBg.clear();
    if (translated) {
      const mx = w / 2 - 10;
      const my = top - this.mark.height / 2;
      this.mark.setPosition(mx - 8, my);
      this.markBg
        .fillStyle(0xffd6f5, 0.95)
        .fillRoundedRect(mx - this.mark.width - 16, my - 1, this.mark.width + 16, this.mark.height + 2, 8);
    }
  }

  private fade(to: 0 | 1): void {
    this.tween?.stop();
    const c = this.container;
    const y = this.restY ?? this.options.y;
    if (to === 1) c.setVisible(true);
    const rise = this.options.calm ? 0 : RISE;
    if (to === 1) c.setY(y + rise);
    this.tween = this.scene.tweens.add({
      targets: c,
      alpha: to,
      y: to === 1 ? y : y - rise,
      duration: FADE_MS,
      ease: 'Sine.out',
      onComplete: () => {
        if (to === 0) c.setVisible(false).setY(y);
      },
    });
  }
}
