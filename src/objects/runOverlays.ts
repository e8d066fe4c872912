import type Phaser from 'phaser';
import type { StringKey } from '../content/strings';
import { localSlots } from '../core/lineup';
import type { PracticeProgress } from '../core/practice';
import type { PlayerId } from '../core/units';
import { CENTER_X, touchLayout } from '../game/layout';
import { FONT } from '../game/theme';
import type { MenuAction } from '../input/press';
import type { Run } from '../run/run';
import { wrapStyle } from './captionBox';
import type { PlayerHud } from './playerHud';
import { WatchBar } from './watchBar';

export interface RunOverlayOptions {
  readonly t: (key: StringKey, vars?: Record<string, string | number>) => string;
  /** Tells the player something (the page's notices). */
  readonly tell: (text: string) => void;
}

/**
 * What Play shows besides the duet itself, by kind of run: the controls of a replay being
 * watched, the status of a practice loop (and a notice after each loop), a ghost's marks and
 * score beside the players' own parts. It also redraws the HUDs when the run's match is made
 * afresh.
 */
export class RunOverlays {
  private readonly watchBar: WatchBar | null = null;
  private readonly status: Phaser.GameObjects.Text | null = null;
  private readonly ghostSlots: PlayerId[] = [];

  constructor(
    scene: Phaser.Scene,
    private readonly run: Run,
    private readonly huds: readonly PlayerHud[],
    private readonly o: RunOverlayOptions,
    own: (dispose: () => void) => void,
  ) {
    const t = o.t;
    own(run.on('reset', () => this.redraw()));
    if (run.watching) {
      this.watchBar = new WatchBar(scene, run, {
        y: touchLayout ? 92 : 180,
        label: (speed) => t('replayWatching', { speed }),
        help: t('watchHelp'),
      });
    }
    if (run.range) {
      this.status = scene.add
        .text(CENTER_X, touchLayout ? 92 : 168, '', {
          fontFamily: FONT,
          fontSize: '18px',
          fontStyle: 'bold',
          color: '#ffe8a3',
          align: 'center',
          backgroundColor: '#1d1b4fcc',
          padding: { x: 10, y: 6 },
          wordWrap: wrapStyle(touchLayout ? 190 : 560),
        })
        .setOrigin(0.5, 0)
        .setDepth(55);
      this.showStatus();
      own(run.on('loop', (p) => this.loopEnded(p)));
    }
    if (run.setup.ghost) {
      for (const p of localSlots(run.lineup)) {
        this.huds[p]?.showGhost(run.ghostPresses(p));
        this.ghostSlots.push(p);
      }
    }
  }

  /** Keys for the watch controls: ← → seek, ↑ ↓ speed, Enter pause. True when handled. */
  handle(a: MenuAction): boolean {
    const bar = this.watchBar;
    if (!bar) return false;
    // Not before the song runs: the key that unlocked the sound (and started the count-in) is no command.
    const t = this.run.songTime(performance.now());
    if (t === null || t < this.run.span.start) return false;
    if (a === 'left') bar.seekBy(-5);
    else if (a === 'right') bar.seekBy(5);
    else if (a === 'up') bar.speedBy(1);
    else if (a === 'down') bar.speedBy(-1);
    else if (a === 'confirm') bar.togglePause();
    else return false;
    return true;
  }

  /** Every frame. */
  update(): void {
    this.watchBar?.draw();
    for (const p of this.ghostSlots) {
      const score = this.run.ghostScore(p) ?? 0;
      this.huds[p]?.setGhostScore(this.o.t('ghostScore', { score: score.toLocaleString('en-US') }));
    }
  }

  private redraw(): void {
    const match = this.run.match;
    this.huds.forEach((hud, p) => {
      const s = match.player(p as PlayerId);
      hud.reset(match.judged(p as PlayerId), s.score, s.combo);
    });
  }

  private loopEnded(p: PracticeProgress): void {
    const last = p.last;
    if (last) {
      const speed = `${Math.round(p.speed * 100)}%`;
      this.o.tell(
        last.clean
          ? this.o.t('practiceLoopClean', { n: last.index, speed })
          : this.o.t('practiceLoopMissed', { n: last.index, hits: last.hits, notes: last.notes, speed }),
      );
    }
    this.showStatus();
  }

  private showStatus(): void {
    const practice = this.run.setup.practice;
    const p = this.run.progress;
    if (!this.status || !practice || !p) return;
    this.status.setText(
      this.o.t('practiceStatus', {
        from: practice.fromBar,
        to: practice.toBar,
        speed: `${Math.round(this.run.rate * 100)}%`,
        loops: p.loops,
        clean: p.cleanLoops,
      }),
    );
  }
}
