import { type Difficulty, type Lane, lanesFor, type PlayerId } from '../core/units';

/**
 * The game's logical size ("design space"). It follows the shape of the screen (see
 * `designSizeFor`), so it changes: these are live bindings, read them when laying out (in a
 * scene's `create`), never copy them into module-level constants.
 */
export let WIDTH = 1280;
export let HEIGHT = 720;
export let CENTER_X = WIDTH / 2;
export let CENTER_Y = HEIGHT / 2;
/** True when the design space is taller than wide (a phone held upright): menus stack. */
export let PORTRAIT = false;

/** Landscape design spaces are 720 tall, from 4:3 (960 wide) to 21:9 (1680 wide). */
export const DESIGN_HEIGHT = 720;
export const MIN_WIDTH = 960;
export const MAX_WIDTH = 1680;
/** Portrait design spaces are 640 wide, up to 1440 tall (beyond, the page letterboxes). */
export const PORTRAIT_WIDTH = 640;
export const MAX_PORTRAIT_HEIGHT = 1440;

/**
 * The design space for a page of `cssWidth` × `cssHeight` CSS px: the same shape as the page
 * (so the canvas fills it) within the limits above. Landscape keeps a height of 720 and widens;
 * squarer than 4:3 it keeps 960 wide and grows taller; portrait keeps 640 wide.
 */
export function designSizeFor(cssWidth: number, cssHeight: number): { width: number; height: number } {
  const w = Math.max(1, cssWidth);
  const h = Math.max(1, cssHeight);
  const aspect = w / h;
  if (aspect < 1) {
    return { width: PORTRAIT_WIDTH, height: Math.round(Math.min(MAX_PORTRAIT_HEIGHT, PORTRAIT_WIDTH / aspect)) };
  }
  const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, DESIGN_HEIGHT * aspect)));
  const height = aspect < MIN_WIDTH / DESIGN_HEIGHT ? Math.round(width / aspect) : DESIGN_HEIGHT;
  return { width, height };
}

/** Sets the design space (the scenes laid out next read it). */
export function setDesignSize(width: number, height: number): void {
  WIDTH = width;
  HEIGHT = height;
  CENTER_X = width / 2;
  CENTER_Y = height / 2;
  PORTRAIT = height > width;
  fitHighways();
}

/** The centre column between the highways is at least this wide (captions, leaders, count-in room). */
export const MIN_CENTRE = 400;

/** Highways as wide as their layout wants, narrower when the screen cannot hold them and the centre. */
function fitHighways(): void {
  const base = touchLayout ? TOUCH : DESK;
  const width = Math.floor(Math.min(base.width, (WIDTH - 2 * base.margin - MIN_CENTRE) / 2));
  Object.assign(HIGHWAY, { ...base, width: Math.max(160, width) });
}

/** Smallest legible text in CSS px: 12 on phones and tablets, 14 on desktops (WCAG-ish reading sizes). */
export function minCssFontPx(touch: boolean): number {
  return touch ? 12 : 14;
}

/**
 * The smallest font size, in design px, that renders at least `minCssFontPx` CSS px when one
 * design px is `cssPerDesignPx` CSS px on the page.
 */
export function minDesignFontPx(cssPerDesignPx: number, touch: boolean): number {
  return Math.ceil(minCssFontPx(touch) / Math.max(0.05, cssPerDesignPx) - 1e-9);
}

/**
 * Highway geometry, per player: the left highway is player 1's, the right one player 2's.
 * On a touchscreen the highways widen so that every lane is a thumb-sized pad column.
 */
export const HIGHWAY = {
  width: 300,
  margin: 40,
  top: 96,
  hitLineY: 596,
  bottom: 668,
};

const DESK = { width: 300, margin: 40 };
const TOUCH = { width: 520, margin: 20 };

/** True when the touch layout is in use. */
export let touchLayout = false;

/** Switches between the keyboard layout and the touch layout (wide lanes, big pads). */
export function useTouchLayout(on: boolean): void {
  touchLayout = on;
  fitHighways();
}

export function highwayLeft(player: PlayerId): number {
  return player === 0 ? HIGHWAY.margin : WIDTH - HIGHWAY.margin - HIGHWAY.width;
}

export function highwayCenter(player: PlayerId): number {
  return highwayLeft(player) + HIGHWAY.width / 2;
}

/** Centre x of a lane on a player's highway; Easy's two lanes are twice as wide. */
export function laneX(player: PlayerId, difficulty: Difficulty, lane: Lane): number {
  const lanes = lanesFor(difficulty);
  const w = HIGHWAY.width / lanes.length;
  const i = Math.max(0, lanes.indexOf(lane));
  return highwayLeft(player) + w * (i + 0.5);
}

export function laneWidth(difficulty: Difficulty): number {
  return HIGHWAY.width / lanesFor(difficulty).length;
}

/** The lane whose column holds a point of the game, or null outside both highways. */
export function laneAt(
  x: number,
  y: number,
  difficulties: readonly [Difficulty, Difficulty],
): { player: PlayerId; lane: Lane } | null {
  if (y < HIGHWAY.top) return null;
  for (const player of [0, 1] as const) {
    const left = highwayLeft(player);
    if (x < left || x >= left + HIGHWAY.width) continue;
    const lanes = lanesFor(difficulties[player]);
    const lane = lanes[Math.floor(((x - left) / HIGHWAY.width) * lanes.length)];
    return lane ? { player, lane } : null;
  }
  return null;
}

/** The room between the two highways. */
export function centreColumn(): { left: number; right: number; width: number } {
  const left = highwayLeft(0) + HIGHWAY.width + 12;
  const right = highwayLeft(1) - 12;
  return { left, right, width: right - left };
}

/** Where each character sits: side by side at the bottom of the centre column. */
export function characterSpot(player: PlayerId): { x: number; y: number; scale: number } {
  const { width } = centreColumn();
  const scale = touchLayout ? 0.44 : Math.min(0.72, width / 720);
  const dx = Math.min(150, width / 4);
  return { x: CENTER_X + (player === 0 ? -dx : dx), y: touchLayout ? HEIGHT - 34 : HEIGHT - 50, scale };
}

/** Art height (design px at scale 1) of a drummer, for the slots above them. */
const DRUMMER_HEIGHT = 400;

/**
 * Play's caption slot: the centre column below the Harmony meter and above the leaders. Nothing
 * else is drawn there (the count-in shows on the highways, judgements on them too).
 */
export function captionSlot(): { x: number; top: number; bottom: number; width: number } {
  const { width } = centreColumn();
  const spot = characterSpot(0);
  const top = touchLayout ? 180 : 176;
  const bottom = spot.y - DRUMMER_HEIGHT * spot.scale - 10;
  return { x: CENTER_X, top, bottom, width };
}

/** SVG art is rasterised at this scale so it stays sharp when scaled up on high-DPI screens. */
export const ART_SCALE = 1.5;
