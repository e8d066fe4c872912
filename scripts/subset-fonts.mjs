#!/usr/bin/env node
/**
 * Cuts Noto Sans JP and Noto Sans KR (regular and bold) down to the characters the game
 * shows, into assets/fonts/*.woff2. Run by hand after changing text, and commit the output:
 *
 *   node scripts/subset-fonts.mjs
 *
 * The characters are every character in the text of src/**\/*.ts (UI tables in three
 * languages, captions, song titles, scene literals) and index.html, plus printable ASCII and
 * common punctuation for text built at run time (numbers, key names).
 * Noto Sans JP gets everything but Hangul (FONT lists it first, so it draws Latin and kana
 * for every language); Noto Sans KR gets the Hangul plus ASCII.
 *
 * Sources: the full TTFs of @expo-google-fonts/noto-sans-jp and -kr (devDependencies).
 * (@fontsource splits CJK fonts into ~120 unicode-range slices, which cannot be merged back
 * into one small file; these packages ship each weight whole.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { CHARSET_FILE, usedCodePoints } from './font-charset.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outDir = path.join(root, 'assets/fonts');

/** Must match the families in src/game/fonts.ts and FONT in src/game/theme.ts. */
const FONTS = [
  { pkg: '@expo-google-fonts/noto-sans-jp', file: 'NotoSansJP', family: 'noto-sans-jp', hangul: false },
  { pkg: '@expo-google-fonts/noto-sans-kr', file: 'NotoSansKR', family: 'noto-sans-kr', hangul: true },
];
const WEIGHTS = [
  { weight: 400, dir: '400Regular' },
  { weight: 700, dir: '700Bold' },
];

const isHangul = (cp) =>
  (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f);

const chars = usedCodePoints(root);
const ascii = chars.filter((cp) => cp < 0x7f);

let total = 0;
for (const font of FONTS) {
  const cps = font.hangul ? [...ascii, ...chars.filter(isHangul)] : chars.filter((cp) => !isHangul(cp));
  const text = String.fromCodePoint(...cps);
  for (const { weight, dir } of WEIGHTS) {
    const src = require.resolve(`${font.pkg}/${dir}/${font.file}_${dir}.ttf`);
    const out = await subsetFont(readFileSync(src), text, { targetFormat: 'woff2' });
    const name = `${font.family}-${weight}.woff2`;
    writeFileSync(path.join(outDir, name), out);
    total += out.length;
    console.log(`${name}: ${cps.length} characters, ${(out.length / 1024).toFixed(1)} KB`);
  }
}
writeFileSync(path.join(root, CHARSET_FILE), `${String.fromCodePoint(...chars)}\n`);
console.log(`total ${(total / 1024).toFixed(1)} KB`);
