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
import { CENTER_X, HEIGHT, touchLayout, WIDTH } from '../game/layout';
import { FONT } from '../game/theme';
import { shareLink } from '../game/url';
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
    this.add.image(0, 0, 'sky').setOrigin(0).setDisplaySize(WIDTH, HEIGHT);
    this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x07051a, 0.55).setOrigin(0);
    this.add
      .text(CENTER_X, 40, this.t('practiceTitle', { title: song.title }), {
        fontFamily: FONT,
        fontSize: '38px',
        color: '#ffe8a3',
        fontStyle: 'bold',
      })
      .setOrigin(0.5);
    const d = flow.difficulties;
    this.add
      .text(CENTER_X, 80, `${this.t(modeKey(flow.selection.mode))} · ${this.t(d[0])} / ${this.t(d[1])}`, {
        fontFamily: FONT,
        fontSize: '20px',
        color: '#cfc8ff',
      })
      .setOrigin(0.5);
    this.timeline = new Timeline(this, song, charts, {
      x: 80,
      y: 108,
      width: WIDTH - 160,
      height: 70,
      sectionName: (kind) => this.t(SECTION_NAME[kind] ?? 'practiceSection'),
      onBar: (bar) => this.change({ fromBar: bar, toBar: bar }),
    });
    this.barsText = this.add
      .text(CENTER_X, 218, '', { fontFamily: FONT, fontSize: '22px', color: '#ffd166', fontStyle: 'bold' })
      .setOrigin(0.5);
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
      { kind: 'action', label: this.t('practiceStart'), action: () => this.start() },
      { kind: 'action', label: this.t('copyLink'), action: () => this.copyLink() },
      { kind: 'action', label: this.t('back'), action: () => this.scene.start('SongSelect') },
    ];
    const top = 262;
    const spacing = touchLayout ? 44 : 44;
    this.list = new OptionList(this, rows, {
      place: (i) => ({ x: CENTER_X, y: top + i * spacing }),
      width: 640,
      height: spacing - 6,
      fontSize: 20,
      onLabel: this.t('on'),
      offLabel: this.t('off'),
    });
    this.list.setFocus(Math.min(rows.length - 1, data.focus ?? rows.length - 3));
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
