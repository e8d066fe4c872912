import { describe, expect, it } from 'vitest';
import { PadReader } from '../../src/input/gamepad';

const buttons = (...down: number[]) =>
  Array.from({ length: 17 }, (_, i) => ({ pressed: down.includes(i), value: down.includes(i) ? 1 : 0 }));

describe('PadReader', () => {
  it('reports the buttons that went down and up between readings', () => {
    const r = new PadReader();
    expect(r.read(buttons())).toEqual({ downs: [], ups: [] });
    expect(r.read(buttons(1, 4))).toEqual({ downs: [1, 4], ups: [] });
    expect(r.read(buttons(1, 4))).toEqual({ downs: [], ups: [] });
    expect(r.read(buttons(4, 3))).toEqual({ downs: [3], ups: [1] });
    expect(r.read(buttons())).toEqual({ downs: [], ups: [3, 4] });
  });

  it('reports buttons already held at the first reading as down (the press that woke the pad)', () => {
    expect(new PadReader().read(buttons(0))).toEqual({ downs: [0], ups: [] });
  });

  it('takes an analogue trigger pulled past half way as pressed', () => {
    const r = new PadReader();
    const b = buttons();
    b[6] = { pressed: false, value: 0.6 };
    expect(r.read(b)).toEqual({ downs: [6], ups: [] });
  });

  it('lets go of buttons a reading no longer has', () => {
    const r = new PadReader();
    r.read(buttons(16));
    expect(r.read(buttons().slice(0, 10))).toEqual({ downs: [], ups: [16] });
  });
});
