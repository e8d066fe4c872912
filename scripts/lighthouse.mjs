// Lighthouse 12.8 (desktop preset) on the built game, served locally: prints the accessibility
// and best-practices scores (the bars are 0.95) and every audit that did not pass.
//   npm run build && node scripts/lighthouse.mjs            (serves dist/)
//   node scripts/lighthouse.mjs --dist /tmp/other-dist       (another build folder)
// Chromium is /usr/bin/chromium unless CHROME_PATH says otherwise. Not part of `npm test`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = process.argv.indexOf('--dist');
const outDir = resolve(at > 0 ? (process.argv[at + 1] ?? 'dist') : `${root}dist`);
if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/index.html is missing: build first`);
const CATEGORIES = ['accessibility', 'best-practices'];
const BAR = 0.95;

const server = await preview({
  root,
  configFile: false,
  build: { outDir },
  preview: { port: 0, host: '127.0.0.1', strictPort: false },
  logLevel: 'warn',
});
const url = server.resolvedUrls?.local[0];
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--autoplay-policy=no-user-gesture-required'],
});
let failed = false;
try {
  const result = await lighthouse(
    url,
    { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
    desktopConfig,
  );
  const lhr = result?.lhr;
  if (!lhr) throw new Error('Lighthouse returned no result');
  console.log(`Lighthouse ${lhr.lighthouseVersion}, desktop preset, ${url}`);
  for (const id of CATEGORIES) {
    const cat = lhr.categories[id];
    const score = cat?.score ?? 0;
    if (score < BAR) failed = true;
    console.log(`${cat?.title ?? id}: ${score.toFixed(2)}${score < BAR ? `  (below ${BAR})` : ''}`);
    for (const ref of cat?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      console.log(`  - ${audit.id} (weight ${ref.weight}, score ${audit.score}): ${audit.title}`);
      for (const item of audit.details?.items ?? []) {
        const what = item.node?.snippet ?? item.description ?? item.source?.url ?? item.url ?? JSON.stringify(item);
        console.log(`      ${String(what).slice(0, 200)}`);
      }
    }
  }
  for (const w of lhr.runWarnings) console.log(`warning: ${w}`);
} finally {
  chrome.kill();
  await server.close();
}
process.exitCode = failed ? 1 : 0;
