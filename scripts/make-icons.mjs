// Renders the app icons (web app manifest, Apple touch icon) from assets/art/icon.svg with the
// system Chromium: a screenshot of the SVG at each size. Run after changing the icon:
//   node scripts/make-icons.mjs            (CHROME_PATH overrides /usr/bin/chromium)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const svg = readFileSync(`${root}assets/art/icon.svg`, 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/**
 * `any` icons keep the SVG's rounded square on a transparent ground; `maskable` and Apple
 * icons are opaque and full-bleed, with the art inside the central safe zone (80 % circle).
 */
const ICONS = [
  { file: 'icon-192.png', size: 192, kind: 'any' },
  { file: 'icon-512.png', size: 512, kind: 'any' },
  { file: 'maskable-192.png', size: 192, kind: 'maskable' },
  { file: 'maskable-512.png', size: 512, kind: 'maskable' },
  { file: 'apple-touch-icon.png', size: 180, kind: 'apple' },
];

function page(size, kind) {
  // The drum and its ring fill 72 % of the SVG: at 104 % they stay inside the safe zone while
  // the rounded square's frame falls just outside the icon, so the ground is one colour.
  const art = kind === 'any' ? size : Math.round(size * 1.04);
  const ground = kind === 'any' ? 'transparent' : 'linear-gradient(#2a3a86, #141b4a)';
  return `<!doctype html><html><head><style>
html,body{margin:0;width:${size}px;height:${size}px;overflow:hidden;background:${ground}}
img{position:absolute;left:${(size - art) / 2}px;top:${(size - art) / 2}px;width:${art}px;height:${art}px}
</style></head><body><img src="${dataUrl}" alt=""></body></html>`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const { file, size, kind } of ICONS) {
    const context = await browser.newContext({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const p = await context.newPage();
    await p.setContent(page(size, kind));
    await p.waitForFunction(() => document.images[0]?.complete);
    await p.screenshot({ path: `${root}assets/icons/${file}`, omitBackground: kind === 'any' });
    await context.close();
    console.log(`assets/icons/${file} ${size}x${size} ${kind}`);
  }
} finally {
  await browser.close();
}
