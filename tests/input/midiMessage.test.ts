import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceStamp, MidiDecoder, type NoteMessage } from '../../src/input/midiMessage';

const on = (note: number, velocity: number, channel = 9): NoteMessage => ({ type: 'noteOn', channel, note, velocity });
const off = (note: number, velocity = 0, channel = 9): NoteMessage => ({ type: 'noteOff', channel, note, velocity });
const decode = (...chunks: number[][]) => {
  const d = new MidiDecoder();
  return chunks.flatMap((c) => d.decode(c));
};

describe('MidiDecoder', () => {
  it('reads a note-on and a note-off (0x8n), on any channel', () => {
    expect(decode([0x99, 38, 100])).toEqual([on(38, 100)]);
    expect(decode([0x89, 38, 64])).toEqual([off(38, 64)]);
    expect(decode([0x90, 36, 127])).toEqual([on(36, 127, 0)]);
  });

  it('takes a note-on with velocity 0 as a note-off (a release)', () => {
    expect(decode([0x99, 38, 0])).toEqual([off(38)]);
  });

  it('reads several messages in one event', () => {
    expect(decode([0x99, 38, 100, 0x99, 42, 80, 0x89, 38, 0])).toEqual([on(38, 100), on(42, 80), off(38)]);
  });

  it('reads running status (the status byte left out), within and across events', () => {
    expect(decode([0x99, 38, 100, 42, 90, 36, 0])).toEqual([on(38, 100), on(42, 90), off(36)]);
    expect(decode([0x99, 38, 100], [42, 90], [38, 0])).toEqual([on(38, 100), on(42, 90), off(38)]);
  });

  it('joins a message split across events', () => {
    expect(decode([0x99], [38], [100])).toEqual([on(38, 100)]);
    expect(decode([0x99, 38], [100, 40], [70])).toEqual([on(38, 100), on(40, 70)]);
  });

  it('skips SysEx, even split across events, and a SysEx cancels running status', () => {
    expect(decode([0xf0, 0x41, 0x10, 0x42, 0x12, 0xf7, 0x99, 38, 100])).toEqual([on(38, 100)]);
    expect(decode([0xf0, 0x7e, 0x7f], [0x06, 0x01], [0xf7, 0x99, 40, 90])).toEqual([on(40, 90)]);
    expect(decode([0x99, 38, 100, 0xf0, 1, 2, 0xf7, 40, 90])).toEqual([on(38, 100)]);
  });

  it('recovers from a SysEx whose end byte was lost: the next status byte ends it', () => {
    expect(decode([0xf0, 1, 2, 3, 0x99, 38, 100])).toEqual([on(38, 100)]);
  });

  it('ignores clock and active sensing, even inside a message, without losing running status', () => {
    expect(decode([0xf8, 0xf8, 0xfe, 0xfa, 0xfc, 0xff])).toEqual([]);
    expect(decode([0x99, 0xf8, 38, 0xfe, 100])).toEqual([on(38, 100)]);
    expect(decode([0x99, 38, 100, 0xf8, 42, 90])).toEqual([on(38, 100), on(42, 90)]);
    expect(decode([0xf0, 1, 0xf8, 2, 0xf7, 0x99, 38, 100])).toEqual([on(38, 100)]);
  });

  it('drops system common messages with their data, which cancel running status', () => {
    expect(decode([0x99, 38, 100, 0xf2, 1, 2, 40, 50])).toEqual([on(38, 100)]);
    expect(decode([0xf1, 0x40, 0x99, 38, 100])).toEqual([on(38, 100)]);
    expect(decode([0xf3, 5, 0xf6, 0x99, 38, 100])).toEqual([on(38, 100)]);
  });

  it('skips control changes, aftertouch, program changes and pitch bend (with their running status)', () => {
    expect(decode([0xb9, 4, 60, 4, 70, 4, 90])).toEqual([]);
    expect(decode([0xa9, 42, 20, 0xc9, 5, 0xd9, 30, 0xe9, 0, 64])).toEqual([]);
    expect(decode([0xc9, 5, 6, 0x99, 38, 100])).toEqual([on(38, 100)]);
  });

  it('ignores data bytes with no status before them', () => {
    expect(decode([38, 100, 42])).toEqual([]);
  });

  it('reset forgets running status and an unfinished message', () => {
    const d = new MidiDecoder();
    d.decode([0x99, 38]);
    d.reset();
    expect(d.decode([100, 42, 90])).toEqual([]);
  });

  it('property: realtime bytes sprinkled anywhere change nothing', () => {
    const note = fc.tuple(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 0, max: 127 }));
    fc.assert(
      fc.property(
        fc.array(note, { minLength: 1, maxLength: 20 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(0xf8, 0xfa, 0xfb, 0xfc, 0xfe, 0xff)), { maxLength: 30 }),
        (notes, sprinkle) => {
          const clean = [0x99, ...notes.flat()];
          const dirty = [...clean];
          for (const [at, b] of sprinkle) dirty.splice(at % (dirty.length + 1), 0, b);
          expect(decode(dirty)).toEqual(decode(clean));
        },
      ),
    );
  });

  it('property: any bytes, in any chunks, never throw and give only well-formed notes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), { maxLength: 20 }),
        (chunks) => {
          for (const m of decode(...chunks)) {
            expect(m.note).toBeGreaterThanOrEqual(0);
            expect(m.note).toBeLessThanOrEqual(127);
            expect(m.channel).toBeLessThanOrEqual(15);
            if (m.type === 'noteOn') expect(m.velocity).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('property: the same stream cut into any chunks decodes the same', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 80 }),
        fc.array(fc.nat(80)),
        (bytes, cuts) => {
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: number[][] = [];
          let from = 0;
          for (const c of [...at, bytes.length]) {
            chunks.push(bytes.slice(from, c));
            from = c;
          }
          expect(decode(...chunks)).toEqual(decode(bytes));
        },
      ),
    );
  });
});

describe('deviceStamp', () => {
  it.each([
    ['its own stamp', 1234.5, 1240, 1234.5],
    ['a stamp a little in the future (delivered early)', 1250, 1240, 1250],
    ['the arrival for a stamp of 0', 0, 1240, 1240],
    ['the arrival for a missing stamp', undefined, 1240, 1240],
    ['the arrival for NaN', Number.NaN, 1240, 1240],
    ['the arrival for a stamp on another clock', 1_700_000_000_000, 1240, 1240],
    ['the arrival for a negative stamp', -5, 1240, 1240],
  ])('uses %s', (_, stamp, arrival, expected) => {
    expect(deviceStamp(stamp, arrival)).toBe(expected);
  });
});
