import type Phaser from 'phaser';
import type { Lane, PlayerId } from '../core/units';

/** Converts game coordinates to CSS pixels of the page (for touch pads and tests). */
export const layout = {
  toPage(game: Phaser.Game, x: number, y: number): { x: number; y: number } {
    const rect = game.canvas.getBoundingClientRect();
    return {
      x: rect.left + (x / game.scale.width) * rect.width,
      y: rect.top + (y / game.scale.height) * rect.height,
    };
  },
  /** Touch pads arrive with the touch issue; until then there are none. */
  padAt(_game: Phaser.Game, _player: PlayerId, _lane: Lane): { x: number; y: number } | null {
    return null;
  },
};
