import { FONT } from '../game/theme';

/*
 * The result card: a PNG a player downloads or sends, drawn on a canvas of its own (not the
 * game's): the song, the two leaders, each player's grade, score and accuracy, and Harmony.
 * Every text on it comes in already translated.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardPlayer {
  /** "Player 1 · Hard" */
  readonly label: string;
  /** The leader's name under the picture. */
  readonly leader: string;
  readonly grade: string;
  readonly score: number;
  /** "Accuracy 98.21%" */
  readonly accuracy: string;
  readonly color: string;
  /** The leader's picture (a texture already loaded by the game), or null. */
  readonly image: CanvasImageSource | null;
}

export interface CardContent {
  readonly game: string;
  readonly title: string;
  /** "Duet" */
  readonly mode: string;
  readonly players: readonly [CardPlayer, CardPlayer];
  /** "Harmony 92%", a winner, or null. */
  readonly centre: string | null;
  /** Background picture (the Nara sky), or null. */
  readonly background: CanvasImageSource | null;
}

/** Draws the card and returns it as a PNG. */
export async function renderResultCard(content: CardContent): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = CARD_WIDTH;
  canvas.height = CARD_HEIGHT;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  drawCard(g, content);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the card could not be encoded'))), 'image/png'),
  );
}

function drawCard(g: CanvasRenderingContext2D, c: CardContent): void {
  const W = CARD_WIDTH;
  const H = CARD_HEIGHT;
  if (c.background) g.drawImage(c.background, 0, 0, W, H);
  else {
    const sky = g.createLinearGradient(0, 0, 0, H);
    sky.addColorStop(0, '#1b1464');
    sky.addColorStop(1, '#080b2b');
    g.fillStyle = sky;
    g.fillRect(0, 0, W, H);
  }
  g.fillStyle = 'rgba(5, 3, 26, 0.55)';
  g.fillRect(0, 0, W, H);
  const text = (s: string, x: number, y: number, size: number, color: string, align: CanvasTextAlign = 'center') => {
    g.font = `bold ${size}px ${FONT}`;
    g.textAlign = align;
    g.textBaseline = 'alphabetic';
    g.lineWidth = Math.max(3, size / 8);
    g.strokeStyle = '#120c33';
    g.strokeText(s, x, y);
    g.fillStyle = color;
    g.fillText(s, x, y);
  };
  text(c.game, W / 2, 52, 30, '#cfc8ff');
  text(c.title, W / 2, 108, 50, '#ffe8a3');
  text(c.mode, W / 2, 150, 28, '#f5f3ff');
  c.players.forEach((p, i) => {
    const cx = i === 0 ? 260 : W - 260;
    g.fillStyle = 'rgba(16, 12, 48, 0.85)';
    g.strokeStyle = p.color;
    g.lineWidth = 4;
    g.beginPath();
    g.roundRect(cx - 220, 180, 440, 420, 18);
    g.fill();
    g.stroke();
    text(p.label, cx, 220, 26, p.color);
    if (p.image) {
      const { width, height } = sizeOf(p.image);
      const scale = Math.min(190 / height, 170 / width);
      const w = width * scale;
      const h = height * scale;
      const ix = i === 0 ? cx - 200 : cx + 200 - w;
      g.drawImage(p.image, ix, 590 - h, w, h);
    }
    const tx = i === 0 ? cx + 90 : cx - 90;
    text(p.grade, tx, 350, 110, '#ffe8a3');
    text(p.score.toLocaleString('en-US'), tx, 420, 40, '#ffffff');
    text(p.accuracy, tx, 462, 22, '#f5f3ff');
    text(p.leader, i === 0 ? cx - 110 : cx + 110, 588, 22, '#f5f3ff');
  });
  if (c.centre) text(c.centre, W / 2, 400, 34, '#ffd6f5');
}

function sizeOf(img: CanvasImageSource): { width: number; height: number } {
  const i = img as {
    naturalWidth?: number;
    naturalHeight?: number;
    width?: number | SVGAnimatedLength;
    height?: number | SVGAnimatedLength;
  };
  const width = i.naturalWidth || (typeof i.width === 'number' ? i.width : 1) || 1;
  const height = i.naturalHeight || (typeof i.height === 'number' ? i.height : 1) || 1;
  return { width, height };
}
