import type Phaser from 'phaser';
import { minButtonPx } from '../game/layoutService';

/**
 * Pads a tappable text (a link, a list row, a difficulty cell) so that it is at least one
 * thumb tall: 44 CSS px, whatever the scale (see `minButtonPx`). Returns the text.
 */
export function tapSize<T extends Phaser.GameObjects.Text>(text: T, min = minButtonPx()): T {
  const p = text.padding;
  const inner = text.height - (p.top ?? 0) - (p.bottom ?? 0);
  const pad = Math.max(p.top ?? 0, Math.ceil((min - inner) / 2));
  text.setPadding(p.left ?? 0, pad, p.right ?? 0, pad);
  return text;
}
