import { describe, expect, it } from 'vitest';
import { DEFAULT_MIDI_DRUM_MAP, laneForMidiNote } from '../../src/core/drumMap';

describe('General MIDI drum map', () => {
  it.each([
    ['kick', [35, 36]],
    ['snare', [38, 40, 37]],
    ['hihat', [42, 44, 46, 22, 26, 49, 57, 55, 52, 51, 59, 53]],
    ['tom', [48, 50, 45, 47, 43, 41, 58, 39]],
  ] as const)('maps DESIGN.md %s notes', (lane, notes) => {
    for (const n of notes) expect(laneForMidiNote(n)).toBe(lane);
  });

  it('holds exactly the 25 notes of DESIGN.md', () => {
    expect(Object.keys(DEFAULT_MIDI_DRUM_MAP)).toHaveLength(25);
    expect(Object.isFrozen(DEFAULT_MIDI_DRUM_MAP)).toBe(true);
  });

  it.each([0, 34, 54, 56, 60, 127, 36.5, Number.NaN, -1])('gives no lane to note %s', (n) => {
    expect(laneForMidiNote(n)).toBeNull();
  });

  it('follows a custom map and ignores inherited keys', () => {
    expect(laneForMidiNote(60, { 60: 'tom' })).toBe('tom');
    expect(laneForMidiNote(36, { 60: 'tom' })).toBeNull();
    const proto = Object.create({ 61: 'kick' }) as Record<number, 'kick'>;
    expect(laneForMidiNote(61, proto)).toBeNull();
  });
});
