import type Phaser from 'phaser';
import { CPU_SKILL_NAMES, isLocal } from '../core/lineup';
import { chartOf, difficultiesOf, type Song } from '../core/song';
import { DIFFICULTIES, type Difficulty, PLAYERS, type PlayerId } from '../core/units';
import { CENTER_X, HEIGHT, touchLayout, WIDTH } from '../game/layout';
import { formatLength } from '../game/songRows';
import { FONT, hex } from '../game/theme';
import { keyLabel } from '../input/bindings';
import { ImportedSongControls } from '../objects/importedSongControls';
import { SongList } from '../objects/songList';
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
    this.add.image(0, 0, 'sky').setOrigin(0).setDisplaySize(WIDTH, HEIGHT);
    this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x07051a, 0.45).setOrigin(0);
    this.add
      .text(CENTER_X, 50, this.t('songTitle'), {
        fontFamily: FONT,
        fontSize: '44px',
        color: '#ffe8a3',
        fontStyle: 'bold',
      })
      .setOrigin(0.5);
    this.list = new SongList(this, {
      x: CENTER_X,
      y: 86,
      rows: 6,
      rowHeight: 34,
      heading: (group) => this.t(group === 'imported' ? 'songsImported' : 'songsShipped'),
      onPick: (i) => this.pickSong(i),
    });
    const listBottom = this.list.bottom + 8;
    this.details = this.add
      .text(CENTER_X, listBottom - 6, '', { fontFamily: FONT, fontSize: '20px', color: '#cfc8ff', align: 'center' })
      .setOrigin(0.5, 0);
    for (const p of PLAYERS) this.makePanel(p, listBottom + 60);
    this.controls = new ImportedSongControls(this, HEIGHT - 40, () => this.refresh());
    this.shownIds = this.songs.map((s) => s.id);
    this.add
      .text(CENTER_X, HEIGHT - 40, `▶ ${this.t('start')}`, {
        fontFamily: FONT,
        fontSize: '34px',
        fontStyle: 'bold',
        color: '#1a1240',
        backgroundColor: '#ffd166',
        padding: { x: 26, y: 10 },
      })
      .setOrigin(0.5)
      .setInteractive({ useHandCursor: true })
      .on('pointerup', () => this.start());
    this.add
      .text(70, HEIGHT - 40, `◀ ${this.t('back')}`, { fontFamily: FONT, fontSize: '26px', color: '#f5f3ff' })
      .setOrigin(0, 0.5)
      .setInteractive({ useHandCursor: true })
      .on('pointerup', () => this.scene.start('ModeSelect'));
    this.own(this.app.library.on('changed', (all) => this.songsChanged(all)));
    this.makeExtras();
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

  private makePanel(p: PlayerId, y: number): void {
    const x = p === 0 ? CENTER_X - 300 : CENTER_X + 300;
    const color = hex(this.palette.players[p]);
    this.add.rectangle(x, y + 100, 500, 232, 0x151238, 0.85).setStrokeStyle(3, this.palette.players[p]);
    const keys = this.app.settings.bindings.keyboard[p];
    const cpu = this.cpu(p);
    const who = cpu ? this.t('cpuPartner') : this.t(p === 0 ? 'player1' : 'player2');
    this.add
      .text(x, y + 10, `${who} · ${this.t(p === 0 ? 'nameTakaichi' : 'nameLee')}`, {
        fontFamily: FONT,
        fontSize: '26px',
        fontStyle: 'bold',
        color,
      })
      .setOrigin(0.5);
    const diffs = DIFFICULTIES.map((d, i) =>
      this.add
        .text(x - 180 + i * 120, y + 74, this.t(d), { fontFamily: FONT, fontSize: '20px', color: '#f5f3ff' })
        .setOrigin(0.5)
        .setInteractive({ useHandCursor: true })
        .on('pointerup', () => this.setDifficulty(p, d)),
    );
    this.add
      .text(
        x,
        y + 140,
        cpu
          ? this.t('cpuHint', { key: keyLabel(keys.tom) })
          : touchLayout
            ? this.t('pickHintTouch')
            : this.t('pickHint', { prev: keyLabel(keys.hihat), next: keyLabel(keys.snare), kick: keyLabel(keys.kick) }),
        { fontFamily: FONT, fontSize: '18px', color: '#a9a3d9' },
      )
      .setOrigin(0.5);
    const ready = this.add
      .text(x, y + 180, '', { fontFamily: FONT, fontSize: '22px', fontStyle: 'bold', color: '#ffd166' })
      .setOrigin(0.5)
      .setInteractive({ useHandCursor: true })
      .on('pointerup', () => (cpu ? this.cycleSkill() : this.toggleReady(p)));
    this.panels[p] = { diffs, ready };
    if (cpu) this.skillText = ready;
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

  /** Practice and Replays on the right; the ghost of the best run beside your part on the left. */
  private makeExtras(): void {
    const link = (x: number, y: number, label: string, go: () => void, origin = 1) =>
      this.add
        .text(x, y, label, { fontFamily: FONT, fontSize: '24px', color: '#f5f3ff', backgroundColor: '#1d1b4fcc' })
        .setPadding(12, 6, 12, 6)
        .setOrigin(origin, 0.5)
        .setInteractive({ useHandCursor: true })
        .on('pointerup', go);
    link(WIDTH - 70, HEIGHT - 40, `${this.t('practice')} ▶`, () => this.scene.start('Practice'));
    link(WIDTH - 70, HEIGHT - 96, `${this.t('replaysTitle')} ▶`, () => this.scene.start('Replays'));
    const ghost = link(
      70,
      HEIGHT - 96,
      '',
      () => {
        this.app.flow.ghostLane = !this.app.flow.ghostLane;
        label();
      },
      0,
    );
    const label = () => ghost.setText(`${this.t('ghostLane')}: ${this.t(this.app.flow.ghostLane ? 'on' : 'off')}`);
    label();
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
        t.setText(`${this.t(d)}\n${chart.length}\n${this.t('nps', { nps })}`).setAlign('center');
        t.setColor(on ? '#1a1240' : '#f5f3ff').setBackgroundColor(on ? '#ffd166' : '#00000000');
        t.setPadding(8, 4, 8, 4);
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
