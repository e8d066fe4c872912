import { closingCaption, outcomeOf } from '../content/captions';
import { applySuggestedOffset } from '../core/calibration';
import { lineupFor } from '../core/lineup';
import type { PlayerResult } from '../core/match';
import { partOf, type Song } from '../core/song';
import { PLAYERS, type PlayerId } from '../core/units';
import type { FinishedRun } from '../game/flow';
import { ART_SCALE, CENTER_X, HEIGHT, WIDTH } from '../game/layout';
import { tellDifferences } from '../game/replayIo';
import { FONT, hex } from '../game/theme';
import { CaptionBox } from '../objects/captionBox';
import { Drummer } from '../objects/drummer';
import { Menu } from '../objects/menu';
import { resultActions } from '../objects/resultActions';
import { NaraStage } from '../objects/stage';
import { BaseScene } from './BaseScene';

const PANEL_W = 430;

/** Per player: grade, score, counts, timing and a hit-error histogram; Harmony or the winner. */
export class Results extends BaseScene {
  constructor() {
    super('Results');
  }

  private finished!: FinishedRun;

  /** Shows the finished run it is handed (Play hands it over); without one there is nothing to show. */
  create(data?: FinishedRun): void {
    if (!data?.results) {
      this.scene.start('Title');
      return;
    }
    this.finished = data;
    const r = data.results;
    const song: Song | undefined = this.app.library.get(r.songId);
    new NaraStage(this, { calm: this.calm, floorY: HEIGHT - 110 });
    this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x05031a, 0.35).setOrigin(0);
    this.add
      .text(CENTER_X, 28, `${this.t('results')} · ${r.title}`, {
        fontFamily: FONT,
        fontSize: '34px',
        fontStyle: 'bold',
        color: '#ffe8a3',
        stroke: '#120c33',
        strokeThickness: 6,
      })
      .setOrigin(0.5, 0);
    for (const p of PLAYERS) {
      const pr = r.players[p];
      if (pr) this.panel(p, pr);
    }
    const winner = r.battle?.winner;
    for (const p of PLAYERS) {
      const pr = r.players[p];
      const good = pr ? pr.accuracy >= 0.8 : false;
      const won = winner === undefined || winner === null || winner === p;
      const d = new Drummer(
        this,
        song ? partOf(song, p).character : p === 0 ? 'takaichi' : 'lee',
        CENTER_X + (p === 0 ? -62 : 62),
        HEIGHT - 6,
        0.28 / ART_SCALE,
      );
      d.show(good && won ? 'cheer' : 'bow', 1e9);
    }
    const mid: string[] = [];
    if (r.harmony !== null) {
      mid.push(`${this.t('harmony')} ${Math.round(r.harmony * 100)}%`);
      mid.push(`${this.t('sync')} ${r.syncMs === null ? '–' : `${r.syncMs.toFixed(1)} ms`}`);
    }
    if (r.battle) {
      const name = (p: PlayerId) => this.t(p === 0 ? 'player1' : 'player2');
      mid.push(
        r.battle.winner === null
          ? this.t('tie')
          : this.t('winner', { name: name(r.battle.winner), margin: r.battle.margin.toLocaleString('en-US') }),
      );
    }
    this.add
      .text(CENTER_X, 96, mid.join('\n'), {
        fontFamily: FONT,
        fontSize: '26px',
        fontStyle: 'bold',
        color: '#ffd6f5',
        align: 'center',
        stroke: '#120c33',
        strokeThickness: 5,
        wordWrap: { width: 360 },
      })
      .setOrigin(0.5, 0);
    const back = lineupFor(r.mode).back;
    const leave = () => {
      this.app.flow.setPlan({ kind: 'play' });
      this.scene.start(back);
    };
    const watched = data.kind === 'watch';
    if (watched && data.differences.length > 0) tellDifferences(this.app, data.differences);
    const items = [
      { label: this.t(watched ? 'watchAgain' : 'retry'), action: () => this.scene.start('Play') },
      ...(watched ? [] : this.offsetSuggestions(r)),
      ...resultActions(this, data),
      { label: this.t('back'), action: leave },
    ];
    new Menu(this, items, { x: CENTER_X, y: 350, width: 300, spacing: items.length > 7 ? 38 : 42, fontSize: 18 });
    this.onMenu((a) => {
      if (a === 'back') leave();
    });
    new CaptionBox(this, {
      x: CENTER_X,
      y: 262,
      width: 330,
      fontSize: 18,
      language: this.app.settings.language,
      calm: this.calm,
    }).show(closingCaption(outcomeOf(r, data.improved)));
  }

  /**
   * After 50 or more judged hits, the offset that would have centred the run, applied with one
   * press (only for human players, and when it differs from the current one by 3 ms or more).
   */
  private offsetSuggestions(r: FinishedRun['results']): { label: string; action: () => void }[] {
    const out: { label: string; action: () => void }[] = [];
    for (const p of PLAYERS) {
      const cpu = r.seats[p] !== 'local';
      const current = this.app.settings.players[p].inputOffsetMs;
      const next = applySuggestedOffset(r.players[p]?.suggestedOffsetMs ?? null);
      if (cpu || next === null || Math.abs(next - current) < 3) continue;
      const item = {
        label: this.t('useOffset', { player: p + 1, offset: `${next > 0 ? '+' : ''}${next}` }),
        action: () => {
          const s = this.app.settings;
          const players: typeof s.players = [{ ...s.players[0] }, { ...s.players[1] }];
          players[p] = { inputOffsetMs: next };
          this.app.updateSettings({ ...s, players });
          this.app.notices.info(`${item.label} ✔`);
        },
      };
      out.push(item);
    }
    return out;
  }

  private panel(p: PlayerId, r: PlayerResult): void {
    const x = p === 0 ? 40 : WIDTH - 40 - PANEL_W;
    const top = 90;
    const color = this.palette.players[p];
    this.add.rectangle(x, top, PANEL_W, 560, 0x100c30, 0.88).setOrigin(0).setStrokeStyle(3, color);
    const text = (dx: number, dy: number, s: string, size: number, c = '#f5f3ff', bold = false) =>
      this.add.text(x + dx, top + dy, s, {
        fontFamily: FONT,
        fontSize: `${size}px`,
        color: c,
        fontStyle: bold ? 'bold' : 'normal',
      });
    const seat = this.finished.results.seats[p];
    const who = this.t(seat === 'cpu' ? 'cpuPartner' : seat === 'replay' ? 'ghost' : p === 0 ? 'player1' : 'player2');
    text(20, 14, `${who} · ${this.t(r.difficulty)}`, 22, hex(color), true);
    text(20, 44, r.grade, 84, '#ffe8a3', true);
    text(160, 58, r.score.toLocaleString('en-US'), 40, '#ffffff', true);
    text(160, 106, `${this.t('accuracy')} ${(r.accuracy * 100).toFixed(2)}%`, 22);
    if (this.finished.newBest[p]) text(PANEL_W - 150, 14, `★ ${this.t('newBest')}`, 22, '#ffd166', true);
    const j = this.palette.judgement;
    const rows: [string, number, number][] = [
      [this.t('perfect'), r.counts.perfect, j.perfect],
      [this.t('great'), r.counts.great, j.great],
      [this.t('good'), r.counts.good, j.good],
      [this.t('miss'), r.counts.miss, j.miss],
    ];
    rows.forEach(([label, n, c], i) => {
      text(24, 160 + i * 32, label, 22, hex(c), true);
      text(180, 160 + i * 32, String(n), 22);
    });
    const mean = r.meanOffsetMs;
    const anyHit = r.counts.perfect + r.counts.great + r.counts.good > 0;
    const meanLabel = anyHit ? `${Math.abs(mean).toFixed(1)} ms ${mean < 0 ? this.t('early') : this.t('late')}` : '–';
    text(24, 300, `${this.t('maxCombo')}: ${r.maxCombo}`, 20);
    text(24, 328, `${this.t('meanOffset')}: ${meanLabel}`, 20);
    text(24, 356, `${this.t('unstableRate')}: ${anyHit ? r.unstableRate.toFixed(1) : '–'}`, 20);
    this.histogram(x + 20, top + 400, PANEL_W - 40, 130, r);
  }

  /** Offsets as bars, early on the left; the window zones shaded behind. */
  private histogram(x: number, y: number, w: number, h: number, r: PlayerResult): void {
    const g = this.add.graphics();
    g.fillStyle(0x1b1650, 1).fillRect(x, y, w, h);
    const counts = r.histogram.counts;
    const max = Math.max(1, ...counts);
    const bw = w / counts.length;
    counts.forEach((c, i) => {
      const center = r.histogram.fromMs + (i + 0.5) * r.histogram.binMs;
      const abs = Math.abs(center);
      const color = abs <= 25 ? 0x7df9ff : abs <= 50 ? 0x9ef01a : 0xffd166;
      const bh = (c / max) * (h - 20);
      g.fillStyle(color, 0.9).fillRect(x + i * bw + 1, y + h - bh, bw - 2, bh);
    });
    g.lineStyle(2, 0xffffff, 0.9).lineBetween(x + w / 2, y, x + w / 2, y + h);
    const label = (dx: number, s: string) =>
      this.add
        .text(x + dx, y + h + 4, s, { fontFamily: FONT, fontSize: '16px', color: '#a9a3d9' })
        .setOrigin(dx === 0 ? 0 : dx === w ? 1 : 0.5, 0);
    label(0, `${this.t('early')} ${r.histogram.fromMs} ms`);
    label(w / 2, '0');
    label(w, `+${-r.histogram.fromMs} ms ${this.t('late')}`);
  }
}
