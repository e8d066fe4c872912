import Phaser from 'phaser';
import { ART_SCALE, HEIGHT, WIDTH } from '../game/layout';
import type { StaticLayer } from './bake';

export interface StageOptions {
  calm: boolean;
  floorY?: number;
  /** In Play the scenery is flattened into this layer and the lights hold still. */
  bake?: StaticLayer;
}

/**
 * Nara at night: sky, the five-storied pagoda, stone lanterns, deer and the wooden stage.
 * The stage lights follow `setHarmony` (0..1): the better the duet, the warmer the glow.
 */
export class NaraStage {
  private readonly lights: Phaser.GameObjects.Triangle[] = [];
  private readonly glow: Phaser.GameObjects.Ellipse;
  private readonly deer: Phaser.GameObjects.Image[] = [];

  private readonly floorY: number;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly options: StageOptions = { calm: false },
  ) {
    const floorY = options.floorY ?? HEIGHT - 160;
    this.floorY = floorY;
    const bake = options.bake;
    const still = <T extends Phaser.GameObjects.Image>(obj: T): T => (bake ? bake.add(obj) : obj);
    still(scene.add.image(0, 0, 'sky').setOrigin(0).setDisplaySize(WIDTH, HEIGHT));
    still(
      scene.add
        .image(150, floorY + 12, 'pagoda')
        .setOrigin(0.5, 1)
        .setScale(0.78 / ART_SCALE),
    );
    for (const x of [70, WIDTH - 70]) {
      still(
        scene.add
          .image(x, floorY + 18, 'lantern')
          .setOrigin(0.5, 1)
          .setScale(0.9 / ART_SCALE),
      );
    }
    const deer = [
      scene.add
        .image(WIDTH - 190, floorY + 16, 'deer')
        .setOrigin(0.5, 1)
        .setScale(0.8 / ART_SCALE),
      scene.add
        .image(330, floorY + 16, 'deer')
        .setOrigin(0.5, 1)
        .setScale(0.65 / ART_SCALE)
        .setFlipX(true),
    ];
    // The deer are the crowd and react (bow, hop); in Play they stand behind the highways, so they
    // are part of the baked scenery there (drawn on the canvas they would cover the lanes).
    for (const d of deer) {
      if (bake) bake.add(d);
      else this.deer.push(d);
    }
    this.calm = options.calm;
    still(
      scene.add
        .image(0, floorY, 'stage-floor')
        .setOrigin(0)
        .setDisplaySize(WIDTH, HEIGHT - floorY),
    );
    const lightColors = [0xff6b9d, 0x6ecbff, 0xffd166, 0xb388ff];
    for (let i = 0; i < 4; i++) {
      const x = 260 + i * 250;
      const beam = scene.add
        .triangle(x, 0, 0, 0, 60, 0, 30 + (i % 2 ? 160 : -160), floorY + 20, lightColors[i], bake ? 0.1 : 0.07)
        .setOrigin(0.5, 0)
        .setBlendMode(Phaser.BlendModes.ADD);
      // Additive beams are costly to redraw every frame: in Play they are part of the scenery.
      if (bake) bake.add(beam);
      else this.lights.push(beam);
    }
    this.glow = scene.add.ellipse(WIDTH / 2, floorY + 10, 900, 160, 0xffb347, 0.12);
    if (!options.calm && !bake) {
      for (const [i, beam] of this.lights.entries()) {
        scene.tweens.add({
          targets: beam,
          angle: { from: -6, to: 6 },
          duration: 2600 + i * 400,
          yoyo: true,
          repeat: -1,
          ease: 'Sine.inOut',
        });
      }
    }
  }

  private readonly calm: boolean;
  private full: Phaser.GameObjects.Triangle[] = [];
  private fullOn = false;

  /**
   * Brightens the stage lights with the Harmony meter (0..1); at 100 % the stage lights up:
   * four bright beams sweep over it (still, with reduced motion) until Harmony drops.
   */
  setHarmony(h: number): void {
    const a = 0.05 + 0.2 * h;
    for (const l of this.lights) l.setFillStyle(l.fillColor, a);
    this.glow.setAlpha(0.08 + 0.3 * h);
    const on = h >= 0.999;
    if (on === this.fullOn) return;
    this.fullOn = on;
    if (this.full.length === 0 && on) this.makeFullLights();
    const tweens = this.scene.tweens;
    for (const beam of this.full) {
      tweens.killTweensOf(beam);
      if (on) {
        beam.setVisible(true);
        tweens.add({ targets: beam, alpha: 1, duration: this.calm ? 1 : 400 });
        if (!this.calm)
          tweens.add({
            targets: beam,
            angle: { from: -10, to: 10 },
            duration: 1400,
            yoyo: true,
            repeat: -1,
            ease: 'Sine.inOut',
          });
      } else {
        tweens.add({ targets: beam, alpha: 0, duration: 400, onComplete: () => beam.setVisible(false) });
      }
    }
  }

  private makeFullLights(): void {
    const colors = [0xff6b9d, 0xffd166, 0x6ecbff, 0xff9ff3];
    this.full = colors.map((c, i) =>
      this.scene.add
        .triangle(WIDTH * (0.2 + i * 0.2), 0, 0, 0, 90, 0, 45 + (i < 2 ? 220 : -220), this.floorY + 20, c, 0.16)
        .setOrigin(0.5, 0)
        .setAlpha(0)
        .setDepth(-1),
    );
  }

  /** The crowd hops (a combo milestone). */
  /** Both hit a unison note together: a ring bursts from between the leaders at (x, y). */
  burst(x: number, y: number, color: number): void {
    const ring = this.scene.add.circle(x, y, 28, color, 0.25).setStrokeStyle(6, color, 1).setDepth(40);
    this.scene.tweens.add({
      targets: ring,
      alpha: 0,
      // Reduced motion: a flash that fades, nothing grows.
      scale: this.options.calm ? 1 : 4,
      duration: this.options.calm ? 300 : 480,
      ease: 'Sine.out',
      onComplete: () => ring.destroy(),
    });
  }

  hop(): void {
    if (this.calm) {
      this.bow();
      return;
    }
    for (const d of this.deer) {
      this.scene.tweens.add({ targets: d, y: d.y - 18, duration: 140, yoyo: true, ease: 'Sine.out' });
    }
  }

  /** Nara's deer bow (to a unison hit, or at the end). */
  bow(): void {
    for (const d of this.deer) {
      if (this.scene.textures.exists('deer-bow')) d.setTexture('deer-bow');
      this.scene.time.delayedCall(600, () => d.setTexture('deer'));
    }
  }
}
