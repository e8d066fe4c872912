// The characters the game can show: every character in the text of src/**/*.ts (UI tables in
// three languages, captions, song titles) and index.html, plus printable ASCII and common
// punctuation for text built at run time. Shared by scripts/subset-fonts.mjs, which cuts the
// shipped fonts to it, and tests/content/fonts.test.ts, which checks they still cover it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const EXTRA = '…–—‘’“”·•×→←↑↓°±♪、。「」『』（）：！？・ー〜％＋－';

function files(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'vendor' ? [] : files(p, ext);
    return p.endsWith(ext) ? [p] : [];
  });
}

/** Sorted code points the fonts must have glyphs for. */
export function usedCodePoints(root) {
  const used = new Set();
  for (const f of [...files(path.join(root, 'src'), '.ts'), path.join(root, 'index.html')])
    for (const ch of readFileSync(f, 'utf8')) used.add(ch.codePointAt(0));
  for (let cp = 0x20; cp < 0x7f; cp++) used.add(cp);
  for (const ch of EXTRA) used.add(ch.codePointAt(0));
  // Control characters and line breaks have no glyphs.
  return [...used].filter((cp) => cp >= 0x20 && cp !== 0x7f).sort((a, b) => a - b);
}

/** Where the subset script records the characters it put in the fonts. */
export const CHARSET_FILE = 'assets/fonts/charset.txt';
