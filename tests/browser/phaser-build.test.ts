import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transformWithOxc } from 'vite';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config';
import { useBrowser, withPage } from './harness';
import type { PhaserUsage } from './phaser-probe';

/**
 * The slim Phaser build (src/vendor/phaser.js) has only the factories, loader file types and
 * plugins it requires; anything else type-checks against Phaser's types and is `undefined` at
 * run time. This test scans src/ for what the game uses and checks, in Chromium, that the build
 * has each: a missing one fails here instead of crashing players.
 */

useBrowser();

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/** The scene properties Phaser injects (`scene.add`, `scene.tweens`...), from Phaser's own map. */
function injectedSceneProperties(): Set<string> {
  const dir = dirname(require.resolve('phaser/package.json'));
  const map = require(join(dir, 'src/scene/InjectionMap.js')) as Record<string, string>;
  return new Set(Object.values(map));
}

const NAME = '([A-Za-z_$][\\w$]*)';

/**
 * Reads every TypeScript file under src/ with its types stripped (so type-only uses of `Phaser.*`
 * do not count) and collects:
 * - `<x>.add.<name>(`, `<x>.make.<name>(` and `<x>.load.<name>(` calls, whatever the receiver;
 * - scene properties read as `scene.<name>` or `this.scene.<name>` anywhere, and `this.<name>` in
 *   scene classes (a class that extends something ending in `Scene`), kept when Phaser injects
 *   `<name>` into scenes;
 * - paths read off the default import of 'phaser' (`Phaser.Scale.FIT`, `new Phaser.Game`).
 */
async function scanSource(): Promise<PhaserUsage> {
  const injected = injectedSceneProperties();
  const found = {
    factories: new Set<string>(),
    creators: new Set<string>(),
    loaders: new Set<string>(),
    systems: new Set<string>(),
    values: new Set<string>(),
  };
  const collect = (code: string, pattern: string, into: Set<string>, keep: (name: string) => boolean = () => true) => {
    for (const m of code.matchAll(new RegExp(pattern, 'g'))) {
      const name = (m[1] as string).replace(/\s+/g, '');
      if (keep(name)) into.add(name);
    }
  };
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.d.ts'),
  );
  for (const file of files) {
    const path = join(root, 'src', file);
    const { code } = await transformWithOxc(readFileSync(path, 'utf8'), path, { lang: 'ts' });
    collect(code, `\\.add\\s*\\.\\s*${NAME}\\s*\\(`, found.factories);
    collect(code, `\\.make\\s*\\.\\s*${NAME}\\s*\\(`, found.creators);
    collect(code, `\\.load\\s*\\.\\s*${NAME}\\s*\\(`, found.loaders);
    const isInjected = (name: string) => injected.has(name);
    collect(code, `(?<![\\w$.])(?:this\\s*\\.\\s*)?scene\\s*\\.\\s*${NAME}`, found.systems, isInjected);
    if (/\bclass\s+[\w$]+\s+extends\s+[\w$.]*Scene\b/.test(code)) {
      collect(code, `(?<![\\w$.])this\\s*\\.\\s*${NAME}`, found.systems, isInjected);
    }
    const phaser = /^import\s+([\w$]+)\s+from\s+['"]phaser['"]/m.exec(code)?.[1];
    if (phaser)
      collect(code, `(?<![\\w$.])${phaser.replace('$', '\\$')}((?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)+)`, found.values);
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    factories: sorted(found.factories),
    creators: sorted(found.creators),
    loaders: sorted(found.loaders),
    systems: sorted(found.systems),
    values: sorted(found.values).map((v) => v.replace(/^\./, '')),
  };
}

/** tests/browser/phaser-probe.ts as one classic script, built like the game (alias, defines). */
async function buildProbe(): Promise<string> {
  const out = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: viteConfig.resolve?.alias },
    define: viteConfig.define,
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: join(root, 'tests/browser/phaser-probe.ts'), formats: ['iife'], name: 'phaserProbe' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []));
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('the probe build produced no script');
  return chunk.code;
}

async function missingIn(script: string, usage: PhaserUsage): Promise<string[]> {
  return withPage(async (page) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent('<!doctype html><title>Phaser probe</title><body></body>');
    await page.addScriptTag({ content: script });
    const missing = await page.evaluate(
      ([u, ms]) =>
        Promise.race([
          (window as unknown as { phaserProbe: typeof import('./phaser-probe') }).phaserProbe.missingFrom(u),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`the probe game never created its scene (${ms / 1000} s)`)), ms),
          ),
        ]),
      [usage, 15_000] as const,
    );
    expect(errors).toEqual([]);
    return missing;
  });
}

describe('the slim Phaser build (src/vendor/phaser.js)', () => {
  it('provides every factory, loader, scene plugin and Phaser.* value that src/ uses', async () => {
    const usage = await scanSource();
    // The scan itself works: it finds what any version of this game uses.
    expect(usage.factories).toContain('text');
    expect(usage.systems).toContain('add');
    expect(usage.values).toContain('Game');
    const script = await buildProbe();
    expect(await missingIn(script, usage), `used in src/ but missing from src/vendor/phaser.js`).toEqual([]);
    // ...and it can fail: things the slim build leaves out are reported.
    const absent: PhaserUsage = {
      factories: ['sprite'],
      creators: ['text'],
      loaders: ['audio'],
      systems: ['physics'],
      values: ['Physics.Arcade'],
    };
    expect(await missingIn(script, absent)).toEqual([
      'add.sprite',
      'make.text',
      'load.audio',
      'scene.physics',
      'Phaser.Physics.Arcade',
    ]);
  }, 90_000);
});
