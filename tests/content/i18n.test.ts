import { describe, expect, it } from 'vitest';
import { JA, KO } from '../../src/content/i18n';
import { EN, type StringKey, translate } from '../../src/content/strings';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
const keys = Object.keys(EN) as StringKey[];

describe.each([
  ['ja', JA],
  ['ko', KO],
] as const)('%s strings', (language, table) => {
  it.each(keys)('translates %s with the same placeholders', (key) => {
    const text = table[key];
    expect(text, `${language}.${key} is missing`).toBeTypeOf('string');
    expect((text as string).trim()).not.toBe('');
    expect(placeholders(text as string)).toEqual(placeholders(EN[key]));
  });

  it('has no keys that English lacks', () => {
    expect(Object.keys(table).filter((k) => !(k in EN))).toEqual([]);
  });

  it('is registered for translate()', () => {
    expect(translate(language, 'back')).toBe(table.back);
    expect(translate(language, 'winner', { name: 'X', margin: 5 })).not.toMatch(/\{(name|margin)\}/);
  });
});
