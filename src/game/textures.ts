import type Phaser from 'phaser';
import type { Lane } from '../core/units';

/** Note heads are drawn once into white textures and tinted per palette at run time. */
export const NOTE_SIZE = 46;

export function noteTexture(lane: Lane, laneWidth: number): string {
  return lane === 'kick' ? `note-kick-${Math.round(laneWidth)}` : `note-${lane}`;
}

/** Draws every note texture (each lane its own shape, so lanes read without colour). */
export function makeNoteTextures(scene: Phaser.Scene, laneWidths: readonly number[]): void {
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
  draw('note-hihat', s, s, () => {
    g.fillStyle(0xffffff).lineStyle(4, outline);
    const pts = points([
      [h, 2],
      [s - 2, h],
      [h, s - 2],
      [2, h],
    ]);
    g.fillPoints(pts, true).strokePoints(pts, true);
  });
  // Snare: a round drum head with a rim.
  draw('note-snare', s, s, () => {
    g.fillStyle(0xffffff).fillCircle(h, h, h - 2);
    g.lineStyle(4, outline).strokeCircle(h, h, h - 2);
    g.lineStyle(3, outline, 0.5).strokeCircle(h, h, h - 10);
  });
  // Tom: a hexagon.
  draw('note-tom', s, s, () => {
    const pts = points(
      Array.from({ length: 6 }, (_, i): [number, number] => [
        h + (h - 2) * Math.cos((Math.PI / 3) * i),
        h + (h - 2) * Math.sin((Math.PI / 3) * i),
      ]),
    );
    g.fillStyle(0xffffff).fillPoints(pts, true);
    g.lineStyle(4, outline).strokePoints(pts, true);
  });
  // Kick: a wide bar across its lane.
  for (const w of new Set(laneWidths.map((x) => Math.round(x)))) {
    const bw = w - 10;
    draw(`note-kick-${w}`, bw, 26, () => {
      g.fillStyle(0xffffff).fillRoundedRect(2, 2, bw - 4, 22, 9);
      g.lineStyle(4, outline).strokeRoundedRect(2, 2, bw - 4, 22, 9);
    });
  }
  // Unison notes wear a ring: both players should hit them together.
  draw('note-unison', s + 20, s + 20, () => {
    g.lineStyle(5, 0xffffff, 1).strokeCircle(h + 10, h + 10, h + 6);
    g.lineStyle(2, 0xffffff, 0.6).strokeCircle(h + 10, h + 10, h + 1);
  });
  draw('spark', 24, 24, () => {
    g.fillStyle(0xffffff).fillCircle(12, 12, 12);
  });
  g.destroy();
}

/** Graphics' point methods read only x and y. */
function points(xy: [number, number][]): Phaser.Math.Vector2[] {
  return xy.map(([x, y]) => ({ x, y })) as Phaser.Math.Vector2[];
}
