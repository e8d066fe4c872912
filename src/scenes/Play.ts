import type Phaser from 'phaser';
import { breakCaption, introCaption } from '../content/captions';
import type { StringKey } from '../content/strings';
import { CPU_SKILLS, type CpuSkill } from '../core/cpuPartner';
import type { MatchEvent } from '../core/match';
import { type Lane, type Mode, PLAYERS, type PlayerId, type Seconds } from '../core/units';
import { loadAudioModule } from '../game/app';
import {
  ART_SCALE,
  CENTER_X,
  characterSpot,
  HEIGHT,
  HIGHWAY,
  highwayCenter,
  laneAt,
  touchLayout,
  WIDTH,
} from '../game/layout';
import { Session, type SessionOptions } from '../game/session';
import { FONT, hex } from '../game/theme';
import { keyLabel } from '../input/bindings';
import { TouchPads } from '../input/touch';
import { StaticLayer } from '../objects/bake';
import { CaptionBox } from '../objects/captionBox';
import { Drummer } from '../objects/drummer';
import { Highway, HitErrorBar } from '../objects/highway';
import { NaraStage } from '../objects/stage';
import { Ticker } from '../objects/ticker';
import { BaseScene } from './BaseScene';

const MODE_LABEL: Record<Mode, StringKey> = {
  duet: 'modeDuet',
  battle: 'modeBattle',
  solo: 'modeSolo',
  lesson: 'modeLesson',
};

/** Solo: the CPU plays player 2's part; Lesson: Takaichi (player 1's part) plays along as teacher. */
function cpuFor(mode: Mode, skill: CpuSkill['name']): SessionOptions['cpu'] {
  if (mode === 'solo') return { player: 1, skill: CPU_SKILLS[skill], seed: Date.now() % 100_000 };
  if (mode === 'lesson') return { player: 0, skill: CPU_SKILLS.pro, seed: 1 };
  return undefined;
}

interface PlayerHud {
  highway: Highway;
  errorBar: HitErrorBar;
  drummer: Drummer;
  score: Phaser.GameObjects.Text;
  combo: Phaser.GameObjects.Text;
  popup: Phaser.GameObjects.Text;
}

/**
 * The duet itself. Thin by design: the Session judges input as it arrives; this scene draws
 * the song clock each frame and reacts to the core's events.
 */
export class Play extends BaseScene {
  private session!: Session;
  private huds: PlayerHud[] = [];
  private stage!: NaraStage;
  private harmonyFill?: Phaser.GameObjects.Rectangle;
  private harmonyText?: Phaser.GameObjects.Text;
  private prompt!: Phaser.GameObjects.Text;
  private countText!: Phaser.GameObjects.Text;
  private beatTimes: Seconds[] = [];
  private countInUntil: Seconds = Number.NEGATIVE_INFINITY;
  /** Things shown once the song reaches their time (captions, lesson hints), in time order. */
  private cues: { time: Seconds; show: () => void }[] = [];
  private cueNext = 0;
  /** Solo and Lesson: the part the CPU partner plays. */
  private cpu: SessionOptions['cpu'];

  constructor() {
    super('Play');
  }

  create(): void {
    const app = this.app;
    this.huds = [];
    this.cues = [];
    this.cueNext = 0;
    this.harmonyFill = undefined;
    this.harmonyText = undefined;
    if (!app.artReady) {
      // Reached before the background loading finished (a very quick player): wait for it.
      void app.whenArtReady().then(() => this.scene.restart());
      return;
    }
    const song = app.selectedSong;
    const sel = app.selection;
    this.cpu = cpuFor(sel.mode, sel.cpuSkill);
    this.session = new Session(
      {
        song,
        mode: sel.mode,
        difficulties: sel.difficulties,
        settings: app.settings,
        cpu: this.cpu,
      },
      app.input,
      app.audio,
    );
    app.session = this.session;
    app.lastResults = null;
    const bake = new StaticLayer(this);
    this.stage = new NaraStage(this, { calm: this.calm, floorY: HEIGHT - 110, bake });
    bake.add(this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x05031a, 0.25).setOrigin(0));

    for (const p of PLAYERS) this.huds.push(this.makeHud(p, bake));
    if (sel.mode === 'duet') this.makeHarmonyMeter(bake);
    // On a phone the pause button takes the title's place at the top centre.
    if (!touchLayout) {
      bake.add(
        this.add
          .text(CENTER_X, 14, song.title, { fontFamily: FONT, fontSize: '22px', fontStyle: 'bold', color: '#ffe8a3' })
          .setOrigin(0.5, 0),
      );
      bake.add(
        this.add
          .text(CENTER_X, 40, this.t(MODE_LABEL[sel.mode]), {
            fontFamily: FONT,
            fontSize: '16px',
            color: '#cfc8ff',
          })
          .setOrigin(0.5, 0),
      );
    }
    bake.flush();
    this.countText = this.add
      .text(CENTER_X, 230, '', {
        fontFamily: FONT,
        fontSize: '96px',
        fontStyle: 'bold',
        color: '#ffffff',
        stroke: '#2b1055',
        strokeThickness: 12,
      })
      .setOrigin(0.5);
    this.prompt = this.add
      .text(CENTER_X, 300, '', {
        fontFamily: FONT,
        fontSize: '30px',
        fontStyle: 'bold',
        color: '#ffffff',
        backgroundColor: '#1d1b4fdd',
        padding: { x: 24, y: 14 },
        align: 'center',
      })
      .setOrigin(0.5);

    this.own(this.session.match.on((e) => this.onMatchEvent(e)));
    this.own(
      this.session.on('sound', ({ player, lane }) => {
        this.huds[player]?.highway.flash(lane);
      }),
    );
    this.own(
      this.session.on('countIn', ({ until }) => {
        this.countInUntil = until;
      }),
    );
    this.own(
      this.session.on('results', (r) => {
        app.lastResults = r;
        app.lastBest = app.recordResults(r);
        this.time.delayedCall(600, () => this.scene.start('Results'));
      }),
    );
    this.own(() => {
      this.session.dispose();
      if (app.session === this.session) app.session = null;
    });
    this.onMenu((a) => {
      if (a === 'back') this.pause();
    });
    const onHidden = () => {
      if (document.hidden) this.pause();
    };
    // Turned upright mid-song on a phone: the rotate prompt covers the game, so pause.
    const portrait = window.matchMedia('(orientation: portrait)');
    const onRotate = () => {
      if (portrait.matches && touchLayout) this.pause();
    };
    portrait.addEventListener('change', onRotate);
    this.own(() => portrait.removeEventListener('change', onRotate));
    const onBlur = () => this.pause();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('blur', onBlur);
    this.own(() => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('blur', onBlur);
    });
    const audioState = () => {
      if (app.audio && !app.audio.running) this.pause();
    };
    app.audio?.raw.addEventListener('statechange', audioState);
    this.own(() => app.audio?.raw.removeEventListener('statechange', audioState));

    this.makeCaptions();
    if (sel.mode === 'lesson') this.makeLessonHints();
    this.cues.sort((a, b) => a.time - b.time);
    this.makeTouchPads();
    this.makePauseButton();
    if (app.audio?.running) this.begin();
    else this.waitForGesture();
  }

  /** Quotes from the article at the intro and in the song's breaks; the X reactions as a ticker. */
  private makeCaptions(): void {
    const language = this.app.settings.language;
    const song = this.session.song;
    const box = new CaptionBox(this, {
      x: CENTER_X,
      // Shown at the intro and in breaks, when few notes fall; on touch it spans the inner lanes.
      y: touchLayout ? 330 : 268,
      width: 560,
      language,
      calm: this.calm,
      depth: 50,
    });
    this.cues.push({ time: -2, show: () => box.show(introCaption(song.id, Date.now()), 5000) });
    const breaks = song.sections.filter((sec) => sec.kind === 'break');
    for (const [i, sec] of breaks.entries()) {
      this.cues.push({ time: sec.time, show: () => box.show(breakCaption(song.id, i), 4000) });
    }
    new Ticker(this, { language, calm: this.calm, depth: 40 });
  }

  private updateCues(t: Seconds): void {
    while (this.cueNext < this.cues.length && (this.cues[this.cueNext]?.time ?? 0) <= t) {
      this.cues[this.cueNext]?.show();
      this.cueNext++;
    }
  }

  /** Every finger on a lane's column presses that lane (judged by the event's timestamp). */
  private makeTouchPads(): void {
    const difficulties = this.app.selection.difficulties;
    const pads = new TouchPads({
      canvas: this.game.canvas,
      gameWidth: WIDTH,
      gameHeight: HEIGHT,
      laneAt: (x, y) => laneAt(x, y, difficulties),
      onPress: (press) => {
        this.app.input.press(press);
        if (this.app.settings.vibration) navigator.vibrate?.(8);
      },
    });
    this.own(() => pads.dispose());
  }

  /** A pause button for touch and mouse (Esc on a keyboard). */
  private makePauseButton(): void {
    this.add
      .text(CENTER_X, touchLayout ? 4 : 60, '❚❚', {
        fontFamily: FONT,
        fontSize: touchLayout ? '30px' : '16px',
        color: '#ffffff',
        backgroundColor: '#1d1b4fcc',
        // On a phone the button must be a thumb's size (the game is drawn at about half scale).
        padding: touchLayout ? { x: 40, y: 22 } : { x: 12, y: 2 },
      })
      .setOrigin(0.5, 0)
      .setDepth(60)
      .setInteractive({ useHandCursor: true })
      .on('pointerup', () => this.pause());
  }

  /** One hint per lesson section: which drum comes next and its keys (either key set works). */
  private makeLessonHints(): void {
    const song = this.session.song;
    const human = this.session.partOf(0);
    const notes = this.session.charts[human];
    const keys = this.app.settings.bindings;
    const hint = this.add
      .text(CENTER_X, 200, '', {
        fontFamily: FONT,
        fontSize: '28px',
        fontStyle: 'bold',
        color: '#ffffff',
        backgroundColor: '#1d1b4fdd',
        padding: { x: 18, y: 10 },
        align: 'center',
        wordWrap: { width: 520 },
      })
      .setOrigin(0.5);
    const say = (time: Seconds, text: string) => this.cues.push({ time, show: () => hint.setText(text) });
    say(-10, this.t('lessonIntro'));
    const sections = song.sections;
    let grooveShown = false;
    sections.forEach((sec, i) => {
      const end = sections[i + 1]?.time ?? Number.POSITIVE_INFINITY;
      const inside = notes.filter((n) => n.time >= sec.time && n.time < end);
      const lanes = new Set(inside.map((n) => n.lane));
      const first = inside[0];
      if (sec.kind === 'intro' && lanes.size === 1 && first) {
        const lane = first.lane;
        say(
          sec.time - 1,
          touchLayout
            ? this.t('lessonLaneTouch', { drum: this.t(lane) })
            : this.t('lessonLane', {
                drum: this.t(lane),
                keys: `${keyLabel(keys[0][lane])} / ${keyLabel(keys[1][lane])}`,
              }),
        );
      } else if (sec.kind !== 'intro' && !grooveShown && lanes.size > 1) {
        grooveShown = true;
        say(sec.time - 1, this.t('lessonGroove'));
      }
    });
  }

  private makeHud(p: PlayerId, bake: StaticLayer): PlayerHud {
    const app = this.app;
    const difficulty = app.selection.difficulties[p];
    const highway = new Highway(
      this,
      p,
      this.session.charts[p],
      difficulty,
      this.palette,
      app.settings.bindings[p],
      app.settings.noteSpeed,
      bake,
    );
    const errorBar = new HitErrorBar(this, p, difficulty, this.palette, HIGHWAY.bottom - 10, bake);
    const character = this.app.selectedSong.parts[p].character;
    const spot = characterSpot(p);
    const drummer = new Drummer(this, character, spot.x, spot.y, spot.scale / ART_SCALE, true);
    const x = highwayCenter(p);
    const color = hex(this.palette.players[p]);
    bake.add(
      this.add
        .text(x, 14, `${this.playerName(p)} · ${this.t(difficulty)}`, {
          fontFamily: FONT,
          fontSize: '22px',
          color,
          fontStyle: 'bold',
        })
        .setOrigin(0.5, 0),
    );
    const score = this.add
      .text(x, 40, '0', { fontFamily: FONT, fontSize: '34px', fontStyle: 'bold', color: '#ffffff' })
      .setOrigin(0.5, 0);
    const combo = this.add
      .text(x, 380, '', {
        fontFamily: FONT,
        fontSize: '40px',
        fontStyle: 'bold',
        color: '#ffffff',
        stroke: '#120c33',
        strokeThickness: 6,
      })
      .setOrigin(0.5)
      .setAlpha(0.9);
    const popup = this.add
      .text(x, HIGHWAY.hitLineY - 76, '', {
        fontFamily: FONT,
        fontSize: '30px',
        fontStyle: 'bold',
        color: '#ffffff',
        stroke: '#120c33',
        strokeThickness: 6,
      })
      .setOrigin(0.5);
    return { highway, errorBar, drummer, score, combo, popup };
  }

  /** The meter fits between the highways. */
  private get harmonyWidth(): number {
    return Math.min(360, WIDTH - 2 * (HIGHWAY.margin + HIGHWAY.width) - 24);
  }

  /** "Player 1", or "CPU partner" for the part the CPU plays in Solo and Lesson. */
  private playerName(p: PlayerId): string {
    return this.cpu?.player === p ? this.t('cpuPartner') : this.t(p === 0 ? 'player1' : 'player2');
  }

  private makeHarmonyMeter(bake: StaticLayer): void {
    const y = 112;
    const w = this.harmonyWidth;
    bake.add(this.add.rectangle(CENTER_X, y, w + 8, 26, 0x120c33, 0.9).setStrokeStyle(2, this.palette.unison));
    this.harmonyFill = this.add.rectangle(CENTER_X - w / 2, y, 1, 18, this.palette.unison, 1).setOrigin(0, 0.5);
    this.harmonyText = this.add
      .text(CENTER_X, y + 26, `${this.t('harmony')} –`, { fontFamily: FONT, fontSize: '20px', color: '#ffd6f5' })
      .setOrigin(0.5, 0);
  }

  private waitForGesture(): void {
    void loadAudioModule();
    this.prompt.setText(this.t('pressToBegin')).setVisible(true);
    let started = false;
    const off = this.app.input.on('gesture', () => {
      if (started) return;
      started = true;
      void this.app.unlockAudio().then((ok) => {
        if (!ok) {
          started = false;
          this.prompt.setText(this.t('audioBlocked'));
          return;
        }
        off();
        this.begin();
      });
    });
    this.own(off);
  }

  private begin(): void {
    const audio = this.app.audio;
    if (!audio) return;
    this.prompt.setText('').setVisible(false);
    this.beatTimes = [];
    this.session.start(audio);
  }

  private pause(): void {
    if (this.session.state !== 'playing') return;
    this.session.pause();
    this.scene.launch('Pause');
    this.scene.pause();
  }

  /** Called by the Pause overlay. */
  resumeFromPause(): void {
    this.scene.resume();
    if (this.app.audio && !this.app.audio.running) void this.app.audio.raw.resume();
    this.session.resume();
  }

  private onMatchEvent(e: MatchEvent): void {
    if (e.type === 'judgement') {
      const hud = this.huds[e.player];
      if (!hud) return;
      const { judgement, note, offsetMs, comboAfter, scoreAfter } = e.result;
      hud.highway.mark(note.id, judgement);
      hud.drummer.react(judgement, note.lane, comboAfter);
      hud.score.setText(scoreAfter.toLocaleString('en-US'));
      hud.combo.setText(comboAfter >= 5 ? `${comboAfter}` : '');
      const color = this.palette.judgement[judgement];
      hud.popup.setText(this.t(judgement)).setColor(hex(color)).setAlpha(0.9);
      this.tweens.killTweensOf(hud.popup);
      if (!this.calm) {
        hud.popup.setScale(1.25);
        this.tweens.add({ targets: hud.popup, scale: 1, duration: 120 });
      }
      this.tweens.add({ targets: hud.popup, alpha: 0, delay: 350, duration: 250 });
      if (offsetMs !== null && judgement !== 'miss') hud.errorBar.add(offsetMs, color);
    } else if (e.type === 'ghost') {
      this.huds[e.player]?.drummer.strike(e.lane as Lane);
    } else if (e.type === 'unison') {
      if (this.harmonyFill && this.harmonyText) {
        this.harmonyFill.width = Math.max(1, this.harmonyWidth * e.harmony);
        this.harmonyText.setText(`${this.t('harmony')} ${Math.round(e.harmony * 100)}%`);
      }
      this.stage.setHarmony(e.harmony);
      if (e.together) this.stage.bow();
    }
  }

  override update(): void {
    if (this.huds.length === 0) return;
    const now = performance.now();
    this.session.update(now);
    const t = this.session.songTime(now);
    if (t === null) return;
    const display = t + this.app.settings.visualOffsetMs / 1000;
    const song = this.session.song;
    const beat = song.tempo.toBeats(Math.max(0, display));
    this.updateBeatLines(display);
    for (const hud of this.huds) {
      hud.highway.draw(display, this.beatTimes);
      hud.drummer.groove(display < 0 ? 0 : beat);
    }
    this.updateCountIn(t);
    this.updateCues(t);
  }

  private updateBeatLines(display: Seconds): void {
    const song = this.session.song;
    const first = Math.ceil(song.tempo.toBeats(Math.max(0, display)) / song.beatsPerBar) * song.beatsPerBar;
    this.beatTimes.length = 0;
    for (let k = 0; k < 8; k++) this.beatTimes.push(song.tempo.toSeconds(first + k * song.beatsPerBar));
  }

  private updateCountIn(t: Seconds): void {
    if (t >= this.countInUntil || this.session.state !== 'playing') {
      if (this.countText.text) this.countText.setText('');
      return;
    }
    const beats = Math.ceil((this.countInUntil - t) / this.session.beatLength(this.countInUntil));
    const label = String(beats);
    if (this.countText.text !== label) this.countText.setText(label);
  }
}
