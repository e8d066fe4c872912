import { describe, expect, it } from 'vitest';
import { defaultBindings, keyLabel, keyMap, keyProblem } from '../../src/input/bindings';
import { CHORDS, ChordTest, chordCodes, rebind } from '../../src/input/keyTest';

describe('rebind', () => {
  it('binds a free key to a drum', () => {
    const { bindings, swapped } = rebind(defaultBindings(), 0, 'snare', 'KeyQ');
    expect(bindings.keyboard[0].snare).toBe('KeyQ');
    expect(swapped).toBeNull();
  });

  it('swaps with the drum that had the key, so no key plays two drums', () => {
    const { bindings, swapped } = rebind(defaultBindings(), 0, 'snare', 'KeyJ');
    expect(bindings.keyboard[0].snare).toBe('KeyJ');
    expect(bindings.keyboard[1].hihat).toBe('KeyS');
    expect(swapped).toEqual({ player: 1, lane: 'hihat' });
    expect(keyMap(bindings).size).toBe(8);
  });

  it('leaves the bindings it was given alone', () => {
    const before = defaultBindings();
    rebind(before, 1, 'kick', 'KeyA');
    expect(before).toEqual(defaultBindings());
  });
});

describe('keys a drum may take', () => {
  it.each([
    ['KeyA', null],
    ['Numpad5', null],
    ['Semicolon', null],
    ['Escape', 'reserved'],
    ['Backspace', 'reserved'],
    ['<b>x</b>', 'unknown'],
    ['x'.repeat(10_000), 'unknown'],
    ['MediaPlayPause', 'unknown'],
  ])('%s → %s', (code, problem) => {
    expect(keyProblem(code)).toBe(problem);
  });

  it('labels keys as printed on them', () => {
    expect([keyLabel('KeyA'), keyLabel('Digit5'), keyLabel('Semicolon'), keyLabel('Numpad4')]).toEqual([
      'A',
      '5',
      ';',
      'Num 4',
    ]);
  });
});

describe('ChordTest', () => {
  const codes = CHORDS.map((c) => chordCodes(c, defaultBindings()));

  it('passes each chord once all its keys are down together, then ends', () => {
    const t = new ChordTest(defaultBindings);
    t.start(new Set());
    for (const [i, chord] of codes.entries()) {
      expect(t.index).toBe(i);
      const held = new Set<string>();
      for (const code of chord.slice(0, -1)) {
        held.add(code);
        t.observe(held);
        expect(t.index).toBe(i);
      }
      held.add(chord.at(-1) as string);
      t.observe(held);
    }
    expect(t.running).toBe(false);
    expect(t.summary).toEqual({ done: CHORDS.length, dropped: 0, total: CHORDS.length });
  });

  it('a dropped chord records the keys the keyboard never reported together', () => {
    const t = new ChordTest(defaultBindings);
    t.start(new Set());
    const [a, b] = codes[0] as string[];
    t.observe(new Set([a as string]));
    t.giveUp(new Set(), keyLabel);
    expect(t.results[0]).toEqual({ state: 'dropped', missing: [keyLabel(b as string)] });
    expect(t.index).toBe(1);
    t.stop();
    expect(t.running).toBe(false);
    expect(t.results[1]).toEqual({ state: 'pending' });
    expect(t.summary).toEqual({ done: 1, dropped: 1, total: CHORDS.length });
  });

  it('knows which keys belong to the chord being tried', () => {
    const t = new ChordTest(defaultBindings);
    expect(t.uses('KeyA')).toBe(false);
    t.start(new Set());
    for (const code of codes[0] as string[]) expect(t.uses(code)).toBe(true);
    expect(t.uses('KeyZ')).toBe(false);
  });
});
