import Phaser from 'phaser';

/**
 * The Canvas renderer everywhere. The game draws few objects (notes, two drummers, text), so
 * Canvas 2D, which browsers accelerate on the GPU, keeps 60 fps; it also stays smooth where
 * WebGL is software-rendered (12 fps there), and it keeps the shipped JS 48 KB smaller. The
 * slim Phaser build (src/vendor/phaser.js) leaves the WebGL renderer out.
 */
export const RENDERER = Phaser.CANVAS;
