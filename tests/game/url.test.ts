import { describe, expect, it } from 'vitest';
import { parseLaunch } from '../../src/game/url';

const exists = (id: string) => id === 'nara-nights';

describe('parseLaunch', () => {
  it('opens a song that exists, with its mode and difficulties (unknown values fall back)', () => {
    expect(parseLaunch('?song=nara-nights&mode=battle&p1=hard&p2=nope', exists)).toEqual({
      kind: 'song',
      songId: 'nara-nights',
      mode: 'battle',
      difficulties: ['hard', 'normal'],
    });
  });

  it('an unknown song falls back to the title, saying which', () => {
    expect(parseLaunch('?song=no-such-song', exists)).toEqual({
      kind: 'title',
      problem: { what: 'song', value: 'no-such-song' },
    });
  });

  it('opens only scenes that make sense on their own, by their own names', () => {
    expect(parseLaunch('?scene=Calibration&player=1&x=abc', exists)).toEqual({
      kind: 'scene',
      scene: 'Calibration',
      data: { player: 1 },
    });
    for (const bad of ['constructor', '__proto__', 'toString', 'Pause', 'Results', 'Play', 'Boot', 'settings']) {
      expect(parseLaunch(`?scene=${bad}`, exists)).toEqual({ kind: 'title', problem: { what: 'scene', value: bad } });
    }
  });

  it('nothing asked: the title, with nothing to report', () => {
    expect(parseLaunch('', exists)).toEqual({ kind: 'title', problem: null });
  });
});
