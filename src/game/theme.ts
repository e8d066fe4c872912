import type { Judgement } from '../core/judgement';
import type { Lane } from '../core/units';

/** Colours as numbers for Phaser; the high-contrast palette is colour-blind safe (Okabe-Ito). */
export interface Palette {
  /** Names the palette's baked note textures. */
  readonly id: string;
  readonly lane: Readonly<Record<Lane, number>>;
  readonly judgement: Readonly<Record<Judgement, number>>;
  readonly unison: number;
  readonly highway: number;
  readonly highwayAlpha: number;
  readonly text: string;
  readonly dim: string;
  readonly accent: number;
  readonly players: readonly [number, number];
}

export const PALETTE: Palette = {
  id: 'std',
  lane: { hihat: 0xffd166, snare: 0xf1f5ff, tom: 0x4cc9f0, kick: 0xef476f },
  judgement: { perfect: 0x7df9ff, great: 0x9ef01a, good: 0xffd166, miss: 0xff5d73 },
  unison: 0xff9ff3,
  highway: 0x0b1030,
  highwayAlpha: 0.86,
  text: '#f5f3ff',
  dim: '#a9a3d9',
  accent: 0xffb703,
  players: [0xe63946, 0x4895ef],
};

export const HIGH_CONTRAST: Palette = {
  id: 'hc',
  lane: { hihat: 0xf0e442, snare: 0xffffff, tom: 0x56b4e9, kick: 0xd55e00 },
  judgement: { perfect: 0x56b4e9, great: 0x009e73, good: 0xf0e442, miss: 0xd55e00 },
  unison: 0xcc79a7,
  highway: 0x000000,
  highwayAlpha: 0.95,
  text: '#ffffff',
  dim: '#dddddd',
  accent: 0xf0e442,
  players: [0xd55e00, 0x0072b2],
};

export const FONT = '"Noto Sans JP", "Noto Sans KR", system-ui, "Segoe UI", Roboto, sans-serif';

export function hex(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}
