import { type Difficulty, type Lane, lanesFor, type PlayerId } from '../core/units';

/** The game's logical size; Phaser scales it to fit the window. Everything derives from it. */
export const WIDTH = 1280;
export const HEIGHT = 720;
export const CENTER_X = WIDTH / 2;
export const CENTER_Y = HEIGHT / 2;

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
  Object.assign(HIGHWAY, on ? TOUCH : DESK);
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

/** Where each character sits, between the highways (stacked in the narrow touch-layout gap). */
export function characterSpot(player: PlayerId): { x: number; y: number; scale: number } {
  if (touchLayout) return { x: CENTER_X, y: player === 0 ? 400 : 640, scale: 0.44 };
  return { x: player === 0 ? CENTER_X - 150 : CENTER_X + 150, y: 670, scale: 0.72 };
}

/** SVG art is rasterised at this scale so it stays sharp when scaled up on high-DPI screens. */
export const ART_SCALE = 1.5;
