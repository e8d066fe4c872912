import type Phaser from 'phaser';
import { breakCaption, type Caption, introCaption } from '../content/captions';
import type { StringKey } from '../content/strings';
import { isLocal } from '../core/lineup';
import type { MatchEvent } from '../core/match';
import { travelTimeFor } from '../core/noteSpeed';
import { partOf } from '../core/song';
import { LANES, type Mode, PLAYERS, type PlayerId, type Seconds } from '../core/units';
import { CENTER_X, captionSlot, HEIGHT, HIGHWAY, highwayCenter, laneAt, touchLayout, WIDTH } from '../game/layout';
import { watchPauseTriggers } from '../game/pauseTriggers';
import { NOTE_SIZE } from '../game/textures';
import { FONT } from '../game/theme';
import { TouchPads } from '../input/touch';
import { StaticLayer } from '../objects/bake';
import { CaptionBox, wrapStyle } from '../objects/captionBox';
import { CueTrack } from '../objects/cueTrack';
import { HarmonyMeter } from '../objects/harmonyMeter';
import { LessonHints } from '../objects/lessonHints';
import { PlayerHud } from '../objects/playerHud';
import { RunOverlays } from '../objects/runOverlays';
import { NaraStage } from '../objects/stage';
import { Ticker } from '../objects/ticker';
import type { Run } from '../run/run';
import { BaseScene } from './BaseScene';

const MODE_LABEL: Record<Mode, StringKey> = {
  duet: 'modeDuet',
  battle: 'modeBattle',
  solo: 'modeSolo',
  lesson: 'modeLesson',
};

/** A fresh seed for a run's CPU partner (kept with the run, so it can be replayed). */
function freshSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

/**
 * The duet itself. Thin by design: the Run judges input as it arrives; this scene draws the
 * song clock each frame and reacts to the core's events.
 */
export class Play extends BaseScene {
  private run: Run | null = null;
  private huds: PlayerHud[] = [];
  private stage!: NaraStage;
  private meter: HarmonyMeter | null = null;
  private overlays: RunOverlays | null = null;
  private cues = new CueTrack();
  private prompt!: Phaser.GameObjects.Text;
  /** The count-in, on each highway (where the players look), never in the caption slot. */
  private countTexts: Phaser.GameObjects.Text[] = [];
  private countInUntil: Seconds = Number.NEGATIVE_INFINITY;
  private readonly beatTimes: Seconds[] = [];

  constructor() {
    super('Play');
  }

  create(): void {
    const app = this.app;
    this.run = null;
    this.huds = [];
    this.meter = null;
    this.overlays = null;
    this.cues = new CueTrack();
    if (!app.art.ready) {
      // Reached before the background loading finished (a very quick player): wait for it.
      void app.art.wait().then(() => this.scene.restart());
      return;
    }
    const run = app.flow.begin(app.settings, freshSeed());
    this.run = run;
    this.own(() => app.flow.end(run));
    const bake = new StaticLayer(this);
    this.stage = new NaraStage(this, { calm: this.calm, floorY: HEIGHT - 110, bake });
    bake.add(this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x05031a, 0.25).setOrigin(0));
    for (const p of PLAYERS) this.huds.push(this.makeHud(p, bake));
    if (run.lineup.mode === 'duet') {
      const width = Math.min(360, WIDTH - 2 * (HIGHWAY.margin + HIGHWAY.width) - 24);
      this.meter = new HarmonyMeter(this, width, this.palette, this.t('harmony'), bake);
    }
    // On a phone the pause button takes the title's place at the top centre.
    if (!touchLayout) {
      const label = (y: number, text: string, size: number, color: string, bold = false) =>
        bake.add(
          this.add
            .text(CENTER_X, y, text, { fontFamily: FONT, fontSize: `${size}px`, color, fontStyle: bold ? 'bold' : '' })
            .setOrigin(0.5, 0),
        );
      label(14, run.song.title, 22, '#ffe8a3', true);
      label(40, this.t(MODE_LABEL[run.lineup.mode]), 16, '#cfc8ff');
    }
    bake.flush();
    const big = { fontFamily: FONT, fontStyle: 'bold', color: '#ffffff', align: 'center' } as const;
    const countY = HIGHWAY.top + (HIGHWAY.hitLineY - HIGHWAY.top) * 0.38;
    this.countTexts = PLAYERS.map((p) =>
      this.add
        .text(highwayCenter(p), countY, '', { ...big, fontSize: '96px', stroke: '#2b1055', strokeThickness: 12 })
        .setOrigin(0.5)
        .setDepth(45),
    );
    const slot = captionSlot();
    this.prompt = this.add
      .text(CENTER_X, slot.top + (slot.bottom - slot.top) * 0.35, '', {
        ...big,
        fontSize: '30px',
        backgroundColor: '#1d1b4fdd',
        padding: { x: 24, y: 14 },
        wordWrap: wrapStyle(Math.min(560, slot.width - 48), true),
      })
      .setOrigin(0.5);

    this.own(run.on('match', (e) => this.onMatchEvent(e)));
    this.own(run.on('sound', ({ player, lane }) => this.huds[player]?.flash(lane)));
    this.own(run.on('countIn', ({ until }) => (this.countInUntil = until)));
    this.own(
      run.on('results', (r) => {
        const finished = app.flow.finish(r, (n) => app.tellStorage(n));
        this.time.delayedCall(600, () => this.scene.start('Results', finished));
      }),
    );
    this.own(
      app.input.on('drum', (p) => {
        run.press(p);
        if (app.settings.vibration && p.device.startsWith('gamepad:')) app.input.gamepads.rumble(p.device);
      }),
    );
    const overlays = new RunOverlays(
      this,
      run,
      this.huds,
      { t: (key, vars) => this.t(key, vars), tell: (text) => app.notices.info(text, 4000) },
      (d) => this.own(d),
    );
    this.overlays = overlays;
    this.onMenu((a) => {
      if (a === 'back') this.pause();
      else overlays.handle(a);
    });
    this.own(watchPauseTriggers(app.audio, touchLayout, () => this.pause()));
    this.makeCues(run);
    this.makeTouchPads(run);
    this.makePauseButton();
    this.prompt.setText(this.t('pressToBegin'));
    // A kit or pad cannot start the sound (browsers take only a key or a tap): the players are told.
    const note = this.add
      .text(
        CENTER_X,
        this.prompt.y + this.prompt.height / 2 + 12,
        app.input.drums.list.length > 0 ? this.t('devUnlockNote') : '',
        {
          fontFamily: FONT,
          fontSize: '22px',
          color: '#ffe8a3',
          align: 'center',
          backgroundColor: '#1d1b4fdd',
          padding: { x: 16, y: 8 },
          wordWrap: wrapStyle(Math.min(520, slot.width - 32), true),
        },
      )
      .setOrigin(0.5, 0)
      .setVisible(app.input.drums.list.length > 0);
    // An imported song's music is decoded while the players get ready.
    const music = this.prepareMusic(run);
    this.own(
      app.audio.whenRunning(
        app.input,
        (engine) => {
          if (!app.imports.music.ready(run.song)) this.prompt.setText(this.t('songMusicLoading'));
          void music.then(() => {
            if (app.flow.run !== run) return;
            this.prompt.setVisible(false);
            note.setVisible(false);
            run.start(engine);
          });
        },
        (f) => this.prompt.setText(this.t(f.reason === 'load' ? 'audioLoadFailed' : 'audioBlocked')),
      ),
    );
  }

  /** Decodes an imported song's stored music; one that cannot be played here leaves a click track, said. */
  private prepareMusic(run: Run): Promise<void> {
    return this.app.imports.music.prepare(run.song).catch((e: unknown) => {
      const detail = e instanceof Error ? e.message : String(e);
      this.app.notices.error(this.t('songMusicFailed', { title: run.song.title, detail }));
    });
  }

  private makeHud(p: PlayerId, bake: StaticLayer): PlayerHud {
    const run = this.run as Run;
    const difficulty = run.setup.difficulties[p];
    const seat = run.lineup.seats[p];
    // Watching, each side is named as it was played; otherwise by who plays it now.
    const kind = run.watching ? (run.setup.recorded?.seats?.[p] ?? 'local') : seat.kind;
    const who =
      kind === 'local' || kind === 'remote'
        ? this.t(p === 0 ? 'player1' : 'player2')
        : this.t(kind === 'replay' ? 'ghost' : seat.skill?.name === 'autoplay' ? 'autoplay' : 'cpuPartner');
    return new PlayerHud(
      this,
      {
        player: p,
        notes: run.charts[p],
        difficulty,
        palette: this.palette,
        keys: this.app.settings.bindings.keyboard[p],
        // Dense charts fall faster by default, so close notes of a lane never merge into a column.
        noteSpeed: travelTimeFor(
          LANES.map((lane) => run.charts[p].filter((n) => n.lane === lane).map((n) => n.time)),
          HIGHWAY.hitLineY - HIGHWAY.top,
          this.app.settings.noteSpeed,
          NOTE_SIZE + 16,
        ),
        label: `${who} · ${this.t(difficulty)}`,
        character: partOf(run.song, p).character,
        calm: this.calm,
        judgementName: (j) => this.t(j),
        milestone: (n) => this.t('comboMilestone', { n }),
        onMilestone: () => this.stage.hop(),
      },
      bake,
    );
  }

  /** Quotes from the article at the intro and in the song's breaks, the X reactions as a ticker, lesson hints. */
  private makeCues(run: Run): void {
    const language = this.app.settings.language;
    const song = run.song;
    // Captions have their own slot between the highways, above the leaders and below the meter;
    // they rest on its bottom (a lesson hint takes its top). Shown at the intro and in breaks.
    const slot = captionSlot();
    const box = new CaptionBox(this, {
      x: CENTER_X,
      y: (slot.top + slot.bottom) / 2,
      width: slot.width,
      fontSize: 20,
      language,
      calm: this.calm,
      depth: 50,
    });
    const show = (caption: Caption, holdMs: number) => {
      box.show(caption, holdMs);
      box.rest(Math.max(slot.top + box.height / 2, slot.bottom - box.height / 2));
      box.show(caption, holdMs);
    };
    this.cues.add(-2, () => show(introCaption(song.id, run.setup.seed), 5000));
    const breaks = song.sections.filter((sec) => sec.kind === 'break');
    for (const [i, sec] of breaks.entries()) this.cues.add(sec.time, () => show(breakCaption(song.id, i), 4000));
    new Ticker(this, { language, calm: this.calm, depth: 40 });
    if (run.lineup.mode !== 'lesson') return;
    const learner = PLAYERS.find((p) => isLocal(run.lineup, p)) ?? 1;
    new LessonHints(this, this.cues, {
      song,
      notes: run.charts[learner],
      keys: this.app.settings.bindings.keyboard,
      touch: touchLayout,
      t: (key, vars) => this.t(key, vars),
      drumName: (lane) => this.t(lane),
    });
  }

  /** Every finger on a lane's column presses that lane (judged by the event's timestamp). */
  private makeTouchPads(run: Run): void {
    const pads = new TouchPads({
      canvas: this.game.canvas,
      gameWidth: WIDTH,
      gameHeight: HEIGHT,
      laneAt: (x, y) => laneAt(x, y, run.setup.difficulties),
      sink: this.app.input,
      onPress: () => {
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

  private pause(): void {
    if (this.run?.state !== 'playing') return;
    this.run.pause();
    this.scene.launch('Pause', { back: this.run.lineup.back });
    this.scene.pause();
  }

  /** Called by the Pause overlay: sound back on (inside the Resume gesture), then a count-in. */
  resumeFromPause(): void {
    this.scene.resume();
    void this.app.audio.unlock().then((ok) => {
      if (ok) this.run?.resume();
      else this.pause();
    });
  }

  private onMatchEvent(e: MatchEvent): void {
    const run = this.run as Run;
    if (e.type === 'judgement' || e.type === 'revert') {
      const s = run.match.player(e.player);
      if (e.type === 'judgement') this.huds[e.player]?.judged(e.result, s.score, s.combo);
      else this.huds[e.player]?.reverted(e.result, s.score, s.combo);
    } else if (e.type === 'ghost') {
      this.huds[e.player]?.ghost(e.lane);
    } else {
      this.meter?.set(e.harmony);
      this.stage.setHarmony(e.harmony);
      if (e.together) {
        this.stage.bow();
        this.burst();
      }
    }
  }

  /** Both hit a unison note together: a ring bursts from between the leaders. */
  private burst(): void {
    const color = this.palette.unison;
    const ring = this.add
      .circle(CENTER_X, HIGHWAY.hitLineY - 60, 28, color, 0.25)
      .setStrokeStyle(6, color, 1)
      .setDepth(40);
    this.tweens.add({
      targets: ring,
      alpha: 0,
      // Reduced motion: a flash that fades, nothing grows.
      scale: this.calm ? 1 : 4,
      duration: this.calm ? 300 : 480,
      ease: 'Sine.out',
      onComplete: () => ring.destroy(),
    });
  }

  override update(): void {
    const run = this.run;
    if (!run) return;
    const now = performance.now();
    run.update(now);
    const t = run.songTime(now);
    if (t === null) return;
    const display = t + this.app.settings.visualOffsetMs / 1000;
    const tempo = run.song.tempo;
    const beat = tempo.toBeats(display);
    const bar = run.song.beatsPerBar;
    const first = Math.ceil(beat / bar) * bar;
    this.beatTimes.length = 0;
    for (let k = 0; k < 8; k++) this.beatTimes.push(tempo.toSeconds(first + k * bar));
    for (const hud of this.huds) hud.draw(display, this.beatTimes, Math.max(0, beat));
    this.overlays?.update();
    this.updateCountIn(run, t);
    this.cues.update(t);
  }

  private updateCountIn(run: Run, t: Seconds): void {
    const label =
      t >= this.countInUntil || run.state !== 'playing'
        ? ''
        : String(Math.ceil((this.countInUntil - t) / run.beatLength(this.countInUntil)));
    for (const text of this.countTexts) if (text.text !== label) text.setText(label);
  }
}
