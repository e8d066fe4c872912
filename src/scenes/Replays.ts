import type Phaser from 'phaser';
import type { StringKey } from '../content/strings';
import { CENTER_X, HEIGHT, WIDTH } from '../game/layout';
import { exportReplay, reopen, watch } from '../game/replayIo';
import type { StoredReplay } from '../game/replayStore';
import { FONT } from '../game/theme';
import { ButtonRow } from '../objects/buttonRow';
import { wrapStyle } from '../objects/captionBox';
import { BaseScene } from './BaseScene';

/** Rows shown at once. */
const VISIBLE = 9;
const ROW_H = 46;
const TOP = 116;

const MODE: Record<string, StringKey> = {
  duet: 'modeDuet',
  battle: 'modeBattle',
  solo: 'modeSolo',
  lesson: 'modeLesson',
};

/**
 * The kept replays, newest first (each song's bests and the last runs): watch one, race it,
 * save its file, or delete it. ↑/↓ picks a replay, ←/→ an action, Enter does it.
 */
export class Replays extends BaseScene {
  private items: StoredReplay[] = [];
  private rows: Phaser.GameObjects.Text[] = [];
  private focus = 0;
  private first = 0;
  private actions: ButtonRow | null = null;
  private empty!: Phaser.GameObjects.Text;

  constructor() {
    super('Replays');
  }

  create(): void {
    this.items = [];
    this.rows = [];
    this.focus = 0;
    this.first = 0;
    this.actions = null;
    this.backdrop(0.55);
    this.add
      .text(CENTER_X, 50, this.t('replaysTitle'), {
        fontFamily: FONT,
        fontSize: '44px',
        color: '#ffe8a3',
        fontStyle: 'bold',
      })
      .setOrigin(0.5);
    this.empty = this.add
      .text(CENTER_X, 300, '', {
        fontFamily: FONT,
        fontSize: '24px',
        color: '#cfc8ff',
        align: 'center',
        wordWrap: wrapStyle(Math.min(900, WIDTH - 60)),
      })
      .setOrigin(0.5);
    for (let i = 0; i < VISIBLE; i++) {
      this.rows.push(
        this.add
          .text(80, TOP + i * ROW_H, '', {
            fontFamily: FONT,
            fontSize: '20px',
            color: '#f5f3ff',
            padding: { x: 12, y: 8 },
          })
          .setFixedSize(WIDTH - 160, ROW_H - 6)
          .setInteractive({ useHandCursor: true })
          .on('pointerup', () => this.pick(this.first + i)),
      );
    }
    this.actions = new ButtonRow(
      this,
      [
        { label: this.t('watchReplay'), action: () => this.act('watch') },
        { label: this.t('raceGhost'), action: () => this.act('race') },
        { label: this.t('saveReplay'), action: () => this.act('save') },
        { label: this.t('replayDelete'), action: () => this.act('delete') },
        { label: this.t('back'), action: () => this.leave() },
      ],
      { x: CENTER_X, y: HEIGHT - 50, width: 220, height: 54, gap: 16, fontSize: 20 },
    );
    this.onMenu((a) => {
      if (a === 'back') this.leave();
      else if (a === 'up') this.pick(this.focus - 1);
      else if (a === 'down') this.pick(this.focus + 1);
      else this.actions?.handle(a);
    });
    void this.loadList();
  }

  private async loadList(): Promise<void> {
    const items = await this.app.replays.list();
    if (!this.scene.isActive()) return;
    this.items = items;
    this.empty.setText(items.length === 0 ? this.t('replaysEmpty') : '');
    this.pick(0);
  }

  private pick(i: number): void {
    const n = this.items.length;
    this.focus = n === 0 ? 0 : Math.min(n - 1, Math.max(0, i));
    if (this.focus < this.first) this.first = this.focus;
    if (this.focus >= this.first + VISIBLE) this.first = this.focus - VISIBLE + 1;
    this.rows.forEach((row, k) => {
      const item = this.items[this.first + k];
      row.setText(item ? this.describe(item) : '');
      const on = this.first + k === this.focus && !!item;
      row.setBackgroundColor(item ? (on ? '#3b2a8f' : '#1d1b4fcc') : '#00000000');
      row.setColor(on ? '#ffd166' : '#f5f3ff');
    });
  }

  private describe({ record, doc }: StoredReplay): string {
    const kind = this.t(record.kind === 'best' ? 'replayBest' : 'replayLast');
    const scores = doc.results.scores.map((s) => s.toLocaleString('en-US')).join(' / ');
    const harmony =
      doc.results.harmony === null ? '' : ` · ${this.t('harmony')} ${Math.round(doc.results.harmony * 100)}%`;
    const when = doc.recordedAt.slice(0, 16).replace('T', ' ');
    const diffs = `${this.t(doc.difficulties[0])}/${this.t(doc.difficulties[1])}`;
    return `[${kind}] ${doc.song.title} · ${this.t(MODE[doc.mode] ?? 'modeDuet')} · ${diffs} · ${scores}${harmony} · ${when}`;
  }

  private act(what: 'watch' | 'race' | 'save' | 'delete'): void {
    const item = this.items[this.focus];
    if (!item) return;
    if (what === 'save') {
      exportReplay(this.app, item.doc);
      return;
    }
    if (what === 'delete') {
      void this.app.replays.remove(item.record.key).then(() => {
        this.app.notices.info(this.t('replayDeleted'));
        if (this.scene.isActive()) void this.loadList();
      });
      return;
    }
    const opened = reopen(this.app, item.doc);
    if (!opened) return;
    if (what === 'watch') watch(this.app, opened);
    else this.app.flow.setPlan({ kind: 'race', replay: opened, ghost: 1 });
    this.scene.start('Play');
  }

  private leave(): void {
    this.app.flow.setPlan({ kind: 'play' });
    this.scene.start('SongSelect');
  }
}
