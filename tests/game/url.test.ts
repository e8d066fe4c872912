import { describe, expect, it } from 'vitest';
import { parseLaunch, shareLink } from '../../src/game/url';

const exists = (id: string) => id === 'nara-nights';

describe('parseLaunch', () => {
  it('opens a song that exists, with its mode and difficulties (unknown values fall back)', () => {
    expect(parseLaunch('?song=nara-nights&mode=battle&p1=hard&p2=nope', exists)).toEqual({
      kind: 'song',
      songId: 'nara-nights',
      mode: 'battle',
      difficulties: ['hard', 'normal'],
      practice: null,
    });
  });

  it('opens a practice setup: bars, speed in percent (clamped to 50–100 in 5 % steps), speed-up, demo', () => {
    const at = (q: string) => {
      const l = parseLaunch(`?song=nara-nights&mode=duet&p1=expert&p2=easy${q}`, exists);
      return l.kind === 'song' ? l.practice : 'not a song';
    };
    expect(at('&practice=12-9&speed=50&ramp=1&demo=2')).toEqual({
      fromBar: 9,
      toBar: 12,
      speed: 0.5,
      speedUp: true,
      demo: 1,
    });
    expect(at('&practice=7')).toEqual({ fromBar: 7, toBar: 7, speed: 1, speedUp: false, demo: null });
    expect(at('&practice=7&speed=20&demo=1')).toMatchObject({ speed: 0.5, demo: 0 });
    expect(at('&practice=7&speed=abc&demo=3')).toMatchObject({ speed: 1, demo: null });
    expect(at('&practice=x-y')).toBeNull();
    expect(at('')).toBeNull();
  });

  it('a share link reproduces the setup it was made from', () => {
    const practice = { fromBar: 5, toBar: 8, speed: 0.65, speedUp: true, demo: 0 as const };
    const link = shareLink('https://example.test/games/drum/?scene=Settings#x', {
      songId: 'nara-nights',
      mode: 'battle',
      difficulties: ['hard', 'easy'],
      practice,
    });
    expect(link).toBe(
      'https://example.test/games/drum/?song=nara-nights&mode=battle&p1=hard&p2=easy&practice=5-8&speed=65&ramp=1&demo=1',
    );
    expect(parseLaunch(new URL(link).search, exists)).toEqual({
      kind: 'song',
      songId: 'nara-nights',
      mode: 'battle',
      difficulties: ['hard', 'easy'],
      practice,
    });
    const plain = shareLink('http://localhost:4173/', {
      songId: 'nara-nights',
      mode: 'duet',
      difficulties: ['normal', 'expert'],
    });
    expect(plain).toBe('http://localhost:4173/?song=nara-nights&mode=duet&p1=normal&p2=expert');
    const one = shareLink('http://localhost:4173/', {
      songId: 'nara-nights',
      mode: 'solo',
      difficulties: ['normal', 'expert'],
      practice: { ...practice, toBar: 5, speedUp: false, demo: null },
    });
    expect(one).toBe('http://localhost:4173/?song=nara-nights&mode=solo&p1=normal&p2=expert&practice=5&speed=65');
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
