import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ABOUT,
  APEC,
  breakCaption,
  CAPTIONS,
  type Caption,
  CLUMSY,
  closingCaption,
  DREAM,
  FAST_LEARNER,
  HARMONIZED,
  HAVING_FUN,
  introCaption,
  type Outcome,
  outcomeOf,
  TICKER,
} from '../../src/content/captions';
import type { Results } from '../../src/core/match';
import { LANGUAGES } from '../../src/game/settings';
import { balancedWrap, wrapText } from '../../src/objects/captionBox';

// CI clones the repo into a folder with shared/ beside it, as on a developer's machine.
const ARTICLE = readFileSync(path.resolve(import.meta.dirname, '../../../shared/article.txt'), 'utf8');

describe('captions', () => {
  it.each(CAPTIONS.map((c) => [c.id, c] as const))('%s: English is verbatim from the article', (_, c) => {
    expect(c.translated.en).toBe(false);
    // A cut is marked with an ellipsis; every piece around it must be in the article as written.
    const pieces = c.text.en
      .split('…')
      .map((p) => p.trim())
      .filter(Boolean);
    expect(pieces.length).toBeGreaterThan(0);
    for (const piece of pieces) expect(ARTICLE).toContain(piece);
    expect(c.by.en.trim()).not.toBe('');
  });

  it.each(CAPTIONS.map((c) => [c.id, c] as const))('%s: Japanese and Korean are marked as translations', (_, c) => {
    for (const l of ['ja', 'ko'] as const) {
      expect(c.translated[l]).toBe(true);
      expect(c.text[l].trim()).not.toBe('');
      expect(c.by[l].trim()).not.toBe('');
      expect(c.text[l]).not.toBe(c.text.en);
    }
  });

  it('has unique ids and includes the quotes the game is built around', () => {
    expect(new Set(CAPTIONS.map((c) => c.id)).size).toBe(CAPTIONS.length);
    for (const c of [DREAM, HARMONIZED, CLUMSY, APEC, FAST_LEARNER]) expect(CAPTIONS).toContain(c);
    expect(FAST_LEARNER.by.en).toMatch(/as reported by CBS News/);
  });

  it('ticker: the two X users, the Korean one credited via BBC News', () => {
    expect(TICKER.length).toBeGreaterThanOrEqual(2);
    const by = TICKER.map((c) => c.by.en);
    expect(by.some((b) => /Korea/.test(b) && /BBC News/.test(b))).toBe(true);
    expect(by.some((b) => /Japan/.test(b))).toBe(true);
    for (const c of TICKER) expect(CAPTIONS).toContain(c);
  });

  it('about text exists in every language and credits the sources', () => {
    for (const l of LANGUAGES) {
      expect(ABOUT[l].paragraphs.length).toBeGreaterThanOrEqual(2);
      expect(ABOUT[l].credit).toMatch(/CBS News/);
      expect(ABOUT[l].credit).toMatch(/BBC News/);
      expect(ABOUT[l].art.trim()).not.toBe('');
    }
    expect(ABOUT.en.paragraphs.join(' ')).toMatch(/Nara/);
  });
});

describe('selection', () => {
  it.each([
    ['first-lesson', 0],
    ['nara-nights', 3],
    ['shuttle-diplomacy', -7],
    ['heavy-metal-summit', 1.5],
    ['unknown-song', Number.NaN],
  ])('introCaption(%s, %d) is a known caption', (song, seed) => {
    expect(CAPTIONS).toContain(introCaption(song, seed));
  });

  it('introCaption varies with the seed and is stable for a seed', () => {
    expect(introCaption('nara-nights', 0)).toBe(introCaption('nara-nights', 0));
    expect(introCaption('nara-nights', 0)).not.toBe(introCaption('nara-nights', 1));
  });

  it('breakCaption never repeats a caption twice in a row', () => {
    for (const song of ['first-lesson', 'nara-nights', 'x']) {
      let prev: Caption | null = null;
      for (let i = 0; i < 20; i++) {
        const c = breakCaption(song, i);
        expect(CAPTIONS).toContain(c);
        expect(c).not.toBe(prev);
        prev = c;
      }
    }
  });

  const base: Outcome = {
    mode: 'duet',
    harmony: 0.5,
    accuracies: [0.9, 0.9],
    misses: [2, 3],
    improvedOnBest: [false, false],
  };
  const cases: [string, Partial<Outcome>, Caption][] = [
    ['lesson', { mode: 'lesson', harmony: null, misses: [40, 0] }, FAST_LEARNER],
    ['duet, high Harmony', { harmony: 0.8 }, HARMONIZED],
    ['duet, high Harmony beats many misses', { harmony: 0.95, misses: [30, 30] }, HARMONIZED],
    ['novice improved on best', { improvedOnBest: [false, true] }, FAST_LEARNER],
    ['only player 1 improved', { improvedOnBest: [true, false] }, APEC],
    ['many misses', { misses: [15, 0] }, CLUMSY],
    ['low accuracy', { accuracies: [0.95, 0.5] }, CLUMSY],
    ['battle', { mode: 'battle', harmony: null }, HAVING_FUN],
    ['battle with many misses', { mode: 'battle', harmony: null, misses: [20, 1] }, CLUMSY],
    ['duet default', {}, APEC],
    ['duet without unison notes', { harmony: null }, APEC],
    ['solo default', { mode: 'solo', harmony: null }, DREAM],
    ['solo, high harmony ignored', { mode: 'solo', harmony: 1 }, DREAM],
  ];
  it.each(cases)('closingCaption: %s', (_, change, expected) => {
    expect(closingCaption({ ...base, ...change }).id).toBe(expected.id);
  });

  it('outcomeOf reads Results', () => {
    const player = (accuracy: number, miss: number) =>
      ({ accuracy, counts: { perfect: 0, great: 0, good: 0, miss } }) as Results['players'][number];
    const r = {
      songId: 's',
      mode: 'duet',
      players: [player(0.9, 1), player(0.7, 4)],
      harmony: 0.85,
      syncMs: 10,
      battle: null,
    } as Results;
    expect(outcomeOf(r, [false, true])).toEqual({
      mode: 'duet',
      harmony: 0.85,
      accuracies: [0.9, 0.7],
      misses: [1, 4],
      improvedOnBest: [false, true],
    });
    expect(outcomeOf(r).improvedOnBest).toEqual([false, false]);
  });
});

describe('wrapText', () => {
  // One unit per character: widths are character counts.
  const measure = (s: string) => [...s].length;

  it.each([
    ['English breaks at spaces', 'one two three four', 9, ['one two', 'three', 'four']],
    ['Korean breaks at spaces', '드럼 연주는 나의 오랜 꿈', 7, ['드럼 연주는', '나의 오랜 꿈']],
    ['Japanese breaks between characters', 'ドラムを叩く夢', 4, ['ドラムを', '叩く夢']],
    ['no line starts with a closing mark', 'あいう。えお', 3, ['あい', 'う。え', 'お']],
    ['no line ends with an opening mark', 'あいう「え」', 4, ['あいう', '「え」']],
    ['Latin words stay whole inside Japanese', 'あBTSの', 3, ['あ', 'BTS', 'の']],
    ['explicit line breaks are kept', 'a b\nc', 10, ['a b', 'c']],
    ['an unbreakable word longer than the width stays whole', 'extraordinary', 5, ['extraordinary']],
  ])('%s', (_, text, width, lines) => {
    expect(wrapText(text, width, measure)).toEqual(lines);
  });

  it('balancedWrap keeps the line count but evens the lines out', () => {
    const text = 'aaaa bbbb cccc d';
    expect(wrapText(text, 14, measure)).toEqual(['aaaa bbbb cccc', 'd']);
    expect(balancedWrap(text, 14, measure)).toEqual(['aaaa bbbb', 'cccc d']);
    expect(balancedWrap('short', 14, measure)).toEqual(['short']);
  });
});
