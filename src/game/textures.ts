import type Phaser from 'phaser';
import type { Lane } from '../core/units';
import type { Palette } from './theme';

/**
 * Note heads are drawn once per palette with their colours baked in (the Canvas renderer
 * cannot tint). Each lane has its own shape, so lanes read without colour.
 */
export const NOTE_SIZE = 46;

export function noteTexture(palette: Palette, lane: Lane, laneWidth: number): string {
  return lane === 'kick' ? `note-${palette.id}-kick-${Math.round(laneWidth)}` : `note-${palette.id}-${lane}`;
}

export function unisonTexture(palette: Palette): string {
  return `note-${palette.id}-unison`;
}

/** Draws every note texture of a palette, once. */
export function makeNoteTextures(scene: Phaser.Scene, palette: Palette, laneWidths: readonly number[]): void {
  if (scene.textures.exists(unisonTexture(palette))) return;
  const c = palette.lane;
  const key = (name: string) => `note-${palette.id}-${name}`;
  const g = scene.add.graphics();
  const s = NOTE_SIZE;
  const h = s / 2;
  const outline = 0x14102e;
  const draw = (key: string, w: number, hgt: number, paint: () => void) => {
    g.clear();
    paint();
    g.generateTexture(key, w, hgt);
  };
  // Hi-hat: a diamond (cymbal seen edge-on).
  draw(key('hihat'), s, s, () => {
    g.fillStyle(c.hihat).lineStyle(4, outline);
    const pts = points([
      [h, 2],
      [s - 2, h],
      [h, s - 2],
      [2, h],
    ]);
    g.fillPoints(pts, true).strokePoints(pts, true);
  });
  // Snare: a round drum head with a rim.
  draw(key('snare'), s, s, () => {
    g.fillStyle(c.snare).fillCircle(h, h, h - 2);
    g.lineStyle(4, outline).strokeCircle(h, h, h - 2);
    g.lineStyle(3, outline, 0.5).strokeCircle(h, h, h - 10);
  });
  // Tom: a hexagon.
  draw(key('tom'), s, s, () => {
    const pts = points(
      Array.from({ length: 6 }, (_, i): [number, number] => [
        h + (h - 2) * Math.cos((Math.PI / 3) * i),
        h + (h - 2) * Math.sin((Math.PI / 3) * i),
      ]),
    );
    g.fillStyle(c.tom).fillPoints(pts, true);
    g.lineStyle(4, outline).strokePoints(pts, true);
  });
  // Kick: a wide bar across its lane.
  for (const w of new Set(laneWidths.map((x) => Math.round(x)))) {
    const bw = w - 10;
    draw(key(`kick-${w}`), bw, 26, () => {
      g.fillStyle(c.kick).fillRoundedRect(2, 2, bw - 4, 22, 9);
      g.lineStyle(4, outline).strokeRoundedRect(2, 2, bw - 4, 22, 9);
    });
  }
  // Unison notes wear a ring: both players should hit them together.
  draw(unisonTexture(palette), s + 20, s + 20, () => {
    g.lineStyle(6, palette.unison, 1).strokeCircle(h + 10, h + 10, h + 6);
    g.lineStyle(2, 0xffffff, 0.8).strokeCircle(h + 10, h + 10, h + 1);
  });
  g.destroy();
}

/** Graphics' point methods read only x and y. */
function points(xy: [number, number][]): Phaser.Math.Vector2[] {
  return xy.map(([x, y]) => ({ x, y })) as Phaser.Math.Vector2[];
}
