import type Phaser from 'phaser';
import type { Judgement } from '../core/judgement';
import type { Lane } from '../core/units';

export type Pose =
  | 'idle-a'
  | 'idle-b'
  | 'hit-hihat'
  | 'hit-snare'
  | 'hit-tom'
  | 'hit-kick'
  | 'miss'
  | 'streak'
  | 'cheer'
  | 'bow';

export const POSES: readonly Pose[] = [
  'idle-a',
  'idle-b',
  'hit-hihat',
  'hit-snare',
  'hit-tom',
  'hit-kick',
  'miss',
  'streak',
  'cheer',
  'bow',
];

/** Combo counts that earn a streak pose. */
const STREAK_EVERY = 25;

/**
 * One leader at the drum kit. Poses are swapped frame by frame (every pose shares its framing);
 * it reacts to its player's judgement events, and grooves on the beat when idle.
 */
export class Drummer {
  readonly image: Phaser.GameObjects.Image;
  private holdUntil = 0;
  private pose: Pose = 'idle-a';
  private readonly keys = new Map<Pose, string>();

  /**
   * @param scale display scale of the loaded (ART_SCALE-rasterised) textures.
   * @param resample draw every pose once at its display size, so each frame copies pixels 1:1
   *   instead of scaling a large image (the costliest draw of a software-rendered frame).
   */
  constructor(
    private readonly scene: Phaser.Scene,
    readonly character: string,
    x: number,
    y: number,
    scale: number,
    resample = false,
  ) {
    for (const pose of POSES) {
      const source = `${character}-${pose}`;
      this.keys.set(pose, resample && scene.textures.exists(source) ? resized(scene, source, scale) : source);
    }
    this.image = scene.add
      .image(x, y, this.key('idle-a'))
      .setOrigin(0.5, 0.984)
      .setScale(resample ? 1 : scale);
  }

  /** The texture of a pose; the idle one while that pose's art is still loading (title). */
  private key(pose: Pose): string {
    const key = this.keys.get(pose) ?? `${this.character}-${pose}`;
    return this.scene.textures.exists(key) ? key : `${this.character}-idle-a`;
  }

  /** Shows a pose for `ms`, then returns to the groove. */
  show(pose: Pose, ms: number): void {
    this.pose = pose;
    this.image.setTexture(this.key(pose));
    this.holdUntil = this.scene.time.now + ms;
  }

  /** Reacts to a judgement of this player's: a hit plays the drum's pose, a miss looks clumsy. */
  react(judgement: Judgement, lane: Lane, comboAfter: number): void {
    if (judgement === 'miss') this.show('miss', 380);
    else if (comboAfter > 0 && comboAfter % STREAK_EVERY === 0) this.show('streak', 700);
    else this.show(`hit-${lane}`, 110);
  }

  /** A sound without a note (ghost hit): the stick still moves. */
  strike(lane: Lane): void {
    if (this.pose === 'streak' && this.scene.time.now < this.holdUntil) return;
    this.show(`hit-${lane}`, 100);
  }

  /** Per frame: the idle groove alternates on each beat. */
  groove(beat: number): void {
    if (this.scene.time.now < this.holdUntil) return;
    const pose: Pose = Math.floor(beat) % 2 === 0 ? 'idle-a' : 'idle-b';
    if (pose !== this.pose) {
      this.pose = pose;
      this.image.setTexture(this.key(pose));
    }
  }
}

/** A copy of a texture drawn once at `scale`, cached by key. */
function resized(scene: Phaser.Scene, source: string, scale: number): string {
  const key = `${source}@${scale.toFixed(3)}`;
  if (scene.textures.exists(key)) return key;
  const frame = scene.textures.getFrame(source);
  const texture = scene.textures.addDynamicTexture(
    key,
    Math.ceil(frame.width * scale),
    Math.ceil(frame.height * scale),
  );
  if (!texture) return source;
  texture.stamp(source, undefined, 0, 0, { originX: 0, originY: 0, scale });
  texture.render();
  return key;
}
