import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module shared with the subset script
import { CHARSET_FILE, usedCodePoints } from '../../scripts/font-charset.mjs';

const root = path.resolve(import.meta.dirname, '../..');

describe('shipped fonts', () => {
  it('cover every character the game shows (run `node scripts/subset-fonts.mjs` after changing text)', () => {
    const shipped = new Set(
      [...readFileSync(path.join(root, CHARSET_FILE), 'utf8').replace(/\n$/, '')].map((c) => c.codePointAt(0)),
    );
    const missing = (usedCodePoints(root) as number[]).filter((cp) => !shipped.has(cp));
    expect(missing.map((cp) => String.fromCodePoint(cp)).join('')).toBe('');
  });
});
