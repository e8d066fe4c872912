import type Phaser from 'phaser';

/** Converts game coordinates to CSS pixels of the page (touch pads, tests). */
export const layout = {
  toPage(game: Phaser.Game, x: number, y: number): { x: number; y: number } {
    const rect = game.canvas.getBoundingClientRect();
    return {
      x: rect.left + (x / game.scale.width) * rect.width,
      y: rect.top + (y / game.scale.height) * rect.height,
    };
  },
};
