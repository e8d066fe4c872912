import type Phaser from 'phaser';
import type { StringKey } from '../content/strings';
import type { Lane, PlayerId } from '../core/units';
import { CENTER_X, WIDTH } from '../game/layout';
import { FONT, type Palette } from '../game/theme';
import { type Bindings, keyLabel } from '../input/bindings';
import { CHORDS, type Chord, ChordTest } from '../input/keyTest';
import { wrapStyle } from './captionBox';

export interface KeyTestPanelOptions {
  readonly top: number;
  readonly bottom: number;
  readonly rowY: number;
  readonly rowH: number;
  readonly palette: Palette;
  readonly bindings: () => Bindings;
  readonly t: (key: StringKey, vars?: Record<string, string | number>) => string;
  readonly laneName: (lane: Lane) => string;
  /** The test has ended (passed, given up or stopped). */
  readonly onEnd: () => void;
}

/**
 * The key test's panel: the keys the keyboard reports down, the chord to hold, each chord's
 * result and a summary. The test itself is a ChordTest; this only draws it.
 */
export class KeyTestPanel {
  readonly test: ChordTest;
  private readonly downText: Phaser.GameObjects.Text;
  private readonly instruction: Phaser.GameObjects.Text;
  private readonly chordTexts: Phaser.GameObjects.Text[];
  private readonly summary: Phaser.GameObjects.Text;

  constructor(
    scene: Phaser.Scene,
    private readonly o: KeyTestPanelOptions,
  ) {
    this.test = new ChordTest(o.bindings);
    const h = o.bottom - o.top;
    scene.add.rectangle(CENTER_X, o.top + h / 2, WIDTH - 60, h, 0x0d0b2a, 0.92).setStrokeStyle(2, 0x6c63ff, 0.7);
    const header = scene.add
      .text(50, o.top + 18, o.t('keyTest'), { fontFamily: FONT, fontSize: '24px', fontStyle: 'bold', color: '#ffe8a3' })
      .setOrigin(0, 0.5);
    this.downText = scene.add
      .text(WIDTH - 50, o.top + 18, '', { fontFamily: FONT, fontSize: '22px', color: '#7df9ff', fontStyle: 'bold' })
      .setOrigin(1, 0.5);
    // CJK-aware wrapping: Japanese has no spaces to break at.
    const wrapped = { fontFamily: FONT, fontSize: '20px', align: 'center', wordWrap: wrapStyle(WIDTH - 120) } as const;
    this.instruction = scene.add
      .text(CENTER_X, header.y + header.height / 2 + 6, o.t('keyTestIntro'), {
        ...wrapped,
        fontSize: '24px',
        fontStyle: 'bold',
        color: '#ffe8a3',
      })
      .setOrigin(0.5, 0);
    // The chord rows start under the intro (its longest text), one text line apart at least.
    const rowY = Math.max(o.rowY, this.instruction.y + this.instruction.height + 18);
    const lineH = Math.max(o.rowH, (scene as unknown as { floorFontSize?: number }).floorFontSize ?? 0) + 4;
    const rowH = Math.max(o.rowH, lineH);
    this.chordTexts = CHORDS.map((_, i) =>
      scene.add
        .text(70, rowY + i * rowH, '', { fontFamily: FONT, fontSize: '20px', color: o.palette.dim })
        .setOrigin(0, 0.5),
    );
    this.summary = scene.add
      .text(CENTER_X, rowY + CHORDS.length * rowH + 4, '', { ...wrapped, color: '#ffd166' })
      .setOrigin(0.5, 0);
    this.showDown(new Set());
    this.refresh();
  }

  start(held: ReadonlySet<string>): void {
    this.summary.setText('');
    this.test.start(held);
    this.show();
  }

  observe(held: ReadonlySet<string>): void {
    this.showDown(held);
    if (!this.test.running) return;
    this.test.observe(held);
    this.show();
  }

  giveUp(held: ReadonlySet<string>): void {
    this.test.giveUp(held, keyLabel);
    this.show();
  }

  stop(): void {
    this.test.stop();
    this.show();
  }

  showDown(held: ReadonlySet<string>): void {
    const keys = [...held].map(keyLabel).join(' ');
    this.downText.setText(this.o.t('keyTestDown', { keys: keys || this.o.t('keyTestNone') }));
  }

  /** Redraws every chord's line (after the bindings changed, too). */
  refresh(): void {
    const { o } = this;
    CHORDS.forEach((chord, i) => {
      const r = this.test.results[i] ?? { state: 'pending' };
      const text = this.chordTexts[i];
      if (!text) return;
      const label = this.chordLabel(chord);
      if (r.state === 'ok') text.setText(`✓ ${label} — ${o.t('keyTestPass')}`).setColor('#9ef01a');
      else if (r.state === 'dropped') {
        text
          .setText(`✗ ${label} — ${o.t('keyTestDropped', { keys: r.missing.join(' + ') || '—' })}`)
          .setColor('#ff8fa3');
      } else if (r.state === 'current') text.setText(`▶ ${label}`).setColor('#ffd166');
      else text.setText(`· ${label}`).setColor(o.palette.dim);
    });
  }

  /** The chord to hold, or the summary once the test has ended. */
  private show(): void {
    const { o } = this;
    const chord = this.test.current;
    if (chord) {
      this.instruction.setText(o.t('keyTestHold', { keys: this.chordLabel(chord, true) }));
      this.refresh();
      return;
    }
    this.instruction.setText(o.t('keyTestIntro'));
    const { done, dropped, total } = this.test.summary;
    if (done === total && dropped === 0) this.summary.setText(o.t('keyTestAllGood'));
    else if (dropped > 0)
      this.summary.setText(`${o.t('keyTestSomeDropped', { n: dropped, total })} ${o.t('keyTestSuggest')}`);
    else this.summary.setText('');
    this.refresh();
    o.onEnd();
  }

  /** "P1: Hi-hat + Kick (A + F)"; with `keysOnly`, just "A + F" grouped by player. */
  private chordLabel(chord: Chord, keysOnly = false): string {
    const { o } = this;
    const b = o.bindings().keyboard;
    const keys = (part: Chord['parts'][number]) => part.lanes.map((l) => keyLabel(b[part.player][l])).join(' + ');
    const short = (p: PlayerId) => o.t(p === 0 ? 'p1Short' : 'p2Short');
    if (keysOnly) return chord.parts.map((part) => `${short(part.player)} ${keys(part)}`).join('  &  ');
    const lanes = (part: Chord['parts'][number]) => part.lanes.map((l) => o.laneName(l)).join(' + ');
    const first = chord.parts[0];
    if (!first) return '';
    const what =
      chord.parts.length > 1
        ? o.t('chordBoth', { lanes: lanes(first) })
        : o.t('chordOne', { player: short(first.player), lanes: lanes(first) });
    return `${what}  (${chord.parts.map(keys).join('  &  ')})`;
  }
}
