import type Phaser from 'phaser';
import type { ScoredJudgement } from '../core/score';
import type { Note } from '../core/song';
import type { Difficulty, Lane, PlayerId, Seconds } from '../core/units';
import { ART_SCALE, characterSpot, HIGHWAY, highwayCenter } from '../game/layout';
import { FONT, hex, type Palette } from '../game/theme';
import type { PlayerKeys } from '../input/bindings';
import type { StaticLayer } from './bake';
import { Drummer } from './drummer';
import { Highway, HitErrorBar } from './highway';

export interface PlayerHudOptions {
  readonly player: PlayerId;
  readonly notes: readonly Note[];
  readonly difficulty: Difficulty;
  readonly palette: Palette;
  readonly keys: PlayerKeys;
  readonly noteSpeed: Seconds;
  /** "Player 1 · Hard", shown above the highway. */
  readonly label: string;
  /** Who plays the part: 'takaichi' or 'lee'. */
  readonly character: string;
  readonly calm: boolean;
  /** The judgement's name in the player's language. */
  readonly judgementName: (j: ScoredJudgement['judgement']) => string;
  /** "50 combo!" in the player's language (no milestones without it). */
  readonly milestone?: (combo: number) => string;
  /** A milestone was reached (the crowd reacts). */
  readonly onMilestone?: (combo: number) => void;
}

/** Combos worth a cheer: 25, 50, then every 100. */
export function isMilestone(combo: number): boolean {
  return combo === 25 || combo === 50 || (combo > 0 && combo % 100 === 0);
}

/** One player's side of Play: highway, hit-error bar, drummer, score, combo and judgement popup. */
export class PlayerHud {
  private readonly highway: Highway;
  private readonly errorBar: HitErrorBar;
  private readonly drummer: Drummer;
  private readonly score: Phaser.GameObjects.Text;
  private readonly combo: Phaser.GameObjects.Text;
  private readonly popup: Phaser.GameObjects.Text;
  private ghostText: Phaser.GameObjects.Text | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly o: PlayerHudOptions,
    bake: StaticLayer,
  ) {
    const { player, palette } = o;
    this.highway = new Highway(scene, player, o.notes, o.difficulty, palette, o.keys, o.noteSpeed, bake);
    this.errorBar = new HitErrorBar(scene, player, o.difficulty, palette, HIGHWAY.bottom - 10, bake);
    const spot = characterSpot(player);
    this.drummer = new Drummer(scene, o.character, spot.x, spot.y, spot.scale / ART_SCALE, true);
    const x = highwayCenter(player);
    const big = { fontFamily: FONT, fontStyle: 'bold', color: '#ffffff', stroke: '#120c33', strokeThickness: 6 };
    bake.add(
      scene.add
        .text(x, 14, o.label, {
          fontFamily: FONT,
          fontSize: '22px',
          color: hex(palette.players[player]),
          fontStyle: 'bold',
        })
        .setOrigin(0.5, 0),
    );
    this.score = scene.add
      .text(x, 40, '0', { fontFamily: FONT, fontSize: '34px', fontStyle: 'bold', color: '#ffffff' })
      .setOrigin(0.5, 0);
    this.combo = scene.add
      .text(x, 380, '', { ...big, fontSize: '40px' })
      .setOrigin(0.5)
      .setAlpha(0.9);
    this.popup = scene.add.text(x, HIGHWAY.hitLineY - 76, '', { ...big, fontSize: '30px' }).setOrigin(0.5);
    this.milestone = scene.add
      .text(x, 300, '', { ...big, fontSize: '44px', color: '#ffd166' })
      .setOrigin(0.5)
      .setAlpha(0);
  }

  private readonly milestone: Phaser.GameObjects.Text;

  /** Combo milestones (25, 50, 100, then every 100): a cheer on the highway. Returns whether one was reached. */
  private celebrate(comboAfter: number): boolean {
    if (!isMilestone(comboAfter) || !this.o.milestone) return false;
    const tweens = this.scene.tweens;
    tweens.killTweensOf(this.milestone);
    this.milestone.setText(this.o.milestone(comboAfter)).setAlpha(1).setScale(1);
    if (!this.o.calm) {
      this.milestone.setScale(0.6);
      tweens.add({ targets: this.milestone, scale: 1.1, duration: 220, ease: 'Back.out' });
    }
    tweens.add({ targets: this.milestone, alpha: 0, delay: 900, duration: 400 });
    return true;
  }

  /** A judgement: the note is marked, the drummer reacts, the popup and the error bar show it. */
  judged(r: ScoredJudgement, score: number, combo: number): void {
    const { judgement, note, offsetMs } = r;
    this.highway.mark(note.id, judgement);
    this.drummer.react(judgement, note.lane, r.comboAfter);
    this.showScore(score, combo);
    const color = this.o.palette.judgement[judgement];
    this.popup.setText(this.o.judgementName(judgement)).setColor(hex(color)).setAlpha(0.9);
    const tweens = this.scene.tweens;
    tweens.killTweensOf(this.popup);
    if (!this.o.calm) {
      this.popup.setScale(1.25);
      tweens.add({ targets: this.popup, scale: 1, duration: 120 });
    }
    tweens.add({ targets: this.popup, alpha: 0, delay: 350, duration: 250 });
    if (offsetMs !== null && judgement !== 'miss') this.errorBar.add(offsetMs, color);
    if (this.celebrate(r.comboAfter)) this.o.onMilestone?.(r.comboAfter);
  }

  /** A judgement taken back (a late-delivered press changed it): the note is unmarked. */
  reverted(r: ScoredJudgement, score: number, combo: number): void {
    this.highway.unmark(r.note.id);
    this.showScore(score, combo);
  }

  /** The run was made afresh (a seek, a new practice loop): marks, score and combo as they now are. */
  reset(judged: readonly ScoredJudgement[], score: number, combo: number): void {
    this.highway.clearMarks();
    for (const r of judged) this.highway.mark(r.note.id, r.judgement);
    this.showScore(score, combo);
  }

  /**
   * A ghost (the best run) beside this part: its presses as faint marks, its score so far under
   * this player's (`label` formats it).
   */
  showGhost(presses: readonly { time: Seconds; lane: Lane }[]): void {
    this.highway.setGhost(presses);
    this.ghostText = this.scene.add
      .text(highwayCenter(this.o.player), 80, '', { fontFamily: FONT, fontSize: '18px', color: '#d9d4ff' })
      .setOrigin(0.5, 0)
      .setAlpha(0.8);
  }

  setGhostScore(text: string): void {
    if (this.ghostText && this.ghostText.text !== text) this.ghostText.setText(text);
  }

  /** A press that took no note: the drummer still strikes. */
  ghost(lane: Lane): void {
    this.drummer.strike(lane);
  }

  /** A press made a sound: its lane lights. */
  flash(lane: Lane): void {
    this.highway.flash(lane);
  }

  draw(display: Seconds, beatTimes: readonly Seconds[], beat: number): void {
    this.highway.draw(display, beatTimes);
    this.drummer.groove(beat);
  }

  private showScore(score: number, combo: number): void {
    this.score.setText(score.toLocaleString('en-US'));
    this.combo.setText(combo >= 5 ? `${combo}` : '');
  }
}
