import { type Difficulty, type Lane, lanesFor, type PlayerId } from '../core/units';

/** The game's logical size; Phaser scales it to fit the window. Everything derives from it. */
export const WIDTH = 1280;
export const HEIGHT = 720;
export const CENTER_X = WIDTH / 2;
export const CENTER_Y = HEIGHT / 2;

/** Highway geometry, per player: the left highway is player 1's, the right one player 2's. */
export const HIGHWAY = {
  width: 300,
  margin: 40,
  top: 96,
  hitLineY: 596,
  bottom: 668,
} as const;

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

/** Where each character sits, between the highways. */
export function characterX(player: PlayerId): number {
  return player === 0 ? CENTER_X - 150 : CENTER_X + 150;
}
export const CHARACTER_Y = 520;

/** SVG art is rasterised at this scale so it stays sharp when scaled up on high-DPI screens. */
export const ART_SCALE = 1.5;
