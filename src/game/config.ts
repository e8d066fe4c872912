import Phaser from 'phaser';
import { About } from '../scenes/About';
import { Bindings } from '../scenes/Bindings';
import { Boot } from '../scenes/Boot';
import { Calibration } from '../scenes/Calibration';
import { DeviceSetup } from '../scenes/DeviceSetup';
import { Devices } from '../scenes/Devices';
import { ModeSelect } from '../scenes/ModeSelect';
import { Pause } from '../scenes/Pause';
import { Play } from '../scenes/Play';
import { Practice } from '../scenes/Practice';
import { Replays } from '../scenes/Replays';
import { Results } from '../scenes/Results';
import { Settings } from '../scenes/Settings';
import { SongSelect } from '../scenes/SongSelect';
import { Title } from '../scenes/Title';
import { HEIGHT, WIDTH } from './layout';

/** Scene keys equal class names; Boot runs first. */
export const SCENES = [
  Boot,
  Title,
  ModeSelect,
  SongSelect,
  Play,
  Pause,
  Results,
  Practice,
  Replays,
  Settings,
  Bindings,
  Calibration,
  Devices,
  DeviceSetup,
  About,
];

export function gameConfig(parent: HTMLElement): Phaser.Types.Core.GameConfig {
  return {
    // Canvas everywhere: the game draws few objects, Canvas 2D is GPU-accelerated by browsers,
    // it stays at 60 fps where WebGL is software-rendered (12 fps there), and leaving WebGL out
    // of the slim Phaser build (src/vendor/phaser.js) saves 48 KB.
    type: Phaser.CANVAS,
    parent,
    width: WIDTH,
    height: HEIGHT,
    backgroundColor: '#080b2b',
    // Play draws its static scenery as the canvas's CSS background (see StaticLayer).
    transparent: true,
    // Tone.js owns audio; Phaser's sound system stays out of its way.
    audio: { noAudio: true },
    // Keys are read by our own window listeners (src/input), not Phaser's keyboard plugin.
    input: { keyboard: false, activePointers: 10 },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    render: { antialias: true, roundPixels: false },
    fps: { smoothStep: false },
    banner: false,
    scene: SCENES,
  };
}
