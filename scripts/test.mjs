// `npm test`: type check, lint, build, then every Vitest test (core in Node with coverage,
// the built game in headless Chromium), ending with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';

const bin = (name) => join('node_modules', '.bin', name);

function step(title, cmd, args, env = process.env) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    return false;
  }
  return true;
}

const chrome = ensureChromium();
const env = { ...process.env, CHROME_PATH: chrome };
let ok = step('type check (tsc --noEmit)', bin('tsc'), ['--noEmit']);
ok = step('lint and format (biome check)', bin('biome'), ['check', '.']) && ok;
ok = step('build (vite build)', bin('vite'), ['build', '--logLevel', 'warn']) && ok;

const out = join(mkdtempSync(join(tmpdir(), 'dd-test-')), 'vitest.json');
const testsOk = step(
  'tests (vitest: core in Node with coverage, browser in Chromium)',
  bin('vitest'),
  ['run', '--coverage', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
  env,
);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
} catch {
  failed = Math.max(failed, 1);
}
if (!testsOk && failed === 0) failed = 1;
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && testsOk && failed === 0 ? 0 : 1);
