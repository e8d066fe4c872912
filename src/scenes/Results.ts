import type Phaser from 'phaser';
import { closingCaption, outcomeOf } from '../content/captions';
import { applySuggestedOffset } from '../core/calibration';
import { HitWindows } from '../core/hitWindows';
import { lineupFor } from '../core/lineup';
import type { PlayerResult } from '../core/match';
import { partOf, type Song } from '../core/song';
import { PLAYERS, type PlayerId } from '../core/units';
import { badgesFor } from '../game/celebrate';
import type { FinishedRun } from '../game/flow';
import { CENTER_X, HEIGHT, PORTRAIT, touchLayout, WIDTH } from '../game/layout';
import { minButtonPx, topInset } from '../game/layoutService';
import { tellDifferences } from '../game/replayIo';
import { FONT, hex } from '../game/theme';
import { CaptionBox, wrapStyle } from '../objects/captionBox';
import { Drummer } from '../objects/drummer';
import { Menu } from '../objects/menu';
import { resultActions } from '../objects/resultActions';
import { NaraStage } from '../objects/stage';
import { BaseScene } from './BaseScene';

/**
 * Results that celebrate: per player the grade, score and badges large; Harmony (or the winner)
 * and the two leaders' reaction in the middle; the closing quote in its own band above the
 * buttons. The timing details (counts, mean offset, unstable rate, the histogram coloured by
 * that player's own windows, the suggested offset) are one key (T) or tap away.
 */
export class Results extends BaseScene {
  constructor() {
    super('Results');
  }

  private finished!: FinishedRun;
  private main: Phaser.GameObjects.GameObject[] = [];
  private detailObjects: Phaser.GameObjects.GameObject[] = [];
  private menu: Menu | null = null;
  private detailMenu: Menu | null = null;
  private detailsOpen = false;

  /** Shows the finished run it is handed (Play hands it over); without one there is nothing to show. */
  create(data?: FinishedRun): void {
    if (!data?.results) {
      this.scene.start('Title');
      return;
    }
    this.finished = data;
    this.main = [];
    this.detailObjects = [];
    this.detailsOpen = false;
    const r = data.results;
    const song: Song | undefined = this.app.library.get(r.songId);
    const stage = new NaraStage(this, { calm: this.calm, floorY: HEIGHT - 110 });
    // The crowd (Nara's deer) hops for a good run (bows, with reduced motion).
    if (r.players.some((p) => p && p.accuracy >= 0.8)) this.time.delayedCall(500, () => stage.hop());
    this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x05031a, 0.5).setOrigin(0);
    const tap = minButtonPx();
    const top = PORTRAIT ? topInset() + 8 : 16;
    const title = this.add
      .text(CENTER_X, top, `${this.t('results')} · ${r.title}`, {
        fontFamily: FONT,
        fontSize: '34px',
        fontStyle: 'bold',
        color: '#ffe8a3',
        stroke: '#120c33',
        strokeThickness: 6,
        align: 'center',
        wordWrap: wrapStyle(PORTRAIT ? WIDTH - 40 : WIDTH - 420),
      })
      .setOrigin(0.5, 0);
    this.main.push(title);

    // Buttons: a grid along the bottom.
    const back = lineupFor(r.mode).back;
    const leave = () => {
      this.app.flow.setPlan({ kind: 'play' });
      this.scene.start(back);
    };
    const watched = data.kind === 'watch';
    if (watched && data.differences.length > 0) tellDifferences(this.app, data.differences);
    const items = [
      { label: this.t(watched ? 'watchAgain' : 'retry'), action: () => this.scene.start('Play') },
      ...resultActions(this, data),
      { label: this.t(touchLayout ? 'detailsShowTouch' : 'detailsShow'), action: () => this.showDetails(true) },
      { label: this.t('back'), action: leave },
    ];
    const buttonW = PORTRAIT ? (WIDTH - 60) / 2 : 260;
    const columns = Math.max(2, Math.min(items.length, Math.floor((WIDTH - 40 + 16) / (buttonW + 16))));
    const rows = Math.ceil(items.length / columns);
    const spacing = tap + 14;
    const gridTop = HEIGHT - 14 - rows * spacing + 14;
    this.menu = new Menu(this, items, {
      x: CENTER_X,
      y: gridTop + tap / 2,
      width: buttonW,
      spacing,
      fontSize: 20,
      columns,
    });
    this.onMenu((a) => {
      if (a === 'back') {
        if (this.detailsOpen) this.showDetails(false);
        else leave();
      }
    });
    const onKey = (e: KeyboardEvent) => {
      if (e.code === 'KeyT' && !e.repeat && this.scene.isActive()) this.showDetails(!this.detailsOpen);
    };
    window.addEventListener('keydown', onKey);
    this.own(() => window.removeEventListener('keydown', onKey));

    // The closing quote: its own band, full width, just above the buttons.
    const caption = new CaptionBox(this, {
      x: CENTER_X,
      y: 0,
      width: Math.min(WIDTH - 40, 980),
      fontSize: 18,
      language: this.app.settings.language,
      calm: this.calm,
    });
    const closing = closingCaption(outcomeOf(r, data.improved));
    // Shown once to measure it, then again where it rests (the fade rises to that place).
    caption.show(closing);
    const bandBottom = gridTop - 10;
    caption.rest(bandBottom - caption.height / 2);
    caption.show(closing);
    this.main.push(caption.container);
    const contentBottom = bandBottom - caption.height - 12;

    // Harmony, or the winner: large, in the middle.
    const mid: string[] = [];
    if (r.harmony !== null) mid.push(`${this.t('harmony')} ${Math.round(r.harmony * 100)}%`);
    if (r.battle) {
      const name = (p: PlayerId) => this.t(p === 0 ? 'player1' : 'player2');
      mid.push(
        r.battle.winner === null
          ? this.t('tie')
          : this.t('winner', { name: name(r.battle.winner), margin: r.battle.margin.toLocaleString('en-US') }),
      );
    }
    const centreW = PORTRAIT ? WIDTH - 40 : Math.max(340, WIDTH * 0.3);
    let cursor = title.y + title.height + 10;
    if (mid.length > 0) {
      const headline = this.add
        .text(CENTER_X, cursor, mid.join('\n'), {
          fontFamily: FONT,
          fontSize: '40px',
          fontStyle: 'bold',
          color: '#ffd6f5',
          align: 'center',
          stroke: '#120c33',
          strokeThickness: 6,
          wordWrap: wrapStyle(centreW),
        })
        .setOrigin(0.5, 0);
      this.main.push(headline);
      cursor = headline.y + headline.height + 6;
    }

    // Player panels (beside the leaders in landscape; stacked above them upright).
    const players = PLAYERS.filter((p) => r.players[p]);
    if (PORTRAIT) {
      const panelH = 250;
      players.forEach((p, i) => {
        const pr = r.players[p];
        if (pr) this.panel(p, pr, 20, cursor + i * (panelH + 12), WIDTH - 40, panelH);
      });
      cursor += players.length * (panelH + 12);
      this.leaders(song, cursor, contentBottom, WIDTH - 40);
    } else {
      const pw = Math.min(460, (WIDTH - 40 - centreW - 24) / 2);
      // Clear of the page's own buttons at the top right.
      const panelTop = Math.max(title.y + title.height + 10, topInset());
      players.forEach((p) => {
        const pr = r.players[p];
        const x = p === 0 ? 20 : WIDTH - 20 - pw;
        if (pr) this.panel(p, pr, x, panelTop, pw, contentBottom - panelTop);
      });
      this.leaders(song, cursor, contentBottom, centreW);
    }
    this.buildDetails(r);
    this.showDetails(false);
  }

  /** The two leaders, as large as the room between `top` and `bottom` allows, cheering or bowing. */
  private leaders(song: Song | undefined, top: number, bottom: number, width: number): void {
    const r = this.finished.results;
    const winner = r.battle?.winner;
    const room = bottom - top;
    if (room < 60) return;
    for (const p of PLAYERS) {
      const pr = r.players[p];
      const good = pr ? pr.accuracy >= 0.8 : false;
      const won = winner === undefined || winner === null || winner === p;
      const character = song ? partOf(song, p).character : p === 0 ? 'takaichi' : 'lee';
      const source = this.textures.get(`${character}-idle-a`).getSourceImage() as { height: number; width: number };
      const natural = Math.max(1, source.height);
      const scale = Math.min(room / natural, width / 2 / Math.max(1, source.width));
      const d = new Drummer(this, character, CENTER_X + (p === 0 ? -1 : 1) * width * 0.22, bottom, scale);
      d.show(good && won ? 'cheer' : 'bow', 1e9);
      this.main.push(d.image);
    }
  }

  /** A small rounded label (badge); returns it. */
  private badge(x: number, y: number, label: string, color: number, originX = 0): Phaser.GameObjects.Text {
    const t = this.add
      .text(x, y, label, {
        fontFamily: FONT,
        fontSize: '20px',
        fontStyle: 'bold',
        color: '#1a1240',
        backgroundColor: hex(color),
        padding: { x: 10, y: 4 },
      })
      .setOrigin(originX, 0);
    this.main.push(t);
    return t;
  }

  /** One player's card: who, grade, score, accuracy, badges, max combo. */
  private panel(p: PlayerId, r: PlayerResult, x: number, top: number, w: number, h: number): void {
    const color = this.palette.players[p];
    const bg = this.add.rectangle(x, top, w, h, 0x100c30, 0.88).setOrigin(0).setStrokeStyle(3, color);
    this.main.push(bg);
    const text = (dx: number, dy: number, s: string, size: number, c = '#f5f3ff', bold = false) => {
      const t = this.add.text(x + dx, top + dy, s, {
        fontFamily: FONT,
        fontSize: `${size}px`,
        color: c,
        fontStyle: bold ? 'bold' : 'normal',
      });
      this.main.push(t);
      return t;
    };
    const seat = this.finished.results.seats[p];
    const who = this.t(seat === 'cpu' ? 'cpuPartner' : seat === 'replay' ? 'ghost' : p === 0 ? 'player1' : 'player2');
    const head = text(16, 10, `${who} · ${this.t(r.difficulty)}`, 22, hex(color), true);
    const gradeSize = Math.min(110, Math.max(64, h * 0.3));
    const grade = text(16, head.y - top + head.height, r.grade, gradeSize, '#ffe8a3', true);
    const wide = w >= 400;
    const sx = wide ? 16 + grade.width + 20 : 16;
    const sy = wide ? grade.y - top + gradeSize * 0.22 : grade.y - top + grade.height;
    const score = text(sx, sy, r.score.toLocaleString('en-US'), 40, '#ffffff', true);
    const acc = text(sx, score.y - top + score.height, `${this.t('accuracy')} ${(r.accuracy * 100).toFixed(2)}%`, 22);
    let y = Math.max(grade.y + grade.height, acc.y + acc.height) + 8;
    let bx = x + 16;
    const badges = badgesFor(r.counts);
    const labels: [boolean, string, number][] = [
      [this.finished.newBest[p] ?? false, `★ ${this.t('newBest')}`, 0xffd166],
      [badges.allPerfect, this.t('allPerfect'), this.palette.judgement.perfect],
      [badges.fullCombo && !badges.allPerfect, this.t('fullCombo'), this.palette.judgement.great],
    ];
    for (const [on, label, c] of labels) {
      if (!on) continue;
      const b = this.badge(bx, y, label, c);
      if (b.x + b.width > x + w - 12 && bx > x + 16) {
        y += b.height + 6;
        bx = x + 16;
        b.setPosition(bx, y);
      }
      bx += b.width + 8;
    }
    if (bx > x + 16) y += 40;
    const combo = text(16, y - top, `${this.t('maxCombo')}: ${r.maxCombo}`, 22);
    const j = this.palette.judgement;
    const counts = text(
      16,
      combo.y - top + combo.height + 4,
      [
        [this.t('perfect'), r.counts.perfect],
        [this.t('great'), r.counts.great],
        [this.t('good'), r.counts.good],
        [this.t('miss'), r.counts.miss],
      ]
        .map(([l, n]) => `${l} ${n}`)
        .join('  '),
      18,
      hex(j.perfect),
    );
    counts.setWordWrapWidth(w - 32);
    // Whatever does not fit the card stays in the details.
    for (const t of [combo, counts]) {
      if (t.y + t.height <= top + h - 6) continue;
      this.main = this.main.filter((o) => o !== t);
      t.destroy();
    }
  }

  /** The timing details: one panel per player over the whole screen but the buttons. */
  private buildDetails(r: FinishedRun['results']): void {
    const tap = minButtonPx();
    const players = PLAYERS.filter((p) => r.players[p]);
    const add = <T extends Phaser.GameObjects.GameObject>(o: T) => {
      this.detailObjects.push(o);
      return o;
    };
    add(this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x05031a, 0.92).setOrigin(0));
    const suggestions = this.finished.kind === 'watch' ? [] : this.offsetSuggestions(r);
    const items = [...suggestions, { label: this.t('detailsHide'), action: () => this.showDetails(false) }];
    const columns = PORTRAIT ? 1 : Math.min(items.length, 3);
    const rows = Math.ceil(items.length / columns);
    const spacing = tap + 14;
    const menuTop = HEIGHT - 14 - rows * spacing + 14;
    this.detailMenu = new Menu(this, items, {
      x: CENTER_X,
      y: menuTop + tap / 2,
      width: PORTRAIT ? WIDTH - 60 : Math.min(420, (WIDTH - 80) / columns),
      spacing,
      fontSize: 20,
      columns,
    });
    const areaTop = topInset();
    const areaBottom = menuTop - 12;
    const n = players.length;
    players.forEach((p, i) => {
      const pr = r.players[p];
      if (!pr) return;
      const [x, y, w, h] = PORTRAIT
        ? [20, areaTop + (i * (areaBottom - areaTop)) / n, WIDTH - 40, (areaBottom - areaTop) / n - 10]
        : [20 + (i * (WIDTH - 40)) / n, areaTop, (WIDTH - 40) / n - 16, areaBottom - areaTop];
      this.detailPanel(p, pr, x, y, w, h, add);
    });
  }

  private detailPanel(
    p: PlayerId,
    r: PlayerResult,
    x: number,
    top: number,
    w: number,
    h: number,
    add: <T extends Phaser.GameObjects.GameObject>(o: T) => T,
  ): void {
    const color = this.palette.players[p];
    add(this.add.rectangle(x, top, w, h, 0x100c30, 0.95).setOrigin(0).setStrokeStyle(3, color));
    const style = (size: number, c = '#f5f3ff', bold = false) => ({
      fontFamily: FONT,
      fontSize: `${size}px`,
      color: c,
      fontStyle: bold ? 'bold' : 'normal',
      wordWrap: wrapStyle(w - 32),
    });
    const seat = this.finished.results.seats[p];
    const who = this.t(seat === 'cpu' ? 'cpuPartner' : seat === 'replay' ? 'ghost' : p === 0 ? 'player1' : 'player2');
    const head = add(this.add.text(x + 16, top + 10, `${who} · ${this.t(r.difficulty)}`, style(22, hex(color), true)));
    const mean = r.meanOffsetMs;
    const anyHit = r.counts.perfect + r.counts.great + r.counts.good > 0;
    const meanLabel = anyHit ? `${Math.abs(mean).toFixed(1)} ms ${mean < 0 ? this.t('early') : this.t('late')}` : '–';
    const lines = [
      `${this.t('perfect')} ${r.counts.perfect} · ${this.t('great')} ${r.counts.great} · ${this.t('good')} ${r.counts.good} · ${this.t('miss')} ${r.counts.miss}`,
      `${this.t('maxCombo')}: ${r.maxCombo}`,
      `${this.t('meanOffset')}: ${meanLabel}`,
      `${this.t('unstableRate')}: ${anyHit ? r.unstableRate.toFixed(1) : '–'}`,
    ];
    const sync = this.finished.results.syncMs;
    if (p === 0 && sync !== null) lines.push(`${this.t('sync')} ${sync.toFixed(1)} ms`);
    const body = add(this.add.text(x + 16, head.y + head.height + 6, lines.join('\n'), style(20)));
    const histTop = body.y + body.height + 10;
    const labelH = this.fontPx(16) + 10;
    const histH = Math.min(220, top + h - histTop - labelH - 8);
    if (histH >= 40) this.histogram(x + 16, histTop, w - 32, histH, r, add);
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

  private showDetails(on: boolean): void {
    this.detailsOpen = on;
    for (const o of this.detailObjects) (o as unknown as { setVisible(v: boolean): void }).setVisible(on);
    for (const o of this.main) (o as unknown as { setVisible(v: boolean): void }).setVisible(!on);
    this.detailMenu?.setVisible(on);
    this.menu?.setVisible(!on);
  }

  /**
   * Offsets as bars, early on the left, each coloured by the judgement that player's own windows
   * (their difficulty's) give it, in the palette in use (high contrast included).
   */
  private histogram(
    x: number,
    y: number,
    w: number,
    h: number,
    r: PlayerResult,
    add: <T extends Phaser.GameObjects.GameObject>(o: T) => T,
  ): void {
    const g = add(this.add.graphics());
    g.fillStyle(0x1b1650, 1).fillRect(x, y, w, h);
    const windows = HitWindows.for(r.difficulty);
    const counts = r.histogram.counts;
    const max = Math.max(1, ...counts);
    const bw = w / counts.length;
    const range = -r.histogram.fromMs;
    const toX = (ms: number) => x + ((ms + range) / (2 * range)) * w;
    const j = this.palette.judgement;
    // The windows, shaded behind the bars.
    for (const [row, c] of [
      ['good', j.good],
      ['great', j.great],
      ['perfect', j.perfect],
    ] as const) {
      const ms = Math.min(range, windows.table[row]);
      g.fillStyle(c, 0.12).fillRect(toX(-ms), y, toX(ms) - toX(-ms), h);
    }
    counts.forEach((c, i) => {
      const center = r.histogram.fromMs + (i + 0.5) * r.histogram.binMs;
      const judged = windows.resultFor(center) ?? 'miss';
      const bh = (c / max) * (h - 10);
      g.fillStyle(j[judged], 0.95).fillRect(x + i * bw + 1, y + h - bh, Math.max(1, bw - 2), bh);
    });
    g.lineStyle(2, 0xffffff, 0.9).lineBetween(x + w / 2, y, x + w / 2, y + h);
    const label = (dx: number, s: string) =>
      add(
        this.add
          .text(x + dx, y + h + 4, s, { fontFamily: FONT, fontSize: '16px', color: this.palette.dim })
          .setOrigin(dx === 0 ? 0 : dx === w ? 1 : 0.5, 0),
      );
    label(0, `${this.t('early')} ${r.histogram.fromMs} ms`);
    label(w / 2, '0');
    label(w, `+${range} ms ${this.t('late')}`);
  }
}
