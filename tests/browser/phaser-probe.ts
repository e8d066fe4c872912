import Phaser from 'phaser';

/**
 * Built on the fly by tests/browser/phaser-build.test.ts into one script, with the game's own
 * `phaser` alias and defines (so `phaser` is the slim build of src/vendor/phaser.js), and run on a
 * blank page in Chromium.
 */

/** What the game uses of Phaser, as found in src/ by the test's scan. */
export interface PhaserUsage {
  /** `scene.add.<name>(` */
  factories: string[];
  /** `scene.make.<name>(` */
  creators: string[];
  /** `scene.load.<name>(` */
  loaders: string[];
  /** Scene systems and plugins: `scene.<name>` (tweens, time, input...). */
  systems: string[];
  /** Paths read off the `Phaser` namespace as values: "Scale.FIT", "GameObjects.Text"... */
  values: string[];
}

/** Boots a small game and returns every entry of `usage` this Phaser build does not provide. */
export function missingFrom(usage: PhaserUsage): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const fn = (owner: object, name: string) => typeof Reflect.get(owner, name) === 'function';
    class Probe extends Phaser.Scene {
      create() {
        try {
          resolve([
            ...usage.factories.filter((n) => !fn(this.add, n)).map((n) => `add.${n}`),
            ...usage.creators.filter((n) => !fn(this.make, n)).map((n) => `make.${n}`),
            ...usage.loaders.filter((n) => !fn(this.load, n)).map((n) => `load.${n}`),
            ...usage.systems.filter((n) => Reflect.get(this, n) == null).map((n) => `scene.${n}`),
            ...usage.values
              .filter(
                (path) =>
                  path.split('.').reduce<unknown>((o, k) => (o == null ? o : Reflect.get(Object(o), k)), Phaser) ===
                  undefined,
              )
              .map((path) => `Phaser.${path}`),
          ]);
        } catch (e) {
          reject(e);
        } finally {
          this.game.destroy(true);
        }
      }
    }
    // The options that decide which plugins exist, as in src/game/config.ts.
    new Phaser.Game({
      type: Phaser.CANVAS,
      width: 64,
      height: 64,
      audio: { noAudio: true },
      input: { keyboard: false },
      banner: false,
      scene: [Probe],
    });
  });
}
