import type Phaser from 'phaser';
import { CPU_SKILL_NAMES, isLocal } from '../core/lineup';
import { chartOf, difficultiesOf, type Song } from '../core/song';
import { DIFFICULTIES, type Difficulty, PLAYERS, type PlayerId } from '../core/units';
import { CENTER_X, HEIGHT, PORTRAIT, touchLayout, WIDTH } from '../game/layout';
import { minButtonPx, topInset } from '../game/layoutService';
import { formatLength } from '../game/songRows';
import { FONT, hex } from '../game/theme';
import { keyLabel } from '../input/bindings';
import { wrapStyle } from '../objects/captionBox';
import { ImportedSongControls } from '../objects/importedSongControls';
import { SongList } from '../objects/songList';
import { tapSize } from '../objects/tap';
import { BaseScene } from './BaseScene';

/** Song list, and a difficulty per player picked on that player's own keys. */
export class SongSelect extends BaseScene {
  private songIndex = 0;
  private readonly ready: [boolean, boolean] = [false, false];
  private list!: SongList;
  private details!: Phaser.GameObjects.Text;
  /** Offset and Delete, shown for an imported song. */
  private controls!: ImportedSongControls;
  /** Ids of the songs listed, to tell a new one when the library changes. */
  private shownIds: string[] = [];
  private panels: { diffs: Phaser.GameObjects.Text[]; ready: Phaser.GameObjects.Text }[] = [];
  private skillText: Phaser.GameObjects.Text | null = null;
  private starting = false;

  /** A slot the CPU plays: its panel configures the CPU partner and is always ready. */
  private cpu(p: PlayerId): boolean {
    return !isLocal(this.app.flow.lineup, p);
  }

  constructor() {
    super('SongSelect');
  }

  create(): void {
    this.ready[0] = this.cpu(0);
    this.ready[1] = this.cpu(1);
    this.panels = [];
    this.skillText = null;
    this.starting = false;
    this.songIndex = Math.max(
      0,
      this.songs.findIndex((s) => s.id === this.app.flow.selection.songId),
    );
    this.backdrop(0.45);
    const L = this.layout();
    this.add
      .text(L.list.x, L.top, this.t('songTitle'), {
        fontFamily: FONT,
        fontSize: '44px',
        color: '#ffe8a3',
        fontStyle: 'bold',
      })
      .setOrigin(0.5, 0);
    const titleH = this.fontPx(44) * 1.4;
    const rowHeight = Math.max(this.fontPx(26) * 1.5, minButtonPx() * 0.9);
    const rows = Math.max(
      3,
      Math.min(6, Math.floor((L.list.bottom - L.top - titleH - this.fontPx(20) * 2.6) / rowHeight)),
    );
    this.list = new SongList(this, {
      x: L.list.x,
      y: L.top + titleH,
      rows,
      rowHeight,
      width: L.list.width,
      heading: (group) => this.t(group === 'imported' ? 'songsImported' : 'songsShipped'),
      onPick: (i) => this.pickSong(i),
    });
    this.details = this.add
      .text(L.list.x, this.list.bottom + 4, '', {
        fontFamily: FONT,
        fontSize: '20px',
        color: '#cfc8ff',
        align: 'center',
        wordWrap: wrapStyle(L.list.width),
      })
      .setOrigin(0.5, 0);
    for (const p of PLAYERS) {
      const box = L.panels[p];
      if (box) this.makePanel(p, box);
    }
    this.controls = new ImportedSongControls(this, L.controlsY, () => this.refresh(), L.list.x);
    this.shownIds = this.songs.map((s) => s.id);
    this.makeBar(L.bar);
    if (PORTRAIT && touchLayout) {
      // Play is played sideways: say so here, before a song starts.
      this.add
        .text(CENTER_X, L.bar.top - 8, `⟲ ${this.t('rotateToPlay')}`, {
          fontFamily: FONT,
          fontSize: '20px',
          color: '#ffd166',
          align: 'center',
          wordWrap: wrapStyle(WIDTH - 40),
        })
        .setOrigin(0.5, 1);
    }
    this.own(this.app.library.on('changed', (all) => this.songsChanged(all)));
    this.onMenu((a) => {
      if (this.controls.dialog?.open) return this.controls.dialog.handle(a);
      const count = this.songs.length;
      if (a === 'up') this.pickSong((this.songIndex + count - 1) % count);
      else if (a === 'down') this.pickSong((this.songIndex + 1) % count);
      else if (a === 'confirm') this.start();
      else if (a === 'back') this.scene.start('ModeSelect');
    });
    this.own(
      this.app.input.on('drum', (press) => {
        if (!this.scene.isActive() || this.controls.dialog?.open) return;
        const cpu = this.cpu(press.player);
        if (press.lane === 'hihat') this.stepDifficulty(press.player, -1);
        else if (press.lane === 'snare') this.stepDifficulty(press.player, 1);
        else if (press.lane === 'tom' && cpu) this.cycleSkill();
        else if (press.lane === 'kick' && !cpu) this.toggleReady(press.player);
      }),
    );
    this.refresh();
  }

  /**
   * Where things go. Landscape: the list on the left, the two players' panels stacked on the right,
   * a bar of buttons along the bottom. Upright: list, panels and bar stacked.
   */
  private layout() {
    const tap = minButtonPx();
    const gap = 16;
    const top = PORTRAIT ? topInset() : 12;
    const barRows = PORTRAIT ? 2 : 1;
    const barTop = HEIGHT - 12 - barRows * (tap + 12) + 12;
    const hint = PORTRAIT && touchLayout ? this.fontPx(20) * 1.5 + 8 : 0;
    if (PORTRAIT) {
      const listBottom = top + (barTop - hint - top) * 0.36;
      const panelTop = listBottom + gap;
      const panelH = (barTop - hint - gap - panelTop - gap) / 2;
      return {
        top,
        list: { x: CENTER_X, width: WIDTH - 40, bottom: listBottom },
        panels: PLAYERS.map((p) => ({ x: 20, y: panelTop + p * (panelH + gap), w: WIDTH - 40, h: panelH })),
        bar: { top: barTop, rows: barRows },
        controlsY: listBottom - tap / 2,
      };
    }
    const listW = Math.min(620, WIDTH * 0.4);
    const panelX = 20 + listW + 24;
    const panelW = WIDTH - panelX - 20;
    // Clear of the page's own buttons (top right).
    const panelTop = Math.max(top, topInset());
    const panelH = (barTop - gap - panelTop - gap) / 2;
    return {
      top,
      list: { x: 20 + listW / 2, width: listW, bottom: barTop - gap - tap - 8 },
      panels: PLAYERS.map((p) => ({ x: panelX, y: panelTop + p * (panelH + gap), w: panelW, h: panelH })),
      bar: { top: barTop, rows: barRows },
      controlsY: barTop - gap - tap / 2,
    };
  }

  private makePanel(p: PlayerId, box: { x: number; y: number; w: number; h: number }): void {
    const x = box.x + box.w / 2;
    const color = hex(this.palette.players[p]);
    this.add
      .rectangle(box.x, box.y, box.w, box.h, 0x151238, 0.85)
      .setOrigin(0)
      .setStrokeStyle(3, this.palette.players[p]);
    const keys = this.app.settings.bindings.keyboard[p];
    const cpu = this.cpu(p);
    const who = cpu ? this.t('cpuPartner') : this.t(p === 0 ? 'player1' : 'player2');
    const head = this.add
      .text(x, box.y + 6, `${who} · ${this.t(p === 0 ? 'nameTakaichi' : 'nameLee')}`, {
        fontFamily: FONT,
        fontSize: '26px',
        fontStyle: 'bold',
        color,
      })
      .setOrigin(0.5, 0);
    const cell = (box.w - 24) / DIFFICULTIES.length;
    const ready = this.add
      .text(x, box.y + box.h - 6, '', {
        fontFamily: FONT,
        fontSize: '22px',
        fontStyle: 'bold',
        color: '#ffd166',
        padding: { x: 12, y: 0 },
      })
      .setOrigin(0.5, 1)
      .setInteractive({ useHandCursor: true })
      .on('pointerup', () => (cpu ? this.cycleSkill() : this.toggleReady(p)));
    tapSize(ready.setText('M'));
    const hint = this.add
      .text(
        x,
        ready.y - ready.height,
        cpu
          ? this.t('cpuHint', { key: keyLabel(keys.tom) })
          : touchLayout
            ? this.t('pickHintTouch')
            : this.t('pickHint', { prev: keyLabel(keys.hihat), next: keyLabel(keys.snare), kick: keyLabel(keys.kick) }),
        { fontFamily: FONT, fontSize: '18px', color: '#a9a3d9', align: 'center', wordWrap: wrapStyle(box.w - 24) },
      )
      .setOrigin(0.5, 1);
    const diffTop = head.y + head.height + 2;
    let diffBottom = hint.y - hint.height - 2;
    // A short panel (a phone held sideways) drops the hint: the difficulties need a thumb's height.
    if (diffBottom - diffTop < minButtonPx() + 8) {
      hint.destroy();
      diffBottom = ready.y - ready.height - 2;
    }
    const diffs = DIFFICULTIES.map((d, i) =>
      this.add
        .text(box.x + 12 + cell * (i + 0.5), (diffTop + diffBottom) / 2, this.t(d), {
          fontFamily: FONT,
          fontSize: '20px',
          color: '#f5f3ff',
          // A long name (エキスパート) wraps inside its cell rather than run into the next.
          wordWrap: wrapStyle(cell - 12),
        })
        .setOrigin(0.5)
        .setInteractive({ useHandCursor: true })
        .on('pointerup', () => this.setDifficulty(p, d)),
    );
    this.panels[p] = { diffs, ready };
    if (cpu) this.skillText = ready;
  }

  /** The bottom bar: Back, the ghost of your best, Replays, Practice and Start. */
  private makeBar(bar: { top: number; rows: number }): void {
    const tap = minButtonPx();
    const button = (label: string, go: () => void, primary = false) =>
      tapSize(
        this.add
          .text(0, 0, label, {
            fontFamily: FONT,
            fontSize: primary ? '30px' : '22px',
            fontStyle: primary ? 'bold' : 'normal',
            color: primary ? '#1a1240' : '#f5f3ff',
            backgroundColor: primary ? '#ffd166' : '#1d1b4fcc',
            padding: { x: primary ? 26 : 14, y: 0 },
          })
          .setOrigin(0.5)
          .setInteractive({ useHandCursor: true })
          .on('pointerup', go),
        tap,
      );
    const back = button(`◀ ${this.t('back')}`, () => this.scene.start('ModeSelect'));
    const ghost = button('', () => {
      this.app.flow.ghostLane = !this.app.flow.ghostLane;
      label();
    });
    const label = () => ghost.setText(`${this.t('ghostLane')}: ${this.t(this.app.flow.ghostLane ? 'on' : 'off')}`);
    label();
    const replays = button(`${this.t('replaysTitle')} ▶`, () => this.scene.start('Replays'));
    const practice = button(`${this.t('practice')} ▶`, () => this.scene.start('Practice'));
    const start = button(`▶ ${this.t('start')}`, () => this.start(), true);
    const rows: Phaser.GameObjects.Text[][] =
      bar.rows === 1
        ? [[back, ghost, start, replays, practice]]
        : [
            [back, start],
            [ghost, replays, practice],
          ];
    rows.forEach((row, r) => {
      const y = bar.top + r * (tap + 12) + tap / 2;
      const total = row.reduce((w, b) => w + b.width, 0);
      const gap = Math.max(8, (WIDTH - 40 - total) / Math.max(1, row.length - 1));
      let x = 20;
      for (const b of row) {
        b.setPosition(x + b.width / 2, y);
        x += b.width + Math.min(gap, 40);
      }
      // Centre the row.
      const shift = (WIDTH - (x - Math.min(gap, 40)) - 20) / 2;
      for (const b of row) b.x += shift;
    });
  }

  private cycleSkill(): void {
    const skills = CPU_SKILL_NAMES;
    const next = skills[(skills.indexOf(this.app.flow.selection.cpuSkill) + 1) % skills.length] ?? 'steady';
    this.app.flow.choose({ cpuSkill: next });
    this.refresh();
  }

  private get songs(): readonly Song[] {
    return this.app.library.listed;
  }

  private pickSong(i: number): void {
    this.songIndex = i;
    const song = this.songs[i];
    if (song) this.app.flow.choose({ songId: song.id });
    this.refresh();
  }

  /** Songs came in or went: a new one is chosen; a deleted chosen one gives way to the first. */
  private songsChanged(all: readonly Song[]): void {
    if (!this.scene.isActive()) return;
    const shown = new Set(this.shownIds);
    const added = this.songs.findLastIndex((s) => !shown.has(s.id));
    const kept = this.songs.findIndex((s) => s.id === this.app.flow.selection.songId);
    this.pickSong(added >= 0 ? added : Math.max(0, kept));
    this.shownIds = all.map((s) => s.id);
  }

  private stepDifficulty(p: PlayerId, step: number): void {
    const have = difficultiesOf(this.app.flow.song, p);
    const cur = have.indexOf(this.app.flow.difficulties[p]);
    const next = have[Math.min(have.length - 1, Math.max(0, cur + step))];
    if (next) this.setDifficulty(p, next);
  }

  private setDifficulty(p: PlayerId, d: Difficulty): void {
    const diffs: [Difficulty, Difficulty] = [...this.app.flow.selection.difficulties];
    diffs[p] = d;
    this.app.flow.choose({ difficulties: diffs });
    this.ready[p] = this.cpu(p);
    this.refresh();
  }

  private toggleReady(p: PlayerId): void {
    this.ready[p] = !this.ready[p];
    this.refresh();
    if (this.ready[0] && this.ready[1]) this.time.delayedCall(250, () => this.start());
  }

  /** Plays the selection (with the ghost of its best run, when asked for and there is one). */
  private start(): void {
    if (!this.scene.isActive() || this.starting) return;
    const flow = this.app.flow;
    if (!flow.ghostLane) {
      flow.setPlan({ kind: 'play' });
      this.scene.start('Play');
      return;
    }
    this.starting = true;
    void this.app.replays.best(flow.song.id, flow.selection.mode, flow.difficulties).then((ghost) => {
      this.starting = false;
      if (!this.scene.isActive()) return;
      if (!ghost) this.app.notices.info(this.t('ghostNone'));
      flow.setPlan({ kind: 'play', ghost });
      this.scene.start('Play');
    });
  }

  private refresh(): void {
    const song = this.app.flow.song;
    this.list.show(this.songs, this.songIndex);
    this.controls.show(song);
    const sel = this.app.flow.selection;
    const best = this.app.store.best(song.id, sel.mode, this.app.flow.difficulties);
    const bestText = best?.players
      .map((b, p) =>
        b ? `${this.t(p === 0 ? 'player1' : 'player2')} ${b.score.toLocaleString('en-US')} ${b.grade}` : '',
      )
      .filter(Boolean)
      .join(' · ');
    const facts = [
      ...(song.artist ? [this.t('songArtist', { artist: song.artist })] : []),
      `${this.t('bpm')} ${song.bpm}`,
      `${this.t('length')} ${formatLength(song.length)}`,
      ...(song.origin === 'imported' && song.audio.kind === 'click' ? [this.t('songClickTrack')] : []),
    ];
    this.details.setText(facts.join(' · ') + (bestText ? `\n${this.t('best')}: ${bestText}` : ''));
    for (const p of PLAYERS) {
      const panel = this.panels[p];
      if (!panel) continue;
      const chosen = this.app.flow.difficulties[p];
      const have = difficultiesOf(song, p);
      panel.diffs.forEach((t, i) => {
        const d = DIFFICULTIES[i] as Difficulty;
        t.setVisible(have.includes(d));
        const chart = chartOf(song, p, d);
        const on = d === chosen;
        // Difficulty rating: notes per second over the song.
        const nps = (chart.length / song.length).toFixed(1);
        t.setText(`${this.t(d)}\n${this.t('notesCount', { n: chart.length })}\n${this.t('nps', { nps })}`).setAlign(
          'center',
        );
        t.setColor(on ? '#1a1240' : '#f5f3ff').setBackgroundColor(on ? '#ffd166' : '#00000000');
        t.setPadding(4, 4, 4, 4);
        tapSize(t);
      });
      if (panel.ready === this.skillText) {
        const key = keyLabel(this.app.settings.bindings.keyboard[p].tom);
        panel.ready.setText(`${this.t('skill')}: ${this.t(this.app.flow.selection.cpuSkill)}  (${key})`);
        continue;
      }
      panel.ready.setText(
        this.ready[p]
          ? `✔ ${this.t('ready')}`
          : touchLayout
            ? this.t('notReadyTouch')
            : this.t('notReady', { kick: keyLabel(this.app.settings.bindings.keyboard[p].kick) }),
      );
    }
  }
}
