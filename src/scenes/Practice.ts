import type Phaser from 'phaser';
import type { StringKey } from '../content/strings';
import {
  barCount,
  clampSpeed,
  hardestBar,
  normalizePractice,
  PRACTICE_MAX_SPEED,
  PRACTICE_MIN_SPEED,
  PRACTICE_SPEED_STEP,
  type PracticeSetup,
  sectionBars,
} from '../core/practice';
import { matchCharts } from '../core/song';
import { CENTER_X, HEIGHT, WIDTH } from '../game/layout';
import { minButtonPx, topInset } from '../game/layoutService';
import { FONT } from '../game/theme';
import { shareLink } from '../game/url';
import { wrapStyle } from '../objects/captionBox';
import { OptionList, type OptionRow } from '../objects/optionList';
import { Timeline } from '../objects/timeline';
import { copyText } from '../page/download';
import { BaseScene } from './BaseScene';

const SECTION_NAME: Record<string, StringKey> = {
  intro: 'sectionIntro',
  verse: 'sectionVerse',
  chorus: 'sectionChorus',
  break: 'sectionBreak',
  bridge: 'sectionBridge',
  outro: 'sectionOutro',
};

/**
 * Practice setup for the selected song, mode and difficulties: a range of bars (picked on the
 * timeline, by section, or the hardest bar), a speed of 50–100 %, the gradual speed-up, an
 * autoplay demo of either part; then Start (Play loops it) or a link that opens the same setup.
 */
export class Practice extends BaseScene {
  private setup!: PracticeSetup;
  private list!: OptionList;
  private timeline!: Timeline;
  private barsText!: Phaser.GameObjects.Text;

  constructor() {
    super('Practice');
  }

  create(data: { focus?: number } = {}): void {
    const flow = this.app.flow;
    const song = flow.song;
    const charts = matchCharts(song, flow.difficulties);
    const hardest = hardestBar(song, charts);
    const kept = flow.practice;
    this.setup = normalizePractice(
      song,
      kept?.songId === song.id
        ? kept.setup
        : { fromBar: hardest, toBar: hardest, speed: 0.5, speedUp: false, demo: null },
    );
    this.backdrop(0.55);
    // Laid out top to bottom from the texts' real heights (the legibility floor may enlarge them),
    // rows and the timeline at least a thumb (44 CSS px) tall.
    const tap = minButtonPx();
    let y = Math.max(12, topInset() - 40);
    const title = this.add
      .text(CENTER_X, y, this.t('practiceTitle', { title: song.title }), {
        fontFamily: FONT,
        fontSize: '38px',
        color: '#ffe8a3',
        fontStyle: 'bold',
        align: 'center',
        wordWrap: wrapStyle(WIDTH - 260, true),
      })
      .setOrigin(0.5, 0);
    y += title.height + 4;
    const d = flow.difficulties;
    const sub = this.add
      .text(CENTER_X, y, `${this.t(modeKey(flow.selection.mode))} · ${this.t(d[0])} / ${this.t(d[1])}`, {
        fontFamily: FONT,
        fontSize: '20px',
        color: '#cfc8ff',
      })
      .setOrigin(0.5, 0);
    y += sub.height + 12;
    const timelineHeight = Math.max(70, tap);
    this.timeline = new Timeline(this, song, charts, {
      x: 40,
      y,
      width: WIDTH - 80,
      height: timelineHeight,
      sectionName: (kind) => this.t(SECTION_NAME[kind] ?? 'practiceSection'),
      onBar: (bar) => this.change({ fromBar: bar, toBar: bar }),
    });
    y += timelineHeight + this.timeline.labelHeight + 8;
    this.barsText = this.add
      .text(CENTER_X, y, '', { fontFamily: FONT, fontSize: '22px', color: '#ffd166', fontStyle: 'bold' })
      .setOrigin(0.5, 0);
    y += this.barsText.height + 12;
    const n = barCount(song);
    const sections = sectionBars(song);
    const rows: OptionRow[] = [
      this.barRow(
        'practiceFrom',
        n,
        () => this.setup.fromBar,
        (v) => this.change({ fromBar: v, toBar: Math.max(v, this.setup.toBar) }),
      ),
      this.barRow(
        'practiceTo',
        n,
        () => this.setup.toBar,
        (v) => this.change({ toBar: v, fromBar: Math.min(v, this.setup.fromBar) }),
      ),
      {
        kind: 'choice',
        label: this.t('practiceSection'),
        options: [
          { value: '-1', label: '–' },
          ...sections.map((s, i) => ({
            value: String(i),
            label: `${this.t(SECTION_NAME[s.kind] ?? 'practiceSection')} ${s.fromBar}–${s.toBar}`,
          })),
        ],
        get: () => String(sections.findIndex((s) => s.fromBar === this.setup.fromBar && s.toBar === this.setup.toBar)),
        set: (v) => {
          const s = sections[Number(v)];
          if (s) this.change({ fromBar: s.fromBar, toBar: s.toBar });
        },
      },
      {
        kind: 'action',
        label: this.t('practiceHardest'),
        action: () => this.change({ fromBar: hardest, toBar: hardest }),
      },
      {
        kind: 'slider',
        label: this.t('practiceSpeed'),
        min: PRACTICE_MIN_SPEED,
        max: PRACTICE_MAX_SPEED,
        step: PRACTICE_SPEED_STEP,
        get: () => this.setup.speed,
        set: (v) => this.change({ speed: clampSpeed(v) }),
        format: (v) => `${Math.round(v * 100)} %`,
      },
      {
        kind: 'toggle',
        label: this.t('practiceSpeedUp'),
        get: () => this.setup.speedUp,
        set: (v) => this.change({ speedUp: v }),
      },
      {
        kind: 'choice',
        label: this.t('practiceDemo'),
        options: [
          { value: 'none', label: this.t('off') },
          { value: '0', label: this.t('player1') },
          { value: '1', label: this.t('player2') },
        ],
        get: () => (this.setup.demo === null ? 'none' : String(this.setup.demo)),
        set: (v) => this.change({ demo: v === '0' ? 0 : v === '1' ? 1 : null }),
      },
    ];
    const actions: OptionRow[] = [
      { kind: 'action', label: this.t('practiceStart'), action: () => this.start() },
      { kind: 'action', label: this.t('copyLink'), action: () => this.copyLink() },
      { kind: 'action', label: this.t('back'), action: () => this.scene.start('SongSelect') },
    ];
    // The setup rows in one or two columns, a page at a time if they still do not fit (a "More"
    // row turns it); Start, Copy link and Back always in one row at the bottom.
    const height = Math.max(38, tap);
    const spacing = height + 6;
    const gap = 24;
    const columns = WIDTH >= 2 * 520 + gap + 40 ? 2 : 1;
    const width = Math.min(640, (WIDTH - 40 - gap * (columns - 1)) / columns);
    const actionsY = HEIGHT - 12 - height / 2;
    const perColumn = Math.max(1, Math.floor((actionsY - height / 2 - 10 - y) / spacing));
    const fits = perColumn * columns >= rows.length;
    const pageSize = fits ? rows.length : Math.max(1, perColumn * columns - 1);
    const all: OptionRow[] = fits
      ? [...rows, ...actions]
      : [...rows, { kind: 'action', label: this.t('settingsMore'), action: () => this.list.nextPage() }, ...actions];
    const pinnedFrom = rows.length;
    const pinned = all.length - pinnedFrom;
    const pinnedW = Math.min(300, (WIDTH - 40 - 16 * (pinned - 1)) / pinned);
    const perCol = Math.ceil(pageSize / columns);
    const columnX = (c: number) => CENTER_X + (c - (columns - 1) / 2) * (width + gap);
    this.list = new OptionList(this, all, {
      place: (i) => {
        if (i >= pinnedFrom) {
          const k = i - pinnedFrom;
          return { x: CENTER_X + (k - (pinned - 1) / 2) * (pinnedW + 16), y: actionsY, width: pinnedW };
        }
        const slot = i % pageSize;
        return { x: columnX(Math.floor(slot / perCol)), y: y + height / 2 + (slot % perCol) * spacing };
      },
      width,
      height,
      fontSize: 20,
      onLabel: this.t('on'),
      offLabel: this.t('off'),
      ...(fits ? {} : { paging: { pageSize, pinnedFrom } }),
    });
    // Start is focused first
    this.list.setFocus(Math.min(all.length - 1, data.focus ?? all.length - actions.length));
    this.onMenu((a) => {
      if (a === 'back') this.scene.start('SongSelect');
      else this.list.handle(a);
    });
    this.own(
      this.app.input.on('rawKey', (e) => {
        if (this.scene.isActive()) this.list.holdKey(e.code, e.down, e.at);
      }),
    );
    this.events.on('update', this.tick, this);
    this.own(() => this.events.off('update', this.tick, this));
    this.change({});
  }

  private tick(): void {
    this.list.update(performance.now());
  }

  private barRow(label: StringKey, n: number, get: () => number, set: (v: number) => void): OptionRow {
    return { kind: 'slider', label: this.t(label), min: 1, max: n, step: 1, fastStep: 4, get, set, format: String };
  }

  private change(next: Partial<PracticeSetup>): void {
    const flow = this.app.flow;
    this.setup = normalizePractice(flow.song, { ...this.setup, ...next });
    flow.practice = { songId: flow.song.id, setup: this.setup };
    this.timeline.select(this.setup.fromBar, this.setup.toBar);
    this.barsText.setText(
      `${this.t('practiceBars', { from: this.setup.fromBar, to: this.setup.toBar })} · ${Math.round(this.setup.speed * 100)} %`,
    );
    this.list?.refresh();
  }

  private start(): void {
    this.app.flow.setPlan({ kind: 'practice', setup: this.setup });
    this.scene.start('Play');
  }

  private copyLink(): void {
    const flow = this.app.flow;
    const url = shareLink(window.location.href, {
      songId: flow.song.id,
      mode: flow.selection.mode,
      difficulties: flow.difficulties,
      practice: this.setup,
    });
    void copyText(url).then((ok) => this.app.notices.info(this.t(ok ? 'linkCopied' : 'linkShown', { url }), 10_000));
  }
}

function modeKey(mode: string): StringKey {
  return mode === 'battle'
    ? 'modeBattle'
    : mode === 'solo'
      ? 'modeSolo'
      : mode === 'lesson'
        ? 'modeLesson'
        : 'modeDuet';
}
