import { describe, expect, it } from 'vitest';
import { designSizeFor, minDesignFontPx } from '../../src/game/layout';

describe('designSizeFor: the design space takes the page shape', () => {
  it.each([
    // css size, design size
    [1280, 720, 1280, 720],
    [844, 390, 1558, 720],
    [1024, 768, 960, 720],
    [2560, 1080, 1680, 720],
    [390, 844, 640, 1385],
    [800, 800, 960, 960],
    [360, 800, 640, 1422],
    [320, 1000, 640, 1440],
  ])('%i×%i CSS px -> %i×%i', (w, h, dw, dh) => {
    expect(designSizeFor(w, h)).toEqual({ width: dw, height: dh });
  });

  it('fills the page exactly between 4:3 and 21:9 (no letterbox)', () => {
    for (let aspect = 4 / 3; aspect <= 21 / 9; aspect += 0.01) {
      const { width, height } = designSizeFor(1000 * aspect, 1000);
      expect(Math.abs(width / height - aspect)).toBeLessThan(0.002);
    }
  });
});

describe('minDesignFontPx', () => {
  it.each([
    [1, false, 14],
    [390 / 720, true, 23],
    [844 / 1558, true, 23],
    [390 / 640, true, 20],
    [1.5, false, 10],
  ])('at %f CSS px per design px (touch %s): %i', (scale, touch, px) => {
    expect(minDesignFontPx(scale, touch)).toBe(px);
  });
});
