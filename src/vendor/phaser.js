/**
 * Slim Phaser build for Drum Diplomacy.
 *
 * `vite.config.ts` aliases the runtime import `phaser` to this file; TypeScript keeps type-checking
 * against the real package's `types/phaser.d.ts` (only `import type` / types reach tsc from there).
 * Built from Phaser's own CommonJS sources (node_modules/phaser/src); the webpack DefinePlugin flags
 * of Phaser's dist build are set with Vite's `define` (see vite.config.ts):
 *   typeof WEBGL_RENDERER / CANVAS_RENDERER -> true, typeof WEBGL_DEBUG / FEATURE_SOUND /
 *   PLUGIN_CAMERA3D / PLUGIN_FBINSTANT / EXPERIMENTAL -> false.
 *
 * Only what the game uses is required here. Factories (`scene.add.x`), loader file types
 * (`scene.load.x`) and scene plugins (`scene.time`, `scene.tweens`...) register themselves when their
 * module is required, so a feature missing below simply does not exist at run time
 * (e.g. `this.add.sprite` would be undefined). When the game starts using something new
 * (a game object, a loader file type, a plugin), add its module here.
 *
 * Left out: physics, tilemaps, sound (config has audio.noAudio), keyboard/gamepad plugins
 * (input.keyboard is false), lights, particles, DOM elements, video, spine, 3D camera, filters
 * game objects, Creators (`this.make.*`), the animation of sprites.
 */

import CONST from '../../node_modules/phaser/src/const.js';
import Game from '../../node_modules/phaser/src/core/Game.js';
import Vector2 from '../../node_modules/phaser/src/math/Vector2.js';
import BlendModes from '../../node_modules/phaser/src/renderer/BlendModes.js';
// Must stay imported here (any position; Phaser's own entries do the same): the renderer index and
// webgl/renderNodes/BatchHandler require each other, and the cycle only resolves when the index
// loads first. Without this line the WebGL renderer dies at boot ("Object prototype may only be an
// Object or null"), because CreateRenderer would reach BatchHandler before the index.
import Renderer from '../../node_modules/phaser/src/renderer/index.js';
import Scale from '../../node_modules/phaser/src/scale/index.js';
import SceneConst from '../../node_modules/phaser/src/scene/const.js';
import SceneEvents from '../../node_modules/phaser/src/scene/events/index.js';
import Scene from '../../node_modules/phaser/src/scene/Scene.js';

// Scene plugins (each registers itself in the PluginCache).
import '../../node_modules/phaser/src/events/EventEmitter.js';
import '../../node_modules/phaser/src/cameras/2d/CameraManager.js';
import '../../node_modules/phaser/src/scene/ScenePlugin.js';
import '../../node_modules/phaser/src/gameobjects/GameObjectFactory.js';
import '../../node_modules/phaser/src/gameobjects/GameObjectCreator.js';
import '../../node_modules/phaser/src/gameobjects/DisplayList.js';
import '../../node_modules/phaser/src/gameobjects/UpdateList.js';
import '../../node_modules/phaser/src/time/Clock.js';
import '../../node_modules/phaser/src/data/DataManagerPlugin.js';
import '../../node_modules/phaser/src/input/InputPlugin.js';
import '../../node_modules/phaser/src/loader/LoaderPlugin.js';
import '../../node_modules/phaser/src/tweens/TweenManager.js';

// Loader file types (`this.load.svg`).
import '../../node_modules/phaser/src/loader/filetypes/SVGFile.js';

// Game object factories (`this.add.*`).
import Image from '../../node_modules/phaser/src/gameobjects/image/Image.js';
import '../../node_modules/phaser/src/gameobjects/image/ImageFactory.js';
import Text from '../../node_modules/phaser/src/gameobjects/text/Text.js';
import '../../node_modules/phaser/src/gameobjects/text/TextFactory.js';
import Graphics from '../../node_modules/phaser/src/gameobjects/graphics/Graphics.js';
import '../../node_modules/phaser/src/gameobjects/graphics/GraphicsFactory.js';
import Container from '../../node_modules/phaser/src/gameobjects/container/Container.js';
import '../../node_modules/phaser/src/gameobjects/container/ContainerFactory.js';
import Rectangle from '../../node_modules/phaser/src/gameobjects/shape/rectangle/Rectangle.js';
import '../../node_modules/phaser/src/gameobjects/shape/rectangle/RectangleFactory.js';
import Arc from '../../node_modules/phaser/src/gameobjects/shape/arc/Arc.js';
import '../../node_modules/phaser/src/gameobjects/shape/arc/ArcFactory.js';
import Ellipse from '../../node_modules/phaser/src/gameobjects/shape/ellipse/Ellipse.js';
import '../../node_modules/phaser/src/gameobjects/shape/ellipse/EllipseFactory.js';
import Triangle from '../../node_modules/phaser/src/gameobjects/shape/triangle/Triangle.js';
import '../../node_modules/phaser/src/gameobjects/shape/triangle/TriangleFactory.js';
import RenderTexture from '../../node_modules/phaser/src/gameobjects/rendertexture/RenderTexture.js';
import '../../node_modules/phaser/src/gameobjects/rendertexture/RenderTextureFactory.js';
import GameObject from '../../node_modules/phaser/src/gameobjects/GameObject.js';

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
