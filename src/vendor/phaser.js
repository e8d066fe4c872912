/**
 * Slim Phaser build for Drum Diplomacy: Canvas renderer only.
 *
 * `vite.config.ts` aliases the runtime import `phaser` to this file; TypeScript keeps type-checking
 * against the real package's `types/phaser.d.ts` (only `import type` / types reach tsc from there).
 * Built from Phaser's own CommonJS sources, imported as `phaser/src/...`: the package's `exports`
 * map does not list them, so vite.config.ts resolves that prefix to wherever Node finds the
 * package. The webpack DefinePlugin flags of Phaser's dist build are set with Vite's `define`
 * (see vite.config.ts): typeof CANVAS_RENDERER -> true; typeof WEBGL_RENDERER / WEBGL_DEBUG /
 * FEATURE_SOUND / PLUGIN_CAMERA3D / PLUGIN_FBINSTANT / EXPERIMENTAL -> false. WebGL is therefore
 * not in the build (the game config asks for Phaser.CANVAS).
 *
 * Why a slim build rather than the package (measured with `vite build`, gzip, Phaser 4.2.1):
 *   this file, Canvas only ............................................ 138 KB
 *   this file with WebGL too .......................................... 191 KB
 *   `phaser/src/phaser.js` (every module), Canvas-only defines ........ 265 KB
 *   the package entry `phaser` (dist/phaser.esm.js, prebuilt, WebGL) .. 347 KB
 * Tree-shaking does not close the gap: named imports of only what the game uses give the same
 * sizes as the default import (the package entry is one prebuilt webpack bundle, and the sources
 * are CommonJS whose namespace objects reference every module). When measured (issue 10), the whole
 * game shipped 269 KB of JS with this file, and would have shipped 477 KB with the package, against
 * the 320 KB budget of `npm run bench`.
 *
 * The risk of a slim build: only what is required here exists. Factories (`scene.add.x`), loader
 * file types (`scene.load.x`) and scene plugins (`scene.time`, `scene.tweens`...) register
 * themselves when their module is required, so a feature missing below type-checks and is
 * `undefined` at run time (e.g. `this.add.sprite`). tests/browser/phaser-build.test.ts closes that
 * gap: it scans src/ for every factory, loader method, scene plugin and `Phaser.*` value the game
 * uses and checks, in Chromium, that this build provides each. When it fails, add the module here.
 *
 * Left out: WebGL, physics, tilemaps, sound (config has audio.noAudio), keyboard/gamepad plugins
 * (input.keyboard is false), lights, particles, DOM elements, video, spine, 3D camera, filters
 * game objects, Creators (`this.make.*`), the animation of sprites.
 */

import CONST from 'phaser/src/const.js';
import Game from 'phaser/src/core/Game.js';
import Vector2 from 'phaser/src/math/Vector2.js';
import BlendModes from 'phaser/src/renderer/BlendModes.js';
// Keep this import (any position; Phaser's own entries do the same): with WebGL defined in, the
// renderer index and webgl/renderNodes/BatchHandler require each other, and the cycle only
// resolves when the index loads first; without it the WebGL renderer dies at boot ("Object
// prototype may only be an Object or null"). Canvas-only builds do not need it, but turning WebGL
// back on must not break the game.
import Renderer from 'phaser/src/renderer/index.js';
import Scale from 'phaser/src/scale/index.js';
import SceneConst from 'phaser/src/scene/const.js';
import SceneEvents from 'phaser/src/scene/events/index.js';
import Scene from 'phaser/src/scene/Scene.js';

// Scene plugins (each registers itself in the PluginCache).
import 'phaser/src/events/EventEmitter.js';
import 'phaser/src/cameras/2d/CameraManager.js';
import 'phaser/src/scene/ScenePlugin.js';
import 'phaser/src/gameobjects/GameObjectFactory.js';
import 'phaser/src/gameobjects/GameObjectCreator.js';
import 'phaser/src/gameobjects/DisplayList.js';
import 'phaser/src/gameobjects/UpdateList.js';
import 'phaser/src/time/Clock.js';
import 'phaser/src/data/DataManagerPlugin.js';
import 'phaser/src/input/InputPlugin.js';
import 'phaser/src/loader/LoaderPlugin.js';
import 'phaser/src/tweens/TweenManager.js';

// Loader file types (`this.load.svg`).
import 'phaser/src/loader/filetypes/SVGFile.js';

// Game object factories (`this.add.*`).
import Image from 'phaser/src/gameobjects/image/Image.js';
import 'phaser/src/gameobjects/image/ImageFactory.js';
import Text from 'phaser/src/gameobjects/text/Text.js';
import 'phaser/src/gameobjects/text/TextFactory.js';
import Graphics from 'phaser/src/gameobjects/graphics/Graphics.js';
import 'phaser/src/gameobjects/graphics/GraphicsFactory.js';
import Container from 'phaser/src/gameobjects/container/Container.js';
import 'phaser/src/gameobjects/container/ContainerFactory.js';
import Rectangle from 'phaser/src/gameobjects/shape/rectangle/Rectangle.js';
import 'phaser/src/gameobjects/shape/rectangle/RectangleFactory.js';
import Arc from 'phaser/src/gameobjects/shape/arc/Arc.js';
import 'phaser/src/gameobjects/shape/arc/ArcFactory.js';
import Ellipse from 'phaser/src/gameobjects/shape/ellipse/Ellipse.js';
import 'phaser/src/gameobjects/shape/ellipse/EllipseFactory.js';
import Triangle from 'phaser/src/gameobjects/shape/triangle/Triangle.js';
import 'phaser/src/gameobjects/shape/triangle/TriangleFactory.js';
import RenderTexture from 'phaser/src/gameobjects/rendertexture/RenderTexture.js';
import 'phaser/src/gameobjects/rendertexture/RenderTextureFactory.js';
import GameObject from 'phaser/src/gameobjects/GameObject.js';

const Phaser = {
  ...CONST,
  Game,
  Scene,
  Scenes: { ...SceneConst, Events: SceneEvents },
  Scale,
  BlendModes,
  Renderer,
  Math: { Vector2 },
  GameObjects: { GameObject, Image, Text, Graphics, Container, Rectangle, Arc, Ellipse, Triangle, RenderTexture },
};

export default Phaser;
