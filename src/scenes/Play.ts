import type { StringKey } from '../content/strings';
import type { MatchEvent } from '../core/match';
import { type Mode, PLAYERS, type Seconds } from '../core/units';
import { CENTER_X, HEIGHT, HIGHWAY, laneAt, touchLayout, WIDTH } from '../game/layout';
import { watchPauseTriggers } from '../game/pauseTriggers';
import { FONT } from '../game/theme';
import { TouchPads } from '../input/touch';
import { StaticLayer } from '../objects/bake';
import { CountIn } from '../objects/countIn';
import { CueTrack } from '../objects/cueTrack';
import { HarmonyMeter } from '../objects/harmonyMeter';
import type { PlayerHud } from '../objects/playerHud';
import { addRunCues } from '../objects/runCues';
import { makeRunHud } from '../objects/runHud';
import { RunOverlays } from '../objects/runOverlays';
import { NaraStage } from '../objects/stage';
import { addStartGate } from '../objects/startGate';
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
  private countIn: CountIn | null = null;
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
    this.countIn = null;
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
    for (const p of PLAYERS) this.huds.push(makeRunHud(this, run, p, bake, () => this.stage.hop()));
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
    this.countIn = new CountIn(this, run, (d) => this.own(d));

    this.own(run.on('match', (e) => this.onMatchEvent(e)));
    this.own(run.on('sound', ({ player, lane }) => this.huds[player]?.flash(lane)));
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
    addRunCues(this, this.cues, run);
    this.makeTouchPads(run);
    this.makePauseButton();
    addStartGate(this, run, (engine) => run.start(engine));
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
        this.stage.burst(CENTER_X, HIGHWAY.hitLineY - 60, this.palette.unison);
      }
    }
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
    this.countIn?.update(t);
    this.cues.update(t);
  }
}
