import type Phaser from 'phaser';
import { HitWindows } from '../core/hitWindows';
import { lowerBound } from '../core/judge';
import type { Judgement } from '../core/judgement';
import type { Note } from '../core/song';
import { type Difficulty, type Lane, lanesFor, type Ms, type PlayerId, type Seconds } from '../core/units';
import { HIGHWAY, highwayCenter, highwayLeft, laneWidth, laneX, touchLayout } from '../game/layout';
import { makeNoteTextures, noteTexture, unisonTexture } from '../game/textures';
import { FONT, type Palette } from '../game/theme';
import { keyLabel } from '../input/bindings';
import type { StaticLayer } from './bake';

const POOL_SIZE = 96;
/** Past the hit line a note fades out over this many px (gone before the key labels). */
const FADE_PX = 34;

/** Ghost marks drawn at most at once. */
const GHOST_POOL = 48;

/**
 * One player's note highway: lanes, the hit line with a pad per lane, and the notes, drawn
 * from the song clock each frame. It never judges; it shows what the core decided.
 */
export class Highway {
  private readonly times: Float64Array;
  private readonly state = new Map<string, Judgement>();
  private readonly pool: Phaser.GameObjects.Image[] = [];
  private readonly rings: Phaser.GameObjects.Image[] = [];
  private readonly pads = new Map<Lane, Phaser.GameObjects.Arc>();
  private readonly beams = new Map<Lane, Phaser.GameObjects.Rectangle>();
  private readonly barLines: Phaser.GameObjects.Rectangle[] = [];
  readonly lanes: readonly Lane[];
  /** Seconds after which an unhit note can no longer be hit (drawn dimmed). */
  private readonly lateLimit: Seconds;
  /** Where a recorded run (the best) pressed: faint marks in the lanes, moving with the notes. */
  private ghost: { times: Float64Array; lanes: Lane[] } | null = null;
  private readonly ghostMarks: Phaser.GameObjects.Rectangle[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    readonly player: PlayerId,
    private readonly notes: readonly Note[],
    readonly difficulty: Difficulty,
    private readonly palette: Palette,
    keys: Readonly<Record<Lane, string>>,
    /** Seconds a note takes from the top of the highway to the hit line. */
    private readonly travel: Seconds,
    bake: StaticLayer,
  ) {
    this.times = Float64Array.from(notes, (n) => n.time);
    this.lanes = lanesFor(difficulty);
    this.lateLimit = HitWindows.for(difficulty).lateLimit / 1000;
    const left = highwayLeft(player);
    const w = laneWidth(difficulty);
    bake.add(
      scene.add
        .rectangle(
          left,
          HIGHWAY.top,
          HIGHWAY.width,
          HIGHWAY.bottom - HIGHWAY.top,
          palette.highway,
          palette.highwayAlpha,
        )
        .setOrigin(0)
        .setStrokeStyle(3, palette.players[player], 0.9),
    );
    for (let i = 0; i < 16; i++) {
      this.barLines.push(
        scene.add.rectangle(highwayCenter(player), 0, HIGHWAY.width - 6, 2, 0xffffff, 0.14).setVisible(false),
      );
    }
    for (const [i, lane] of this.lanes.entries()) {
      const x = laneX(player, difficulty, lane);
      if (i > 0)
        scene.add.rectangle(left + i * w, HIGHWAY.top, 2, HIGHWAY.bottom - HIGHWAY.top, 0xffffff, 0.1).setOrigin(0);
      const beam = scene.add
        .rectangle(x, HIGHWAY.hitLineY, w - 4, HIGHWAY.hitLineY - HIGHWAY.top, palette.lane[lane], 0)
        .setOrigin(0.5, 1);
      this.beams.set(lane, beam);
      const pad = scene.add.circle(x, HIGHWAY.hitLineY, Math.min(touchLayout ? 52 : 30, w / 2 - 4), 0x000000, 0.35);
      pad.setStrokeStyle(4, palette.lane[lane], 0.95);
      this.pads.set(lane, pad);
      // On a touchscreen the pad is the drum (its circle covered the key's label): no key label.
      if (touchLayout) continue;
      bake.add(
        scene.add
          .text(x, HIGHWAY.hitLineY + 44, keyLabel(keys[lane]), {
            fontFamily: FONT,
            fontSize: '20px',
            fontStyle: 'bold',
            color: '#ffffff',
          })
          .setOrigin(0.5),
      );
    }
    bake.add(scene.add.rectangle(left, HIGHWAY.hitLineY, HIGHWAY.width, 4, 0xffffff, 0.85).setOrigin(0, 0.5));
    makeNoteTextures(scene, palette, [laneWidth('easy'), laneWidth('normal')]);
    for (let i = 0; i < POOL_SIZE; i++) {
      this.rings.push(scene.add.image(0, 0, unisonTexture(palette)).setVisible(false));
      this.pool.push(scene.add.image(0, 0, noteTexture(palette, 'snare', w)).setVisible(false));
    }
  }

  /** Records what the core decided about a note (hit notes vanish, missed ones fade). */
  mark(noteId: string, judgement: Judgement): void {
    this.state.set(noteId, judgement);
  }

  /** Forgets a judgement the core took back (a late-delivered press changed it). */
  unmark(noteId: string): void {
    this.state.delete(noteId);
  }

  /** Forgets every judgement (the run was sought, or a practice loop starts again). */
  clearMarks(): void {
    this.state.clear();
  }

  /** Shows a ghost's presses (song seconds, in time order) as faint marks in their lanes. */
  setGhost(presses: readonly { time: Seconds; lane: Lane }[]): void {
    this.ghost = { times: Float64Array.from(presses, (p) => p.time), lanes: presses.map((p) => p.lane) };
    const w = laneWidth(this.difficulty) - 10;
    for (let i = this.ghostMarks.length; i < GHOST_POOL; i++)
      this.ghostMarks.push(this.scene.add.rectangle(0, 0, w, 6, 0xffffff, 0.35).setVisible(false));
  }

  /** Lights a lane's pad and beam on a press. */
  flash(lane: Lane): void {
    const beam = this.beams.get(lane);
    const pad = this.pads.get(lane);
    if (!beam || !pad) return;
    beam.setAlpha(0.22);
    pad.setFillStyle(this.palette.lane[lane], 0.8);
    this.scene.tweens.add({ targets: beam, alpha: 0, duration: 160 });
    this.scene.time.delayedCall(90, () => pad.setFillStyle(0x000000, 0.35));
  }

  /** Places every visible note for the song time on screen (visual offset already applied). */
  draw(displayTime: Seconds, beatTimes: readonly Seconds[]): void {
    const span = HIGHWAY.hitLineY - HIGHWAY.top;
    const yOf = (t: Seconds) => HIGHWAY.hitLineY - ((t - displayTime) / this.travel) * span;
    // Notes enter just below the top edge; past the line they fade out within FADE_PX, before the
    // key labels under it.
    const since = displayTime - (FADE_PX / span) * this.travel;
    const until = displayTime + ((span - 20) / span) * this.travel;
    const passed = displayTime - this.lateLimit;
    let used = 0;
    for (let i = lowerBound(this.times, since); i < this.notes.length && used < POOL_SIZE; i++) {
      const n = this.notes[i] as Note;
      if (n.time > until) break;
      const judged = this.state.get(n.id);
      if (judged && judged !== 'miss') continue;
      const img = this.pool[used] as Phaser.GameObjects.Image;
      const ring = this.rings[used] as Phaser.GameObjects.Image;
      used++;
      const x = laneX(this.player, this.difficulty, n.lane);
      const y = yOf(n.time);
      const gone = judged === 'miss' || n.time < passed;
      const past = Math.min(1, Math.max(0, (y - HIGHWAY.hitLineY) / FADE_PX));
      img
        .setTexture(noteTexture(this.palette, n.lane, laneWidth(this.difficulty)))
        .setPosition(x, y)
        .setAlpha((gone ? 0.3 : 1) * (1 - past))
        .setVisible(true);
      ring
        .setPosition(x, y)
        .setVisible(n.unison && !gone)
        .setScale(n.lane === 'kick' ? 0.8 : 1);
    }
    for (let j = used; j < POOL_SIZE; j++) {
      const img = this.pool[j] as Phaser.GameObjects.Image;
      if (!img.visible) break;
      img.setVisible(false);
      (this.rings[j] as Phaser.GameObjects.Image).setVisible(false);
    }
    this.drawGhost(since, until, yOf);
    this.barLines.forEach((line, k) => {
      const t = beatTimes[k];
      const visible = t !== undefined && t >= displayTime && t <= until;
      line.setVisible(visible);
      if (visible) line.setY(yOf(t as number));
    });
  }

  private drawGhost(since: Seconds, until: Seconds, yOf: (t: Seconds) => number): void {
    const g = this.ghost;
    if (!g) return;
    let used = 0;
    for (let i = lowerBound(g.times, since); i < g.times.length && used < GHOST_POOL; i++) {
      const t = g.times[i] as number;
      if (t > until) break;
      const lane = g.lanes[i] as Lane;
      if (!this.lanes.includes(lane)) continue;
      (this.ghostMarks[used++] as Phaser.GameObjects.Rectangle)
        .setPosition(laneX(this.player, this.difficulty, lane), yOf(t))
        .setVisible(true);
    }
    for (let j = used; j < this.ghostMarks.length; j++)
      (this.ghostMarks[j] as Phaser.GameObjects.Rectangle).setVisible(false);
  }
}

/**
 * A hit-error bar: coloured window zones, a tick per recent hit at its offset (fading),
 * and a marker at the running mean; early is left, late is right.
 */
export class HitErrorBar {
  private readonly ticks: Phaser.GameObjects.Rectangle[] = [];
  private readonly mean: Phaser.GameObjects.Triangle;
  private next = 0;
  private readonly scale: number;
  private readonly x: number;
  private sum = 0;
  private count = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    player: PlayerId,
    difficulty: Difficulty,
    palette: Palette,
    y: number,
    bake: StaticLayer,
  ) {
    const width = HIGHWAY.width - 40;
    const w = HitWindows.for(difficulty).table;
    this.x = highwayCenter(player);
    this.scale = width / 2 / w.good;
    for (const [j, color] of [
      ['good', palette.judgement.good],
      ['great', palette.judgement.great],
      ['perfect', palette.judgement.perfect],
    ] as const) {
      bake.add(scene.add.rectangle(this.x, y, w[j] * 2 * this.scale, 8, color, 0.55).setOrigin(0.5));
    }
    bake.add(scene.add.rectangle(this.x, y, 2, 20, 0xffffff, 0.9));
    for (let i = 0; i < 24; i++) this.ticks.push(scene.add.rectangle(this.x, y, 3, 18, 0xffffff, 0).setOrigin(0.5));
    // Under the bar, pointing up: above it, it covered the key labels.
    this.mean = scene.add.triangle(this.x, y + 13, 6, 0, 12, 9, 0, 9, 0xffffff, 1).setOrigin(0.5);
  }

  add(offsetMs: Ms, color: number): void {
    const tick = this.ticks[this.next] as Phaser.GameObjects.Rectangle;
    this.next = (this.next + 1) % this.ticks.length;
    tick.setX(this.x + offsetMs * this.scale).setFillStyle(color, 1);
    this.scene.tweens.killTweensOf(tick);
    this.scene.tweens.add({ targets: tick, fillAlpha: 0, duration: 2500 });
    this.sum += offsetMs;
    this.count++;
    this.mean.setX(this.x + (this.sum / this.count) * this.scale);
  }
}
